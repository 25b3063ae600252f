"""Wellbeing signals from one text: low mood, anxiety and stress, each a score in [0, 1].

A reflection aid, never a diagnosis. Deterministic and transparent (see
docs/text-understanding.md):

* model part, from the emotion model's probabilities (7 labels):
  ``low_mood = sadness``, ``anxiety = fear``, ``stress = 0.5 anger + 0.3 fear + 0.2 disgust``;
* word part, from the small lexicon below: ``min(1, 0.3 x distinct words found)``; a word
  right after a negation ("not", "never", "no", "without" within two words) does not count;
* score = 1 - (1 - model part) (1 - word part), so either part alone can raise a score and
  neither can push it past 1. Rounded to 3 decimals.

English only: callers pass ``None`` probabilities for languages the model cannot read and get
``None`` back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

WORD_WEIGHT = 0.3
SIGNALS = ("low_mood", "anxiety", "stress")

LEXICON: dict[str, tuple[str, ...]] = {
    "low_mood": (
        "sad", "sadness", "down", "depressed", "depressing", "hopeless", "empty", "lonely",
        "worthless", "numb", "cry", "crying", "cried", "tearful", "miserable", "unmotivated",
        "heartbroken", "grief", "grieving", "disappointed", "gloomy", "low", "blue",
        "no energy", "can't be bothered", "no point", "give up", "hate myself", "pointless",
        "stayed in bed", "didn't get out of bed", "couldn't get out of bed", "lost interest",
        "no interest", "going through the motions", "isolated", "cancelled plans",
        "haven't showered", "didn't shower", "nothing feels", "don't enjoy", "didn't enjoy",
        "tired all the time", "what's the point", "meh", "blah", "hollow", "drained",
    ),
    "anxiety": (
        "anxious", "anxiety", "nervous", "worried", "worry", "worrying", "panic", "panicking",
        "panicked", "scared", "afraid", "dread", "dreading", "restless", "on edge", "uneasy",
        "overthinking", "terrified", "heart racing", "racing heart", "can't stop thinking",
        "what if", "jittery", "fear", "heart pounding", "chest tight", "tight chest",
        "butterflies", "nauseous", "sick to my stomach", "shaking", "worst case",
        "keep imagining", "kept imagining", "checked again", "keep checking", "kept checking",
        "reassurance", "waiting for the results", "waiting to hear", "catastrophising",
        "catastrophizing", "nervy", "on tenterhooks", "couldn't sleep for worrying",
    ),
    "stress": (
        "stress", "stressed", "stressful", "overwhelmed", "overwhelming", "pressure",
        "deadline", "deadlines", "too much", "swamped", "burnt out", "burned out", "burnout",
        "exhausted", "frazzled", "no time", "rushing", "hectic", "workload", "tense",
        "irritable", "snapped", "can't keep up", "juggling", "drowning in", "frantic",
        "due tomorrow", "due today", "on my plate", "back to back", "behind on", "behind with",
        "running behind", "overtime", "double shift", "extra shift", "no break", "no breaks",
        "to-do list", "to do list", "stretched thin", "spread thin", "flat out",
        "run off my feet", "rushed off my feet", "non-stop", "nonstop", "can't switch off",
        "demands", "demanding", "too many", "so much to do", "snowed under", "buried in",
        "under the pump", "short-staffed", "short staffed", "understaffed",
        "firefighting", "piling up", "piled up", "one thing after another",
        "no time", "not enough hours", "keep up with",
    ),
}
MODEL_WEIGHTS: dict[str, dict[str, float]] = {
    "low_mood": {"sadness": 1.0},
    "anxiety": {"fear": 1.0},
    "stress": {"anger": 0.5, "fear": 0.3, "disgust": 0.2},
}
_NEGATION = re.compile(r"\b(?:not|never|no|without|n't|nor)\s+(?:\w+\s+)?$")
_PATTERNS = {
    signal: re.compile(r"\b(?:" + "|".join(re.escape(w).replace("'", "['’]?")
                                           for w in sorted(words, key=len, reverse=True))
                       + r")\b")
    for signal, words in LEXICON.items()
}


@dataclass(frozen=True)
class Wellbeing:
    scores: dict[str, float]
    words: dict[str, list[str]]

    def to_dict(self) -> dict[str, float]:
        return dict(self.scores)


def lexicon_words(text: str) -> dict[str, list[str]]:
    """Distinct lexicon words found per signal, in order of appearance (negated ones left out)."""
    low = text.lower()
    found: dict[str, list[str]] = {}
    for signal, pattern in _PATTERNS.items():
        words: list[str] = []
        for m in pattern.finditer(low):
            if _NEGATION.search(low[max(0, m.start() - 30):m.start()]):
                continue
            word = m.group(0).replace("’", "'")
            if word not in words:
                words.append(word)
        found[signal] = words
    return found


def wellbeing(text: str, probabilities: Mapping[str, float] | None) -> Wellbeing | None:
    """Scores for ``text`` from the emotion probabilities; None when there are none."""
    if probabilities is None:
        return None
    words = lexicon_words(text)
    scores: dict[str, float] = {}
    for signal in SIGNALS:
        model = sum(w * float(probabilities.get(label, 0.0))
                    for label, w in MODEL_WEIGHTS[signal].items())
        model = min(1.0, max(0.0, model))
        lexical = min(1.0, WORD_WEIGHT * len(words[signal]))
        scores[signal] = round(1.0 - (1.0 - model) * (1.0 - lexical), 3)
    return Wellbeing(scores, words)
