"""Nothing ships without its licence: the third-party notices cover every runtime dependency."""

from __future__ import annotations

import importlib.metadata as md

import notices


def test_every_runtime_dependency_has_a_notice():
    stale = notices.stale_entries()
    assert stale == [], (f"third-party notices out of date ({', '.join(stale)}): run "
                         ".venv/bin/python packaging/notices.py and commit the result")


def test_each_notice_names_the_licence_and_the_fonts_are_listed():
    text = notices.OUT.read_text(encoding="utf-8")
    for dist in notices.runtime_distributions():
        section = text.split(f"\n{dist.metadata['Name']} ", 1)[1].split("=" * 78, 1)[0]
        assert "Licence: " in section
    for font in ("wqy-microhei.ttc", "HanaMinB.ttf"):
        assert font in text


def test_a_new_dependency_would_be_reported(tmp_path):
    text = notices.OUT.read_text(encoding="utf-8")
    first = notices.runtime_distributions()[0].metadata["Name"]
    start = text.index("=" * 78 + f"\n{first} ")
    end = text.index("=" * 78, start + 78)
    without = tmp_path / "notices.txt"
    without.write_text(text[:start] + text[end:], encoding="utf-8")
    assert notices.stale_entries(without) == [f"+{md.distribution(first).metadata['Name']}".lower()
                                              .replace("_", "-")]
