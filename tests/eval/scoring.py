"""Score `python -m bot analyze FILES --json` on a labeled item set (a module defining ITEMS).

A self-contained re-implementation of /work/shared/eval/score.py (CI may not have that folder): the items are
written as RSS/Atom feed files exactly the way score.py writes them, analyze runs in the repository root with
SITREP_DATABASE in a temporary folder, and the figures score.py prints come back as a frozen `Score`.

    from tests.eval.scoring import score_items
    s = score_items("tests/eval/items_tune.py")
    print(s.summary()); print(s.mismatches())
"""
from __future__ import annotations

import itertools
import json
import os
import runpy
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ATOM_FEEDS = frozenset({"techsec", "regionalnews", "wiredesk-update"})
# The project's own labeled sets, by name: tuned on, held out, and labelled before the analyzer read them.
ITEM_SET_FILES = {name: os.path.join(REPO_ROOT, "tests", "eval", f"items_{name}.py")
                  for name in ("tune", "holdout", "blind")}

# the bars score.py applies
DEDUP_MIN = 0.99
STORY_F1_MIN = 0.85
COUNTRY_F1_MIN = 0.92
DOMAIN_HIT_MIN = 0.8
DOMAINS_MEAN_MAX = 2.5

Item = Mapping[str, object]


class AnalyzeError(RuntimeError):
    """`python -m bot analyze` exited non-zero or timed out."""


def load_items(path: str) -> list[dict]:
    return list(runpy.run_path(path)["ITEMS"])


def link_of(it: Item, by_id: Mapping[str, Item]) -> str:
    if "same_link_as" in it:
        return link_of(by_id[it["same_link_as"]], by_id) + str(it.get("link_suffix", ""))
    if "same_guid_as" in it:
        return link_of(by_id[it["same_guid_as"]], by_id)
    return f"https://{it['feed']}.example/news/{it['id']}"


def guid_of(it: Item, by_id: Mapping[str, Item]) -> str:
    if "same_guid_as" in it:
        return guid_of(by_id[it["same_guid_as"]], by_id)
    if "same_link_as" in it:
        return link_of(it, by_id)
    return f"urn:item:{it['id']}"


def _rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")))


