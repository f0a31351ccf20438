"""Who a news item is about: countries (ISO 3166-1 alpha-2) and organisations, with the words that show it.

A gazetteer rather than a model, because the tags are stable ids (subscriptions, per-country counts), must be
explainable in an embed ("IR: Tehran, Iranian"), fixable by editing `data/*.json`, and cheap enough to run on
every item of every feed. One Aho-Corasick automaton finds every name in one pass; the rest of this module is
the handful of rules that stop a careless gazetteer from saying "Jordan Henderson" is about Jordan:

* Case: a name matches as written, in ALL CAPS and in Title Case, never in lower case. So "turkey", "china"
  and "us" do not match, "US" and "U.S." do, and headlines such as "RUSSIA STRIKES KYIV" still work.
* Whole words, leftmost-longest: "Oman" is not found in "Romanian"; "Equatorial Guinea" is GQ and never also
  GN. Phrases that contain a country but are not it ("Jordan Valley", "British Columbia", "Paris Hilton") are
  blockers: they match, emit nothing and so hide the shorter name.
* Landmarks: a country's name or demonym joined (space or hyphen) to a landmark word names something else, so
  it emits nothing. Decision: water bodies, landforms, infrastructure, venues and companies named after a
  country ("Gulf of Finland", "Irish Sea", "River Niger", "Trans-Niger Pipeline", "Emirates Stadium", "Turkish
  Airlines", "American University") are not that country. Capitals are not joined: "Cairo University" is in
  Cairo. The words are in data/places_context.json.
* Places put elsewhere: where the text puts a name in another country, the name is that place, in every
  mention in the text. "<place>, <US state>" is in the US ("Athens, Georgia", "Moscow, Idaho", "Lebanon,
  Tenn."), and settles Georgia as the state; "the <demonym> city/town/port of <place>" is in that country; a
  capital that is also a well-known city elsewhere is there in "Lebanon's Tripoli" and "Tripoli, Lebanon". Not
  in lists ("Russia, Georgia and Armenia"), and after a country's name only at the end of a phrase ("In Moscow,
  Georgia's envoy said" is not an address).
* Organisations never imply a country, and a longer organisation name beats a country word inside it
  ("Syrian Democratic Forces" is SDF, not SY).
* Person names: a risky name ("Jordan", "Chad", "Sofia", "Herzog") next to a capitalised word that is neither
  a known name nor a function/title word is part of someone's name ("Jordan Henderson", "Werner Herzog"). In
  Title Case lines that test says nothing, so there the name is only dropped when the same neighbour marked a
  person elsewhere in the text. A given name and an initial before it ("Michael B. Jordan") always do.
* Ambiguous names ("Georgia", "Congo", "Korean", "Turkey", "the Emirates", "RSF") pick an option by counting cues
  in the same text (other tags, US places, cue words: "at the Emirates" in a match report is Arsenal's stadium);
  the first option is the default and wins ties.
* Other decisions: Chechen/Chechnya -> RU (a Russian republic); Gaza/West Bank -> PS; Jerusalem -> IL (seat of
  government); "Kurdish" -> nothing; "Brussels" -> BE (capital rule, even when it stands for the EU).

Matching runs on a copy of the text with diacritics folded (é -> e, one character for one, so offsets hold)
and every other non-alphanumeric character made a space; keys are padded with a space on each side, so the
automaton only ever finds whole words and "Guinea-Bissau" also matches "Guinea Bissau".
Never imports discord: the CLI, the eval and the bot all use it.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick

COUNTRY = "country"
ORG = "org"
DATA_FILES = ("countries", "leaders", "organisations", "us_places", "places_context")

_SMALL_WORDS = frozenset("of the and de la del da di bin al el von der van y".split())
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)\b")
_PREV_WORD = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*) $")
_TOWN = re.compile(r"\b(?:in|at|near|outside|from) [A-Z][a-z]+(?: [A-Z][a-z]+)?, $")  # "in Ellabell, "
_INITIALLED = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. $")  # "Michael B. " before a name: a person's
_NAMED = frozenset({COUNTRY, "demonym", "ambiguous"})  # what landmark words join: not capitals, people, orgs
_PLACES = frozenset({COUNTRY, "capital", "us_place"})  # what a text can put in another country
_JOINED = (" ", "-")
_PHRASE_END = frozenset(",.;:!?()-\n")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACES = {code: " " for code in range(128) if not chr(code).isalnum()}
_FOLD_SPECIAL = dict(zip("\u2019\u2018\u02bc\u02bb\u2010\u2011\u2013\u2014\u201c\u201dıłŁøØđĐ", "''''----\"\"ilLoOdD"))


@dataclass(frozen=True, slots=True)
class Actor:
    """A country or an organisation that news can be about."""

    id: str  # ISO alpha-2 for countries ("RU"), upper-case id for organisations ("NATO")
    kind: str  # COUNTRY or ORG
    name: str  # display name: "Russia", "NATO"

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt by its constructor: the default for a slotted dataclass (a Python-level __setstate__) costs
        # the main process more than twice as much for every entry an analysis worker sends back.
        return Actor, (self.id, self.kind, self.name)


@dataclass(frozen=True, slots=True)
class ActorTag:
    """One actor found in a text, with the surface words that show it, so the UI can say why."""

    actor: Actor
    evidence: tuple[str, ...]  # distinct surface forms matched, in order of first appearance
    mentions: int  # how many times it was matched

    def __reduce__(self) -> tuple[object, ...]:
        return ActorTag, (self.actor, self.evidence, self.mentions)


@dataclass(frozen=True, slots=True)
class _Term:
    """What one surface form means: an actor id, a blocker (no target), or an ambiguity to settle."""

    target: str | None
    source: str  # "country" (names), "demonym", "capital" (and seats), "us_place", "leader", "org", "block",
    #              "ambiguous" or "landmark"
    ambiguity: str = ""
    name_risk: bool = False  # may be part of someone else's name ("Jordan Henderson", "Werner Herzog")
    caps_ambiguous: bool = False  # an ordinary word in an all-caps line ("WHO")
    landmark: str = ""  # a landmark word goes "before", "after" or "around" the country's name it joins
    place_of: bool = False  # "city of": the place after it is in the country before it
    state_of: str = ""  # a state of this country: "<place>, <state>" is that place in this country
    homonyms: frozenset[str] = frozenset()  # countries with a well-known city of this name ("Tripoli": LB)
    plain: bool = field(init=False)  # no rule applies: the fast path of tag()
    ruled: bool = field(init=False)  # a rule always applies: the person-name, all-caps or ambiguity rule
    contextual: bool = field(init=False)  # a landmark or placement rule may apply, depending on its neighbours

    def __post_init__(self) -> None:
        ruled = bool(self.ambiguity or (self.target and (self.name_risk or self.caps_ambiguous)))
        contextual = bool(self.landmark or self.place_of or self.state_of or self.homonyms)
        object.__setattr__(self, "ruled", ruled)
        object.__setattr__(self, "contextual", contextual)
        object.__setattr__(self, "plain", bool(self.target) and not (ruled or contextual))


@dataclass(frozen=True, slots=True)
class _Option:
    """One reading of an ambiguous name and the cues that vote for it."""

    target: str | None
    ids: frozenset[str]  # other tags in the text that support this reading
    sources: frozenset[str]  # tags from these sources support it (any US place for Georgia, US)
    words: tuple[str, ...]
    pattern: re.Pattern[str] | None  # the words, as whole words

    def score(self, hits: list[tuple[int, str, str, str]], text: str) -> int:
        votes = sum(1 for _, target, _, source in hits if target in self.ids or source in self.sources)
        if self.pattern and any(w in text for w in self.words):  # a substring test first: much cheaper
            votes += len(self.pattern.findall(text))
        return votes


class BaseCountry(NamedTuple):
    """A country from the base list (pycountry): codes, display name and the names that match it."""

    alpha_2: str
    alpha_3: str
    name: str
    names: tuple[str, ...]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One non-ASCII character as one character: é -> e, ’ -> ', other punctuation -> space."""
    if char in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    if base.isascii() and base.isalpha():
        return base
    return char if char.isalnum() else " "


