"""Templates: shipped types, placeholders, versions, exact reproduction."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.letters import printing
from app.letters import templates as tpl
from app.letters.letter import get_letter, letter_text
from app.letters.templates import TemplateError
from tests.letters.conftest import letterless


def test_every_letter_type_is_shipped_and_the_farmer_letter_asks_consent_with_purpose(db,
                                                                                       operator):
    assert tpl.ensure_templates(db, operator) == 6
    assert tpl.ensure_templates(db, operator) == 0  # stored once
    shipped = {t["letter_type"]: t for t in tpl.templates(db)}
    assert set(shipped) == set(tpl.LETTER_TYPES)
    farmer = shipped["farmer_credit"]
    assert "{purpose}" in farmer["consent"] and farmer["purpose"]
    text = tpl.filled(farmer, tpl.sample_values())
    assert "王建国" in text["body"][0] and "信用户评定" in text["consent"][0]


def test_unknown_placeholder_is_refused_with_its_name(db, operator):
    tpl.ensure_templates(db, operator)
    with pytest.raises(TemplateError, match=r"\{贷款金额\}"):
        tpl.save_template(db, operator, "farmer-credit",
                          {"body": "本人{committer_name}承诺偿还{贷款金额}。"})
    with pytest.raises(TemplateError):
        tpl.save_template(db, operator, "farmer-credit", {"body": "本人{committer_name 承诺。"})
    assert tpl.current_template(db, "farmer-credit")["template_version"] == 1


def test_an_edit_is_a_new_version_and_leaves_printed_letters_as_they_were(demo_db, tmp_path):
    from app.users import default_operator_id

    operator = default_operator_id(demo_db)
    subject, other = letterless(demo_db, 2)
    first = printing.print_letters(demo_db, operator, tmp_path / "first.pdf",
                                   subject_ids=[subject])
    letter_id = first.letters[0]["id"]
    before = PdfReader(first.path).pages[0].extract_text()

    edited = tpl.save_template(demo_db, operator, "farmer-credit", {
        "body": tpl.current_template(demo_db, "farmer-credit")["body"] + "\n五、新增条款。"})
    assert edited["template_version"] == 2 and edited["source"] == "edited"

    # Printing the same letter again, and reproducing it, give the letter as printed.
    again = printing.print_letters(demo_db, operator, tmp_path / "again.pdf",
                                   subject_ids=[subject])
    assert again.letters[0]["id"] == letter_id
    assert PdfReader(again.path).pages[0].extract_text() == before
    copy = printing.reproduce(demo_db, letter_id, tmp_path / "copy.pdf")
    assert copy.read_bytes() == first.path.read_bytes()
    assert "新增条款" not in before
    assert letter_text(demo_db, get_letter(demo_db, letter_id))["template_version"] == 1

    # A new letter takes the new version.
    new = printing.print_letters(demo_db, operator, tmp_path / "new.pdf", subject_ids=[other])
    assert "新增条款" in PdfReader(new.path).pages[0].extract_text()