def write_feeds(items: Sequence[Item], folder: str) -> list[str]:
    """Write one feed file per feed name (Atom for ATOM_FEEDS, RSS 2.0 otherwise), newest entry first."""
    by_id = {it["id"]: it for it in items}
    feeds: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        feeds[it["feed"]].append(it)
    paths = []
    for name, members in sorted(feeds.items()):
        members = sorted(members, key=lambda i: i["date"], reverse=True)
        if name in ATOM_FEEDS:
            entries = "".join(
                f"<entry><id>{escape(guid_of(i, by_id))}</id><title>{escape(i['title'])}</title>"
                f"<link href=\"{escape(link_of(i, by_id))}\"/><updated>{i['date']}</updated>"
                f"<summary type=\"html\">{escape('<p>' + i['body'] + '</p>')}</summary></entry>"
                for i in members)
            xml = (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                   f"<title>{name}</title><id>urn:feed:{name}</id><updated>{members[0]['date']}</updated>{entries}</feed>")
            path = os.path.join(folder, f"{name}.atom")
        else:
            entries = "".join(
                f"<item><title>{escape(i['title'])}</title><link>{escape(link_of(i, by_id))}</link>"
                f"<guid isPermaLink=\"false\">{escape(guid_of(i, by_id))}</guid><pubDate>{_rfc822(i['date'])}</pubDate>"
                f"<description>{escape('<p>' + i['body'] + '</p>')}</description></item>"
                for i in members)
            xml = (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{name}</title>"
                   f"<link>https://{name}.example/</link><description>{name} news</description>{entries}</channel></rss>")
            path = os.path.join(folder, f"{name}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)
        paths.append(path)
    return paths


def _pairs(groups: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:
    out = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def _prf(pred: set, truth: set) -> tuple[float, float, float]:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _pair_lines(kind: str, pairs: set[tuple[str, str]], labels: Mapping[str, str]) -> list[str]:
    return [f"{kind} {a} ({labels.get(a)}) ~ {b} ({labels.get(b)})" for a, b in sorted(pairs)]


@dataclass(frozen=True)
class Score:
    name: str
    items: int                      # items found in analyze's output
    total: int                      # items in the set
    missing: tuple[str, ...]
    dedup_precision: float
    dedup_recall: float
    story_precision: float
    story_recall: float
    story_f1: float
    country_precision: float
    country_recall: float
    country_f1: float
    trap_hits: tuple[str, ...]      # "id:CODE" for each `never` code analyze emitted
    domain_hit_rate: float          # share of items whose primary domain is among the emitted domains
    mean_domains: float             # mean number of domains emitted per item
    details: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def failures(self) -> tuple[str, ...]:
        """One line per bar that does not hold."""
        out = []
        if self.missing:
            out.append(f"{len(self.missing)} items missing from analyze output: {list(self.missing)[:20]}")
        if self.dedup_precision < DEDUP_MIN:
            out.append(f"dedup precision {self.dedup_precision:.3f} < {DEDUP_MIN}")
        if self.dedup_recall < DEDUP_MIN:
            out.append(f"dedup recall {self.dedup_recall:.3f} < {DEDUP_MIN}")
        if self.story_f1 < STORY_F1_MIN:
            out.append(f"story pairwise F1 {self.story_f1:.3f} < {STORY_F1_MIN}")
        if self.country_f1 < COUNTRY_F1_MIN:
            out.append(f"country F1 {self.country_f1:.3f} < {COUNTRY_F1_MIN}")
        if self.trap_hits:
            out.append(f"trap codes emitted: {list(self.trap_hits)}")
        if self.domain_hit_rate < DOMAIN_HIT_MIN:
            out.append(f"primary domain hit rate {self.domain_hit_rate:.3f} < {DOMAIN_HIT_MIN}")
        if self.mean_domains > DOMAINS_MEAN_MAX:
            out.append(f"mean domains per item {self.mean_domains:.2f} > {DOMAINS_MEAN_MAX}")
        return tuple(out)

    @property
    def holds(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        return (f"{self.name}: items {self.items}/{self.total} dedup {self.dedup_precision:.2f}/{self.dedup_recall:.2f} "
                f"stories P {self.story_precision:.2f} R {self.story_recall:.2f} F1 {self.story_f1:.2f} "
                f"countries P {self.country_precision:.2f} R {self.country_recall:.2f} F1 {self.country_f1:.2f} "
                f"traps {len(self.trap_hits)} domains {self.domain_hit_rate:.2f} (mean {self.mean_domains:.2f}) "
                f"-> {'holds' if self.holds else 'short'}")

    def mismatches(self, limit: int | None = 200) -> str:
        """Human-readable list of what went wrong, item by item and pair by pair."""
        lines = [self.summary(), *self.failures, *self.details]
        if limit is not None and len(lines) > limit:
            lines = lines[:limit] + [f"... {len(lines) - limit} more lines"]
        return "\n".join(lines)


def score_rows(items: Sequence[Item], rows: Sequence[Mapping], name: str = "items") -> Score:
    """Score analyze's output rows (dicts with guid, link, duplicate_of, story, countries, domains)."""
    by_id = {it["id"]: it for it in items}
    # map rows back to items by (guid, link); an update shares both, so rows are taken in date order
    key_to_items: dict[tuple[str, str], list[str]] = defaultdict(list)
    for it in sorted(items, key=lambda i: i["date"]):
        key_to_items[(guid_of(it, by_id), link_of(it, by_id))].append(it["id"])
    seen: dict[tuple, int] = defaultdict(int)
    got: dict[str, Mapping] = {}
    for row in rows:
        k = (row.get("guid"), row.get("link"))
        ids = key_to_items.get(k)
        if not ids:
            continue
        idx = seen[k]
        seen[k] += 1
        if idx < len(ids):
            got[ids[idx]] = row
    missing = tuple(it["id"] for it in items if it["id"] not in got)
    guid_to_id: dict[object, str] = {}
    for iid, row in got.items():
        guid_to_id.setdefault(row.get("guid"), iid)

    parent = {i: i for i in got}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for iid, row in got.items():
        d = row.get("duplicate_of")
        if d and d in guid_to_id:
            parent[find(iid)] = find(guid_to_id[d])
    pdup: dict[str, set[str]] = defaultdict(set)
    for iid in got:
        pdup[find(iid)].add(iid)
    tdup: dict[str, set[str]] = defaultdict(set)
    tstory: dict[str, set[str]] = defaultdict(set)
    for it in items:
        if it["id"] in got:
            tdup[it["dup"]].add(it["id"])
            tstory[it["story"]].add(it["id"])
    pstory: dict[str, set[str]] = defaultdict(set)
    for iid, row in got.items():
        pstory[str(row.get("story"))].add(iid)
    pd, td, ps, ts = _pairs(pdup), _pairs(tdup), _pairs(pstory), _pairs(tstory)
    dp, dr, _ = _prf(pd, td)
    sp, sr, sf = _prf(ps, ts)

    details: list[str] = []
    tp = fp = fn = 0
    trap_hits: list[str] = []
    dom_hit = 0
    dom_total = 0
    for it in items:
        row = got.get(it["id"])
        if row is None:
            continue
        pred = set(row.get("countries") or [])
        truth = set(it["cc"])
        tp += len(pred & truth)
        fp += len(pred - truth)
        fn += len(truth - pred)
        for bad in it.get("never", []):
            if bad in pred:
                trap_hits.append(f"{it['id']}:{bad}")
        doms = set(row.get("domains") or [])
        dom_total += len(doms)
        dom_hit += it["domain"] in doms
        if pred != truth:
            details.append(f"countries {it['id']}: got {sorted(pred)} want {sorted(truth)}"
                           f" (extra {sorted(pred - truth)}, missed {sorted(truth - pred)}) | {it['title']}")
        if it["domain"] not in doms:
            details.append(f"domain {it['id']}: got {sorted(doms)} want {it['domain']} | {it['title']}")
    dup_label = {it["id"]: str(it["dup"]) for it in items}
    story_label = {it["id"]: str(it["story"]) for it in items}
    details += _pair_lines("dup merged wrongly:", pd - td, dup_label)
    details += _pair_lines("dup missed:", td - pd, dup_label)
    details += _pair_lines("story merged wrongly:", ps - ts, story_label)
    details += _pair_lines("story split:", ts - ps, story_label)
    cp = tp / (tp + fp) if tp + fp else 1.0
    cr = tp / (tp + fn) if tp + fn else 1.0
    cf = 2 * cp * cr / (cp + cr) if cp + cr else 0.0
    n = len(got)
    return Score(
        name=name, items=n, total=len(items), missing=missing,
        dedup_precision=dp, dedup_recall=dr,
        story_precision=sp, story_recall=sr, story_f1=sf,
        country_precision=cp, country_recall=cr, country_f1=cf,
        trap_hits=tuple(trap_hits),
        domain_hit_rate=dom_hit / n if n else 0.0,
        mean_domains=dom_total / n if n else 0.0,
        details=tuple(details),
    )


def parse_rows(stdout: str) -> list[dict]:
    """The JSON-lines rows of analyze's output (lines starting with '{'), as score.py reads them."""
    return [json.loads(line) for line in stdout.splitlines() if line.strip().startswith("{")]


def run_analyze(paths: Sequence[str], db_path: str, repo_root: str = REPO_ROOT, python: str = sys.executable,
                timeout: float = 300) -> str:
    env = dict(os.environ, SITREP_DATABASE=db_path)
    try:
        proc = subprocess.run([python, "-m", "bot", "analyze", *paths, "--json"], cwd=repo_root,
                              capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        raise AnalyzeError(f"analyze timed out after {timeout}s") from e
    if proc.returncode != 0:
        raise AnalyzeError(f"analyze failed: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    return proc.stdout


def score_items(items_path: str, repo_root: str = REPO_ROOT, python: str = sys.executable,
                timeout: float = 300) -> Score:
    """Write the items of `items_path` as feeds, run analyze on them and score its output."""
    items = load_items(items_path)
    name = os.path.splitext(os.path.basename(items_path))[0]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_feeds(items, tmp)
        stdout = run_analyze(paths, os.path.join(tmp, "db.sqlite3"), repo_root, python, timeout)
    return score_rows(items, parse_rows(stdout), name)


if __name__ == "__main__":
    for path in sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "items_tune.py")]:
        s = score_items(path)
        print(s.mismatches(limit=None))
