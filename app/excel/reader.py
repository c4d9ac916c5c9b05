"""Reading .xlsx, .xls and .ods workbooks into plain rows.

python-calamine (Rust) reads all three formats offices still use, at about
80-95k rows/s on the reference machine against openpyxl's 7k rows/s for
.xlsx alone, so a 100,000-row roster is read in about a second. Files pass
``safety.check_file`` first (zip bombs, XML entities, damaged files).

An import streams its rows (``read_workbook(path, stream=True)``): a sheet
keeps only its first ``HEAD_ROWS`` rows as Python lists (for finding the
header and the title) and hands out the rest one row at a time
(``Sheet.iter_rows``). calamine still loads a sheet whole into Rust memory
before the first row (it has no lazy reading: dimastbk/python-calamine#42),
about 80 bytes a cell - 115 MiB for a 100,000-row roster of 14 columns,
350 MiB for 300,000. So an .xlsx sheet whose XML is larger than
``STREAM_FROM_BYTES`` (about 130,000 such rows) is read by openpyxl's
read-only parser instead, which holds one row at a time: ~6x slower, but
memory stays flat however long the sheet. Both give the same values
(``_as_calamine``; tests/excel/test_excel_stream.py). .xls sheets end at
65,536 rows and always go to calamine, as do .ods files (openpyxl cannot
read them; a county roster comes as .xlsx).
"""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import re
import tempfile
import weakref
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import python_calamine
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import UserError
from app.excel import safety
from app.i18n import translate


# Rows kept as lists by a streamed sheet: the header search (mapping.py looks
# at the first 30 rows, and samples five below the header) and the title.
HEAD_ROWS = 40
# Sheet XML above this is read by openpyxl (see the module docstring): ~80 MB
# is ~130,000 rows of a 14-column roster, ~150 MiB of calamine memory.
STREAM_FROM_BYTES = 80 * 1024 * 1024


@dataclass
class Sheet:
    name: str
    visible: bool
    rows: list[list[Any]]                 # rows[0] is spreadsheet row 1; streamed: the first HEAD_ROWS
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (0-based, inclusive)
    height: int | None = None             # rows in the sheet, when ``rows`` holds only its head
    source: Callable[[], Iterator[list[Any]]] | None = field(default=None, repr=False)
    reader: str = "calamine"              # or "openpyxl" (a streamed sheet too large for calamine)
    span: int | None = None               # columns the sheet spans, when known without a pass
    _filled: tuple[int, list[int]] | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows[:50]), default=0)

    def columns(self) -> int | None:
        """How many columns hold cells anywhere in the sheet, if that is known
        without reading every row (None for a sheet parsed as it streams)."""
        if self.source is None:
            return max(map(len, self.rows), default=0)
        return self.span

    @property
    def total(self) -> int:
        """How many rows the sheet has (blank rows inside it included)."""
        return len(self.rows) if self.height is None else self.height

    def iter_rows(self, start: int = 0) -> Iterator[list[Any]]:
        """Every row from row index ``start`` on, read again from the file when streamed."""
        if self.source is None:
            return itertools.islice(self.rows, start, None)
        return itertools.islice(self.source(), start, None)

    def filled_counts(self, start: int,
                      progress: Callable[[int, int], None] | None = None) -> list[int]:
        """Per column, how many rows from row index ``start`` on hold a value
        (for the columns not imported). One pass over a streamed sheet, which
        also counts its rows exactly; remembered, as the mapping changes often.
        ``progress(rows read, rows in the sheet)`` after each batch."""
        if self._filled is not None and self._filled[0] == start:
            return self._filled[1]
        counts: list[int] = []
        seen = start
        rows = self.iter_rows(start)
        spill = _Spill(self.rows[:start]) if self.reader == "openpyxl" else None
        while batch := list(itertools.islice(rows, 2000)):
            seen += len(batch)
            if spill is not None:
                spill.add(batch)
            if progress is not None:
                progress(seen, max(seen, self.total))
            width = max(map(len, batch))
            if width > len(counts):
                counts.extend([0] * (width - len(counts)))
            if min(map(len, batch)) < width:
                batch = [r + [""] * (width - len(r)) for r in batch]
            # A column at a time, counted in C: ~5x faster than cell by cell.
            for c, column in enumerate(zip(*batch)):
                blank = column.count("") + column.count(None)
                blank += sum(column.count(v) for v in set(column)
                             if type(v) is str and v and not v.strip())
                counts[c] += len(column) - blank
        if self.source is not None:
            self.height = max(seen, len(self.rows))
        if spill is not None:
            self.source = spill.rows
        self._filled = (start, counts)
        return counts


class _Spill:
    """Rows parsed once by openpyxl, kept in an anonymous temporary file for
    the passes after the first (dry run, import): reading them back costs
    ~1/20 of parsing the XML again, and memory stays one batch. The file has
    no name (deleted as it is made on Linux; O_TEMPORARY on Windows), so
    nothing is left behind even if the program is killed; and its batches are
    encrypted (AES-GCM under a key that lives only in this object), so the ID
    numbers and phones of a roster never reach the disk in clear through it,
    as they never do through the register."""

    def __init__(self, head: list[list[Any]]):
        self.file = tempfile.TemporaryFile(prefix="credit-desk-rows-")
        weakref.finalize(self, self.file.close)
        self.cipher = AESGCM(AESGCM.generate_key(bit_length=256))
        self.batches = 0
        self.add(head)

    def add(self, batch: list[list[Any]]) -> None:
        if batch:
            nonce = self.batches.to_bytes(12, "big")   # unique per batch under this key
            self.batches += 1
            sealed = self.cipher.encrypt(nonce, pickle.dumps(
                batch, protocol=pickle.HIGHEST_PROTOCOL), None)
            self.file.seek(0, 2)
            self.file.write(len(sealed).to_bytes(8, "big") + nonce + sealed)

    def rows(self) -> Iterator[list[Any]]:
        self.file.flush()
        offset = 0
        while True:
            self.file.seek(offset)   # each pass keeps its own place in the file
            size = self.file.read(8)
            if len(size) < 8:
                return
            nonce = self.file.read(12)
            sealed = self.file.read(int.from_bytes(size, "big"))
            offset = self.file.tell()
            yield from pickle.loads(self.cipher.decrypt(nonce, sealed, None))


