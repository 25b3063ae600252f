"""Listening: what the user said, in their own words, ready to be reflected back.

``extract`` pulls simple slots out of one message (the situation, a feeling word, people and
names, what the user already tried); ``feeling_from`` turns the emotion model's labels into a
plain word when the user named no feeling. Nothing here invents content: every slot is a piece
of the user's message (with "my" turned into "your" and so on) or a word from a fixed list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_F = re.IGNORECASE

_FEELINGS = (
    "sad|low|down|depressed|miserable|hopeless|empty|numb|lonely|alone|lost|stuck|trapped|"
    "anxious|nervous|scared|afraid|frightened|terrified|worried|panicky|on edge|tense|stressed|"
    "overwhelmed|exhausted|tired|drained|burnt out|burned out|angry|furious|annoyed|irritated|"
    "frustrated|fed up|ashamed|embarrassed|guilty|jealous|hurt|rejected|unwanted|invisible|"
    "useless|worthless|confused|restless|happy|good|great|better|calm|relieved|proud|excited|"
    "hopeful|okay|ok|fine|meh|awful|terrible|horrible|rubbish|crap|bad"
)
_FEELING = re.compile(
    rf"\b(?:i feel|i'?m feeling|i am feeling|i felt|feeling|i'?m|i am|i was|makes me feel|"
    rf"making me feel|made me feel|leaves me|i'?ve been|i have been|been feeling|been)\s+"
    rf"(?:so+ |really |rly |very |v |a bit |kind of |kinda |pretty |quite |super |totally |"
    rf"completely |just |a little |extremely |lowkey |low key |proper |well |feeling |"
    rf"bloody |absolutely |incredibly |constantly |always |rather |fairly )*({_FEELINGS})\b",
    _F)
_POSITIVE = frozenset({
    "happy", "good", "great", "better", "calm", "relieved", "proud", "excited", "hopeful",
    "okay", "ok", "fine",
})

EMOTION_WORDS = {
    "fear": "anxious", "sadness": "low", "anger": "frustrated", "disgust": "fed up",
    "joy": "good", "surprise": "caught off guard",
}

_RELATION = (r"boss|manager|mum|mom|mother|dad|father|parents|sister|brother|partner|husband|"
             r"wife|boyfriend|girlfriend|friend|best friend|friends|teacher|tutor|flatmate|"
             r"roommate|son|daughter|kids|children|child|grandma|gran|grandad|grandpa|"
             r"grandmother|grandfather|aunt|uncle|cousin|colleague|coworker|co-worker|"
             r"therapist|landlord|ex|neighbour|neighbor|coach|team|family")
_PERSON = re.compile(rf"\bmy ({_RELATION})\b(?:,? ([A-Z][a-z]+))?", _F)
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b(?= (?:said|says|told|keeps|is|was|"
                    r"won'?t|doesn'?t|didn'?t|texted|called|thinks|left|hates|and I|and me))")
_NOT_NAMES = frozenset({
    "I", "The", "My", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "English", "God", "Christmas",
    "It", "He", "She", "They", "We", "Today", "Yesterday", "Tomorrow",
})
_TRIED = re.compile(r"\b(?:i(?:'ve| have)? (?:already |even |also )?tried|i already tried|"
                    r"tried) ([\w' ,-]{3,60}?)(?=[.!?;]| but | and it| which|$)", _F)
_ABOUT = re.compile(
    r"\b(?:about|because of|over|with) ((?:my|the|this|that|our|his|her|their|work|school|"
    r"uni|college|money|exams?)\b[\w' -]{0,40}?)(?=[,.!?;]| and | but | so | which|$)", _F)
_SUBJECT = re.compile(
    r"\b((?:the|my|this|our) [a-z]+(?: (?:at|in|of|for|with) [a-z]+| [a-z]+)?) (?:is|are|was|"
    r"were|has been|have been|keeps|kept|'s|won'?t|doesn'?t|didn'?t|hasn'?t|haven'?t|isn'?t|"
    r"wasn'?t|can'?t|never|always|just|still)\b", _F)
_VERB_FEELINGS = {
    "stressing me out": "stressed", "stressing me": "stressed", "upsetting me": "upset",
    "worrying me": "worried", "scaring me": "scared", "annoying me": "annoyed",
    "depressing me": "low", "overwhelming me": "overwhelmed", "getting to me": "worn down",
    "getting me down": "down", "killing me": "worn down", "driving me mad": "frustrated",
    "driving me crazy": "frustrated", "winding me up": "wound up", "freaking me out": "scared",
    "breaking my heart": "heartbroken", "wearing me down": "worn down",
}
_VERB_FEELING = re.compile(r"\b(" + "|".join(_VERB_FEELINGS) + r")\b", _F)
_THIRD = re.compile(rf"\bmy ({_RELATION})\b.{{0,40}}\b(?:says?|said|feels?|felt|is|wants?|"
                    rf"told me|keeps? saying|has been|seems?|might be|may be|'s been|"
                    rf"'s)\b.{{0,50}}\b(?:die|dying|dead|suicid\w*|kill \w+self|self[- ]?harm\w*|"
                    rf"cut(?:ting|s)?|hopeless|depressed|struggling|not ok(?:ay)?|down|low|"
                    rf"hurting|in a bad way|doesn'?t want to (?:live|be here)|scared|crying|"
                    rf"anxious|not coping|drinking|end it|give up)\b", _F)
_PAST = re.compile(r"\b(?:years ago|used to|back (?:then|when)|in the past|when i was "
                   r"(?:younger|a teen|at school|\d+))\b.{0,80}\b(?:now|these days|today|"
                   r"anymore|any more|better|recovered|doing (?:well|ok|okay|better))\b", _F)

_SWAP = {"my": "your", "me": "you", "i": "you", "i'm": "you're", "im": "you're",
         "myself": "yourself", "mine": "yours", "our": "your", "am": "are", "we": "you",
         "us": "you", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "was": "was"}


def second_person(text: str) -> str:
    """The user's words turned towards them: "my boss hates me" -> "your boss hates you"."""
    words = text.split()
    out = []
    for w in words:
        core = w.lower().strip(",.;:!?")
        rep = _SWAP.get(core)
        out.append(w.lower().replace(core, rep, 1) if rep else w)
    return " ".join(out)


