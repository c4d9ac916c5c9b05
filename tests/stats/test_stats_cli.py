"""``credit-desk stats`` on the demo township: the figures agree with
``rating summary`` and with the lists behind them; the monthly report
prints as a PDF (parsed back and rendered) and opens as .xlsx."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import openpyxl
from pypdf import PdfReader


def _json(cli, demo_data, *args):
    result = cli(*args, "--json", data=demo_data, check=True)
    return json.loads(result.stdout)


def test_stats_agree_with_rating_summary_and_the_lists(cli, demo_data, demo_db):
    stats = _json(cli, demo_data, "stats", "--year", str(dt.date.today().year))
    rating = _json(cli, demo_data, "rating", "summary")
    assert [v["village_code"] for v in stats["villages"]] == [v["village_code"] for v in rating["villages"]]
    for mine, theirs in zip(stats["villages"], rating["villages"]):
        for key in ("households", "rated", "credit_households", "credit_share",
                    "is_credit_village", "on_time_rate", "npl_ratio", "loan_balance_fen", "grades"):
            assert mine[key] == theirs[key], (mine["village_code"], key)
    for key in ("households", "rated", "credit_share", "credit_villages", "is_credit_township",
                "grades", "npl_ratio", "on_time_rate"):
        assert stats["township"][key] == rating["township"][key], key
    assert set(stats["rates"]) >= {"upload_rate", "compliance_rate", "timeliness_rate",
                                   "wrong_code_per_10000"}
    # The lists behind the figures hold exactly what the figures count.
    households = demo_db.execute("SELECT count(*) FROM household").fetchone()[0]
    assert stats["township"]["households"] == households
    signed = dict(demo_db.execute("SELECT village_id, count(*) FROM commitment_letter "
                                  "WHERE status = 'signed' GROUP BY 1").fetchall())
    for v in stats["villages"]:
        assert v["letters_signed"] == signed.get(v["village_id"], 0)
    rates = stats["rates"]
    assert len(stats["drill_down"]["not_uploaded"]) == rates["decisions"] - rates["uploaded"]
    assert len(stats["drill_down"]["wrong_codes"]) == rates["wrong_code_subjects"]
    records = demo_db.execute("SELECT count(*) FROM credit_record").fetchone()[0]
    assert stats["records"]["total"] == records


def test_monthly_report_prints_as_pdf_and_opens_as_xlsx(cli, demo_data, tmp_path):
    month = dt.date.today().strftime("%Y-%m")
    stats = _json(cli, demo_data, "stats", "--month", month)
    pdf = tmp_path / "月报.pdf"
    cli("stats", "--month", month, "-o", str(pdf), data=demo_data, check=True)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "石泉镇" in text and f"{dt.date.today().year}年{dt.date.today().month}月" in text
    for village in stats["villages"][:3]:
        assert village["village_name"] in text
    assert f"{stats['township']['credit_share'] * 100:.2f}%" in text
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 1000

    xlsx = tmp_path / "月报.xlsx"
    cli("stats", "--month", month, "-o", str(xlsx), data=demo_data, check=True)
    book = openpyxl.load_workbook(xlsx)
    villages = book.worksheets[0]
    rows = list(villages.iter_rows(values_only=True))
    assert len(rows) == 1 + len(stats["villages"]) + 1
    assert [r[1] for r in rows[1:-1]] == [v["households"] for v in stats["villages"]]
    assert rows[-1][1] == stats["township"]["households"]
    assert len(book.worksheets) == 4


def test_bad_month_and_bad_file_say_how_to_fix(cli, demo_data, tmp_path):
    bad = cli("stats", "--month", "2026-13", data=demo_data)
    assert bad.returncode != 0 and "2026-13" in bad.stderr and "2026-11" in bad.stderr
    wrong = cli("stats", "-o", str(tmp_path / "x.doc"), data=demo_data)
    assert wrong.returncode != 0 and ".pdf" in wrong.stderr
