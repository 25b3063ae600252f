"""Deterministic, high-recall crisis screen over free text. Needs no model and no data files.

Longer than the usual 400 lines on purpose: the context rules (negation, idiom, third person,
time, jokes) interact, and reading them in one file is how they are reviewed and kept safe.

Contract
--------
* ``CrisisDetector().detect(text) -> CrisisResult`` with ``level`` in ``none | concern |
  urgent``, ``score`` in [0, 1] and ``reasons`` (short human-readable strings, empty for
  ``none``). The same text always gives the same result. Thread-safe (no mutable state).
* Every character of the text is scanned (no truncation); cost is linear in the length.
  Sentences without any trigger stem are skipped by one combined pre-filter regex (about
  0.5 s for 1 MB of ordinary text on one core, mostly normalisation).
* Two pattern tables are used: curated phrasings (:mod:`crisis_patterns`) and a generalising
  safety net of concept families (:mod:`crisis_net`); both pass through the same context
  checks below. Spanish, French, German and Portuguese have their own tables
  (:mod:`crisis_patterns_intl`, :mod:`crisis_patterns_forms`, :mod:`crisis_patterns_families`)
  and context words (:mod:`crisis_context_intl`) under the same checks.
* The screen looks for explicit suicidal ideation, plans/methods/attempts, self-harm, indirect
  signs ("everyone would be better off without me", giving things away, saying goodbye), passive
  death wishes and hopelessness/burden. A match is ignored when it is negated ("I would never
  kill myself"), about someone else ("my friend said she wants to die", "the character killed
  himself"), quoted or about fiction/news, or an idiom ("killing myself laughing", "die of
  embarrassment", "I'll kill myself if I have to sit through one more meeting lol"), or a
  check-in answer or denial ("suicidal thoughts: none", "Suicidal? No."). Past events are
  ignored when the entry says they are resolved, in the sentence before, the same sentence or
  any later sentence, or names the event itself as over ("self-harm free", "the thoughts went
  away"), with no relapse cue after the resolution; events placed long ago ("when I was 17",
  "in college") with no relapse cue are not current signals; other past events not described
  as resolved give ``concern``.
* Levels: ``urgent`` (score >= 0.7) for explicit ideation, plans, methods and self-harm, or
  several signals together (a time such as "tonight" or a method such as "pills" raises the
  score); ``concern`` (0.3 <= score < 0.7) for indirect signs, passive death wishes,
  hopelessness and unresolved past events. This is a screen, never a diagnosis or a risk
  assessment.
* :func:`combine` may raise ``none`` to ``concern`` from model signals (sadness/fear and very
  negative sentiment together with hopeless wording) when the learned layer is not available;
  it never lowers a level.
* Optional learned layer: ``CrisisDetector(model=layer)`` (see :mod:`mindspace.ml.crisis_model`,
  ``ModelLayer``) lets a classifier that reads sentences in context raise ``none`` to
  ``concern``, and ``concern`` to ``urgent`` only with pattern evidence of a plan, means or
  timing. The one level it lowers is a ``concern`` raised by past events alone. It never reads
  a sentence that :meth:`CrisisDetector.safe_frame` marks as third-person, quoted,
  fiction/news, negated or resolved past. Without a layer (the default) or when its files are
  missing or fail integrity, the result is the pattern screen's, with ``model_error``
  recording why.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from mindspace.ml import crisis_net as net
from mindspace.ml import crisis_patterns as cp
from mindspace.ml import crisis_patterns_acts as acts
from mindspace.ml import crisis_patterns_colloquial as colloquial
from mindspace.ml import crisis_patterns_hidden as hidden
from mindspace.ml import crisis_patterns_more as more
from mindspace.ml import crisis_patterns_regional as regional
from mindspace.ml.crisis_patterns_families import FAMILY_PATTERNS, FAMILY_TRIGGER
from mindspace.ml.crisis_patterns_forms import FORM_CATEGORIES, FORM_PATTERNS, FORM_TRIGGER
from mindspace.ml.crisis_patterns_intl import INTL_PATTERNS, INTL_TRIGGER
from mindspace.ml.crisis_text import normalise as normalise  # re-exported
from mindspace.ml.regex_prefilter import LiteralIndex

LEVELS = ("none", "concern", "urgent")
CONCERN_AT = 0.3
URGENT_AT = 0.7


@dataclass(frozen=True)
class CrisisResult:
    """Outcome of the screen. ``markers``: softer hopeless words seen (used by ``combine``)."""

    level: str
    score: float
    reasons: list[str] = field(default_factory=list)
    markers: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()  # why matches were discarded (for evaluation/debugging)
    model: str | None = None  # learned layer that took part ("name@version+...")
    model_error: str | None = None  # why the learned layer did not take part

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"level": self.level, "score": round(self.score, 3),
                               "reasons": list(self.reasons)}
        if self.model:
            out["model"] = self.model
        if self.model_error:
            out["model_error"] = self.model_error
        return out

    @property
    def flagged(self) -> bool:
        return self.level != "none"


def level_for(score: float) -> str:
    if score >= URGENT_AT:
        return "urgent"
    return "concern" if score >= CONCERN_AT else "none"


# ---- detection ----------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?|]+")
_CLAUSE_BREAK = re.compile(r"[,;:«»]|\bbut\b|\bthough\b|\bhowever\b|\band (?=i\b)")
_HOPELESS_MARKERS = re.compile(
    r"\b(?:empty|numb|pointless|alone|give up|giving up|worthless|useless|nobody cares|"
    r"no one cares|tired of everything|can not anymore|exhausted of everything|hopeless|"
    r"nothing matters|hate myself|disappear|broken|failure)\b"
)


_NEG_WORDS = re.compile(r"\bnot\b|\bnever\b")

_CATS: dict[str, tuple[float, str]] = {**cp.CATEGORIES, **net.NET_CATEGORIES, **FORM_CATEGORIES}
_IDIOMS = re.compile(cp.IDIOMS.pattern + "|" + net.NET_IDIOMS + "|" + more.EN_IDIOMS + "|"
                     + colloquial.IDIOMS)
_STUDY_MATCH = re.compile(more.STUDY_MATCH)
_STUDY_CONTEXT = re.compile(more.STUDY_CONTEXT)
_OTHER_SLANG = re.compile(more.OTHER_SLANG)
_TRIVIAL_AFTER = re.compile(hidden.TRIVIAL_AFTER)
_TRIVIAL_INTL = re.compile(regional.TRIVIAL_INTL)
_TRIVIAL_INTL_NOT = re.compile(regional.TRIVIAL_INTL_NOT)
_JOKE_INTL = re.compile(regional.JOKE_INTL)
_TRIVIAL_THING = re.compile(regional.TRIVIAL_THING)
_AFFIRM_INTL = re.compile(regional.AFFIRM_INTL)
# a self-directed act in Spanish, French, German or Portuguese that is also a stock hyperbole
_INTL_HYPERBOLE_ACT = re.compile(
    r"\b(?:mato|matar\w*|tiro|tirar\w*|aviento|lanzo|pego un tiro|jogo|atiro|jeter?|jette|"
    r"pendre|pends|balle|tue|tuer|spring\w*|bring \w+ mich um|erschiess\w*|umbring\w*|"
    r"aufhang\w*|hange? (?:\w+ )?mich)\b")
_OWN_BEFORE = re.compile(r"\b(?:i|me|my|myself|mi|me|yo|je|moi|ich|mich|eu)\b")
_USED_TO = re.compile(r"\bused to\b")
_USED_TO_AFTER = re.compile(r" *(?:\w+ ){0,3}?used to\b")  # "the urges to cut used to come"
# "<a thing> makes me want to die": the subject is a thing, not life itself
_MADE_ME = re.compile(r"\b(?!life\b|living\b|everything\b|existing\b|it\b|this\b|i\b)\w+ "
                      r"(?:make|makes|made) me (?:want to |wanna )?$")
# Characters before a sentence that a pattern's look-behind may read (the longest is shorter).
_LOOK_BEHIND = 40
# Categories whose signals are not escalated by a nearby time or method.
_NO_ESCALATION = frozenset({"hopelessness", "net_hopeless"})


def _tense_cues(text: str) -> list[bool | None]:
    """Per token: True for a past cue, False for a present cue, None for neither. "at once"
    ("all my pills at once") means together, not formerly."""
    toks = _tokens(text)
    return [True if tok in cp.PAST_CUES and not (tok == "once" and i and toks[i - 1] == "at")
            else False if tok in cp.PRESENT_CUES else None for i, tok in enumerate(toks)]


def _stem_trie(alternation: str) -> str:
    """``\\b(?:stem|stem\\b|...)`` lists (plain lower-case stems, a trailing ``\\b`` for a
    whole word) as one regex shaped like a trie, so the pre-filter tries each character once
    instead of every stem at every position."""
    body = alternation.replace(r")|\b(?:", "|")
    body = body[len(r"\b(?:"):-1] if body.startswith(r"\b(?:") else body
    trie: dict[str, Any] = {}
    for stem in body.split("|"):
        whole = stem.endswith(r"\b")
        node = trie
        for ch in stem[:-2] if whole else stem:
            node = node.setdefault(ch, {})
        node["$b" if whole else "$"] = {}

    def build(node: dict[str, Any]) -> str:
        if "$" in node:  # the stem alone is enough
            return ""
        alts = [r"\b"] if "$b" in node else []
        alts += [re.escape(ch) + build(sub) for ch, sub in sorted(node.items())
                 if not ch.startswith("$")]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return r"\b" + build(trie)


# Every pattern needs at least one of these stems in its sentence; sentences without any are
# skipped, which keeps long documents fast (checked against a full scan in the tests).
_TRIGGER = re.compile(
    r"\b(?:die|died|dies|dying|dead|death|kill|suicid|overdos|unaliv|end|life|liv|alive|exist|"
    r"myself|wak|woke|forever|for good|permanently|gone|here|around|disappear|vanish|fade|"
    r"goodbye|farewell|bye|sorry|love you|please|last|final|note|letter|video|message|"
    r"will not|will is|my will|a will|will never|need|things|stuff|belong|possession|treasure|"
    r"affairs|come back|coming back|without me|for me|me again|me anymore|much longer|"
    r"for long|not in it|nobody|no one|noone|pill|tablet|med|painkiller|insulin|capsule|bottle|"
    r"rope|noose|belt|cord|gun|pistol|rifle|bullet|bleach|antifreeze|poison|bridge|roof|ledge|"
    r"edge|railing|balcony|railway|cliff|jump|train|traffic|track|bus|truck|lorry|subway|"
    r"oncoming|in front of|into (?:a |the )?(?:tree|wall|water|sea|ocean|river|lake)|"
    r"off the road|the drop|the fall|crash|swallow|lethal|fatal|painless|ways to|how to|"
    r"hit by|run over|got hit|hits me|hit me|runs me over|falls on me|crush|takes me|take me|"
    r"comes for me|come for me|claims me|lets? me go|let me die|ends me|end me|finish me|"
    r"goes down|go down|went down|with me (?:on|in|inside)|god|lord|jesus|universe|heaven|"
    r"cut|burn|harm|hurt|blade|razor|knife|bleed|bled|blood|bruis|scratch|carve|slash|slit|"
    r"slice|punch|hit|bang|smash|bite|bit|stab|pinch|gouge|purpose|deliberate|intentional|"
    r"starv|wrist|throat|hopeless|burden|trapped|worthless|useless|waste|way out|give up|"
    r"giving up|gave up|given up|anymore|go on|keep going|carry on|cope|continue|surviv|breath|"
    r"bear it|bear this|fight|face another day|face tomorrow|do it|do this|get better|"
    r"no (?:hope|point|reason|purpose|meaning|future|way forward|light)|hope left|"
    r"what is the point|future|everything|it all|this world|this earth|be nothing|"
    r"nonexistence|non existence|oblivion|eternal|sweet release|the end|my end|done with|"
    r"done being|want out|wanted out|need out|wish out|to get out|to be over|be over|is over|"
    r"was over|were over|to end|would end|would stop|to stop|to be done|make it|making it|"
    r"made it|passed|six feet|in the ground|funeral|obituary|grave|ready|soon|tonight|"
    r"tomorrow|finally|be free|at peace|at rest|never have to|not have to|never again|"
    r"free from|free of|freed from|freed of|released from|at last|take care|forgive|"
    r"born|exit|escape|departure|fault|remember me|where i am going|morir|matar|mourir|tuer|"
    r"sterb|umbring|morrer|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|codeine|"
    r"pharmac|chemist|worry about me|jealous|envi|envy|lucky|should have been me|scare|frighten|"
    r"calm|peaceful|comfort|sooth|relief|to do list|panic|deserve|nap|snooze|notice|know|"
    r"hug|swallow|whole|entire|off|car park|parking)|" + hidden.TRIGGER + "|" + INTL_TRIGGER
    + "|" + _stem_trie(FORM_TRIGGER + "|" + FAMILY_TRIGGER + "|" + regional.REGIONAL_TRIGGER + "|"
                       + colloquial.COLLOQUIAL_TRIGGER + "|" + acts.ACT_TRIGGER)
)
# English curated phrasings, then Spanish, French, German, Portuguese (crisis_patterns_intl).
_PATTERNS: tuple[cp.Pattern, ...] = (cp.PATTERNS + more.EN_MORE + hidden.EN_HIDDEN + INTL_PATTERNS
                                      + FORM_PATTERNS + FAMILY_PATTERNS
                                      + regional.REGIONAL_PATTERNS
                                      + colloquial.COLLOQUIAL_PATTERNS
                                      + acts.ACT_PATTERNS)
# The literals each pattern needs (one of them must occur in a match): a sentence is searched
# only with the patterns whose literals it holds.
_INDEX = LiteralIndex([p.regex for p in _PATTERNS])
_NET_INDEX = LiteralIndex([p.regex for p in net.NET_PATTERNS])


# The only reason given for a ``concern`` raised by past events alone.
PAST_REASON = "mentions a past event not described as resolved"

# Reasons for discarding a match that put its whole sentence in a safe frame for the model.
_SAFE_FRAME_REASONS = ("negated", "quoted", "a topic", "fiction", "about someone else",
                       "described as over", "past and resolved")


@dataclass(frozen=True)
class ScreenContext:
    """What the learned layer needs from a pattern scan: the normalised text, its sentence
    bounds, sentences whose matches were discarded for a safe frame, and plan evidence."""

    norm: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    framed: frozenset[int]
    plan_sentences: frozenset[int]
    resolved_at: int = -1  # last sentence saying an earlier event is over (not undone after)
    relapse_at: int = -1  # last sentence saying the old feelings are back
    soft_resolved_at: int = -1  # last sentence with a softer sign that life has moved on


class ModelLayerProtocol(Protocol):
    @property
    def model_id(self) -> str | None: ...

    def apply(self, result: CrisisResult, ctx: ScreenContext, detector: CrisisDetector
              ) -> CrisisResult: ...


@dataclass
class _Signal:
    category: str
    phrase: str
    sentence: int
    weak: bool
    past: bool
    reason: str


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+|[«»]", s)


# Spanish "he" before a participle is "I have" ("me he vuelto a cortar", "he decidido"), not
# English "he".
_ES_PARTICIPLE = re.compile(r"[a-z]+(?:ado|ido|to|cho|sto)")
_EN_LOOKALIKES = frozenset({"into", "onto", "unto", "photo", "auto", "tornado", "avocado",
                            "potato", "tomato", "pronto", "ditto", "lotto", "motto", "macho"})


# A diary sentence that starts with a verb has dropped its "I" ("wrote letters to the kids
# tonight", "gave the dog to my brother"): the people it names are not its subject. A sentence
# that names a topic (a course, a film, the news) keeps the third-person reading.
_DIARY_VERB = re.compile(
    r"[a-z]{2,}ed|wrote|gave|sent|told|put|paid|read|saw|made|got|took|bought|sold|left|said|"
    r"spent|kept|found|felt|had|went|came|brought|thought|sat|stood|drove|rang|hung|threw|hid|"
    r"set|let|ran|began|chose|forgot|swore|met|lost|won|held|heard|knew|slept|woke|ate|drank|"
    r"fell|caught|taught|sang|wore|tore|broke|spoke|stole|shook|rode|rose|flew|grew|blew|drew|"
    r"built|lent|bent|meant|dealt|burnt|learnt|dreamt")
_NOT_DIARY_VERB = frozenset({
    "need", "feed", "speed", "seed", "weed", "breed", "bleed", "shed", "bed", "red", "embed",
    "proceed", "exceed", "succeed", "indeed", "hundred", "ted", "ned", "fred", "ed"})
_TOPIC = cp.TOPIC_NOUNS | {"training", "workshop", "module", "exam", "seminar"}


# pronouns that start a clause about someone else ("learned to ask someone if they ...")
_OTHER_SUBJECT = frozenset({"he", "she", "they", "someone", "somebody", "people"})


def _dropped_i(toks: list[str]) -> bool:
    """The sentence starts with a verb whose subject "I" was left out, and names no topic and
    no one else as the subject of a clause."""
    return bool(toks) and toks[0] not in _NOT_DIARY_VERB and bool(
        _DIARY_VERB.fullmatch(toks[0])) and not any(t in _TOPIC or t in _OTHER_SUBJECT
                                                    for t in toks)


def _spanish_he(toks: list[str], i: int) -> bool:
    """True when ``toks[i]`` is the Spanish auxiliary "he" (first person), not English "he"."""
    return toks[i] == "he" and i + 1 < len(toks) and toks[i + 1] not in _EN_LOOKALIKES and bool(
        _ES_PARTICIPLE.fullmatch(toks[i + 1]))


def _required_in(pattern: cp.Pattern, norm: str, starts: list[int], ends: list[int],
                 k: int) -> str:
    """The text a pattern's ``requires`` is looked for in: sentence ``k``, or with ``near``
    also the sentences before and after it."""
    if not pattern.near:
        return norm[starts[k]:ends[k]]
    return norm[starts[max(0, k - 1)]:ends[min(len(ends) - 1, k + 1)]]


class CrisisDetector:
    """Pattern-based screen, optionally with a learned layer (``model``). See the module
    docstring for the full contract."""

    def __init__(self, model: ModelLayerProtocol | None = None) -> None:
        self.model = model

    def detect(self, text: str) -> CrisisResult:
        result, ctx = self.screen(text)
        if self.model is None:
            return result
        return self.model.apply(result, ctx, self)

    def screen(self, text: str) -> tuple[CrisisResult, ScreenContext]:
        """The pattern screen alone, plus the context the learned layer uses."""
        if not text or not text.strip():
            return CrisisResult("none", 0.0), ScreenContext("", (0,), (0,), frozenset(),
                                                            frozenset())
        norm = normalise(text)
        starts, ends = self._sentences(norm)
        res_at, rel_at, soft_at = self._resolution(norm, starts, ends)
        signals: list[_Signal] = []
        ignored: list[str] = []
        framed: set[int] = set()
        for pattern, m, k in self._matches(norm, starts, ends):
            sent = norm[starts[k]:ends[k]]
            rel_s, rel_e = m.start() - starts[k], m.end() - starts[k]
            why = self._discard(pattern, sent, rel_s, rel_e,
                                _required_in(pattern, norm, starts, ends, k)) or self._hyperbole(
                pattern, m, norm, starts, ends, k)
            if not why and pattern.negatable and cp.ASKED_IF.search(
                    _CLAUSE_BREAK.split(sent[:rel_s])[-1]) and cp.DENIAL.match(
                    norm, m.end(), m.end() + 40) and not cp.TOOK_BACK.search(
                    norm, m.end(), m.end() + 80):
                why = "negated (a question answered no)"
            if not why and not pattern.current and rel_at <= k and not cp.RELAPSE.search(
                    sent, rel_e) and (
                    cp.RESOLVED_BEFORE.search(sent[:rel_s])
                    or (cp.ANNIVERSARY_BEFORE.search(sent[:rel_s])
                        and not cp.RECENT_INTERVAL_BEFORE.search(sent[:rel_s]))
                    or cp.RESOLVED_AFTER.match(sent[rel_e:])):
                why = "described as over"
            if not why and pattern.negatable and (
                    norm.startswith("?", ends[k]) or cp.ASKED_ABOUT.search(sent[:rel_s])
            ) and cp.ANSWERED_NO.match(norm, m.end()) and not cp.TOOK_BACK.search(
                    norm, m.end(), m.end() + 80):
                why = "negated (a question answered no)"
            if not why and pattern.negatable and cp.DENIAL_BEFORE.search(
                    _CLAUSE_BREAK.split(sent[:rel_s])[-1]):
                why = "negated (a denial)"
            if not why and not pattern.current and rel_at < k and self._is_past(
                    sent, rel_s, rel_e) and (
                    cp.DISTANT.search(sent) or _USED_TO.search(sent)
                    or (k and cp.DISTANT.search(norm, starts[k - 1], ends[k - 1]))):
                why = "long ago, and nothing says it is back"
            if not why and not pattern.current and self._is_past(sent, rel_s, rel_e) and (
                    self._resolved(res_at, rel_at, k)
                    or self._soft_resolved(sent, soft_at, rel_at, k)):
                why = "past and resolved"
            if why:
                ignored.append(f"{why}: {m.group(0)!r}")
                if why.startswith(_SAFE_FRAME_REASONS):
                    framed.add(k)
                continue
            # past, unless the same sentence goes on to say it is back ("..., they went away,
            # but this month they are back")
            past = (not pattern.current and self._is_past(sent, rel_s, rel_e)
                    and not cp.RELAPSE.search(sent, rel_e))
            signals.append(_Signal(pattern.category, m.group(0).strip(), k, pattern.weak,
                                   past, pattern.reason or _CATS[pattern.category][1]))
        markers = tuple(sorted({m.group(0) for m in _HOPELESS_MARKERS.finditer(norm)}))
        result = self._score(signals, norm, starts, ends, markers, tuple(ignored))
        plan = frozenset(s.sentence for s in signals if s.category == "plan" and not s.past)
        return result, ScreenContext(norm, tuple(starts), tuple(ends), frozenset(framed), plan,
                                     res_at, rel_at, soft_at)

    def pattern_frame(self, ctx: ScreenContext, k: int) -> str | None:
        """The frames of sentence ``k`` the pattern screen itself found (a match discarded as
        negated, quoted, fiction/news/topic, third-person or resolved past) or a fiction
        frame."""
        if k in ctx.framed:
            return "safe frame found by the patterns"
        if cp.FICTION_FRAME.search(ctx.norm[ctx.starts[k]:ctx.ends[k]]):
            return "fiction or game"
        return None

    def whole_frame(self, ctx: ScreenContext, k: int) -> str | None:
        """The frames the learned layer's whole-entry read keeps out: the pattern screen's own
        (:meth:`pattern_frame`), a sentence that continues one of them ("I won't hurt
        myself. I promised my sister.": read alone, the second sentence is not the writer's
        risk) and a last shift in an entry about leaving a job."""
        frame = self.pattern_frame(ctx, k)
        if frame:
            return frame
        if self._continues_frame(ctx, k):
            return "continues a sentence in a safe frame"
        if self._leaving_job(ctx, k):
            return "about leaving a job"
        return None

    @staticmethod
    def _leaving_job(ctx: ScreenContext, k: int) -> bool:
        """A last shift or being done with the place, in an entry about leaving a job."""
        sent = ctx.norm[ctx.starts[k]:ctx.ends[k]]
        return bool(cp.LAST_AT_WORK.search(sent) and cp.LEAVING_JOB.search(ctx.norm)
                    and not cp.RISK_STEMS.search(sent))

    def _continues_frame(self, ctx: ScreenContext, k: int) -> bool:
        sent = ctx.norm[ctx.starts[k]:ctx.ends[k]]
        return not cp.RISK_STEMS.search(sent) and not cp.RELAPSE.search(sent) and any(
            j in ctx.framed or (self._sentence_past(ctx.norm[ctx.starts[j]:ctx.ends[j]])
                                and self._resolved(ctx.resolved_at, ctx.relapse_at, j))
            for j in (k - 2, k - 1) if j >= 0)

    def safe_frame(self, ctx: ScreenContext, k: int) -> str | None:
        """Why sentence ``k`` must not be raised by the learned layer, or None: every frame of
        :meth:`whole_frame`; the sentence is negated or affirms safety; its subject is someone
        else and the writer is not a subject; or it describes a past event that a nearby
        sentence says is resolved."""
        frame = self.whole_frame(ctx, k)
        if frame:
            return frame
        sent = ctx.norm[ctx.starts[k]:ctx.ends[k]]
        earlier = [j for j in range(max(0, k - 3), k)
                   if j in ctx.framed or self._sentence_past(ctx.norm[ctx.starts[j]:ctx.ends[j]])]
        if cp.RESOLVED.search(sent) and earlier:
            return "says an earlier event is resolved"
        if cp.RESOLVED_SOFT.search(sent) and any(
                cp.DISTANT.search(ctx.norm[ctx.starts[j]:ctx.ends[j]]) for j in earlier):
            return "says an earlier event is over"
        if self._negated_sentence(sent):
            return "negated"
        affirm = cp.SAFETY_AFFIRM.search(sent)
        if affirm and not cp.NEGATION_TRAP.search(sent) and not cp.RISK_STEMS.search(
                sent[:affirm.start()] + " " + sent[affirm.end():]):
            return "affirms safety"
        toks = _tokens(re.sub(r"«[^»]*»?", " ", sent))
        if not any(t in ("i", "myself") for t in toks) and not _dropped_i(toks):
            subject = None
            for i, tok in enumerate(toks):
                if _spanish_he(toks, i):
                    subject = "self"
                    break
                if tok in cp.THIRD_PERSON or (tok in ("my", "our") and any(
                        t in cp.THIRD_PERSON for t in toks[i + 1:i + 3])):
                    subject = "other"
                    break
                if tok in cp.FIRST_PERSON:
                    subject = "self"
                    break
            if subject == "other":
                return "about someone else"
        if self._sentence_past(sent) and (
                self._resolved(ctx.resolved_at, ctx.relapse_at, k)
                or self._soft_resolved(sent, ctx.soft_resolved_at, ctx.relapse_at, k)):
            return "past and resolved"
        return None

    @staticmethod
    def _negated_sentence(sent: str) -> bool:
        """Every clause of ``sent`` that touches a risk topic negates the intent ("i am not going
        to hurt myself", "no thoughts of suicide") and none is a negation trap ("i do not want
        to be here", "not going to make it", "no reason to live")."""
        if cp.NEGATION_TRAP.search(sent):
            return False
        risky = [c for c in _CLAUSE_BREAK.split(sent) if cp.RISK_STEMS.search(c)]
        return bool(risky) and all(cp.NEGATED_SENTENCE.search(c) for c in risky)

    @staticmethod
    def _sentence_past(sent: str) -> bool:
        if cp.CURRENT_SHIFT.search(sent):
            return False
        return bool(cp.DISTANT.search(sent)) or (
            any(t in cp.PAST_CUES for t in _tokens(sent)) and not cp.RECENT.search(sent))

    @staticmethod
    def _matches(
        norm: str, starts: list[int], ends: list[int], prefilter: bool = True,
    ) -> list[tuple[cp.Pattern, re.Match[str], int]]:
        """All pattern matches as (pattern, match, sentence index). With ``prefilter`` only
        sentences containing a trigger stem are searched, each only with the patterns whose
        required literals it holds; without it every sentence is searched with every pattern."""
        found: list[tuple[cp.Pattern, re.Match[str], int]] = []
        # A sentence repeated with the same text before it (pasted logs, refrains) matches the
        # same patterns: only those are searched again. The key holds the sentence and what a
        # look-behind can see before it.
        seen: dict[str, tuple[Sequence[int], Sequence[int]]] = {}
        for k, (a, b) in enumerate(zip(starts, ends, strict=True)):
            if b <= a or (prefilter and not _TRIGGER.search(norm, a, b)):
                continue
            key = norm[a - _LOOK_BEHIND:b] if a >= _LOOK_BEHIND else None
            hit: Sequence[int]
            hit_net: Sequence[int]
            if key is not None and key in seen:
                hit, hit_net = seen[key]
            elif prefilter:
                hit, hit_net = _INDEX.candidates(norm, a, b), _NET_INDEX.candidates(norm, a, b)
            else:
                hit, hit_net = range(len(_PATTERNS)), range(len(net.NET_PATTERNS))
            matched: list[int] = []
            curated: list[tuple[int, int]] = []
            for i in hit:
                pattern = _PATTERNS[i]
                for m in pattern.regex.finditer(norm, a, b):
                    matched.append(i)
                    found.append((pattern, m, k))
                    if pattern.requires is None or pattern.requires.search(
                            _required_in(pattern, norm, starts, ends, k)):
                        curated.append(m.span())
            # A net match overlapping a curated one is left to the curated pattern, which
            # carries the more specific context rules.
            matched_net: list[int] = []
            for i in hit_net:
                pattern = net.NET_PATTERNS[i]
                for m in pattern.regex.finditer(norm, a, b):
                    matched_net.append(i)
                    if not any(m.start() < e and s < m.end() for s, e in curated):
                        found.append((pattern, m, k))
            if key is not None:
                seen[key] = (tuple(dict.fromkeys(matched)), tuple(dict.fromkeys(matched_net)))
        return found

    # ---- context checks ---------------------------------------------------------------
    @staticmethod
    def _sentences(norm: str) -> tuple[list[int], list[int]]:
        starts, ends = [0], []
        for m in _SENT_END.finditer(norm):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(norm))
        return starts, ends

    def _discard(self, pattern: cp.Pattern, sent: str, s: int, e: int,
                 required_in: str | None = None) -> str | None:
        """Why a match is not a signal, or None. A safe frame (negation, topic, someone else,
        ...) is named in preference to missing context, so the learned layer skips it too.
        ``required_in``: where ``pattern.requires`` is looked for (default: the sentence)."""
        frame = self._frame(pattern, sent, s, e)
        if frame is None and pattern.requires is not None and not pattern.requires.search(
                sent if required_in is None else required_in):
            return "context missing"
        return frame

    def _frame(self, pattern: cp.Pattern, sent: str, s: int, e: int) -> str | None:
        for idiom in _IDIOMS.finditer(sent):
            if idiom.start() < e and s < idiom.end():
                return "idiom"
        before = sent[:s]
        if before.count("«") > before.count("»") and not re.search(
            r"\bi (?:said|say|told|tell|keep thinking|thought|think|wrote|write|texted)\b"
            r"[^«»]{0,20}«[^«»]*$", before.rstrip(),
        ):
            return "quoted"
        if pattern.negatable and self._negated(sent, s, e, pattern):
            return "negated"
        if cp.TOPIC_MATCH.match(sent[s:e]) and (
                cp.TOPIC_BEFORE.search(before) or cp.TOPIC_AFTER.match(sent[e:])
                or cp.DEATH_REPORT.search(before)):
            return "a topic, not the writer"
        if _STUDY_MATCH.match(sent[s:e]) and _STUDY_CONTEXT.search(sent) and not (
                _OWN_BEFORE.search(" ".join(_tokens(before)[-3:]))
                or re.match(r" *on (?:my|mine|all my|all of my)\b", sent[e:])):
            return "a topic, not the writer (study or work)"
        if sent[s:e].startswith("kill myself") and _OTHER_SLANG.search(before) and not \
                _OWN_BEFORE.search(" ".join(_tokens(before)[-4:])):
            return "about someone else (their words)"
        if cp.FICTION_FRAME.search(sent):
            return "fiction or game"
        names_self = any(t in cp.FIRST_PERSON for t in _tokens(sent[s:e]))
        if not names_self and not pattern.other_ok and self._subject(before, sent[s:e]) == "other":
            return "about someone else"
        return None

    @staticmethod
    def _hyperbole(pattern: cp.Pattern, m: re.Match[str], norm: str, starts: list[int],
                   ends: list[int], k: int) -> str | None:
        """Idiomatic exaggeration that needs the sentence and its neighbours: a wish to die of
        embarrassment or a hangover, or "I'll kill myself if ... one more time" about a
        trivial thing (in the same sentence)."""
        if pattern.category not in ("ideation", "plan", "net_death"):
            return None
        sent = norm[starts[k]:ends[k]]
        if cp.HYPERBOLE_MATCH.match(m.group(0)):
            near = norm[starts[max(0, k - 2)]:ends[min(len(ends) - 1, k + 1)]]
            if cp.HYPERBOLE_CONTEXT.search(near) and not cp.RISK_AFFIRM.search(near):
                return "idiom (embarrassment)"
        if re.search(r"\b(?:kill|hang|shoot) myself\b|\bjump\w* off\b|\bthrow\w* myself (?:off|out|"
                     r"under|in front)\b|\bwalk\w* into the (?:sea|ocean|river|lake)\b",
                     m.group(0)) and \
                cp.TRIVIAL_CONDITIONAL.search(sent) and not cp.RISK_AFFIRM.search(sent):
            return "idiom (a trivial condition)"
        if m.group(0).startswith("kill myself") and _TRIVIAL_AFTER.match(norm, m.end(), ends[k]) \
                and not cp.RISK_AFFIRM.search(sent):
            return "idiom (a joke about a thing)"
        if m.group(0).startswith("i am dead") and cp.LAUGH.match(norm, m.end(), ends[k]):
            return "idiom (a joke)"
        # "ate the servo pie. if i don't make it, tell the kids i loved them. joking."
        if re.match(r"if i \w+ not (?:make it|wake up)", m.group(0)) and re.match(
                r"[^|]{0,60}?\b(?:joking|just joking|kidding|jk|lol|lmao|haha\w*)\b", norm[
                    m.end():ends[min(len(ends) - 1, k + 1)]]) and not cp.RISK_AFFIRM.search(sent):
            return "idiom (a joke)"
        if _INTL_HYPERBOLE_ACT.search(m.group(0)) and _TRIVIAL_INTL.search(sent) \
                and not _TRIVIAL_INTL_NOT.search(sent):
            after = norm[starts[k]:ends[min(len(ends) - 1, k + 1)]]
            if not _AFFIRM_INTL.search(after) and (
                    _JOKE_INTL.search(after) or _TRIVIAL_THING.search(sent)):
                return "idiom (a trivial condition)"
        # "mondays make me want to die lol": a joke about a thing, marked as a joke
        if cp.LAUGH.match(norm, m.end(), ends[k]) and not cp.RISK_AFFIRM.search(sent) and (
                cp.TRIVIAL_CONDITIONAL.search(sent) or _MADE_ME.search(norm, starts[k], m.start())):
            return "idiom (a joke)"
        return None

    @staticmethod
    def _negated(sent: str, s: int, e: int, pattern: cp.Pattern) -> bool:
        if cp.NEGATION_RELEASE.match(sent[e:]):
            return False
        inner = _tokens(sent[s:e])
        if any(t in ("not", "never") for t in inner) and not _NEG_WORDS.search(
            pattern.regex.pattern
        ):
            return True
        clause = _CLAUSE_BREAK.split(sent[:s])[-1]
        lead = cp.NEGATED_LEAD.search(clause + sent[s:e])  # "not had a single thought of ..."
        if lead and lead.start() < len(clause):
            return True
        if re.match(r"\w+ing\b", sent[s:e]) and cp.GERUND_NEGATED.match(sent[e:]):
            return True
        toks = _tokens(clause)
        if pattern.clause_negation and any(t in ("not", "never") for t in toks):
            return True
        for skipped, tok in enumerate(reversed(toks)):
            if tok in cp.NEGATION_CUES:
                # "after a year without thinking about suicide, it is all i think about again"
                return not (tok == "without" and cp.RELAPSE.search(sent, e))
            if tok not in cp.NEGATION_FILLERS or skipped >= 5:
                break
        return bool(cp.POST_NEGATION.match(sent[e:]))

    @staticmethod
    def _subject(before: str, match: str = "") -> str | None:
        toks = [t for t in _tokens(before) if t not in ("«", "»")]
        n = len(toks)
        toks += _tokens(match)[:1]  # the word after "he" tells Spanish "he" from English
        for i in range(n - 1, -1, -1):
            tok = toks[i]
            if tok in cp.FIRST_PERSON or _spanish_he(toks, i):
                return "self"
            if tok in cp.THIRD_PERSON:
                return "other"
        return None

    @staticmethod
    def _is_past(sent: str, s: int, e: int) -> bool:
        clause_start = 0
        for br in _CLAUSE_BREAK.finditer(sent[:s]):
            clause_start = br.end()
        clause_end_m = _CLAUSE_BREAK.search(sent, e)
        clause = sent[clause_start:clause_end_m.start() if clause_end_m else len(sent)]
        if re.match(r" *(?:attempts?|survivor)\b", sent[e:]):  # "my suicide attempt"
            return not re.search(r"\b(?:last night|today|this morning|yesterday|tonight|"
                                 r"again)\b", clause)
        rs, re_ = max(0, s - clause_start), e - clause_start
        if cp.RECENT.search(clause[:rs] + " " * (re_ - rs) + clause[re_:]):  # "i had a relapse"
            return False
        if _USED_TO.search(clause, 0, rs) or _USED_TO_AFTER.match(sent, e):
            return True
        before = _tense_cues(sent[clause_start:s])[-4:]  # an earlier clause does not count
        for cue in (*reversed(before), *_tense_cues(sent[s:e])):
            if cue is not None:
                return cue
        return bool(cp.DISTANT.search(sent))

    @staticmethod
    def _resolution(norm: str, starts: list[int], ends: list[int]) -> tuple[int, int, int]:
        """(last sentence with a resolution cue not undone later in that sentence, last sentence
        with a relapse cue, last sentence with a soft resolution cue); -1 when there is none.
        One pass over the text each."""
        res_at = rel_at = -1
        for m in cp.RESOLVED.finditer(norm):
            j = bisect.bisect_right(starts, m.start()) - 1
            if j > res_at and not cp.RELAPSE.search(norm, m.end(), ends[j]):
                res_at = j
        for m in cp.RELAPSE.finditer(norm):
            rel_at = bisect.bisect_right(starts, m.start()) - 1
        soft_at = -1
        for m in cp.RESOLVED_SOFT.finditer(norm):
            soft_at = bisect.bisect_right(starts, m.start()) - 1
        return res_at, rel_at, soft_at

    @staticmethod
    def _soft_resolved(sent: str, soft_at: int, rel_at: int, k: int) -> bool:
        """A distant-past event ("years ago", "in 2016") in sentence ``k`` followed by a softer
        sign that life has moved on ("life is good", "every birthday since felt like a gift")
        in a later sentence, with no relapse cue after it."""
        return soft_at > k and rel_at <= soft_at and bool(cp.DISTANT.search(sent))

    @staticmethod
    def _resolved(res_at: int, rel_at: int, k: int) -> bool:
        """A past event in sentence ``k`` is resolved when the sentence before it, itself or any
        later sentence says so, and no sentence after that says the feelings are back."""
        return res_at >= max(0, k - 1) and rel_at <= max(res_at, k)

    # ---- scoring ------------------------------------------------------------------------
    def _score(
        self, signals: list[_Signal], norm: str, starts: list[int], ends: list[int],
        markers: tuple[str, ...], ignored: tuple[str, ...],
    ) -> CrisisResult:
        current = [s for s in signals if not s.past]
        past = [s for s in signals if s.past]
        strong = [s for s in current if not s.weak]
        weak_cats = {s.category for s in current if s.weak}
        if not strong and len(weak_cats) < 2:
            current = []
        if not current:
            if past:
                cats = sorted({_CATS[s.category][1] for s in past})
                reasons = [f"{PAST_REASON} ({c})" for c in cats]
                return CrisisResult("concern", 0.35, reasons, markers, ignored)
            return CrisisResult("none", 0.0, [], markers, ignored)

        by_cat: dict[str, _Signal] = {}
        for sig in sorted(current, key=lambda x: -_CATS[x.category][0]):
            by_cat.setdefault(sig.category, sig)
        top = max(_CATS[c][0] for c in by_cat)
        score = top + 0.2 * (len(by_cat) - 1)
        reasons = [f'{sig.reason} ("{sig.phrase}")' for c, sig in by_cat.items()]

        near = {j for s in current if s.category not in _NO_ESCALATION
                for j in (s.sentence - 1, s.sentence, s.sentence + 1) if 0 <= j < len(starts)}
        window = " ".join(norm[starts[j]:ends[j]] for j in sorted(near))
        time_m = cp.TIMING.search(window)
        means = sorted({m.group(1) for m in cp.MEANS.finditer(window)})
        detail = []
        if means:
            detail.append(f"a method ({', '.join(means[:3])})")
            score += 0.1
        if time_m:
            detail.append(f"a time ({time_m.group(0)})")
            score += 0.2
        if detail:
            reasons.append("mentions " + " and ".join(detail))
        if past:
            reasons.append(f"also {PAST_REASON}")
        score = min(1.0, score)
        return CrisisResult(level_for(score), round(score, 3), reasons, markers, ignored)


def combine(
    result: CrisisResult,
    emotion_probs: Mapping[str, float] | None,
    sentiment: float | Mapping[str, float] | None,
) -> CrisisResult:
    """Raise ``none`` to ``concern`` when the model sees strong sadness/fear, the sentiment is
    very negative (compound <= -0.6) and the text uses hopeless wording. Never lowers a level;
    returns ``result`` unchanged when the model signals are missing, or when the learned crisis
    layer already read the text (``result.model`` set): with it, these signals added false
    alarms and caught nothing more, so they only back up the pattern screen alone."""
    if result.level != "none" or not emotion_probs or sentiment is None or not result.markers \
            or result.model is not None:
        return result
    compound = float(sentiment["compound"] if isinstance(sentiment, Mapping) else sentiment)
    distress = float(emotion_probs.get("sadness", 0.0)) + float(emotion_probs.get("fear", 0.0))
    if distress < 0.6 or compound > -0.6:
        return result
    words = ", ".join(f'"{w}"' for w in result.markers[:3])
    reason = (f"very negative tone with strong sadness or fear and words like {words} "
              "(model signals)")
    return CrisisResult("concern", max(result.score, CONCERN_AT), [*result.reasons, reason],
                        result.markers, result.ignored)
