"""Reading real .xlsx/.xls/.ods files, and refusing dangerous or damaged ones."""

from __future__ import annotations

import random
import time
import zipfile

import pytest

from app.excel.reader import read_workbook
from app.excel.safety import DamagedFile, UnsafeFile
from excel_books import write_ods, write_xls, write_xlsx

ROWS = [["石泉镇农户花名册"], ["户主姓名", "身份证号码", "承包地面积"],
        ["王建国", "510623198001011234", 3.5], ["刘䶮", "51062319800101123X", "2亩"]]


@pytest.mark.parametrize("writer, suffix, fmt", [(write_xlsx, ".xlsx", "xlsx"),
                                                 (write_xls, ".xls", "xls"),
                                                 (write_ods, ".ods", "ods")])
def test_the_three_formats_read_alike(tmp_path, writer, suffix, fmt):
    path = writer(tmp_path / f"roster{suffix}", {"花名册": ROWS})
    book = read_workbook(path)
    assert book.format == fmt
    rows = book.sheets[0].rows
    assert book.sheets[0].name == "花名册"
    assert rows[2][:2] == ["王建国", "510623198001011234"]
    assert rows[3][0] == "刘䶮"           # a CJK Extension A name kept exactly
    assert float(rows[2][2]) == 3.5


def test_format_is_sniffed_not_taken_from_the_name(tmp_path):
    path = write_xlsx(tmp_path / "real.xlsx", {"表": ROWS})
    renamed = path.rename(tmp_path / "named-wrongly.xls")
    assert read_workbook(renamed).format == "xlsx"


def test_hidden_sheets_are_marked(tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", {"花名册": ROWS, "字典": [["a"]]}, hidden=("字典",))
    book = read_workbook(path)
    assert [(s.name, s.visible) for s in book.sheets] == [("花名册", True), ("字典", False)]


def _bomb(path, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(size // len(block)):
                member.write(block)
    return path


def test_zip_bomb_is_refused_within_a_second(tmp_path):
    path = _bomb(tmp_path / "bomb.xlsx", 64 * 1024 * 1024)
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    with pytest.raises(UnsafeFile, match="zip"):
        read_workbook(path)
    assert time.perf_counter() - start < 1.0


def test_a_zip_claiming_gigabytes_is_refused_without_unpacking(tmp_path):
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", "<x/>")
    data = bytearray(path.read_bytes())
    # Rewrite every declared uncompressed size (central directory) to 512 MiB.
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 24:pos + 28] = (512 * 1024 * 1024).to_bytes(4, "little")
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    start = time.perf_counter()
    with pytest.raises(UnsafeFile):
        read_workbook(path)
    assert time.perf_counter() - start < 1.0


def test_xml_entity_attack_is_refused(tmp_path):
    clean = write_xlsx(tmp_path / "clean.xlsx", {"表": ROWS})
    evil = tmp_path / "evil.xlsx"
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml" or info.filename.endswith("sheet1.xml"):
                data = laughs.encode() + data.split(b"?>", 1)[-1]
            dst.writestr(info.filename, data)
    with pytest.raises(UnsafeFile, match="DOCTYPE"):
        read_workbook(evil)


def test_a_dtd_is_found_however_long_the_prologue_before_it(tmp_path):
    # The prologue is searched until the root element begins, across the
    # 1 MiB pieces the part is inflated in; past it, the sheet's rows are
    # only inflated (a DOCTYPE there is malformed XML that no parser obeys).
    clean = write_xlsx(tmp_path / "clean.xlsx", {"表": ROWS})
    evil = tmp_path / "evil.xlsx"
    rng = random.Random(7)   # text that does not compress like a bomb
    padding = "<!--" + "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(700_000)) + "-->"
    dtd = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    with zipfile.ZipFile(clean) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet1.xml"):
                cut = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:cut] + (padding + dtd).encode() + data[cut:]
            dst.writestr(info.filename, data)
    with pytest.raises(UnsafeFile, match="sheet1.xml"):
        read_workbook(evil)


def test_damaged_files_get_a_clear_message(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", {"表": ROWS})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DamagedFile, match="cut.xlsx.*另存为"):
        read_workbook(cut)
    text = tmp_path / "notes.xlsx"
    text.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(DamagedFile, match="notes.xlsx"):
        read_workbook(text)
