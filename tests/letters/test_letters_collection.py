"""Collecting signed letters: signed by whom/when/where, attachments, void, lists."""

from __future__ import annotations

import hashlib

import pytest

from app import files, keystore
from app.errors import UserError
from app.letters import collection
from app.letters.letter import create_letter, find_letter, get_letter
from app.letters.queries import subject_letters
from tests.letters.conftest import letterless, village


def _png(tmp_path, name="scan.png"):
    from PIL import Image

    path = tmp_path / name
    Image.new("RGB", (40, 30), "white").save(path)
    return path


def test_mark_signed_records_collector_time_and_place(printed, demo_db, demo_operator):
    result, _ = printed
    letter_id = result.letters[0]["id"]
    collection.mark_signed(demo_db, demo_operator, letter_id, collector="李驻村",
                           place="青龙村村委会", signed_at="2026-03-15 10:30")
    letter = get_letter(demo_db, letter_id)
    assert letter["status"] == "signed" and letter["collected_by"] == "李驻村"
    assert letter["signed_place"] == "青龙村村委会" and letter["signed_at"].startswith("2026-03-1")
    with pytest.raises(UserError, match="已签署"):
        collection.mark_signed(demo_db, demo_operator, letter_id, collector="李驻村")


def test_an_unprinted_letter_cannot_be_signed_and_a_collector_is_required(demo_db, demo_operator,
                                                                        printed):
    subject = letterless(demo_db, 1, 7)[0]
    draft = create_letter(demo_db, demo_operator, subject)
    with pytest.raises(UserError, match="请先打印"):
        collection.mark_signed(demo_db, demo_operator, draft["id"], collector="王")
    result, _ = printed
    with pytest.raises(UserError, match="回收人"):
        collection.mark_signed(demo_db, demo_operator, result.letters[0]["id"], collector=" ")


def test_scan_is_kept_beside_the_register_with_its_hash(printed, demo_db, demo_data,
                                                       demo_operator, tmp_path):
    result, _ = printed
    letter_id = result.letters[1]["id"]
    scan = _png(tmp_path)
    row = collection.attach_scan(demo_db, demo_operator, letter_id, scan)
    stored = demo_data.root / row["path"]
    # Encrypted at rest like the register; read back decrypted, in memory only.
    assert stored.is_file() and stored.read_bytes().startswith(files.SEALED_MAGIC)
    assert scan.read_bytes()[16:64] not in stored.read_bytes()
    assert collection.attachment_bytes(demo_db, row) == scan.read_bytes()
    assert row["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row["media_type"] == "image/png"
    pdf = collection.attach_scan(demo_db, demo_operator, letter_id, result.path)
    assert pdf["media_type"] == "application/pdf"
    listed = collection.attachments(demo_db, letter_id)
    assert [a["kind"] for a in listed] == ["scan", "scan"]
    assert all(collection.verify_attachment(demo_db, a) for a in listed)
    stored.write_bytes(b"\x89PNG tampered")
    assert not collection.verify_attachment(demo_db, listed[0])
    stored.write_bytes((demo_data.root / pdf["path"]).read_bytes())  # another file's bytes
    assert not collection.verify_attachment(demo_db, listed[0])
    keystore.forget(demo_data)
    with pytest.raises(keystore.Locked):  # nobody signed in: nothing to read
        files.read_decrypted(demo_data, demo_data.root / pdf["path"])


def test_a_file_that_is_not_a_scan_is_refused(printed, demo_db, demo_operator, tmp_path):
    result, _ = printed
    text = tmp_path / "notes.txt"
    text.write_text("签了", encoding="utf-8")
    with pytest.raises(UserError, match="notes.txt"):
        collection.attach_scan(demo_db, demo_operator, result.letters[0]["id"], text)


def test_signature_captured_on_screen_is_stored_as_an_image(printed, demo_db, demo_operator,
                                                            tmp_path):
    result, _ = printed
    png = _png(tmp_path, "sig.png").read_bytes()
    row = collection.save_signature(demo_db, demo_operator, result.letters[2]["id"], png)
    assert row["kind"] == "signature" and row["media_type"] == "image/png"


def test_void_keeps_the_letter_on_file_with_its_reason(printed, demo_db, demo_operator,
                                                       tmp_path):
    from app.letters import printing

    result, people = printed
    letter_id = result.letters[3]["id"]
    with pytest.raises(UserError, match="作废原因"):
        collection.void_letter(demo_db, demo_operator, letter_id, "")
    collection.void_letter(demo_db, demo_operator, letter_id, "户主姓名打错，重新打印")
    letter = find_letter(demo_db, result.letters[3]["number"])
    assert letter["status"] == "void" and letter["void_reason"] == "户主姓名打错，重新打印"
    assert letter["status_before_void"] == "printed"
    # Printing for the household again makes a new letter; the void one stays.
    again = printing.print_letters(demo_db, demo_operator, tmp_path / "re.pdf",
                                   subject_ids=[people[3]["id"]])
    assert again.new == 1
    statuses = [x["status"] for x in subject_letters(demo_db, people[3]["id"])]
    assert sorted(statuses) == ["printed", "void"]
    # A selection that holds the void letter prints only the others.
    chosen = printing.print_letters(demo_db, demo_operator, tmp_path / "sel.pdf",
                                    letter_ids=[letter_id, result.letters[0]["id"]])
    assert [x["id"] for x in chosen.letters] == [result.letters[0]["id"]]


def test_outstanding_list_per_village_holds_printed_unsigned_letters(printed, demo_db,
                                                                     demo_operator):
    result, people = printed
    collection.mark_signed(demo_db, demo_operator, result.letters[0]["id"], collector="李")
    v = village(demo_db, 2)
    outstanding = collection.village_letters(demo_db, v["id"], outstanding=True)
    numbers = {r["number"] for r in outstanding}
    assert result.letters[0]["number"] not in numbers
    assert {x["number"] for x in result.letters[1:]} <= numbers
    assert all(r["status"] == "printed" for r in outstanding)
    summary = {r["village_id"]: r for r in collection.village_summary(demo_db)}
    assert summary[v["id"]]["signed"] >= 1
    assert summary[v["id"]]["outstanding"] == len(outstanding)


def test_a_scanned_qr_code_finds_the_letter(printed, demo_db):
    result, _ = printed
    assert find_letter(demo_db, result.letters[0]["id"].upper())["id"] == result.letters[0]["id"]
    with pytest.raises(UserError):
        find_letter(demo_db, "no-such-number")
