"""Record data that passes every check, for the records tests."""

from __future__ import annotations

import datetime as dt


def days_ago(n: int) -> str:
    return (dt.date.today() - dt.timedelta(days=n)).isoformat()


def penalty(subject: dict, **overrides) -> dict:
    data = {
        "subject_id": subject["id"], "category": "administrative_penalty",
        "polarity": "negative", "severity": "general", "title": "违规焚烧秸秆",
        "content": "在基本农田内焚烧秸秆", "source_department": "县生态环境局",
        "document_number": "环罚〔2026〕17号", "decision_date": days_ago(30),
        "details": {
            "counterpart_name": subject["name"], "counterpart_code": subject["number"],
            "violation_facts": "2026年在承包地内露天焚烧秸秆约3亩",
            "legal_basis": "《大气污染防治法》第一百一十九条", "penalty_kind": "罚款",
            "penalty_amount": "200", "authority": "某县生态环境局",
            "authority_uscc": "11510100MB0000000U", "data_source": "县公共信用信息平台",
        },
    }
    data.update(overrides)
    return data
