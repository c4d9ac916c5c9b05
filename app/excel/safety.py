"""Checks on a spreadsheet file before any parser sees it.

.xlsx and .ods files are zip archives of XML. Two attacks hide in them:

* a zip bomb - a few kilobytes that inflate to gigabytes and exhaust memory
  while a reader unpacks them. The archive directory declares each member's
  size; we refuse totals or ratios beyond what any real roster needs, and,
  because a directory can lie, we also inflate every member in a streaming
  loop that stops as soon as it yields more than it declared.
* XML entity tricks (billion laughs, external entities reading local files).
  A spreadsheet never needs a DOCTYPE; any XML member declaring one, or an
  ENTITY, in its prologue (the only place XML allows them, before the root
  element: a parser refuses one anywhere else as malformed) is refused.

Everything here reads the archive in bounded chunks, so a bomb is refused
in well under a second whatever it would have inflated to.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

from app.errors import UserError
from app.i18n import translate

# A full Excel sheet (1,048,576 rows x 20 columns) of XML is about 600 MB;
# real rosters are far below. The limits are generous for real files and far
# below what a bomb inflates to.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200            # per member of more than RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# The root element's start tag ends the prologue (a DOCTYPE comes before it).
_ROOT = re.compile(rb"<[A-Za-z_:\x80-\xff]")


class UnsafeFile(UserError):
    """The file was refused before parsing; ``str()`` says why."""


class DamagedFile(UserError):
    """The file is not a readable spreadsheet."""


def damaged(path: Path | str, detail: str = "") -> DamagedFile:
    message = translate(
        "Excel", "{name} cannot be read: the file is damaged or is not a spreadsheet "
                 "(.xlsx, .xls or .ods). Open it in Excel or WPS, save it again as .xlsx and "
                 "import that copy.").format(name=Path(path).name)
    if detail:
        message += " (" + detail + ")"
    return DamagedFile(message)


def sniff(path: Path | str) -> str:
    """'zip' (xlsx, ods), 'ole' (xls) by the file's first bytes, whatever its name."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UserError(translate("Excel", "The file {path} does not exist.").format(path=path)) \
            from None
    except OSError as exc:
        raise UserError(translate("Excel", "The file {path} cannot be opened: {error}")
                        .format(path=path, error=exc.strerror or exc)) from None
    if size > MAX_FILE_BYTES:
        raise UnsafeFile(translate(
            "Excel", "{name} is {mb} MB; files over {limit} MB are refused. Split the roster "
                     "into several files.").format(name=path.name, mb=size // (1024 * 1024),
                                                  limit=MAX_FILE_BYTES // (1024 * 1024)))
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    raise damaged(path)


def _bomb(path: Path) -> UnsafeFile:
    return UnsafeFile(translate(
        "Excel", "{name} was refused: it would unpack to far more data than any roster "
                 "(a \"zip bomb\"). Do not open it; ask whoever sent it for the original "
                 "file.").format(name=path.name))


def _entities(path: Path, member: str) -> UnsafeFile:
    return UnsafeFile(translate(
        "Excel", "{name} was refused: its part {member} declares XML entities (DOCTYPE), "
                 "which spreadsheets never need and attacks use. Ask whoever sent it for "
                 "the original file.").format(name=path.name, member=member))


def check_zip(path: Path | str) -> None:
    """Refuse zip bombs and XML DTDs in an .xlsx/.ods file; raises UnsafeFile or DamagedFile."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise damaged(path, str(exc)) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _bomb(path)
        total = 0
        for info in members:
            total += info.file_size
            if total > MAX_UNCOMPRESSED_BYTES:
                raise _bomb(path)
            if info.file_size > RATIO_FLOOR and \
                    info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bomb(path)
        for info in members:
            if info.is_dir():
                continue
            _check_member(archive, info, path)


def _check_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Inflate one member in chunks: no more than it declares, no DTD in its prologue."""
    limit = info.file_size
    is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml")) or "." not in \
        os.path.basename(info.filename)
    seen = 0
    tail = b""
    utf16 = None
    prologue = is_xml   # searched for a DTD until the root element begins
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > limit:
                    raise _bomb(path)
                if prologue:
                    if utf16 is None:
                        utf16 = chunk.startswith((b"\xff\xfe", b"\xfe\xff"))
                    data = tail + (chunk.replace(b"\x00", b"") if utf16 else chunk)
                    root = _ROOT.search(data)
                    if _DTD.search(data, 0, len(data) if root is None else root.start()):
                        raise _entities(path, info.filename)
                    # Past the prologue the rest of a sheet's megabytes are only
                    # inflated (sizes), not searched: 0.05 s of a 100,000-row roster.
                    prologue = root is None
                    tail = data[-16:]
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise damaged(path, str(exc)) from None
    except RuntimeError as exc:  # encrypted member
        raise damaged(path, str(exc)) from None


def check_file(path: Path | str) -> str:
    """All checks before parsing; returns the container kind ('zip' or 'ole')."""
    kind = sniff(path)
    if kind == "zip":
        check_zip(path)
    return kind