@dataclass
class Workbook:
    path: Path
    format: str                           # 'xlsx', 'xls' or 'ods'
    sheets: list[Sheet]


def _format(path: Path, container: str) -> str:
    if container == "ole":
        return "xls"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
                return "ods"
            if "content.xml" in names and "xl/workbook.xml" not in names:
                return "ods"
    except zipfile.BadZipFile as exc:  # checked already; kept for safety
        raise safety.damaged(path, str(exc)) from None
    return "xlsx"


_EXT = {"xlsx": ".xlsx", "xls": ".xls", "ods": ".ods"}


def read_workbook(path: Path | str, *, check: bool = True, stream: bool = False) -> Workbook:
    """Every sheet with its cell values (str, float, bool, date, datetime, time).

    ``stream``: keep only each sheet's head as lists, the rest read on demand
    by ``Sheet.iter_rows`` (see the module docstring)."""
    path = Path(path)
    container = safety.check_file(path) if check else safety.sniff(path)
    fmt = _format(path, container)
    large = _large_sheets(path) if stream and fmt == "xlsx" else {}
    try:
        with open(path, "rb") as handle:
            book = python_calamine.CalamineWorkbook.from_filelike(handle)
        try:
            sheets = []
            for meta in book.sheets_metadata:
                if str(meta.typ).split(".")[-1] not in ("WorkSheet", "Worksheet"):
                    continue
                visible = str(meta.visible).split(".")[-1] == "Visible"
                if meta.name in large:
                    sheets.append(_openpyxl_sheet(path, meta.name, visible, large[meta.name]))
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                merged = []
                try:
                    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                        merged.append((r0, c0, r1, c1))
                except (TypeError, ValueError):
                    merged = []
                if stream:
                    end = sheet.end
                    sheets.append(Sheet(meta.name, visible,
                                        list(itertools.islice(sheet.iter_rows(), HEAD_ROWS)),
                                        merged, height=end[0] + 1 if end else 0,
                                        source=sheet.iter_rows, span=end[1] + 1 if end else 0))
                else:
                    sheets.append(Sheet(meta.name, visible,
                                        sheet.to_python(skip_empty_area=False), merged))
        finally:
            book.close()
    except python_calamine.PasswordError:
        raise UserError(translate(
            "Excel", "{name} is protected with a password. Remove the password in Excel or WPS "
                     "and import again.").format(name=path.name)) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise safety.damaged(path, str(exc)[:200]) from None
    return Workbook(path, fmt, sheets)


def _large_sheets(path: Path) -> dict[str, str]:
    """Sheets (name -> XML member) of an .xlsx too large for calamine's memory:
    the sheet's XML and the shared strings it draws on (Excel and WPS keep
    text there) above ``STREAM_FROM_BYTES``."""
    with zipfile.ZipFile(path) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
        shared = sizes.get("xl/sharedStrings.xml", 0)
        if max(sizes.values(), default=0) + shared <= STREAM_FROM_BYTES:
            return {}
        members = _sheet_members(archive)
    return {name: member for name, member in members.items()
            if sizes.get(member, 0) + shared > STREAM_FROM_BYTES}


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML member, from the workbook and its relationships
    (checked free of DTDs by ``safety.check_file`` before)."""
    from xml.etree import ElementTree

    targets = {}
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        target = rel.get("Target", "")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") \
            else "xl/" + target
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    return {sheet.get("name"): targets.get(sheet.get(_REL), "")
            for sheet in book.iter(_MAIN + "sheet")}


def _openpyxl_sheet(path: Path, name: str, visible: bool, member: str) -> Sheet:
    import openpyxl

    def rows(size: list[int] | None = None) -> Iterator[list[Any]]:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book[name]
            if size is not None:
                size.append(sheet.max_row or 0)   # from <dimension>, if the writer put one
            for row in sheet.iter_rows(min_row=1, min_col=1, values_only=True):
                yield [_as_calamine(v) for v in row]
        finally:
            book.close()

    size: list[int] = []
    head = list(itertools.islice(rows(size), HEAD_ROWS))
    return Sheet(name, visible, head, _merged_from_xml(path, member),
                 height=max(size[0] if size else 0, len(head)), source=rows,
                 reader="openpyxl")


_MIDNIGHT = dt.time(0, 0)


def _as_calamine(value: Any) -> Any:
    """An openpyxl value as calamine gives it: blank '', numbers float, a
    date-formatted cell a date (openpyxl cannot tell a date format from a
    date-and-time one; calamine gives a date for the former)."""
    if value is None:
        return ""
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is dt.datetime and value.time() == _MIDNIGHT:
        return value.date()
    return value


_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _merged_from_xml(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet (openpyxl's read-only mode does not give them);
    they sit after the cells, so the member is scanned in bounded chunks."""
    merged = []
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            text = tail + chunk
            cut = text.rfind(b"<")
            for m in _MERGE.finditer(text, 0, cut if cut > 0 else len(text)):
                merged.append((int(m.group(2)) - 1, _column_index(m.group(1)),
                               int(m.group(4)) - 1, _column_index(m.group(3))))
            tail = text[cut:] if cut > 0 else b""
    return merged
