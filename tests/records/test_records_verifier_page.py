"""The offline HTML verifier page, run in headless Chromium (WebCrypto Ed25519)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from urllib.parse import quote

import pytest

from app.records import verification
from app.records.report import issue_report

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser",
                                                 "google-chrome") if shutil.which(name)), None)


@pytest.fixture
def chromium():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing on CI (packaging/setup-env.sh installs it)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def open_page(chromium, page, text, tmp_path) -> tuple[str, str]:
    """The verdict (data-result) and the answer text after the page checked ``text``."""
    url = page.resolve().as_uri() + "#" + quote(text, safe="")
    done = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
         "--dump-dom", url], capture_output=True, text=True, timeout=120)
    match = re.search(r'<div id="result"[^>]*data-result="(\w+)"[^>]*>(.*?)</div>\s*<p',
                      done.stdout, re.S)
    assert match, done.stdout[-2000:] + done.stderr[-2000:]
    return match.group(1), html.unescape(re.sub(r"<[^>]+>", " ", match.group(2)))


def test_verifier_page_accepts_a_genuine_report_and_refuses_an_altered_one(
        chromium, demo_db, op, household, tmp_path):
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    page = verification.write_verifier_page(demo_db, str(tmp_path / "verify.html"))
    verdict, answer = open_page(chromium, page, row["qr_text"], tmp_path)
    facts = verification.parse(row["qr_text"]).fields
    assert verdict == "valid", answer
    for shown in (facts["no"], facts["subject"], facts["grade"], facts["lists"]):
        assert shown in answer
    forged = row["qr_text"].replace(f"lists={facts['lists']}", "lists=无记录")
    assert forged != row["qr_text"]
    verdict, answer = open_page(chromium, page, forged, tmp_path)
    assert verdict == "invalid" and "不是真实报告" in answer


def test_verifier_page_refuses_a_key_it_does_not_hold(chromium, demo_db, op, household,
                                                      tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    page = verification.write_verifier_page(demo_db, str(tmp_path / "verify.html"))
    stranger = verification.qr_text(verification.parse(row["qr_text"]).fields,
                                     Ed25519PrivateKey.generate())
    verdict, answer = open_page(chromium, page, stranger, tmp_path)
    assert verdict == "invalid" and "不在本页信任的密钥中" in answer