@dataclass
class Heard:
    situation: str | None = None
    feeling: str | None = None
    feeling_positive: bool = False
    people: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)
    third_person: bool = False
    resolved_past: bool = False


def extract(text: str) -> Heard:
    heard = Heard()
    m = _FEELING.search(text)
    if m:
        heard.feeling = m.group(1).lower()
        heard.feeling_positive = heard.feeling in _POSITIVE
    else:
        v = _VERB_FEELING.search(text)
        if v:
            heard.feeling = _VERB_FEELINGS[v.group(1).lower()]
    m = _SUBJECT.search(text) or _ABOUT.search(text)
    if m:
        words = m.group(1).split()[:6]
        heard.situation = second_person(" ".join(words))
    for rel, name in _PERSON.findall(text):
        heard.people.append(f"your {rel.lower()}")
        if name and name not in _NOT_NAMES:
            heard.names.append(name)
    for name in _NAMED.findall(text):
        if name not in _NOT_NAMES and name not in heard.names:
            heard.names.append(name)
    heard.tried = [second_person(t.strip(" ,")) for t in _TRIED.findall(text)]
    heard.third_person = bool(_THIRD.search(text)) and not re.search(r"\bI (?:want|feel)\b",
                                                                     text)
    heard.resolved_past = bool(_PAST.search(text))
    return heard


def feeling_from(labels: list[str], compound: float) -> tuple[str | None, bool]:
    """A plain feeling word from the emotion model's labels (or the sentiment alone)."""
    for label in labels:
        if label in EMOTION_WORDS:
            return EMOTION_WORDS[label], label == "joy"
    if compound <= -0.5:
        return "really low", False
    return None, False
