"""The offline CLI end to end: demo, analyze contract, feeds, ingest, search, export, brief, relations, story."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.gc_tuning import YOUNG_THRESHOLD
from tests.helpers.feeds import Item, rss

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-11-25T18:45Z"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("SITREP_DATABASE", str(path))
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "--database", str(path)]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_prints_feeds_briefing_and_relations(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "Feeds: 13" in out and "malformed feed" in out
    assert "duplicates folded" in out and "unchanged (304)" in out and "updated in place" in out
    assert "Briefing for the 24 hours" in out and "MILITARY" in out
    assert "Russia and Iran: the last 14 days" in out and "military" in out
    assert not db.exists(), "the demo uses its own database unless --database is given"


def test_story_search_brief_and_relations_on_the_demo(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_DATABASE", str(demo_db))
    code, out, _ = run(capsys, "brief", "--at", AT, "--format", "json")
    briefing = json.loads(out)
    top = briefing["sections"][0]["stories"][0]
    assert code == 0 and top["publishers"] >= 3 and top["domain"] == "military"
    code, out, _ = run(capsys, "story", str(top["story"]))
    assert code == 0 and "Coverage:" in out and "Tags and their evidence:" in out
    code, out, _ = run(capsys, "brief", "--at", AT, "--country", "iranian", "--format", "markdown")
    assert code == 0 and out.startswith("# Briefing") and "country IR" in out
    code, out, _ = run(capsys, "search", "drone", "deal", "--limit", "3")
    assert code == 0 and "drone" in out.lower()
    chart = tmp_path / "ri.png"
    code, out, _ = run(capsys, "relations", "Moscow", "IR", "--days", "14", "--at", AT, "--chart", str(chart))
    assert code == 0 and "Russia and Iran" in out
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_export_jsonl_and_csv(capsys: pytest.CaptureFixture[str], demo_db: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_DATABASE", str(demo_db))
    code, out, _ = run(capsys, "export", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) > 80 and {"id", "title", "link", "duplicate_of"} <= set(rows[0])
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == len(rows)


def test_feeds_commands(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "feeds", "add", "https://example.com/rss.xml")
    assert code == 0 and "Added feed 1" in out
    opml = tmp_path / "in.opml"
    opml.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/>'
                    '<outline text="dup" xmlUrl="https://example.com/rss.xml"/></body></opml>')
    code, out, _ = run(capsys, "feeds", "import-opml", str(opml))
    assert code == 0 and "Imported 1 new feeds (1 already present" in out
    code, out, _ = run(capsys, "feeds", "list")
    assert "https://a.example/feed" in out and "new (not fetched yet)" in out
    code, out, _ = run(capsys, "feeds", "export-opml")
    assert 'xmlUrl="https://a.example/feed"' in out
    code, out, _ = run(capsys, "feeds", "remove", "1")
    assert code == 0
    code, _, err = run(capsys, "feeds", "remove", "1")
    assert code == 2 and "no feed 1" in err


def test_the_cli_tunes_the_garbage_collector_before_any_command(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    default = gc.get_threshold()
    gc.set_threshold(700, *default[1:])  # the conftest puts back what was there before
    code, _, _ = run(capsys, "feeds", "list")
    assert code == 0
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *default[1:])


def test_feeds_add_refuses_private_addresses_in_production(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, _, err = run(capsys, "feeds", "add", "http://169.254.169.254/latest/meta-data")
    assert code == 2 and "metadata" in err and len(err.strip().splitlines()) == 1


def test_analyze_contract(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.xml"
    first.write_bytes(rss([Item("Iran and Russia sign drone deal", "Tehran and Moscow agreed a drone deal on Monday.",
                                guid="a1", link="https://a.example/1"),
                           Item("No guid here", "Text.", link="https://a.example/2")], title="Feed A"))
    code, out, _ = run(capsys, "analyze", str(first), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert set(rows[0]) == {"guid", "link", "feed", "duplicate_of", "story", "countries", "domains"}
    by_guid = {row["guid"]: row for row in rows}
    assert by_guid["a1"]["feed"] == "Feed A" and set(by_guid["a1"]["countries"]) == {"IR", "RU"}
    assert by_guid["https://a.example/2"]["duplicate_of"] is None
    code, again, _ = run(capsys, "analyze", str(first), "--json")
    assert [json.loads(line)["duplicate_of"] for line in again.splitlines()] == [None, None], \
        "a file analysed again is new to the database again"


@pytest.mark.parametrize("args, message", [
    (["analyze", "missing.xml", "--json"], "no such file"),
    (["search", "x", "--limit", "0"], "--limit"),
    (["brief", "--country", "atlantis"], "not a country"),
    (["relations", "russia", "russia"], "two different"),
    (["story", "999"], "no story 999"),
    (["nonsense"], "invalid choice"),
])
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=db.parent,
                            env={"SITREP_DATABASE": str(db), "PATH": "", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_malformed_file_in_analyze_is_exit_2(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<rss><channel><item><title>cut off")
    result = subprocess.run([sys.executable, "-m", "bot", "analyze", str(bad), "--json"], capture_output=True,
                            text=True, cwd=tmp_path, env={"SITREP_DATABASE": str(db), "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2 and "cannot parse" in result.stderr and result.stdout == ""


def test_analysing_a_file_again_does_not_inflate_relations(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    sample = ROOT / "bot" / "demo" / "data" / "cycle1" / "eurasia-monitor.xml"
    outputs = []
    for _ in range(3):
        assert main(["analyze", str(sample), "--json"]) == 0
        capsys.readouterr()
        assert main(["relations", "russia", "iran", "--days", "60", "--at", AT]) == 0
        outputs.append(capsys.readouterr().out.splitlines()[1])
    assert outputs[0] == outputs[1] == outputs[2]


def test_demo_matches_its_labels(demo_db: Path) -> None:
    """The bundled sample is labelled (bot/demo/data/expected.json, the shared dev set's rules): what the demo
    shows a newcomer must be right. Copies fold into their original, every item has exactly its countries (none
    from a feed's boilerplate "Follow our live coverage of the war in Ukraine here."), and stories group the
    same events (pairwise F1: 0.95, as three pairs of events that share a place or a holiday are merged)."""
    expected = json.loads((ROOT / "bot" / "demo" / "data" / "expected.json").read_text(encoding="utf-8"))
    with contextlib.closing(sqlite3.connect(demo_db)) as db:
        by_guid = {row[0]: row[1:] for row in db.execute(
            "SELECT guid, link, coalesce(duplicate_of, id), story_id FROM articles")}
        tags: dict[int, set[str]] = {}
        for article_id, code in db.execute("SELECT article_id, tag FROM article_tags WHERE kind = 'country'"):
            tags.setdefault(article_id, set()).add(code)
    by_link = {link: (link, root, story) for link, root, story in by_guid.values()}
    stored = {item["key"]: by_guid.get(item["guid"]) or by_link[item["link"]] for item in expected["items"]}
    labels = {item["key"]: item for item in expected["items"]}
    for key, (_, root, _) in stored.items():
        assert tags.get(root, set()) == set(labels[key]["cc"]), key
    pairs = list(itertools.combinations(sorted(stored), 2))
    assert all((stored[a][1] == stored[b][1]) == (labels[a]["dup"] == labels[b]["dup"]) for a, b in pairs)
    same_story = {(a, b) for a, b in pairs if stored[a][2] is not None and stored[a][2] == stored[b][2]}
    same_event = {(a, b) for a, b in pairs if labels[a]["story"] == labels[b]["story"]}
    found = len(same_story & same_event)
    f1 = 2 * found / (len(same_story) + len(same_event))
    assert f1 >= 0.9, f"story pairwise F1 {f1:.2f}"