def _fold(text: str) -> str:
    return text if text.isascii() else _NON_ASCII.sub(lambda m: _fold_char(m.group()), text)


def _key(surface: str) -> tuple[str, int]:
    """The automaton key of a folded surface form, and how many trailing symbols it drops ("U.S." -> 1)."""
    spaced = surface.translate(_SPACES)
    return f" {spaced.strip()} ", len(spaced) - len(spaced.rstrip())


def _variants(key: str) -> set[str]:
    """The key as written, in capitals, and in the two Title Case styles headlines use."""
    out = {key, key.upper()}
    if not key.isupper():  # an acronym must not become a word: "US" never "Us"
        words = key.split(" ")
        out.add(" ".join(w[:1].upper() + w[1:] for w in words))
        out.add(" ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)))
    return out


def _line(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)]


def _is_shouting(line: str) -> bool:
    """Mostly ALL CAPS, where an acronym like WHO may just be a word."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w.isupper() for w in words) >= 0.6 * len(words)


def _is_headline(line: str) -> bool:
    """Title Case (or all caps): capitals say nothing about names there."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _in_context(spans: list[tuple[int, int, _Term]], span: tuple[int, int, _Term], folded: str) -> bool:
    """A quick look at the neighbours of a contextual span: could a landmark or placement rule apply?"""
    start, end, term = span
    if term.landmark:
        return bool(_landmark_joins(spans, spans.index(span), folded))
    if term.place_of:
        i = spans.index(span)
        return 0 < i < len(spans) - 1 and folded[spans[i - 1][1]:start] == " " == folded[end:spans[i + 1][0]]
    # a state or a homonym: in an address ("Lima, Ohio", "Tripoli, Lebanon") or a possessive ("Lebanon's Tripoli")
    return folded[start - 2:start] == ", " or folded[start - 3:start] == "'s " or folded[end:end + 2] == ", "


