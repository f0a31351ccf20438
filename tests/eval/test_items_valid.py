"""Sanity checks on the labeled evaluation sets themselves (no `bot analyze` needed).

They keep the labels internally consistent: a set that fails here would score the pipeline wrongly.
"""
import itertools
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import pycountry
import pytest

from .scoring import ATOM_FEEDS, ITEM_SET_FILES, guid_of, link_of, load_items, score_rows, write_feeds

PREFIX = {"tune": "t", "holdout": "h", "blind": "b"}
STORY_PREFIX = {"tune": "T", "holdout": "H", "blind": "B"}
MIN_ITEMS = {"tune": 170, "holdout": 70, "blind": 35}
MIN_TRAPS = {"tune": 30, "holdout": 12, "blind": 5}
MIN_EACH_DUP_KIND = {"tune": 3, "holdout": 3, "blind": 1}
MIN_MULTI_OUTLET_STORIES = {"tune": 40, "holdout": 25, "blind": 3}

DOMAINS = {"military", "diplomacy", "economy", "cyber", "information", "politics", "humanitarian", "other"}
REQUIRED = {"id", "feed", "title", "body", "date", "dup", "story", "cc", "domain"}
OPTIONAL = {"never", "same_link_as", "link_suffix", "same_guid_as"}
ISO2 = {c.alpha_2 for c in pycountry.countries}
DATE_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
FEED_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
WINDOW = (datetime(2026, 10, 1), datetime(2026, 12, 1))
STORY_SPAN = timedelta(hours=72)

SETS = {name: load_items(path) for name, path in ITEM_SET_FILES.items()}
NAMES = sorted(SETS)


def when(it):
    return datetime.strptime(it["date"], "%Y-%m-%dT%H:%M:%SZ")


def dup_kind(it, by_id):
    """'tracking', 'update', 'mirror', 'syndicated' for a copy of an earlier article, None for an original."""
    if "same_link_as" in it:
        return "tracking"
    if "same_guid_as" in it:
        return "update"
    if it["dup"] == it["id"]:
        return None
    root = by_id[it["dup"]]
    if (it["title"], it["body"]) == (root["title"], root["body"]):
        return "mirror"
    if it["body"].startswith(root["body"]) and it["body"] != root["body"]:
        return "syndicated"
    return "other"


def groups(items, key):
    out = defaultdict(list)
    for it in items:
        out[it[key]].append(it)
    return out


def ideal_rows(items):
    """What a perfect analyzer would print for these items."""
    by_id = {it["id"]: it for it in items}
    first_of_dup = {}
    rows = []
    for it in sorted(items, key=lambda i: i["date"]):
        first = first_of_dup.setdefault(it["dup"], it)
        rows.append({"guid": guid_of(it, by_id), "link": link_of(it, by_id),
                     "duplicate_of": None if first is it else guid_of(first, by_id),
                     "story": it["story"], "countries": list(it["cc"]), "domains": [it["domain"]]})
    return rows


@pytest.mark.parametrize("name", NAMES)
def test_structure(name):
    problems = []
    for it in SETS[name]:
        keys = set(it)
        if REQUIRED - keys:
            problems.append(f"{it.get('id')}: missing keys {sorted(REQUIRED - keys)}")
        if keys - REQUIRED - OPTIONAL:
            problems.append(f"{it.get('id')}: unknown keys {sorted(keys - REQUIRED - OPTIONAL)}")
        for k in ("id", "feed", "title", "body", "date", "dup", "story", "domain"):
            if not isinstance(it.get(k), str) or not it.get(k, "").strip():
                problems.append(f"{it.get('id')}: {k} must be a non-empty string")
        if not FEED_RE.match(it.get("feed", "")):
            problems.append(f"{it['id']}: feed name {it.get('feed')!r} is not lower-case words")
        if it.get("domain") not in DOMAINS:
            problems.append(f"{it['id']}: domain {it.get('domain')!r} not one of {sorted(DOMAINS)}")
        if not it["id"].startswith(PREFIX[name]) or not it["story"].startswith(STORY_PREFIX[name]):
            problems.append(f"{it['id']}: ids start with {PREFIX[name]!r}, stories with {STORY_PREFIX[name]!r}")
    assert not problems, "\n".join(problems)
    assert len(SETS[name]) >= MIN_ITEMS[name], f"{name} has {len(SETS[name])} items, want >= {MIN_ITEMS[name]}"


