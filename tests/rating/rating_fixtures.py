"""Helpers for rating tests: a small township with households whose facts we choose."""

from __future__ import annotations

import itertools

from stdnum.cn import ric

from app import register
from app.rating import campaign as campaigns

_serial = itertools.count(1)
GOOD = {"health": "good", "skill": "strong", "utility_arrears": "on_time",
        "law_abiding": "good", "family_virtue": "good", "committee_opinion": "good"}


def id_number(birth: str = "19700101", sex: str = "M") -> str:
    seq = next(_serial) * 2 + (1 if sex == "M" else 0)
    body = f"510623{birth}{seq % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


class Township:
    def __init__(self, db, operator):
        self.db, self.operator = db, operator
        county = register.create_place(db, operator, level="county", code="510623", name="中江县")
        self.township = register.create_place(db, operator, level="township", code="510623105",
                                              name="石泉镇", parent_id=county["id"])
        self.villages = {}

    def village(self, name: str, code: str) -> str:
        place = register.create_place(db=self.db, operator_id=self.operator, level="village",
                                      code=code, name=name, parent_id=self.township["id"])
        self.villages[name] = place["id"]
        return place["id"]

    def household(self, village_id: str, name: str = "李建国", **facts) -> str:
        form = {"village_id": village_id, "head_name": name, "head_id_number": id_number(),
                "members": "4", "labor": "2", "land_area": "6", "annual_income": "60000",
                "assets": "250000", "loan_balance": "0", "overdue": "0"}
        form.update({k: str(v) for k, v in facts.items()})
        return register.create_household(self.db, self.operator, form)["id"]




def rating_of(db, campaign, subject_id):
    return campaigns.rating_for(db, campaign['id'], subject_id)
