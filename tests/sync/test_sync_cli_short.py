"""``credit-desk sync --to-file DIR``, ``--receipt FILE`` and ``--url URL`` (in process)."""

from __future__ import annotations

import json

from app.cli import main
from app.county.files import receive_files


def test_short_forms_file_round_trip_then_url(demo_data, county, tmp_path, capsys):
    root = ["--data-dir", str(demo_data.root)]
    assert main([*root, "sync", "enroll", "--url", county.url]) == 0
    assert "已生效" in capsys.readouterr().out
    stick = tmp_path / "stick"
    assert main([*root, "sync", "--to-file", str(stick), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["batches"] == len(list(stick.glob("*.ctbatch"))) >= 1
    taken = receive_files(county.store, sorted(stick.glob("*.ctbatch")))
    assert len(taken) == written["batches"] and all("refused" not in t for t in taken)
    assert main([*root, "sync", "--receipt", str(stick), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["acknowledged"] == len(taken) and not imported["refused"]
    assert main([*root, "sync", "--url", county.url, "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert both["push"]["changes_sent"] == 0 and both["push"]["pending_after"] == 0
    assert both["pull"]["packages"] == 0
    assert main([*root, "sync", "--json"]) == 0  # no action: the status
    assert json.loads(capsys.readouterr().out)["pending_changes"] == 0