def test_ids_unique_across_sets():
    ids = Counter(it["id"] for name in NAMES for it in SETS[name])
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {[i for i, n in ids.items() if n > 1]}"


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(NAMES, 2)))
def test_sets_are_independent(first, second):
    for field in ("story", "title", "body"):
        values = {name: {it[field].lower() for it in SETS[name]} for name in (first, second)}
        assert not values[first] & values[second], f"{field}s in both sets: {values[first] & values[second]}"


@pytest.mark.parametrize("name", NAMES)
def test_dates(name):
    problems = []
    for it in SETS[name]:
        if not DATE_RE.match(it["date"]):
            problems.append(f"{it['id']}: date {it['date']!r} is not YYYY-MM-DDTHH:MM:SSZ")
        elif not WINDOW[0] <= when(it) < WINDOW[1]:
            problems.append(f"{it['id']}: date {it['date']} outside Oct-Nov 2026")
    assert not problems, "\n".join(problems)
    for story, members in groups(SETS[name], "story").items():
        span = max(map(when, members)) - min(map(when, members))
        assert span <= STORY_SPAN, f"story {story} spans {span}, want <= 72 h: {[m['id'] for m in members]}"


@pytest.mark.parametrize("name", NAMES)
def test_countries(name):
    problems = []
    for it in SETS[name]:
        cc, never = it["cc"], it.get("never", [])
        if not isinstance(cc, list) or not isinstance(never, list):
            problems.append(f"{it['id']}: cc and never must be lists")
            continue
        for code in cc + never:
            if code not in ISO2:
                problems.append(f"{it['id']}: {code!r} is not an ISO 3166-1 alpha-2 code")
        if len(set(cc)) != len(cc) or len(set(never)) != len(never):
            problems.append(f"{it['id']}: repeated codes")
        if set(cc) & set(never):
            problems.append(f"{it['id']}: codes both in cc and never: {sorted(set(cc) & set(never))}")
        if "never" in it and not never:
            problems.append(f"{it['id']}: empty never list")
    assert not problems, "\n".join(problems)
    traps = sum(1 for it in SETS[name] if it.get("never"))
    assert traps >= MIN_TRAPS[name], f"{name} has {traps} trap items, want >= {MIN_TRAPS[name]}"


@pytest.mark.parametrize("name", NAMES)
def test_copies_point_back(name):
    items = SETS[name]
    by_id = {it["id"]: it for it in items}
    problems = []
    for it in items:
        refs = [k for k in ("same_link_as", "same_guid_as") if k in it]
        if len(refs) > 1:
            problems.append(f"{it['id']}: both same_link_as and same_guid_as")
        if ("link_suffix" in it) != ("same_link_as" in it) or ("link_suffix" in it and not it["link_suffix"]):
            problems.append(f"{it['id']}: link_suffix goes with same_link_as, and must not be empty")
        for ref in refs:
            target = by_id.get(it[ref])
            if target is None:
                problems.append(f"{it['id']}: {ref} {it[ref]!r} is not in this set")
                continue
            if "same_link_as" in target or "same_guid_as" in target:
                problems.append(f"{it['id']}: {ref} points at a copy ({target['id']}), not an original")
            if not when(target) < when(it):
                problems.append(f"{it['id']}: {ref} target {target['id']} is not earlier")
            for k in ("dup", "story", "domain"):
                if it[k] != target[k]:
                    problems.append(f"{it['id']}: {k} differs from its {ref} target {target['id']}")
            if sorted(it["cc"]) != sorted(target["cc"]):
                problems.append(f"{it['id']}: cc differs from its {ref} target {target['id']}")
        if "same_link_as" in it and (it["title"], it["body"]) != (by_id[it["same_link_as"]]["title"],
                                                                 by_id[it["same_link_as"]]["body"]):
            problems.append(f"{it['id']}: a tracked link carries the same title and body as its target")
        if "same_guid_as" in it:
            target = by_id[it["same_guid_as"]]
            if it["feed"] == target["feed"]:
                problems.append(f"{it['id']}: an update goes in its own feed file (not {target['feed']})")
            if it["title"] == target["title"]:
                problems.append(f"{it['id']}: an update changes the title")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_duplicates_are_consistent(name):
    items = SETS[name]
    by_id = {it["id"]: it for it in items}
    problems = []
    for dup, members in groups(items, "dup").items():
        if dup not in {m["id"] for m in members}:
            problems.append(f"dup label {dup} is not the id of one of its items")
            continue
        if min(members, key=when)["id"] != dup:
            problems.append(f"dup label {dup} is not the earliest item of its group")
        for m in members:
            if m["story"] != by_id[dup]["story"] or m["domain"] != by_id[dup]["domain"] \
                    or sorted(m["cc"]) != sorted(by_id[dup]["cc"]):
                problems.append(f"{m['id']}: story, domain and cc must match its dup group's first item {dup}")
            if dup_kind(m, by_id) == "other":
                problems.append(f"{m['id']}: a copy must be a mirror, a syndicated copy, a tracked link or an update")
    # the same text under two dup labels would make the dedup labels contradict themselves
    for a in items:
        for b in items:
            if a["id"] < b["id"] and a["dup"] != b["dup"]:
                if a["body"].startswith(b["body"]) or b["body"].startswith(a["body"]):
                    problems.append(f"{a['id']} and {b['id']} share a body but not a dup label")
    assert not problems, "\n".join(problems)
    kinds = Counter(dup_kind(it, by_id) for it in items)
    for kind in ("mirror", "syndicated", "tracking", "update"):
        assert kinds[kind] >= MIN_EACH_DUP_KIND[name], \
            f"{name}: {kinds[kind]} {kind} copies, want >= {MIN_EACH_DUP_KIND[name]}"


