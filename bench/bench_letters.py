"""Benchmark: 1,000 commitment letters into one PDF, beside LibreOffice.

Both sides print the official page (GB/T 9704 margins, serif faces at 22/16 pt).

    .venv/bin/python bench/bench_letters.py            # 1,000 letters (target: <= 10 s)
    .venv/bin/python bench/bench_letters.py --quick    # 100 letters, smoke run

Builds a demo register in a temporary folder, then times:
  * ``print_letters`` for N households without a letter (drafting the letters,
    checking every character against the fonts, drawing the pages with their
    QR codes, writing the PDF and marking the letters printed, in one
    transaction), and the same letters printed again (reprint);
  * LibreOffice (``soffice --headless --convert-to pdf``) converting the same
    letter made as a .docx with python-docx, once for one letter (what an
    office does per letter, including LibreOffice's start) and once for all N
    letters in one .docx (one page each, what a mail merge gives).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import build_demo  # noqa: E402
from app.letters import layout, printing  # noqa: E402
from app.letters.letter import get_letter, letter_text  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402


def make_docx(texts: list[dict], path: Path) -> None:
    """The letters as a Word document on the same official page: A4, margins 37/28/35/26 mm,
    Noto Serif CJK SC (Debian's fonts-noto-cjk) 22 pt bold title and 16 pt body, same
    committer table, body, consent and signature lines."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.left_margin = Mm(37), Mm(28)
        section.bottom_margin, section.right_margin = Mm(35), Mm(26)
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    style.font.size = Pt(16)
    for index, text in enumerate(texts):
        v = text["values"]
        document.add_paragraph(f"编号：{text['number']}")
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(text["title"])
        run.bold = True
        run.font.size = Pt(22)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in (("承诺人", v["committer_name"]), (v["id_label"], v["id_number"]),
                             ("所在村组", v["township"] + v["village"] + v["village_group"]),
                             ("联系电话", v["phone"])):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        for paragraph in text["body"]:
            p = document.add_paragraph(paragraph)
            p.paragraph_format.first_line_indent = Pt(32)
        document.add_paragraph("个人信息采集使用授权")
        for paragraph in text["consent"]:
            p = document.add_paragraph(paragraph)
            p.paragraph_format.first_line_indent = Pt(32)
        document.add_paragraph("承诺人（签字）：____________________　　按手印：")
        last = document.add_paragraph("日期：　　　　年　　月　　日")
        if index < len(texts) - 1:
            last.add_run().add_break(WD_BREAK.PAGE)
    document.save(path)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: Path, out_dir: Path, profile: Path) -> float:
    start = time.perf_counter()
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=3600)
    return time.perf_counter() - start


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="100 letters")
    parser.add_argument("--letters", type=int, default=None)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    n = args.letters or (100 if args.quick else 1000)

    work = Path(tempfile.mkdtemp(prefix="bench-letters-"))
    try:
        data = DataDir(work / "data")
        db = open_data_dir(data)
        operator = default_operator_id(db)
        t = time.perf_counter()
        build_demo(db, operator, households=max(2 * n + 500, 2000), seed=11)
        print(f"demo register: {time.perf_counter() - t:.1f} s")
        subjects = [r[0] for r in db.execute(
            "SELECT id FROM household WHERE id NOT IN (SELECT subject_id FROM commitment_letter) "
            "ORDER BY village_id, head_name LIMIT ?", [n])]
        assert len(subjects) == n

        out = work / "letters.pdf"
        t, cpu = time.perf_counter(), time.process_time()
        result = printing.print_letters(db, operator, out, subject_ids=subjects)
        first, first_cpu = time.perf_counter() - t, time.process_time() - cpu
        t = time.perf_counter()
        printing.print_letters(db, operator, work / "again.pdf", subject_ids=subjects)
        again = time.perf_counter() - t
        size = out.stat().st_size
        texts = [letter_text(db, get_letter(db, x["id"])) for x in result.letters]
        t = time.perf_counter()
        printing.write_pdf(texts, work / "draw-only.pdf")
        draw_only = time.perf_counter() - t
        t = time.perf_counter()
        for text in texts:
            layout.qr_matrix(text["id"])
        qr = time.perf_counter() - t

        print(f"\nletters: {n}, pages: {result.pages}, PDF {size / 1024 / 1024:.1f} MiB "
              f"({size / n / 1024:.0f} KiB per letter)")
        print(f"print_letters, new letters (draft + fonts check + PDF + mark printed): "
              f"{first:.2f} s  ({first / n * 1000:.1f} ms per letter)  target <= 10 s: "
              f"{'met' if first <= 10 * n / 1000 else 'NOT met'}")
        print(f"  CPU time of that print (what it costs on an idle machine):         "
              f"{first_cpu:.2f} s; load average during the run: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        print(f"print_letters, same letters again (reprint):                         "
              f"{again:.2f} s")
        print(f"write_pdf only (layout + QR + fonts, no database):                   "
              f"{draw_only:.2f} s")
        print(f"  of which QR matrices (zxing-cpp):                                  {qr:.2f} s")

        if args.no_libreoffice or soffice() is None:
            print("\nLibreOffice: not installed (apt-get install libreoffice-writer-nogui); "
                  "skipped")
            return 0
        version = subprocess.run([soffice(), "--version"], capture_output=True, text=True,
                                 timeout=120).stdout.strip()
        profile = work / "lo-profile"
        one = work / "one-letter.docx"
        make_docx(texts[:1], one)
        convert(one, work / "lo-warm", profile)  # first start creates the profile
        single = [convert(one, work / "lo", profile) for _ in range(3)]
        many = work / f"{n}-letters.docx"
        t = time.perf_counter()
        make_docx(texts, many)
        make = time.perf_counter() - t
        batch = convert(many, work / "lo", profile)
        lo_pages = pages_of(work / "lo" / f"{n}-letters.pdf")
        print(f"\nLibreOffice: {version}")
        print(f"one letter .docx -> PDF (process start included), best of 3: "
              f"{min(single):.2f} s; {n} letters one by one would take ~{min(single) * n:.0f} s")
        print(f"{n} letters in one .docx -> PDF: {batch:.2f} s ({lo_pages} pages; making the "
              f".docx with python-docx took {make:.2f} s)")
        print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
        return 0
    finally:
        try:
            db.close()
        except Exception:  # noqa: BLE001
            pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
