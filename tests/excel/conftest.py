"""Fixtures of the excel tests: a small register with two villages and groups."""

from __future__ import annotations

import pytest

from app.register import create_place


@pytest.fixture
def township(db, operator):
    county = create_place(db, operator, level="county", code="510623", name="中江县")
    town = create_place(db, operator, level="township", code="510623105", name="石泉镇",
                        parent_id=county["id"])
    places = {}
    for code, name in (("510623105201", "青龙村"), ("510623105202", "𪨶山村")):
        village = create_place(db, operator, level="village", code=code, name=name,
                               parent_id=town["id"])
        places[name] = village["id"]
        for i, group in enumerate(("一组", "二组", "三组"), start=1):
            g = create_place(db, operator, level="village_group", code=f"{code}-{i}", name=group,
                             parent_id=village["id"])
            places[f"{name}{group}"] = g["id"]
    return places