@pytest.mark.parametrize("name", NAMES)
def test_coverage(name):
    items = SETS[name]
    domains = Counter(it["domain"] for it in items)
    for d in DOMAINS - {"other"}:
        assert domains[d] >= 0.05 * len(items), f"{name}: only {domains[d]} {d} items: {dict(domains)}"
    assert domains["other"] >= 5, f"{name}: only {domains['other']} 'other' items"
    multi = [s for s, members in groups(items, "story").items()
             if len({m["feed"] for m in members if m["dup"] == m["id"]}) >= 2]
    assert len(multi) >= MIN_MULTI_OUTLET_STORIES[name], f"{name}: {len(multi)} multi-outlet stories"


@pytest.mark.parametrize("name", NAMES)
def test_feeds_as_written(name, tmp_path):
    """The feed files parse, hold every item, and copies share guid/link the way the labels say."""
    items = SETS[name]
    by_id = {it["id"]: it for it in items}
    paths = write_feeds(items, str(tmp_path))
    entries = []
    for path in paths:
        root = ET.parse(path).getroot()
        feed = os.path.splitext(os.path.basename(path))[0]
        if feed in ATOM_FEEDS:
            assert path.endswith(".atom")
            ns = {"a": "http://www.w3.org/2005/Atom"}
            entries += [(e.findtext("a:id", namespaces=ns), e.find("a:link", ns).get("href"))
                        for e in root.findall("a:entry", ns)]
        else:
            entries += [(e.findtext("guid"), e.findtext("link")) for e in root.iter("item")]
    assert len(entries) == len(items)
    assert Counter(entries) == Counter((guid_of(it, by_id), link_of(it, by_id)) for it in items)
    for it in items:
        if "same_guid_as" in it:
            target = by_id[it["same_guid_as"]]
            assert guid_of(it, by_id) == guid_of(target, by_id) and link_of(it, by_id) == link_of(target, by_id)
        if "same_link_as" in it:
            assert link_of(it, by_id) == link_of(by_id[it["same_link_as"]], by_id) + it["link_suffix"]


@pytest.mark.parametrize("name", NAMES)
def test_perfect_output_scores_perfectly(name):
    """A perfect analyzer meets every bar with all figures at 1.0: the labels do not contradict each other."""
    s = score_rows(SETS[name], ideal_rows(SETS[name]), name)
    assert s.holds, s.mismatches()
    assert (s.dedup_precision, s.dedup_recall, s.story_f1, s.country_f1, s.domain_hit_rate) == (1, 1, 1, 1, 1)
    assert s.mean_domains == 1 and not s.missing and not s.trap_hits


def test_imperfect_output_is_reported():
    """Sanity of the scorer itself: dropped, merged and mislabeled rows show up in the figures."""
    items = SETS["tune"]
    rows = ideal_rows(items)
    rows[0] = dict(rows[0], countries=rows[0]["countries"] + ["FR"], domains=["other"])
    trap = next(i for i, it in enumerate(sorted(items, key=lambda i: i["date"])) if it.get("never"))
    rows[trap] = dict(rows[trap], countries=rows[trap]["countries"] + [sorted(items, key=lambda i: i["date"])[trap]["never"][0]])
    rows = [dict(r, story="all") for r in rows[:-1]]
    s = score_rows(items, rows, "tune")
    assert len(s.missing) == 1 and s.trap_hits and not s.holds
    assert s.country_precision < 1 and s.story_precision < 0.1 and s.domain_hit_rate < 1
    assert "story merged wrongly" in s.mismatches(limit=None)
