"""Text normalisation for the crisis screen (:mod:`mindspace.ml.crisis`).

``normalise(text)`` lower-cases, removes accents (for the Spanish, French, German and
Portuguese patterns), expands contractions and slang ("wanna", "kms", "unalive"),
fixes one-edit typos of a few distinctive key words and, in English text, one-edit misspellings
of words of risk statements that are no English word (``_respell``; word list
``resources/crisis/english-words.txt``: the whole words of the sentence encoder's WordPiece
vocabulary, Apache-2.0), removes intensifiers that never change a
risk phrase, marks quoted speech with « » and line breaks with " | ". Pure and thread-safe.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from mindspace.core.paths import resources_dir

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"'})
_DQUOTE = re.compile(r'"([^"|]*)"')
_SQUOTE = re.compile(r"(?<![\w])'((?:[^'|]|(?<=\w)'(?=\w))+?)'(?![\w])")
# a quote the writer then owns: "'I should just die.' I think this every day now"
_OWNED_QUOTE = re.compile(
    r"«([^«»]*)»(?=[\s.,!?;:]*(?:(?:sorry|honestly|and|but|yes|yeah|because)[\s,]+)?(?:i(?:'ve| "
    r"have)? (?:think|thought|keep thinking|tell myself|say to myself|believe) (?:this|that|it)\b|"
    r"(?:that|this) is what i (?:think|keep thinking|tell myself)\b))")
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
    "meds": "meds", "noone": "no one", "wnt": "want", "wana": "want to",
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
# Words of risk statements whose one-edit misspellings ("tabelts", "paracetmol", "noboby") are
# read as the word when the misspelling is no English word: the word list
# (resources/crisis/english-words.txt) keeps real words ("will", "wife") as they are.
_SPELLED = (
    "pills", "tablets", "paracetamol", "painkillers", "sleeping", "overdosing", "overdosed",
    "killing", "killed", "kills", "dying", "alive", "living", "ending", "bridge", "jumping",
    "hanging", "noose", "razor", "blade", "blades", "cutting", "wrists", "wrist", "bleeding",
    "disappear", "disappearing", "forever", "existing", "exist", "everyone", "everybody",
    "nobody", "without", "better", "anything", "nothing", "wanted", "planned", "planning",
    "letter", "swallow", "swallowed", "stockpile", "stockpiling", "saving", "enough", "sorry",
    "thinking", "thoughts", "hurting", "scars", "burning", "lethal", "method", "methods", "cliff",
    "tracks", "motorway", "rooftop", "shotgun", "rifle", "trigger", "loaded", "carbon",
    "monoxide", "exhaust", "drown", "drowning", "deserve", "pointless", "useless", "trapped",
    "escape", "leaving", "funeral", "breathing", "waking", "asleep", "decided", "finished",
    "someone", "anyone", "people", "family", "always", "cannot", "tired", "ready", "world",
    "around", "matter", "worth", "point", "please", "again", "leave", "finish", "sleep",
    "wanting", "thought", "jealous",
)
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


# Words of English and words of the other screened languages that English rarely uses
_ENGLISH_WORDS = re.compile(r"\b(?:i|my|the|and|of|it|you|that|this|with|for|be|am|are|been|"
                            r"would|if|just|can|do|at|we|they|he|she|what|have|not|is|your)\b")
_OTHER_WORDS = re.compile(r"\b(?:que|los|las|del|por|para|pero|muy|estoy|quiero|tengo|nadie|"
                            r"nao|uma|com|mais|muito|estou|quero|tenho|ninguem|voce|je|suis|"
                            r"les|des|une|pas|avec|pour|mais|tres|veux|rien|moi|mon|deus|dios|"
                            r"dieu|todo|todos|tout|toujours|sempre|siempre|hoy|hoje|jai|ce|"
                            r"sera|demain|dans|qui|ne|le|el|yo|mi|ya|se|lo|eu|meu|minha|nem|"
                            r"amanha|manana|vou|voy|est|et|il|elle|nous|vous|mes|mis|meus|"
                            r"ele|ela|pra|pela|pelo|vez|mae|demais|mein|meine|der|soll|vom|"
                            r"alle|danke|kein|keine|auch|wir|sie|ich|und|nicht|ist|mit|auf)\b")
_GERMAN_WORDS = re.compile(r"\b(?:ich|und|nicht|ist|mit|auf|dem|den|eine|einen|zum|zur|mich|"
                           r"mir|noch|schon|das|hab|habe|bin|wenn|aber|wir|haben|hat|sind|gestern|"
                           r"heute|sehr|auch|nach|sich|uns|oder|dass|seinen|seine|einem|einer|"
                           r"keine|nur|ganz|immer|jetzt|wieder|morgen)\b")


@functools.cache
def _english_words() -> frozenset[str]:
    """English words of four letters or more; empty (no spelling fixes) if the list is missing."""
    try:
        return frozenset((resources_dir() / "crisis" / "english-words.txt").read_text(
            encoding="utf-8").split())
    except OSError:
        return frozenset()


_SUFFIXES = ("ing", "ed", "es", "s", "er", "ers", "est", "ly", "ness", "ies", "ied", "ful")


def _is_word(tok: str) -> bool:
    """``tok`` is in the word list, or is an inflection of a word in it ("faking", "stopped",
    "tidies")."""
    words = _english_words()
    if tok in words:
        return True
    for suffix in _SUFFIXES:
        if tok.endswith(suffix) and len(tok) - len(suffix) >= 2:
            stem = tok[: -len(suffix)]
            if (stem in words or stem + "e" in words or stem + "y" in words
                    or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words)):
                return True
    return False


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


def _undoubled(word: str) -> str:
    """``word`` with every run of one letter as one letter ("disappear" -> "disapear")."""
    return re.sub(r"(.)\1+", r"\1", word)


_SPELLED_UNDOUBLED = {_undoubled(w): w for w in _SPELLED}


@functools.lru_cache(maxsize=8192)
def _respell(tok: str) -> str:
    """One of ``_SPELLED`` for a misspelling of it that is no English word: one edit, or (six
    letters or more) only letters doubled or undoubled ("dissapear", "parracetamol")."""
    if len(tok) < 4 or not (tok.isascii() and tok.isalpha()) or _is_word(tok):
        return tok
    near = [w for w in _SPELLED if abs(len(w) - len(tok)) <= 1 and _one_edit(tok, w)]
    if not near and len(tok) >= 6:
        near = [w for w in (_SPELLED_UNDOUBLED.get(_undoubled(tok)),) if w is not None]
    return near[0] if len(near) == 1 else tok


def _is_german(low: str) -> bool:
    return len(set(_GERMAN_WORDS.findall(low))) >= 2


def _is_english(low: str) -> bool:
    """Lower-case ``low`` reads as English, not Spanish, French, Portuguese or German (where
    English respelling would misread words: Portuguese "me leve" is not "me leave")."""
    return (not _is_german(low) and len(set(_ENGLISH_WORDS.findall(low))) >= 2
            and len(set(_OTHER_WORDS.findall(low))) < 2)


def respelled(text: str) -> str:
    """``text`` with misspelt words of risk statements written out (as :func:`normalise` reads
    them, only in English text); everything else is left exactly as it is."""
    if not _is_english(_strip_accents(text.casefold())):
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = _respell(word.lower())
        return word if fixed == word.lower() else fixed

    return re.sub(r"[A-Za-z]+", fix, text)


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
    t = _OWNED_QUOTE.sub(r"\1", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # self-harm -> self harm
    t = _LAUGH_EMOJI.sub(" lol ", t)  # "im dead 💀" reads like "im dead lol"
    t = re.sub(r"[^\w\s.,!?;:|«»'&]", " ", t)  # emoji and symbols -> space
    t = re.sub(r"_", " ", t)
    t = re.sub(r"\b\w+'\w+\b", _expand_apostrophes, t)
    t = t.replace("'", " ")
    german = _is_german(t)  # German "im" ("im Bad") is not "i am"
    english = _is_english(t)  # respelling only for English text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if german and word == "im":
            return word
        fixed = _fix_token(word)
        return _respell(word) if english and fixed == word else fixed

    t = _WORD.sub(fix, t)
    t = _FILLER_ADVERBS.sub(" ", t)
    t = re.sub(r"\b(want to|going to|wish i could|ready to) dye\b(?= *(?:$|[|.!?,;]|and|so|"
               r"because|tonight|now|today))", r"\1 die", t)
    t = re.sub(r"\bmy self\b", "myself", t)
    t = re.sub(r"\bany more\b", "anymore", t)
    t = re.sub(r"\b(want|wanted|going|need|have|ready|about|wish) 2\b", r"\1 to", t)
    t = re.sub(r"[ \t\f\v]+", " ", t)
    return t.strip()
