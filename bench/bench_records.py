"""Records benchmarks: one credit report, 1,000 reports in a batch, list
status look-ups, verification, and this area's part of building the demo.

    python bench/bench_records.py [--households 100000] [--reports 1000] [--quick]

Builds a demo register of the given size in a temporary folder (the demo
includes this area's records, lists, repairs and objections), then times the
app's own functions. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.jobs import Job  # noqa: E402
from app.list_status import identity_status, list_status  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.records import report  # noqa: E402
from app.records.demo import demo_extension  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="2,000 households, 100 reports")
    args = parser.parse_args()
    if args.quick:
        args.households, args.reports = 2000, 100
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp) / "data")
        db = open_data_dir(data)
        op = default_operator_id(db)
        from app.demo import build_demo

        start = time.perf_counter()
        build_demo(db, op, households=args.households, seed=2026)
        rows.append((f"demo register, {args.households:,} households (all areas)",
                     f"{time.perf_counter() - start:.1f} s"))
        # This area's demo part alone, again on top (sampled subjects).
        start = time.perf_counter()
        demo_extension(db, op, random.Random(1), Job())
        rows.append(("records demo extension alone (sampled subjects)",
                     f"{time.perf_counter() - start:.2f} s"))
        counts = db.execute("SELECT COUNT(*) FROM credit_record").fetchone()[0], \
            db.execute("SELECT COUNT(*) FROM list_entry").fetchone()[0]
        rows.append(("credit records / list entries in the register", f"{counts[0]:,} / "
                                                                      f"{counts[1]:,}"))
        # Subjects with records (the heavier reports) and plain ones.
        with_records = [r[0] for r in db.execute(
            "SELECT DISTINCT h.head_id_number FROM credit_record c JOIN household h "
            "ON h.id = c.subject_id LIMIT ?", [args.reports])]
        plain = [r[0] for r in db.execute(
            "SELECT head_id_number FROM household ORDER BY random() LIMIT ?", [args.reports])]
        subjects = (with_records + plain)[: args.reports]
        out = Path(tmp) / "one.pdf"
        start = time.perf_counter()
        report.issue_report(db, op, subjects[0], purpose="贷款审批", output=out)
        rows.append(("first report of the process (fonts load)",
                     ms(time.perf_counter() - start)))
        times, cpu = [], []
        for subject in subjects[:50]:
            start, start_cpu = time.perf_counter(), time.process_time()
            row = report.issue_report(db, op, subject, purpose="贷款审批", output=out)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        rows.append(("one credit report (issue + sign + PDF + register + log), median of 50",
                     ms(statistics.median(times))))
        rows.append(("  CPU time of one report, median of 50 (what it costs on an idle machine)",
                     ms(statistics.median(cpu))))
        rows.append(("one credit report, 95th percentile", ms(percentile(times, 0.95))))
        rows.append(("report PDF size", f"{out.stat().st_size / 1024:.0f} KiB"))
        start = time.perf_counter()
        made = report.issue_batch(db, op, subjects, purpose="贷款审批", folder=Path(tmp) / "batch")
        total = time.perf_counter() - start
        rows.append((f"{len(made):,} reports in a batch", f"{total:.1f} s "
                                                         f"({total / len(made) * 1000:.0f} ms each)"))
        start = time.perf_counter()
        result = report.verify_report(db, row["verify_code"], pdf_path=out)
        rows.append(("verify a report (code + file + facts)", ms(time.perf_counter() - start)))
        assert result["current"], result["message"]
        numbers = [r[0] for r in db.execute(
            "SELECT head_id_number FROM household ORDER BY random() LIMIT 500")]
        listed = [r[0] for r in db.execute("SELECT id_number FROM list_entry LIMIT 100")]
        times = []
        for number in numbers + listed:
            start = time.perf_counter()
            list_status(db, id_number=number)
            times.append(time.perf_counter() - start)
        rows.append(("list_status for a typed ID number, median / 95th",
                     f"{ms(statistics.median(times))} / {ms(percentile(times, 0.95))}"))
        # What the identity banner costs in a form: every keystroke of a number is
        # looked up (incomplete numbers read nothing), then the whole number.
        whole, keystrokes = [], []
        cpu = time.process_time()
        for number in numbers + listed:
            for i in range(1, len(number)):
                start = time.perf_counter()
                identity_status(db, number[:i])
                keystrokes.append(time.perf_counter() - start)
            start = time.perf_counter()
            identity_status(db, number)
            whole.append(time.perf_counter() - start)
        cpu = time.process_time() - cpu
        rows.append(("identity_status (banner) for a whole number, median / 95th",
                     f"{ms(statistics.median(whole))} / {ms(percentile(whole, 0.95))}"))
        rows.append(("identity_status for a number still being typed, median / max",
                     f"{ms(statistics.median(keystrokes))} / {ms(max(keystrokes))}"))
        rows.append((f"  CPU time, {len(whole)} numbers typed key by key (18 look-ups each)",
                     f"{cpu:.2f} s ({cpu / len(whole) * 1000:.1f} ms a number)"))
        db.close()
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}\n")
    print("| what | figure |\n|---|---|")
    for what, figure in rows:
        print(f"| {what} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
