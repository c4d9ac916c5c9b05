"""A printed PDF and its record are one unit: a crash at any step leaves them agreeing."""

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import files
from app.errors import UserError
from app.store import open_data_dir

ROOT = Path(__file__).resolve().parent.parent.parent

# The child prints, and kills itself with SIGKILL at the step named in argv[3]:
# after the temp file is sealed but before COMMIT, after COMMIT but before the
# rename, or after the rename but before the unit is marked done.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from app import files
    from app.paths import DataDir
    from app.store import open_data_dir
    from app.users import default_operator_id

    data, what, step = DataDir(Path(sys.argv[1])), sys.argv[2], sys.argv[3]
    out = Path(sys.argv[4])
    die = lambda: os.kill(os.getpid(), signal.SIGKILL)
    seal, replace, atomic = files.FileUnit.seal, os.replace, None
    if step == "before_commit":
        def sealed(self):
            sha = seal(self)
            die()
        files.FileUnit.seal = sealed
    # Only the unit's own rename (temp -> target), not a library's inner ones.
    unit_rename = lambda a, b: (Path(a).name.startswith(files.TEMP_PREFIX)
                                and not Path(b).name.startswith(files.TEMP_PREFIX))
    if step == "before_rename":
        files.os.replace = lambda a, b: die() if unit_rename(a, b) else replace(a, b)
    elif step == "before_done":
        def replaced(a, b):
            replace(a, b)
            if unit_rename(a, b):
                die()
        files.os.replace = replaced
    from app import keystore
    keystore.unlock_from_env(data)  # as a signed-in command would
    db = open_data_dir(data)
    op = default_operator_id(db)
    if what == "report":
        from app.records.report import issue_report
        number = db.execute("SELECT head_id_number FROM household ORDER BY head_name "
                            "LIMIT 1").fetchone()[0]
        issue_report(db, op, number, purpose="贷款审批", output=out)
    else:
        from app.letters import printing
        ids = [r[0] for r in db.execute(
            "SELECT id FROM household WHERE id NOT IN (SELECT subject_id FROM "
            "commitment_letter) ORDER BY head_name LIMIT 3")]
        printing.print_letters(db, op, out, subject_ids=ids)
    print("finished")
""")


def run_child(data, what, step, out):
    return subprocess.run([sys.executable, "-c", CHILD, str(data.root), what, step, str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


STEPS = ["before_commit", "before_rename", "before_done"]


@pytest.mark.parametrize("step", STEPS)
def test_a_report_killed_at_any_step_is_either_registered_with_its_file_or_neither(
        demo_data, tmp_path, step):
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    db = open_data_dir(demo_data)
    before = db.execute("SELECT count(*) FROM credit_report").fetchone()[0]
    db.close()
    result = run_child(demo_data, "report", step, out)
    assert result.returncode == -signal.SIGKILL, result.stderr
    db = open_data_dir(demo_data)  # start-up finishes or rolls back
    reports = list(db.query("SELECT * FROM credit_report ORDER BY rowid"))
    leftovers = [p.name for p in out.parent.iterdir() if p.name != "report.pdf"]
    assert leftovers == []  # no temp file with an ID number lying about
    if step == "before_commit":
        assert len(reports) == before and not out.exists()
    else:
        assert len(reports) == before + 1 and out.exists()
        newest = reports[-1]
        assert sha(out) == newest["pdf_sha256"]
        assert newest["number"] in PdfReader(out).pages[0].extract_text()
    assert not files.has_open_units(db)
    # The next report never takes a number that may be on paper.
    from app.records.report import issue_report
    from app.users import default_operator_id
    number = db.execute("SELECT head_id_number FROM household ORDER BY head_name LIMIT 1"
                        ).fetchone()[0]
    again = issue_report(db, default_operator_id(db), number, purpose="贷款审批",
                         output=tmp_path / "again.pdf")
    assert again["number"] not in {r["number"] for r in reports}
    db.close()


@pytest.mark.parametrize("step", STEPS)
def test_letters_killed_at_any_step_exist_on_paper_only_if_the_register_knows_them(
        demo_data, tmp_path, step):
    out = tmp_path / "out" / "letters.pdf"
    out.parent.mkdir()
    result = run_child(demo_data, "letters", step, out)
    assert result.returncode == -signal.SIGKILL, result.stderr
    db = open_data_dir(demo_data)
    assert [p.name for p in out.parent.iterdir() if p.name != "letters.pdf"] == []
    printed = [r[0] for r in db.execute(
        "SELECT number FROM commitment_letter WHERE status = 'printed'")]
    if step == "before_commit":
        assert not out.exists()
    else:
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        on_paper = [n for n in printed if n in text]
        assert len(on_paper) == 3  # every letter on paper is registered as printed
        unit = db.execute("SELECT sha256, state FROM file_unit WHERE kind = 'letters'"
                          ).fetchone()
        assert unit == (sha(out), "done")
    db.close()


def test_a_full_disk_gives_a_message_and_leaves_no_temp_file(db, tmp_path):
    target = tmp_path / "usb" / "export.xlsx"

    with pytest.raises(UserError) as caught:
        with files.file_unit(db, target, "export") as unit:
            unit.temp.write_bytes(b"ID 510623199001011234")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert "space" in str(caught.value) or "空间" in str(caught.value)
    assert list(target.parent.iterdir()) == []
    assert not files.has_open_units(db)


def test_an_export_to_a_really_full_disk_leaves_nothing(demo_db, tmp_path):
    """A real full file system: a 1 MiB tmpfs needs root; skip where it cannot be mounted."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        from app.excel.exports import export
        from app.users import default_operator_id

        with pytest.raises(UserError) as caught:
            export(demo_db, default_operator_id(demo_db), "households", mount / "h.xlsx")
        assert "空间" in str(caught.value)
        assert list(mount.iterdir()) == []
        assert not files.has_open_units(demo_db)
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)
