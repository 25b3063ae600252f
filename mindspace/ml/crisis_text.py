"""Text normalisation for the crisis screen (:mod:`mindspace.ml.crisis`).

``normalise(text)`` lower-cases, removes accents (for the Spanish, French, German and
Portuguese patterns), expands contractions and slang ("wanna", "kms", "unalive"),
fixes one-edit typos of a few distinctive key words, removes intensifiers that never change a
risk phrase, marks quoted speech with « » and line breaks with " | ". Pure and thread-safe.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"'})
_DQUOTE = re.compile(r'"([^"|]*)"')
_SQUOTE = re.compile(r"(?<![\w])'((?:[^'|]|(?<=\w)'(?=\w))+?)'(?![\w])")
_NT = re.compile(r"\b(\w+)n't\b")
_NT_SPECIAL = {"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}
_S_PRONOUNS = {"it", "that", "what", "there", "he", "she", "who", "where", "here", "everyone",
               "everything", "nobody", "someone", "life", "this", "everybody", "nothing"}
_TOKEN_MAP = {
    "im": "i am", "ive": "i have", "dont": "do not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "didnt": "did not", "doesnt": "does not", "isnt": "is not",
    "wasnt": "was not", "werent": "were not", "wouldnt": "would not", "couldnt": "could not",
    "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "arent": "are not",
    "aint": "am not", "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "tryna": "trying to", "u": "you", "ur": "your", "rn": "right now", "tmrw": "tomorrow",
    "tmr": "tomorrow", "tomorow": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
    "tonite": "tonight", "2nite": "tonight", "kms": "kill myself", "unalive": "kill",
    "unaliving": "killing", "unalived": "killed", "sewerslide": "suicide", "kil": "kill",
    "selfharm": "self harm", "od": "overdose", "oded": "overdosed", "thats": "that is",
    "whats": "what is", "theres": "there is", "everyones": "everyone is", "lyfe": "life",
    "ppl": "people", "bf": "boyfriend", "gf": "girlfriend", "sh": "self harm",
    "meds": "meds", "noone": "no one", "wnt": "want",
    # Spanish, French and Portuguese chat spellings
    "kiero": "quiero", "kieres": "quieres", "aki": "aqui", "xq": "porque", "pq": "porque",
    "ngm": "ninguem", "chui": "je suis", "chuis": "je suis", "jsuis": "je suis",
    "tmb": "tambien", "mñn": "manana",
    # Scots and Caribbean spellings
    "nae": "no", "tae": "to", "noo": "now", "cannae": "can not", "canna": "can not",
    "dinnae": "do not", "didnae": "did not", "wantae": "want to", "cyaan": "can not",
    "tek": "take", "waan": "want", "tink": "think", "bout": "about",
}
# Spoken "-in'" for "-ing" ("thinkin bout endin it")
_TOKEN_MAP.update({w + "in": w + "ing" for w in (
    "end", "think", "go", "look", "try", "kill", "hurt", "cutt", "feel", "dy", "tak", "jump",
    "say", "do", "noth", "someth", "liv", "fall", "hang", "shoot", "plann", "keep", "gett",
    "hav", "want", "wish", "sav", "worry", "sleep", "eat", "cry", "drink", "talk", "walk",
    "start", "carry", "giv", "leav", "writ", "swallow", "overdos", "drown", "bleed", "struggl",
    "cop", "suffer", "los", "mak", "com")})
# Distinctive words whose one-edit misspellings are rarely other words.
_KEYWORDS = ("myself", "suicide", "suicidal", "overdose", "goodbye", "worthless", "hopeless",
             "tonight", "tomorrow", "anymore", "burden")
_WORD = re.compile(r"[a-z0-9']+")
# Intensifiers that never change the meaning of a risk phrase ("I just want to die").
_FILLER_ADVERBS = re.compile(r"\b(?:just|really|literally|honestly|seriously|actually|simply|"
                             r"truly|totally|so badly|kinda|kind of|sort of)\b")


def _one_edit(a: str, b: str) -> bool:
    """True if a and b differ by one insertion, deletion, substitution or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


_LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "@": "a"})
_LEET_WORD = re.compile(r"[a-z]+[0134][a-z0134]*[a-z][a-z0134]*")