def _landmark_joins(spans: list[tuple[int, int, _Term]], i: int, folded: str) -> list[int]:
    """Starts of the country names or demonyms the landmark word spans[i] is joined to ("Gulf of" + "Finland",
    "Irish" + "Sea")."""
    start, end, term = spans[i]
    out = []
    if term.landmark != "after" and i + 1 < len(spans):  # the word goes before the name: "Gulf of Finland"
        name_start, _, name = spans[i + 1]
        if folded[end:name_start] in _JOINED and name.source in _NAMED:
            out.append(name_start)
    if term.landmark != "before" and i:  # or after it: "Irish Sea"
        name_start, name_end, name = spans[i - 1]
        if folded[name_end:start] in _JOINED and name.source in _NAMED:
            out.append(name_start)
    return out


def _is_address(spans: list[tuple[int, int, _Term]], i: int, folded: str) -> bool:
    """Whether spans i - 1 and i read "<place>, <state or country>" ("Lima, Ohio, said"), not part of a list
    ("Russia, Georgia and Armenia"). Where either name is also a country's the address must end the phrase:
    "In Moscow, Georgia's envoy said" and "For Mexico, California is" are not addresses, "Moscow, Idaho on" is."""
    if i < 1:
        return False
    (_, p_end, place), (start, end, term) = spans[i - 1], spans[i]
    if folded[p_end:start] != ", ":
        return False
    rest = folded[end:end + 3].lstrip(" ")
    if rest and rest[0] not in _PHRASE_END and (
            not rest[0].islower() or term.target != term.state_of or place.source == COUNTRY):
        return False
    if i >= 2 and folded[spans[i - 2][1]:spans[i - 1][0]] == ", ":
        return False
    return i + 1 >= len(spans) or folded[end:spans[i + 1][0]] not in (", ", " and ", ", and ", " or ")


def _after_town(spans: list[tuple[int, int, _Term]], i: int, folded: str) -> bool:
    """Whether span i, a state, ends an address whose town the gazetteer does not know: "a plant in Ellabell,
    Georgia, was raided"."""
    start, end, _ = spans[i]
    if i and spans[i - 1][1] == start - 2:  # a known name before it: _is_address decides
        return False
    rest = folded[end:end + 3].lstrip(" ")
    return (not rest or rest[0] in _PHRASE_END) and bool(_TOWN.search(folded, max(0, start - 40), start))


def _rank(q: str, actor_id: str, name: str, aliases: tuple[str, ...]) -> int | None:
    """Autocomplete rank, lower is better: exact, name prefix, exact alias, word prefix, alias prefix, substring."""
    if not q or q in (name, actor_id):
        return 0
    if name.startswith(q):
        return 1
    if q in aliases:
        return 2
    if any(w.startswith(q) for w in name.split()):
        return 3
    if any(a.startswith(q) for a in aliases):
        return 4
    if q in name or any(q in a for a in aliases):
        return 5
    return None


