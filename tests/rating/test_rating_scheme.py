"""Rating schemes: shipped default, refused files name line and reason, versions fixed."""

from decimal import Decimal
from pathlib import Path

import pytest

from app.rating import scheme as schemes
from app.rating.scheme import SchemeError

DEFAULT = Path(schemes.shipped_files()[0]).read_text(encoding="utf-8")


def test_shipped_scheme_is_the_100_point_household_scheme():
    s = schemes.parse(DEFAULT)
    assert s.total == 100
    assert [(g.grade, g.min) for g in s.grades] == [("AAA", 80), ("AA", 70), ("A", 60)]
    assert set(s.dimensions.values()) == {"基本情况", "家庭资产", "经营能力", "信用记录", "社会评价"}
    assert {v.key for v in s.vetoes} >= {"listed", "criminal", "gambling_drugs"}
    assert s.village["min_credit_share"] == Decimal("0.70")
    assert s.notice_days == 7


def test_toml_syntax_error_names_the_line():
    text = DEFAULT.replace('name = "家庭劳动力"', 'name = "家庭劳动力', 1)
    line = DEFAULT.splitlines().index('name = "家庭劳动力"') + 1
    with pytest.raises(SchemeError) as info:
        schemes.parse(text, "my.toml")
    assert info.value.line == line
    assert f"第 {line} 行" in str(info.value) and "my.toml" in str(info.value)


@pytest.mark.parametrize("old, new, words", [
    ('{ at_least = 2, points = 8 }', '{ at_least = 0, points = 8 }', "labor"),
    ('source = "household.labor"', 'source = "household.cows"', "household.cows"),
    ('dimension = "social"\nname = "遵纪守法"', 'dimension = "moral"\nname = "遵纪守法"', "moral"),
    ('{ at_least = 0.01, points = 4 }', '{ at_least = 0.001, points = 4 }', "overdue"),
])
def test_semantic_errors_point_at_the_indicator(old, new, words):
    assert old in DEFAULT
    text = DEFAULT.replace(old, new, 1)
    with pytest.raises(SchemeError) as info:
        schemes.parse(text)
    assert words in str(info.value)
    assert info.value.line is not None
    assert words.split(".")[0] in text.splitlines()[info.value.line - 1] or \
        "key" in text.splitlines()[info.value.line - 1]


def test_grades_out_of_order_are_refused():
    text = DEFAULT.replace("min = 70", "min = 85", 1)
    with pytest.raises(SchemeError, match="AA"):
        schemes.parse(text)


def test_same_version_with_other_content_is_refused(db, operator, tmp_path):
    schemes.ensure_shipped(db, operator)
    changed = tmp_path / "household.toml"
    changed.write_text(DEFAULT.replace("min = 80", "min = 85", 1), encoding="utf-8")
    with pytest.raises(SchemeError, match="2026.1"):
        schemes.install_file(db, operator, changed)
    changed.write_text(DEFAULT.replace("min = 80", "min = 85", 1)
                       .replace('version = "2026.1"', 'version = "2026.2"'), encoding="utf-8")
    row = schemes.install_file(db, operator, changed)
    assert schemes.latest(db)["id"] == row["id"]
    assert [s["scheme_version"] for s in schemes.installed(db)
            if s["code"] == "household"] == ["2026.2", "2026.1"]