_GERMAN_WORDS = re.compile(r"\b(?:ich|und|nicht|ist|mit|auf|dem|den|eine|einen|zum|zur|mich|"
                           r"mir|noch|schon|das|hab|habe|bin|wenn|aber)\b")


@functools.lru_cache(maxsize=8192)
def _fix_token(tok: str) -> str:
    if tok in _TOKEN_MAP:
        return _TOKEN_MAP[tok]
    if len(tok) >= 4 and _LEET_WORD.fullmatch(tok):  # "m4t4r", "k1ll", "su1c1de"
        tok = tok.translate(_LEET)
        if tok in _TOKEN_MAP:
            return _TOKEN_MAP[tok]
    if len(tok) >= 5:
        for kw in _KEYWORDS:
            if tok[:-1] == kw or tok[:-2] == kw:  # an inflection ("overdosed"), not a typo
                continue
            if _one_edit(tok, kw):
                return kw
    return tok


def _expand_apostrophes(m: re.Match[str]) -> str:
    word = m.group(0)
    low = word
    nt = _NT.fullmatch(low)
    if nt:
        stem = nt.group(1)
        return f"{_NT_SPECIAL.get(stem, stem)} not"
    if low == "i'm":
        return "i am"
    for suffix, full in (("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'d", " would")):
        if low.endswith(suffix):
            return low[: -len(suffix)] + full
    if low.endswith("'s"):
        stem = low[:-2]
        return f"{stem} is" if stem in _S_PRONOUNS else stem
    return low.replace("'", "")


# "unalive"/"unaliving" ending a clause is said of oneself ("thinking about unaliving").
_UNALIVE = re.compile(r"\bunaliv(e|ed|ing)\b(?= *(?:$|[|.!?,;]|tonight|today|now|soon|again|"
                      r"lol|and|but|so|because))")
_UNALIVE_FORMS = {"e": "kill myself", "ed": "killed myself", "ing": "killing myself"}


def _strip_accents(t: str) -> str:
    """"día" -> "dia", "não" -> "nao", "möchte" -> "mochte" (other scripts are kept)."""
    if t.isascii():
        return t
    decomposed = unicodedata.normalize("NFD", t)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


# laughing emoji (skull, tears of joy, rolling on the floor, grinning squint, cat, skull and
# crossbones) kept as a word
_LAUGH_EMOJI = re.compile("[\U0001f480\U0001f602\U0001f923\U0001f606\U0001f639\u2620]")


def normalise(text: str) -> str:
    """Lower-case, remove accents, expand contractions and slang, mark quotes with « »,
    newlines as " | "."""
    t = _strip_accents(unicodedata.normalize("NFKC", text).casefold()).translate(_QUOTES)
    t = _UNALIVE.sub(lambda m: _UNALIVE_FORMS[m.group(1)], t)
    t = re.sub(r"\s*[\r\n]+\s*", " | ", t)
    t = _DQUOTE.sub(r"«\1»", t)
    t = _SQUOTE.sub(r"«\1»", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # self-harm -> self harm
    t = _LAUGH_EMOJI.sub(" lol ", t)  # "im dead 💀" reads like "im dead lol"
    t = re.sub(r"[^\w\s.,!?;:|«»'&]", " ", t)  # emoji and symbols -> space
    t = re.sub(r"_", " ", t)
    t = re.sub(r"\b\w+'\w+\b", _expand_apostrophes, t)
    t = t.replace("'", " ")
    german = len(set(_GERMAN_WORDS.findall(t))) >= 2  # German "im" ("im Bad") is not "i am"
    t = _WORD.sub(lambda m: m.group(0) if german and m.group(0) == "im" else _fix_token(m.group(0)),
                  t)
    t = _FILLER_ADVERBS.sub(" ", t)
    t = re.sub(r"\b(want to|going to|wish i could|ready to) dye\b(?= *(?:$|[|.!?,;]|and|so|"
               r"because|tonight|now|today))", r"\1 die", t)
    t = re.sub(r"\bmy self\b", "myself", t)
    t = re.sub(r"\bany more\b", "anymore", t)
    t = re.sub(r"\b(want|wanted|going|need|have|ready|about|wish) 2\b", r"\1 to", t)
    t = re.sub(r"[ \t\f\v]+", " ", t)
    return t.strip()