class Gazetteer:
    """Finds the actors a text is about. Building is the slow part: build once (default_gazetteer)."""

    def __init__(self, actors: Mapping[str, Actor], terms: Mapping[str, _Term],
                 ambiguities: Mapping[str, tuple[_Option, ...]], name_neighbours: Iterable[str],
                 alpha_3: Mapping[str, str] | None = None) -> None:
        """`terms` maps folded surface forms to meanings; `name_neighbours` are capitalised words that may sit
        next to a risky name without making it a person ("King", "Monday", "The")."""
        self._actors = dict(actors)
        self._ambiguities = dict(ambiguities)
        self._neighbours_ok = frozenset(name_neighbours)
        self._alpha_3 = dict(alpha_3 or {})
        surfaces = dict(terms)
        for surface, term in terms.items():
            for variant in _variants(surface):
                surfaces.setdefault(variant, term)
        self._names = frozenset(surfaces)
        self._automaton = ahocorasick.Automaton()
        for surface, term in surfaces.items():
            key, trail = _key(surface)
            self._automaton.add_word(key, (len(key), trail, term))
        self._automaton.make_automaton()
        self._lookup: dict[str, str] = {}
        aliases: dict[str, set[str]] = {}
        for surface, term in terms.items():
            target = self._ambiguities[term.ambiguity][0].target if term.ambiguity else term.target
            if target:
                self._lookup.setdefault(surface.lower(), target)
                aliases.setdefault(target, set()).add(surface.lower())
        self._suggest_rows = [(a, a.name.lower(), tuple(sorted(aliases.get(a.id, ())))) for a in self._actors.values()]

    # --- tagging -------------------------------------------------------------------------------------------

    def tag(self, text: str) -> list[ActorTag]:
        """Actors in `text` (title + "\\n" + summary), in order of first appearance, with their evidence."""
        folded = _fold(text)
        hits: list[tuple[int, str, str, str]] = []  # (start, actor id, surface, source)
        ruled: list[tuple[int, int, _Term]] = []  # spans for the person-name, all-caps and ambiguity rules
        context: list[tuple[int, int, _Term]] = []  # spans for the landmark and placement rules
        spans = self._spans(folded)
        for span in spans:
            start, end, term = span
            if term.plain:
                hits.append((start, term.target, text[start:end], term.source))
                continue
            if term.contextual and _in_context(spans, span, folded):
                context.append(span)
            if term.ruled:
                ruled.append(span)
            elif term.target:  # a US state or a homonym: the context may still place it elsewhere
                hits.append((start, term.target, text[start:end], term.source))
            # anything else blocks: "Jordan Valley" hides "Jordan"
        chosen: dict[str, str | None] = {}
        votes: dict[str, str] = {}
        if context:
            hits, ruled, chosen, votes = self._apply_context(context, spans, hits, ruled, text, folded)
        if ruled:
            hits = self._apply_rules(ruled, hits, chosen, votes, text, folded)
        return self._aggregate(hits)

    def countries(self, text: str) -> list[str]:
        """ISO codes of the countries in `text`, in order of first appearance."""
        return [t.actor.id for t in self.tag(text) if t.actor.kind == COUNTRY]

    def _spans(self, folded: str) -> list[tuple[int, int, _Term]]:
        """Whole-word matches, leftmost-longest, never overlapping: (start, end, term) in `folded`."""
        # With the text padded by one space, a key's padded start is its word's start in the unpadded text.
        found = [(last - length + 1, -length, trail, term)
                 for last, (length, trail, term) in self._automaton.iter(f" {folded.translate(_SPACES)} ")]
        found.sort(key=itemgetter(0, 1))
        spans = []
        taken = 0
        for start, neg_length, trail, term in found:
            if start >= taken:
                taken = start - neg_length - 2  # the end of the word; neighbours may share the pad space
                spans.append((start, taken + trail, term))
        return spans

    def _apply_rules(self, ruled: list[tuple[int, int, _Term]], hits: list[tuple[int, str, str, str]],
                     chosen: dict[str, str | None], votes: dict[str, str], text: str, folded: str
                     ) -> list[tuple[int, str, str, str]]:
        """The all-caps, person-name and ambiguity rules, for the few spans that need one; `chosen` holds the
        ambiguities the context settled, `votes` one more vote for an option the context suggests."""
        kept, unsure, persons = [], [], set()
        for start, end, term in ruled:
            if term.caps_ambiguous and _is_shouting(_line(folded, start)):
                continue
            if term.name_risk:
                if _INITIALLED.search(folded, max(0, start - 40), start):
                    continue  # "Michael B. Jordan": a person, even in a headline
                near = self._name_neighbours(folded, start, end)
                if _is_headline(_line(folded, start)):
                    unsure.append((start, end, term, near))
                    continue
                if near:
                    persons.update(near)
                    continue
            kept.append((start, end, term))
        kept += [(start, end, term) for start, end, term, near in unsure if not persons.intersection(near)]
        hits = hits + [(s, t.target, text[s:e], t.source) for s, e, t in kept if t.target]
        for start, end, term in kept:
            if term.ambiguity:
                if term.ambiguity not in chosen:
                    options = self._ambiguities[term.ambiguity]
                    vote = votes.get(term.ambiguity, "")
                    scores = [option.score(hits, folded) + (vote == option.target) for option in options]
                    chosen[term.ambiguity] = options[max(range(len(options)), key=lambda i: (scores[i], -i))].target
                if chosen[term.ambiguity]:
                    hits.append((start, chosen[term.ambiguity], text[start:end], "ambiguous"))
        hits.sort(key=itemgetter(0))
        return hits

    def _apply_context(self, context: list[tuple[int, int, _Term]], spans: list[tuple[int, int, _Term]],
                       hits: list[tuple[int, str, str, str]], ruled: list[tuple[int, int, _Term]], text: str,
                       folded: str) -> tuple[list[tuple[int, str, str, str]], list[tuple[int, int, _Term]],
                                             dict[str, str | None], dict[str, str]]:
        """The landmark and placement rules: drop the hits and ruled spans that are part of a longer name ("Gulf of
        Finland") or that the text puts in another country ("Athens, Georgia": every Athens in it), add the
        states an address names ("Athens, Ga."), settle the ambiguities an address decides and vote for the
        ones it suggests ("in Ellabell, Georgia,": a town the gazetteer does not know)."""
        inside: set[int] = set()
        placed: set[str] = set()
        chosen: dict[str, str | None] = {}
        votes: dict[str, str] = {}
        new_hits: list[tuple[int, str, str, str]] = []

        def put(place: tuple[int, int, _Term], where: tuple[int, int, _Term]) -> None:
            """`place` is in the country that `where` names."""
            (p_start, p_end, p), (w_start, w_end, w) = place, where
            if p.source not in _PLACES:
                return
            country = w.state_of or w.target
            if w.ambiguity:  # "Athens, Georgia" is the state, "Tbilisi, Georgia" the country
                options = [option.target for option in self._ambiguities[w.ambiguity]]
                country = p.target if p.target in options else country
                if country and country in options:
                    chosen[w.ambiguity] = country
            elif not w.target and country:  # "Athens, Ga."
                new_hits.append((w_start, country, text[w_start:w_end], w.source))
            if country and p.target and p.target != country:
                placed.add(text[p_start:p_end].lower())

        for span in context:  # each passed _in_context
            start, end, term = span
            i = spans.index(span)
            if term.landmark:  # "Gulf of Finland", "Irish Sea", "Trans-Niger Pipeline", "Emirates Stadium"
                inside.update(_landmark_joins(spans, i, folded))
            elif term.place_of:  # "the Lebanese city of Tripoli"
                put(spans[i + 1], spans[i - 1])
            else:
                if term.state_of and _is_address(spans, i, folded):  # "Lima, Ohio"
                    put(spans[i - 1], span)
                elif term.state_of and term.ambiguity and _after_town(spans, i, folded):  # "in Ellabell, Georgia,"
                    votes[term.ambiguity] = term.state_of
                if term.homonyms:  # "Lebanon's Tripoli", "Tripoli, Lebanon"
                    if i and folded[spans[i - 1][1]:start] == "'s " and spans[i - 1][2].target in term.homonyms:
                        put(span, spans[i - 1])
                    if i + 1 < len(spans) and spans[i + 1][2].target in term.homonyms \
                            and _is_address(spans, i + 1, folded):
                        put(span, spans[i + 1])
        if inside or placed:
            hits = [h for h in hits if h[0] not in inside and h[2].lower() not in placed]
            ruled = [(s, e, t) for s, e, t in ruled if s not in inside and text[s:e].lower() not in placed]
        if new_hits:
            hits = sorted(hits + new_hits, key=itemgetter(0))
        return hits, ruled, chosen, votes

    def _name_neighbours(self, text: str, start: int, end: int) -> tuple[str, ...]:
        """Capitalised words right next to a risky name that could be the rest of someone's name."""
        out = []
        after = _NEXT_WORD.match(text, end)
        if after and self._could_be_name(after.group(1)):
            out.append(after.group(1))
        before = _PREV_WORD.search(text, max(0, start - 40), start)
        if before and self._could_be_name(before.group(1)) and not before.group(1).endswith(("ing", "ed", "ly")):
            out.append(before.group(1))
        return tuple(out)

    def _could_be_name(self, word: str) -> bool:
        return word not in self._neighbours_ok and word not in self._names

    def _aggregate(self, hits: list[tuple[int, str, str, str]]) -> list[ActorTag]:
        evidence: dict[str, list[str]] = {}
        mentions: dict[str, int] = {}
        for _, actor_id, surface, _ in hits:
            seen = evidence.setdefault(actor_id, [])
            if surface not in seen:
                seen.append(surface)
            mentions[actor_id] = mentions.get(actor_id, 0) + 1
        return [ActorTag(self._actors[a], tuple(ev), mentions[a]) for a, ev in evidence.items()]

    # --- lookup for commands -------------------------------------------------------------------------------

    def resolve(self, query: str) -> Actor | None:
        """User input to an actor, case-insensitively: name, alias, demonym, capital, leader or code.

        A two-letter query is read as an ISO code first ("au" is Australia)."""
        q = " ".join(_fold(query).split()).lower()
        if not q:
            return None
        code = q.upper()
        if len(q) == 2 and code in self._actors and self._actors[code].kind == COUNTRY:
            return self._actors[code]
        for key in (q, q.removeprefix("the ")):
            if key in self._lookup:
                return self._actors[self._lookup[key]]
        if code in self._alpha_3:
            return self._actors.get(self._alpha_3[code])
        return self._actors.get(code.replace(" ", "_").replace("-", "_"))

    def suggest(self, prefix: str, limit: int = 25) -> list[Actor]:
        """Actors whose id, name or alias starts with or contains `prefix`, best first (countries before orgs)."""
        q = " ".join(_fold(prefix).split()).lower()
        ranked = []
        for actor, name, aliases in self._suggest_rows:
            rank = _rank(q, actor.id.lower(), name, aliases)
            if rank is not None:
                ranked.append((rank, actor.kind != COUNTRY, name, actor))
        ranked.sort(key=itemgetter(0, 1, 2))
        return [r[3] for r in ranked[:max(limit, 0)]]

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id) or self._actors.get(actor_id.upper())

    def all_countries(self) -> list[Actor]:
        return sorted((a for a in self._actors.values() if a.kind == COUNTRY), key=lambda a: a.name)

    def all_organisations(self) -> list[Actor]:
        return sorted((a for a in self._actors.values() if a.kind == ORG), key=lambda a: a.name)


