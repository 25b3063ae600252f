"""The companion's dispatcher: crisis screen first, then refusals, exercises and reflections.

``respond`` is called only by ``Conversation.send``. Its first statement is the crisis screen
(the instant pattern screen, then the full screen with its learned layer), so no state, not
even a running exercise, can skip it. Order after that:

1. a request the companion refuses (patterns, or the classifier backed by a keyword gate);
2. inside an exercise: "stop", otherwise the message answers the current step;
3. outside: an explicit exercise request (patterns, or the classifier when confident), the
   answer to a pending offer or question (yes/no), help, small talk, a low-confidence guess
   ("did you mean ...?"), and by default listening: a reflection in the user's own words plus
   one open question (or, after a few turns, an offer of a fitting exercise).

Every text comes from the content library (``companion_content``); ``sources`` lists the ids of
the lines used and ``why`` says in plain words what led to them.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from mindspace.app import companion_exercises as ex
from mindspace.app import companion_guard as guard
from mindspace.app.companion import EXERCISES, QuickReply, Reply
from mindspace.app.companion_content import Library, quote
from mindspace.app.companion_listen import extract, feeling_from
from mindspace.app.companion_reader import MessageReader, MessageReading
from mindspace.app.screen import level_rank, screen_text
from mindspace.core.rules import opens_support_panel
from mindspace.ml.crisis import PAST_REASON
from mindspace.ml.crisis_text import respelled

if TYPE_CHECKING:
    from mindspace.ml.intent import IntentClassifier, IntentReading
    from mindspace.ml.registry import ModelRegistry
    from mindspace.storage.mood import MoodRepository

ACT_AT = 0.55  # classifier confidence to start an exercise or act on an intent
START_AT = 0.90  # a statement (not a request) starts an exercise only at this confidence
ASK_AT = 0.30  # below ACT_AT but above this: "did you mean ...?"
REFUSE_AT = 0.35  # a "refuse-*" intent acts at this, and only with a word of its category
OFFER_AFTER = 2  # support turns before an exercise is offered
CRISIS_CONFIRM = 0.10  # intent "crisis" probability that confirms the learned layer's flag
CRISIS_CONFIRM_STEP = 0.50  # the same for a message that asks for an exercise
ANSWER_CONFIRM = 0.25  # the same for an answer to a step (read by the answers head)
ANSWER_CONFIRM_MAIN = 0.80  # or the main head's crisis probability, for an answer to a step
AIMED_AT_OTHERS_WORDS = 30  # longest message the exasperation rule reads
SENTENCE_CONFIRM_STEP = 0.90  # the same, for a message that asks for an exercise
EXERCISE_INTENT_AT = 0.90  # the intent reader's exercise label that counts as asking for one
SENTENCE_CONFIRM = 0.50  # one sentence of a longer message, when the whole reads otherwise
CRISIS_ALONE = 0.90  # intent "crisis" probability that flags on its own
RISK_ALONE = 0.85  # crisis + methods + hiding self-harm together, outside an exercise
# intent labels that read as risk when they confirm the learned layer: statements of risk and
# requests for methods or for hiding self-harm
RISK_LABELS = ("crisis", "refuse-methods", "refuse-hide-self-harm")

RECALL_EXERCISES = frozenset({"thought-record", "problem-solving", "self-compassion",
                              "worry-time"})
EXERCISE_NAMES = {
    "breathing": "a slow breathing exercise", "grounding": "a 5-4-3-2-1 grounding exercise",
    "thought-record": "a thought record", "behavioural-activation": "planning a small activity",
    "worry-time": "worry time", "problem-solving": "problem-solving step by step",
    "self-compassion": "a self-compassion break", "sleep": "some steps for better sleep",
    "safety-plan": "looking at your safety plan",
}
SHORT_NAMES = {
    "breathing": "Breathing", "grounding": "Grounding", "thought-record": "Thought record",
    "behavioural-activation": "Plan an activity", "worry-time": "Worry time",
    "problem-solving": "Problem-solving", "self-compassion": "Self-compassion",
    "sleep": "Sleep", "safety-plan": "Safety plan",
}
_EMOTION_EXERCISE = {
    "fear": "breathing", "sadness": "behavioural-activation", "anger": "problem-solving",
    "disgust": "self-compassion",
}
ANSWER_RISK_REFUSALS = {"methods": "ways to die or doses that could cause harm",
                        "hide-self-harm": "hiding self-harm"}
REFUSAL_WHY = {
    "methods": "You asked about methods or doses that could cause harm.",
    "hide-self-harm": "You asked how to hide self-harm.",
    "eating-disorder": "You asked for tips that could feed an eating problem.",
    "medication": "You asked about getting, changing or stopping medication without a "
                  "clinician.",
    "diagnosis": "You asked me to confirm a diagnosis.",
    "secrecy": "You asked me to keep harm to a child secret.",
}


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class ConversationState:
    """Everything a conversation remembers (saved as JSON with the conversation)."""

    turns: int = 0
    exercise: str | None = None
    step: int = 0
    answers: dict[str, str] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConversationState:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class Hooks:
    """What a conversation may reach outside itself (all optional; None when ephemeral)."""

    context: Callable[[], dict[str, str]] | None = None
    load_plan: Callable[[], dict[str, list[str]]] | None = None
    save_plan: Callable[[dict[str, list[str]]], None] | None = None
    ephemeral: bool = True


class CompanionEngine:
    """Content library + models shared by every conversation (thread-safe, read-only).

    ``reader`` gives the crisis screen's learned layer, emotions and sentiment; ``intents`` may
    be None (missing model files): then only the patterns read intents.
    """

    def __init__(self, library: Library, reader: MessageReader,
                 intents: IntentClassifier | None, intent_error: str | None = None) -> None:
        self.library = library
        self.reader = reader
        self.intents = intents
        self.intent_error = intent_error

    @classmethod
    def load(cls, registry: ModelRegistry | None = None) -> CompanionEngine:
        """Load the library and the models (verified against the manifest); about a second."""
        from mindspace.ml.intent import IntentClassifier
        from mindspace.ml.registry import ModelRegistry

        registry = registry or ModelRegistry()
        library = Library.load()
        reader = MessageReader.load(registry)
        try:
            intents: IntentClassifier | None = IntentClassifier.load(registry,
                                                                      encoder=reader.encoder)
            error = None
        except Exception as exc:  # noqa: BLE001 - the patterns still work; the reason is kept
            intents, error = None, str(exc)
        return cls(library, reader, intents, error)

    def warm_up(self, background: bool = False) -> None:
        """Load every model now (in a daemon thread with ``background``)."""

        def run() -> None:
            self.reader.wait_until_loaded()
            self.reader.read("hello")
            if self.intents is not None:
                self.intents.classify("hello")

        if background:
            threading.Thread(target=run, name="companion-warm-up", daemon=True).start()
        else:
            run()

    def classify(self, text: str) -> IntentReading | None:
        """The intent reading of ``text``, with misspelt words of risk statements written out
        as the crisis screen reads them ("swalowed", "tabelts")."""
        if self.intents is None or not text:
            return None
        return self.intents.classify(respelled(text))


# ---- the one entry point -------------------------------------------------------------------

def respond(engine: CompanionEngine, state: ConversationState, text: str,
            hooks: Hooks) -> Reply:
    """Screen, then answer (see the module docstring for the order)."""
    reply = _respond(engine, state, text, hooks)
    if reply.why and "why.previous" not in reply.sources and "why.none" not in reply.sources:
        state.slots["last_why"] = list(reply.why)
    return reply


def _respond(engine: CompanionEngine, state: ConversationState, text: str,
             hooks: Hooks) -> Reply:
    screened = screen_text(text)  # 1. the deterministic pattern screen, before anything else
    first = state.turns == 0
    state.turns += 1
    level, reasons = screened.level, list(screened.reasons)
    chat_level = guard.chat_risk(text)  # chat wording of acute risk; only ever raises
    if level_rank(chat_level) > level_rank(level):
        level = chat_level
        reasons.append("words people use in chat when they are in danger right now")
    if opens_support_panel(level) and not past_only(reasons):
        return _crisis(engine.library, state, level, reasons, first)
    analysis = engine.reader.read(text)  # 2. the learned layer, confirmed for chat
    if opens_support_panel(level) and opens_support_panel(analysis.crisis.level):
        # A past event the patterns could not place is read in context by the full screen, as
        # in a journal entry ("last winter I didn't want to live; I'm through it now")
        return _crisis(engine.library, state, analysis.crisis.level,
                       list(analysis.crisis.reasons), first)
    reading = engine.classify(text)
    in_exercise = state.exercise is not None
    asks_exercise = bool(guard.exercise_requests(text)) and not guard.not_a_request_now(text)
    refusal = _refusal(text, reading)
    level, reasons = chat_crisis_level(analysis, reading, in_exercise, asks_exercise,
                                       refusable=refusal is not None)
    if in_exercise and refusal is not None and refusal[0] in ANSWER_RISK_REFUSALS and \
            not opens_support_panel(level) and (guard.refusal(text) is not None or
                                                opens_support_panel(analysis.crisis.level)):
        # an answer to a step is not a request: one that speaks of ways to die or of hiding
        # self-harm tells of risk ("I've worked out how many I need"), when its words say so or
        # the learned layer reads it so (the intent reader alone also refuses "look up how much
        # notice I have to give")
        level, reasons = "concern", [f"an answer inside the exercise speaks of "
                                     f"{ANSWER_RISK_REFUSALS[refusal[0]]}"]
    if not opens_support_panel(level) and opens_support_panel(analysis.crisis.level):
        # risk written inside a long message about something else: confirm sentence by sentence
        at = SENTENCE_CONFIRM_STEP if asks_exercise or (
            reading is not None and reading.label in EXERCISES
            and reading.confidence >= EXERCISE_INTENT_AT
        ) else SENTENCE_CONFIRM
        for part in sentences(text):
            part_reading = engine.classify(part)
            p = part_reading.crisis(in_exercise) if part_reading is not None else 0.0
            if p >= at:
                level = analysis.crisis.level
                reasons = [*analysis.crisis.reasons, f"one sentence reads like statements of "
                           f"suicidal thinking or self-harm (intent model {p:.2f})"]
                break
    if opens_support_panel(level) and screened.level == "none" and chat_level == "none" and \
            len(text.split()) <= AIMED_AT_OTHERS_WORDS and guard.aimed_at_others(text):
        # the models alone, on a short message of exasperation aimed at someone else ("I could
        # murder whoever left the stockroom like this"): the patterns saw no risk to the writer
        level, reasons = "none", []
    if opens_support_panel(level):
        return _crisis(engine.library, state, level, reasons, first)
    if guard.is_why(text):
        return _explain(engine.library, state, reading)
    return _after_screen(engine, state, text, analysis, reading, hooks, first, refusal)


def past_only(reasons: list[str]) -> bool:
    """The pattern screen's only reasons are past events it could not call resolved."""
    return bool(reasons) and all(r.startswith(PAST_REASON) for r in reasons)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def sentences(text: str, limit: int = 12) -> list[str]:
    """The sentences of a message with more than one, longest first (at most ``limit``)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if len(p.split()) >= 3]
    return sorted(parts, key=len, reverse=True)[:limit] if len(parts) > 1 else []


def chat_crisis_level(analysis: MessageReading, reading: IntentReading | None,
                      in_exercise: bool = False, asks_exercise: bool = False,
                      refusable: bool = False) -> tuple[str, list[str]]:
    """The crisis level after the pattern screen found nothing.

    The crisis screen's learned layer reads journal-length text; on short chat replies ("done",
    "yes please") it often scores high. In chat its flag therefore counts when the intent
    classifier, trained on the same risk statements and on chat messages, also gives the
    message a ``crisis`` probability of at least ``CRISIS_CONFIRM`` (``CRISIS_CONFIRM_STEP`` for
    a message that asks for an exercise; ``ANSWER_CONFIRM`` for the answer to an exercise step,
    read out of the question's context, "Sunday afternoon", "tonight after work", by the
    classifier's answers head, or ``ANSWER_CONFIRM_MAIN`` by its main head); the classifier
    alone flags at ``CRISIS_ALONE``. Without the classifier the learned layer's level stands as
    it is.
    """
    level = analysis.crisis.level
    reasons = list(analysis.crisis.reasons)
    if reading is None:
        return level, reasons
    p = reading.crisis(in_exercise)
    # outside an exercise a request for methods counts with statements of risk; an answer to a
    # step ("suggest it tonight at dinner") is read on the crisis label alone
    risk = p if in_exercise else sum(reading.probability(label) for label in RISK_LABELS)
    confirm = (ANSWER_CONFIRM if in_exercise else CRISIS_CONFIRM_STEP if asks_exercise
               else CRISIS_CONFIRM)
    if opens_support_panel(level) and (risk >= confirm or (
            in_exercise and reading.probability("crisis") >= ANSWER_CONFIRM_MAIN)):
        return level, reasons
    if p >= CRISIS_ALONE:
        return "concern", [f"the message reads like statements of suicidal thinking or "
                           f"self-harm (intent model {p:.2f})"]
    if not in_exercise and not refusable and risk >= RISK_ALONE:
        return "concern", [f"the message reads like a question about ways to die or to hurt "
                           f"oneself (intent model {risk:.2f})"]
    return "none", []


def stop(engine: CompanionEngine, state: ConversationState) -> Reply:
    lib = engine.library
    if state.exercise is None:
        return Reply(lib.say("stop.none"), "support", sources=("stop.none",),
                     why=("You asked to stop.",))
    name = lib.exercises[state.exercise].title.lower()
    _clear_exercise(state)
    return Reply(lib.say("stop.done", {"exercise": name}), "support", sources=("stop.done",),
                 why=("You asked to stop the exercise.",), quick_replies=_menu())


# ---- routes ----------------------------------------------------------------------------------

def _explain(lib: Library, state: ConversationState, reading: IntentReading | None) -> Reply:
    """"Why did you say that?": the previous reply's reasons, as they were recorded."""
    why = state.slots.get("last_why")
    if not why:
        return Reply(lib.say("why.none"), "support", sources=("why.none",),
                     why=("You asked why, but I had not replied yet.",), **_reading(reading))
    return Reply(" ".join([lib.say("why.previous"), *why]), "support",
                 sources=("why.previous",),
                 why=("You asked why I said what I said; these are the reasons I recorded "
                      "with that reply.",), **_reading(reading))


def _crisis(lib: Library, state: ConversationState, level: str, reasons: list[str],
            first: bool) -> Reply:
    ids = []
    if state.exercise is not None:
        ids.append("crisis.stopped")
    _clear_exercise(state)
    state.slots.pop("pending", None)
    ids.append("crisis.urgent" if level == "urgent" else "crisis.concern")
    if first:
        ids.append("intro.short")
    why = ["Every message is checked by the safety screen first; it found words that can "
           "signal risk" + (f": {'; '.join(reasons)}." if reasons else "."),
           "So I stopped everything else and opened your support options."]
    return Reply(" ".join(lib.say(i) for i in ids), "crisis", level, sources=tuple(ids),
                 why=tuple(why))


def _after_screen(engine: CompanionEngine, state: ConversationState, text: str,
                  analysis: MessageReading, reading: IntentReading | None, hooks: Hooks,
                  first: bool, refusal: tuple[str, str] | None) -> Reply:
    lib = engine.library
    prefix: list[str] = ["intro.first"] if first else []
    if not text.strip():
        return _with_prefix(lib, prefix, Reply(lib.say("empty"), "support", sources=("empty",)))
    if refusal is not None:
        category, why_refuse = refusal
        ids = ["intro.short"] if first else []
        ids.append(f"refuse.{category}")
        texts = [lib.say(i) for i in ids]
        step = None
        info = None
        if state.exercise is not None:
            again = ex.current(lib, state)
            ids += ["refuse.continue", *again.sources]
            texts += [lib.say("refuse.continue"), again.text]
            step, info = state.step + 1, again.step
        return Reply(" ".join(texts), "refuse", sources=tuple(ids),
                     exercise=state.exercise, step=step, step_info=info,
                     why=(REFUSAL_WHY[category], why_refuse,
                          "I say why, and point to people who can help."),
                     **_reading(reading))
    if state.exercise is not None:
        return _in_exercise(engine, state, text, reading, hooks)
    return _with_prefix(lib, prefix, _outside(engine, state, text, analysis, reading, hooks))


def _refusal(text: str, reading: IntentReading | None) -> tuple[str, str] | None:
    """(refusal category, why) of a request: the guard's patterns, or the intent reader when it
    is confident and the message asks for something with a word of that category."""
    category = guard.refusal(text)
    if category is not None:
        return category, "The words of your message match a request I never help with."
    if reading is not None and reading.label.startswith("refuse-") \
            and reading.confidence >= REFUSE_AT and guard.refusal_gate(reading.label[7:], text):
        return reading.label[7:], (f"The intent reader read your message as this kind of "
                                   f"request (confidence {reading.confidence:.2f}).")
    return None


def _in_exercise(engine: CompanionEngine, state: ConversationState, text: str,
                 reading: IntentReading | None, hooks: Hooks) -> Reply:
    lib = engine.library
    short = len(text.split()) <= 6
    if guard.is_stop(text) or (short and reading is not None and reading.label == "stop"
                               and reading.confidence >= 0.8):
        return stop(engine, state)
    exercise = state.exercise
    assert exercise is not None
    out = ex.answer(lib, state, text, ephemeral=hooks.ephemeral)
    if out.plan_to_save is not None and hooks.save_plan is not None:
        hooks.save_plan(out.plan_to_save)
    why = [f"We're doing {EXERCISE_NAMES[exercise]}; I take each message as the answer to "
           f"the current step."]
    if out.retry:
        why.append("I couldn't use that answer for this step, so I asked again.")
    if out.finished is not None:
        why.append("That was the last step.")
    return Reply(out.text, "exercise", exercise=exercise,
                 step=out.step.number if out.step else None, step_info=out.step,
                 sources=out.sources, why=tuple(why), finished=out.finished,
                 quick_replies=_step_quick_replies(out.step), **_reading(reading))


def _outside(engine: CompanionEngine, state: ConversationState, text: str,
             analysis: MessageReading, reading: IntentReading | None, hooks: Hooks) -> Reply:
    lib = engine.library
    pending = state.slots.pop("pending", None)
    not_now = guard.not_a_request_now(text)
    asked = [] if not_now else guard.exercise_requests(text)
    if asked:
        best = max(asked, key=lambda e: reading.probability(e) if reading else 0.0)
        words = ", ".join(EXERCISE_NAMES[e] for e in asked)
        return _start(engine, state, best, hooks, reading,
                      f"Your words asked for {words} in so many words.")
    label = reading.label if reading else None
    conf = reading.confidence if reading else 0.0
    if label in EXERCISES and conf >= ACT_AT and (label != "safety-plan" or conf >= 0.75) \
            and not not_now and (conf >= START_AT or guard.sounds_like_request(text)):
        return _start(engine, state, label, hooks, reading,
                      f"The intent reader read your message as a request for "
                      f"{EXERCISE_NAMES[label]} (confidence {conf:.2f}).")
    suggest = label if label in EXERCISES and conf >= ACT_AT and label != "safety-plan" \
        else None  # a statement that fits an exercise: listen first, then offer it
    if pending and (guard.is_yes(text) or (label == "yes" and conf >= ACT_AT
                                           and len(text.split()) <= 5)):
        options = pending.get("options", [])
        if len(options) == 1:
            return _start(engine, state, options[0], hooks, reading,
                          "You said yes to my suggestion.")
        return _clarify(lib, state, options or list(EXERCISES[:4]), reading)
    if pending and (guard.is_no(text) or (label == "no" and conf >= ACT_AT
                                          and len(text.split()) <= 5)):
        return Reply(lib.say("offer.declined"), "support", sources=("offer.declined",),
                     why=("You said no, so we just talk.",), **_reading(reading))
    if guard.is_stop(text) and len(text.split()) <= 5:
        return stop(engine, state)
    if guard.is_help(text) or (label == "help" and conf >= ACT_AT and len(text.split()) <= 10):
        return Reply(lib.say("help.list"), "support", sources=("help.list",),
                     why=("You asked what I can do.",), quick_replies=_menu(),
                     **_reading(reading))
    kind = guard.small_talk_kind(text)
    if kind is None and label == "small-talk" and conf >= ACT_AT and len(text.split()) <= 6:
        kind = "other"
    if kind is not None:
        line = f"smalltalk.{kind}"
        return Reply(lib.say(line), "support", sources=(line,),
                     why=("That read as a greeting or small talk.",), **_reading(reading))
    if (guard.is_yes(text) or guard.is_no(text)) and len(text.split()) <= 4:
        return Reply(lib.say("offer.none"), "support", sources=("offer.none",),
                     why=("There was nothing open to say yes or no to.",), **_reading(reading))
    if (label in EXERCISES or label == "help") and conf >= ASK_AT \
            and not _has_feeling(analysis) and not not_now \
            and (len(text.split()) <= 4 or guard.sounds_like_request(text)):
        options = [e for e, p in reading.ranked if e in EXERCISES and p >= 0.15][:3] \
            if reading else []
        fallback = [label] if label in EXERCISES else list(EXERCISES[:4])
        return _clarify(lib, state, options or fallback, reading)
    return _listen(engine, state, text, analysis, reading, hooks, suggest)


def _listen(engine: CompanionEngine, state: ConversationState, text: str,
            analysis: MessageReading, reading: IntentReading | None, hooks: Hooks,
            suggest: str | None = None) -> Reply:
    lib = engine.library
    heard = extract(text)
    slots = state.slots
    mem: dict[str, Any] = slots.setdefault("memory", {})
    ids: list[str] = []
    texts: list[str] = []
    why: list[str] = []

    def say(line_id: str, values: dict[str, str] | None = None) -> None:
        ids.append(line_id)
        texts.append(lib.say(line_id, values))

    feeling = heard.feeling
    positive = heard.feeling_positive
    if feeling is None:
        feeling, positive = feeling_from(analysis.labels, (analysis.compound or 0.0))
        if feeling:
            why.append(f"The emotion reader picked up {', '.join(analysis.labels)} in your "
                       f"message, so I reflected \"{feeling}\".")
    else:
        why.append(f"You said you feel \"{feeling}\", so I reflected your own word.")
    if heard.situation:
        mem["situation"] = heard.situation
        why.append(f"You mentioned \"{heard.situation}\" (I keep what you say in this "
                   f"conversation only).")
    people: list[str] = mem.setdefault("people", [])
    for person in heard.names + heard.people:
        if person not in people:
            people.append(person)
    known_tried: list[str] = mem.setdefault("tried", [])
    new_tried = [t for t in heard.tried if t not in known_tried]
    mem["tried"].extend(new_tried)
    if feeling:
        mem["feeling"] = feeling
    if heard.third_person and not heard.feeling:
        say("reflect.third-person")
    elif heard.resolved_past:
        say("reflect.past")
    elif positive and feeling:
        say("reflect.positive", {"feeling": feeling})
    elif heard.situation and feeling:
        say("reflect.situation-feeling", {"situation": heard.situation, "feeling": feeling})
    elif feeling:
        say("reflect.feeling", {"feeling": feeling})
    elif heard.situation:
        say("reflect.situation", {"situation": heard.situation})
    else:
        say("reflect.plain")
    if new_tried:
        say("reflect.tried", {"tried": " and ".join(new_tried)})
        why.append("You told me what you already tried, so I won't suggest it again.")
    if hooks.context is not None and not slots.get("context_shown"):
        ctx = hooks.context()
        if ctx.get("mood"):
            say("context.mood", {"mood": ctx["mood"]})
            if ctx.get("activities"):
                say("context.helped", {"activities": ctx["activities"]})
            slots["context_shown"] = True
            why.append("You allowed me to use your recent mood check-ins (a setting you can "
                       "turn off).")
    support_turns = slots["support_turns"] = int(slots.get("support_turns", 0)) + 1
    offer = _offer_for(analysis, reading, mem, slots)
    if suggest and suggest not in slots.get("offered", []):
        offer = suggest
    quick: tuple[QuickReply, ...] = ()
    if offer and not positive and (support_turns >= OFFER_AFTER or offer == suggest
                                   or (analysis.compound or 0.0) <= -0.6):
        say(f"offer.{offer}")
        slots.setdefault("offered", []).append(offer)
        slots["pending"] = {"type": "offer", "options": [offer]}
        quick = (QuickReply("Yes, let's try", "yes"), QuickReply("No, just talk", "no"))
        why.append(f"After listening for a while I suggest one exercise that often helps "
                   f"with this: {EXERCISE_NAMES[offer]}.")
    elif slots.get("followup"):
        plan = slots.pop("followup")
        say("followup.ba", {"activity": plan.get("activity", ""), "when": plan.get("when", "")})
        why.append("Last time you planned a small activity, so I'm asking how it went.")
    else:
        q = _question(lib, slots, mem, positive, heard.resolved_past)
        say(q, {"person": mem["people"][0]} if q == "question.person" else None)
        why.append("I ask one open question at a time, so you can lead.")
    return Reply(" ".join(texts), "support", sources=tuple(ids), why=tuple(why),
                 quick_replies=quick, **_reading(reading))


# ---- helpers -------------------------------------------------------------------------------

def _start(engine: CompanionEngine, state: ConversationState, exercise: str, hooks: Hooks,
           reading: IntentReading | None, reason: str) -> Reply:
    plan = hooks.load_plan() if exercise == "safety-plan" and hooks.load_plan else None
    out = ex.start(engine.library, exercise, state, plan)
    why = [reason, "Each step uses a written exercise from the library; you can say \"stop\" "
                   "at any time."]
    text, sources = out.text, out.sources
    situation = state.slots.get("memory", {}).get("situation")
    if situation and exercise in RECALL_EXERCISES:
        text = f"{engine.library.say('recall.situation', {'situation': situation})} {text}"
        sources = ("recall.situation", *sources)
        why.append("You mentioned this earlier in our conversation, so I brought it back.")
    return Reply(text, "exercise", exercise=exercise, step=1, step_info=out.step,
                 sources=sources, why=tuple(why),
                 quick_replies=_step_quick_replies(out.step), **_reading(reading))


def _clarify(lib: Library, state: ConversationState, options: list[str],
             reading: IntentReading | None) -> Reply:
    state.slots["pending"] = {"type": "clarify", "options": options}
    quick = tuple(QuickReply(SHORT_NAMES[o], _request_text(o)) for o in options)
    quick += (QuickReply("Something else", "I just want to talk"),)
    if len(options) == 1:
        text = lib.say("clarify.one", {"option": EXERCISE_NAMES[options[0]]})
        line = "clarify.one"
    else:
        text, line = lib.say("clarify.many"), "clarify.many"
    conf = f" (confidence {reading.confidence:.2f})" if reading else ""
    return Reply(text, "support", sources=(line,), quick_replies=quick,
                 why=(f"I wasn't sure what you wanted{conf}, so I asked instead of guessing.",),
                 **_reading(reading))


def _request_text(exercise: str) -> str:
    return {
        "breathing": "slow breathing", "grounding": "grounding exercise",
        "thought-record": "thought record", "behavioural-activation": "behavioural activation",
        "worry-time": "worry time", "problem-solving": "problem solving",
        "self-compassion": "self-compassion break", "sleep": "sleep tips",
        "safety-plan": "safety plan",
    }[exercise]


def _menu() -> tuple[QuickReply, ...]:
    return tuple(QuickReply(SHORT_NAMES[e], _request_text(e)) for e in EXERCISES)


def exercise_menu(engine: CompanionEngine) -> list[QuickReply]:
    """A button per exercise: the library title and a message that starts it."""
    return [QuickReply(engine.library.exercises[e].title, _request_text(e)) for e in EXERCISES]


def _step_quick_replies(step: Any) -> tuple[QuickReply, ...]:
    if step is None:
        return ()
    if step.kind in ("pacer", "info"):
        return (QuickReply("Done", "done"), QuickReply("Stop", "stop"))
    if step.kind == "prompt":
        return (QuickReply("Skip", "skip"), QuickReply("Stop", "stop"))
    return (QuickReply("Stop", "stop"),)


def _offer_for(analysis: MessageReading, reading: IntentReading | None, mem: dict[str, Any],
               slots: dict[str, Any]) -> str | None:
    done = set(slots.get("offered", []))
    tried = " ".join(mem.get("tried", [])).lower()
    for name, word in (("breathing", "breath"), ("grounding", "ground"), ("sleep", "sleep")):
        if word in tried:
            done.add(name)
    if reading is not None:
        for label, p in reading.ranked:
            if label in EXERCISES and p >= 0.35 and label not in done and label != "safety-plan":
                return label
    for label in analysis.labels:
        candidate = _EMOTION_EXERCISE.get(label)
        if candidate and candidate not in done:
            return candidate
    return None


def _question(lib: Library, slots: dict[str, Any], mem: dict[str, Any], positive: bool,
              past: bool = False) -> str:
    asked: list[str] = slots.setdefault("asked", [])
    order = ["question.what-helped"] if past else ["question.good"] if positive else []
    order += ["question.hardest", "question.more", "question.how-long"]
    if mem.get("people"):
        order.insert(1, "question.person")
    order += ["question.helped-before"]
    if not mem.get("tried"):
        order.append("question.tried")
    order += ["question.different", "question.support", "question.body", "question.need"]
    for q in order:
        if q not in asked:
            asked.append(q)
            return q
    asked.clear()
    asked.append("question.need")
    return "question.need"


def _has_feeling(analysis: MessageReading) -> bool:
    return any(label != "neutral" for label in analysis.labels) or \
        (analysis.compound or 0.0) <= -0.5


def _with_prefix(lib: Library, prefix: list[str], reply: Reply) -> Reply:
    if not prefix:
        return reply
    from dataclasses import replace

    return replace(reply, text=" ".join([*(lib.say(i) for i in prefix), reply.text]),
                   sources=(*prefix, *reply.sources))


def _reading(reading: IntentReading | None) -> dict[str, Any]:
    if reading is None:
        return {}
    return {"intent": reading.label, "confidence": round(reading.confidence, 3)}


def _clear_exercise(state: ConversationState) -> None:
    state.exercise, state.step, state.answers = None, 0, {}
    state.slots.pop("plan", None)


def personal_context(mood: MoodRepository, days: int = 7) -> dict[str, str]:
    """Recent mood check-ins in a few words: the average and what was logged on good days."""
    since = datetime.now() - timedelta(days=days)
    checkins = mood.list(start=since)
    if not checkins:
        return {}
    avg = sum(c.mood for c in checkins) / len(checkins)
    good = Counter(a for c in checkins if c.mood >= 4 for a in c.activities)
    top = [quote(a, 4) for a, _ in good.most_common(2)]
    return {"mood": f"{avg:.1f}", "activities": " and ".join(top)}