# --- building from data ------------------------------------------------------------------------------------

def _option(spec: Mapping[str, Any]) -> _Option:
    words = tuple(_fold(w) for w in spec.get("words", ()))
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, words))) if words else None
    return _Option(spec.get("id"), frozenset(spec.get("ids", ())), frozenset(spec.get("sources", ())), words, pattern)


def _with_plural(demonym: str) -> tuple[str, ...]:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return (demonym,)
    return demonym, demonym + "s"


def _person_forms(person: Mapping[str, Any]) -> list[str]:
    return [person["name"], *person.get("aliases", ())]


def build_gazetteer(base: Iterable[BaseCountry], countries: Mapping[str, Any], leaders: Mapping[str, Any],
                    organisations: Mapping[str, Any], us_places: Mapping[str, Any],
                    places_context: Mapping[str, Any]) -> Gazetteer:
    """A Gazetteer from the base country list and the parsed JSON data files.

    For the same surface a later source wins: landmark words < base names < curated countries < US places <
    people < organisations < blockers < ambiguity tables. So pycountry's "Congo" (CG) becomes the ambiguous
    Congo, and "Georgia" is neither simply the country nor the state."""
    actors: dict[str, Actor] = {}
    terms: dict[str, _Term] = {}

    def put(surfaces: Iterable[str], term: _Term) -> None:
        for surface in surfaces:
            terms[_fold(surface)] = term

    before, after = set(places_context["before"]), set(places_context["after"])
    for word in before | after:
        put([word], _Term(None, "landmark", landmark="around" if word in before & after else
                          "before" if word in before else "after"))
    put(places_context["place_of"], _Term(None, "landmark", place_of=True))
    alpha_3 = {}
    for row in base:
        actors[row.alpha_2] = Actor(row.alpha_2, COUNTRY, row.name)
        alpha_3[row.alpha_3] = row.alpha_2
        put(row.names, _Term(row.alpha_2, COUNTRY))
    for code, entry in countries["countries"].items():
        actors[code] = Actor(code, COUNTRY, entry.get("name") or (actors[code].name if code in actors else code))
        put(entry.get("aliases", ()), _Term(code, COUNTRY))
        put(chain.from_iterable(_with_plural(d) for d in entry.get("demonyms", ())), _Term(code, "demonym"))
        put(chain(entry.get("capitals", ()), entry.get("seats", ())), _Term(code, "capital"))
    put(chain(us_places["states"], us_places["cities"], us_places["other"]), _Term(us_places["country"], "us_place"))
    put(us_places["state_abbreviations"], _Term(None, "us_place"))  # only in an address: "Athens, Ga."
    for section in ("former", "other", "current"):
        for code, people in leaders[section].items():
            put(chain.from_iterable(_person_forms(p) for p in people), _Term(code, "leader"))
    for org_id, entry in organisations["organisations"].items():
        if actors.get(org_id, Actor(org_id, ORG, "")).kind == COUNTRY:
            raise ValueError(f"organisation id {org_id!r} is also a country code")
        actors[org_id] = Actor(org_id, ORG, entry["name"])
        put(entry["aliases"], _Term(org_id, ORG))
    put(chain(countries["not_countries"], organisations["not_organisations"]), _Term(None, "block"))
    ambiguities = {}
    for name, spec in chain(countries["ambiguous"].items(), organisations["ambiguous"].items()):
        ambiguities[name] = tuple(_option(o) for o in spec["options"])
        put(spec["surfaces"], _Term(None, "ambiguous", ambiguity=name))
    risky = {_fold(s) for s in countries["person_name_risk"]}
    caps = {_fold(s) for s in organisations["caps_ambiguous"]}
    states = {_fold(s) for s in chain(us_places["states"], us_places["state_abbreviations"])}
    homonyms = {_fold(name): frozenset(codes) for name, codes in places_context["homonyms"].items()}
    terms = {s: replace(t, name_risk=s in risky, caps_ambiguous=s in caps,
                        state_of=us_places["country"] if s in states else "", homonyms=homonyms.get(s, frozenset()))
             for s, t in terms.items()}
    return Gazetteer(actors, terms, ambiguities, countries["name_neighbours"], alpha_3)


def pycountry_base() -> list[BaseCountry]:
    """pycountry's countries with the names that are safe to match (no "Korea, Republic of" inversions)."""
    import pycountry  # here, not at the top: loading its database belongs to building, not to importing

    out = []
    for c in pycountry.countries:
        names = [getattr(c, attr, "") for attr in ("name", "common_name", "official_name")]
        names = [re.sub(r"\s*\(.*\)$", "", n).removeprefix("the ") for n in names if n and ", " not in n]
        display = getattr(c, "common_name", "") or (names[0] if names else c.name)
        out.append(BaseCountry(c.alpha_2, c.alpha_3, display, tuple(dict.fromkeys(names))))
    return out


def load_data(package: str = "bot.intel.data") -> dict[str, Any]:
    """The JSON data files of `package`, parsed, keyed by DATA_FILES names."""
    files = resources.files(package)
    return {name: json.loads(files.joinpath(f"{name}.json").read_text(encoding="utf-8")) for name in DATA_FILES}


@cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, built on first use (about a tenth of a second) and shared afterwards."""
    return build_gazetteer(pycountry_base(), **load_data())
