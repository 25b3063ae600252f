"""Pattern tables for :mod:`mindspace.ml.crisis` (data only, no logic beyond compiling).

Longer than the usual 400 lines on purpose: it is one table of curated phrasings, read and
reviewed as a whole; splitting it would scatter related patterns across files.

All patterns run over *normalised* text (see ``crisis.normalise``): lower case, contractions
expanded ("don't" -> "do not", "I'm" -> "i am", "wanna" -> "want to"), common misspellings and
slang mapped ("kms" -> "kill myself", "myslef" -> "myself"), newlines turned into " | "
(a sentence boundary). Whitespace inside a sentence is single spaces.

Each :class:`Pattern` belongs to a category with a base score (see ``CATEGORIES``). ``weak``
patterns never raise a level on their own; they only add to other signals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mindspace.ml import crisis_context_intl as ci

# category -> (base score, phrase used in reasons)
CATEGORIES: dict[str, tuple[float, str]] = {
    "plan": (0.88, "describes a plan, method or attempt"),
    "ideation": (0.80, "expresses thoughts of suicide"),
    "self_harm": (0.75, "describes hurting themselves"),
    "indirect": (0.55, "indirect signs of suicidal thinking"),
    "passive": (0.50, "a passive wish to be dead"),
    "preparation": (0.30, "possible preparations"),
    "hopelessness": (0.35, "hopelessness or feeling like a burden"),
}


@dataclass(frozen=True)
class Pattern:
    category: str
    regex: re.Pattern[str]
    negatable: bool = True  # a preceding "not/never/no ..." cancels it
    weak: bool = False  # only counts together with another signal
    requires: re.Pattern[str] | None = None  # the sentence must also match this
    clause_negation: bool = False
    reason: str | None = None  # overrides the category's phrase in reasons
    # the phrase states the present by itself ("dying does not scare me anymore"): its words
    # are never read as a past or resolved event
    current: bool = False
    # the phrase is about someone else by design and is still the writer's signal ("I envied
    # him at the funeral", "gave my guitar to my brother"): no third-person discard
    other_ok: bool = False
    # ``requires`` may match in the sentence before or after as well as in the sentence
    near: bool = False


def _p(
    category: str, regex: str, *, negatable: bool = True, weak: bool = False,
    requires: str | None = None, clause_negation: bool = False, reason: str | None = None,
    current: bool = False, other_ok: bool = False, near: bool = False,
) -> Pattern:
    return Pattern(
        category,
        re.compile(regex),
        negatable,
        weak,
        re.compile(requires) if requires else None,
        clause_negation,
        reason,
        current,
        other_ok,
        near,
    )


_PILLS = r"(?:pills|tablets|meds|medication|medications|painkillers|sleeping pills|insulin)"
# the same with medicines named by kind or brand
MEDICINES = (r"(?:pills|tablets|meds|medication|medicines|painkillers|sleeping pills|paracetamol|"
             r"acetaminophen|tylenol|ibuprofen|aspirin|co codamol|codeine|temazepam|diazepam|"
             r"valium|xanax|oxycodone|oxy|morphine|tramadol|insulin|antidepressants|sertraline|"
             r"amitriptyline|lithium|quetiapine|seroquel|zopiclone|benzos|opioids|opiates|"
             r"heart tablets|gabapentin|pregabalin|lyrica|propranolol|mirtazapine|citalopram|"
             r"fluoxetine|prozac|olanzapine|clonazepam|klonopin|lorazepam|ativan|fentanyl|"
             r"methadone)")
_BODY = r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|body|hips?)"
_GONE = (
    r"(?:(?:was|were|am) (?:not|no longer) (?:here|around|alive)|(?:was|were|am) (?:gone|dead)|"
    r"(?:just )?(?:disappeared|died|vanished|left for good|did not exist|was never born))"
)

PATTERNS: tuple[Pattern, ...] = (
    # ---- explicit ideation -------------------------------------------------------------
    _p("ideation", r"\bkill(?:ing|ed)? myself\b"),
    _p("ideation", r"\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b"),
    _p("ideation", r"\b(?:end|ending) (?:it all|everything)\b"),
    _p("ideation", r"\b(?:to|will) end it\b"
       r"(?= *(?:$|[|.!?,;]|tonight|now|today|forever|once|soon))"),
    _p("ideation", r"\bsuicidal\b"),
    _p("ideation", r"\b(?:commit(?:ting)?|attempt(?:ing|ed)?|consider(?:ing|ed)?|"
       r"contemplat(?:e|ing|ed)|(?:think|thinking|thought|thoughts) (?:about|of)|plan(?:ning)?)"
       r" (?:\w+ )?suicide\b"),
    _p("ideation", r"\bwant(?:s|ed|ing)? to (?:just |really |simply )?(?:die|be dead)\b"),
    _p("ideation", r"\bready to die\b"),
    _p("ideation", r"\b(?:dying|death|being dead) (?:seems|feels|would be|is|sounds) (?:\w+ )?"
       r"(?:better|easier|preferable|nicer|like a relief)\b"),
    _p("ideation", r"\b(?:do not|does not|no longer|never|not) want to (?:live|be alive|exist|"
       r"go on|be here any ?more)\b(?! (?:in|with|at|near|on|there|abroad|alone|together|"
       r"through|like that)\b)", negatable=False),
    _p("ideation", r"\bonly (?:way out|option|answer|solution|choice)\b",
       requires=r"\b(?:die|death|dead|kill|end it|suicide)"),
    # Spanish, French, German, Portuguese and Italian: see crisis_patterns_intl
    # ---- plans, methods, attempts -----------------------------------------------------
    _p("plan", r"\b(?:hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|suffocate|"
       r"electrocute|gas) myself\b"),
    _p("plan", r"\b(?:overdose|overdosing|overdosed)\b(?! on (?:caffeine|coffee|sugar|chocolate|"
       r"candy|tv|netflix|sun))"),
    _p("plan", r"\b(?<!forgot to )(?<!forget to )(?<!remember to )(?<!remembered to )"
       r"(?<!reminded to )(?<!did not )(?:take|took|taking|swallow|swallowed|swallowing|down|"
       r"downed|necked)"
       r" (?:all (?:of )?(?:my |the |these |those )?|a (?:bunch|handful|lot|load) of (?:my |the |"
       r"me )?|(?:\w+ )?(?:too )?many |(?:the |a )?whole (?:bottle|pack|box|packet|strip) of "
       r"(?:my |the )?)(?:\w+ )?(?:medications|" + MEDICINES + r")\b(?! (?:this morning|today|"
       r"on time|as prescribed|every (?:day|morning|night)|with (?:food|breakfast|water)|at "
       r"(?:breakfast|lunch|dinner|bedtime))\b)"),
    _p("plan", r"\b(?:take|took|swallow|swallowed|swallowing) (?:them all|all of them)\b",
       requires=_PILLS),
    _p("plan", r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|collecting)"
       r" (?:up )?(?:my |some |enough |all my |all of my )?" + _PILLS),
    _p("plan", r"\benough " + _PILLS + r" (?:saved )?to\b"),
    _p("plan", r"\bhow many " + _PILLS + r" (?:it )?(?:would|will|does|to)\b"),
    _p("plan", r"\b(?:have|got|bought|in front of me|holding)\b.{0,20}\b" + _PILLS
       + r"\b.{0,25}\b(?:in front of me|ready|to take|lined up)\b"),
    _p("plan", r"\b(?:have|has) (?:the |my )?" + _PILLS + r" in front of me\b"),
    _p("plan", r"\bnoose\b"),
    _p("plan", r"\b" + _PILLS + r" (?:counted|laid|lined|set|sorted) (?:out|up)\b",
       # a week's doses set out in an organiser, as prescribed, is everyday care
       requires=r"^(?!.*\b(?:dosette|pill (?:organi[sz]er|box)|for the week|weekly|pharmacist|as "
       r"prescribed|blister pack)\b)"),
    _p("plan", r"\bdrive (?:my car |the car |myself )?(?:off (?:the road|a cliff|a bridge)|into "
       r"(?:a tree|a wall|traffic|oncoming|the river|the sea))"),
    _p("plan", r"\b(?:bought|buy|got|have|tied|tie|tying|found) (?:a|the|some|my) rope\b"
       r"(?! (?:for|to tie|to climb|to hang (?:the|a|some|my) (?!self))\b| (?:swing|ladder|"
       r"bridge|lights?|toy|course|net|bag|basket)\b)"),
    _p("plan", r"\b(?:walk|walking|swim|swimming|drive|driving) (?:out )?into (?:the )?(?:sea|"
       r"ocean|river|lake|traffic|water)\b"),
    _p("plan", r"\b(?:thinking about|thought about|want to|going to|planning to|plan to) jump"
       r"(?:ing)?\b", requires=r"\b(?:bridge|roof|cliff|building|ledge|window|train|balcony)"),
    _p("plan", r"\bjump(?:ing|ed)? (?:off|from|in front of) (?:of )?(?:a |the |this |that )?"
       r"(?:\w+ )?(?:bridge|building|roof|cliff|balcony|train|tower|overpass|ledge|window|"
       r"car|bus|truck|parking garage)s?\b"),
    _p("plan", r"\b(?:cliffs?|bridge|roof|ledge|edge) and jump\b"),
    _p("plan", r"\b(?:standing|stood|sitting|am) (?:on|at) (?:the )?(?:edge of (?:the )?)?"
       r"(?:train |railway )?(?:bridge|roof|ledge|cliff|tracks|balcony|railway)\b",
       requires=r"\b(?:jump\w*|edge|thinking|for (?:an|a|hours|ages|a long)|alone|last night|"
       r"tonight|again|looking down|wanted|want|end|die|dying|fall|ready|nobody|crying|now|"
       r"waiting|tracks)\b"),
    _p("plan", r"\b(?:slit|slash|slice|cut|cutting|cuts|open) (?:my|both) (?:wrists?|throat)\b"),
    _p("plan", r"\b(?:know|figured out|decided|planned|worked out|thought about|researched|"
       r"looked up) (?:exactly )?(?:how|when|where|the best way)\b.{0,40}\b(?:do it|kill|"
       r"end it|die)\b"),
    _p("plan", r"\b(?:planned|planning|plan) (?:how|when|where) (?:i am going|i will|to)\b",
       requires=r"\b(?:kill|die|end it|end my|suicide|do it)\b"),
    _p("plan", r"\b(?:suicide|goodbye|farewell) (?:note|letter|message|video)s?\b(?! (?:to|for) "
       r"(?:my |the |our |all )?(?:students|class|team|colleagues|coworkers|co workers|staff|"
       r"clients|patients|readers|followers|customers|neighbou?rs|classmates|pupils))"),
    _p("plan", r"\btried to (?:kill|hang|drown|shoot|poison) (?:my ?self)\b"),
    # ---- self-harm --------------------------------------------------------------------
    _p("self_harm", r"\b(?:cut|cutting|cuts|burn|burned|burnt|burning|hurt|hurting|hurts|harm|"
       r"harmed|harming|hit|hitting|punch|punched|punching|scratch|scratched|scratching|"
       r"starve|starving|bite|biting|bruise|bruising) myself\b"
       r"(?! (?:on|with) (?:the|a|an) (?:stove|oven|iron|pan|pot|kettle|knife|tray|nail|"
       r"paper|glass|grater)| (?:shaving|cooking|chopping|by accident|accidentally|"
       r"playing|at the gym|lifting|working out)| (?:a|an|some|another) (?:\w+ )?(?:slice|piece|"
       r"portion|break|slack|bit|bite|sandwich|cake|bread|deal|wedge|chunk|treat)\b)"),
    _p("self_harm", r"\bself harm(?:ing|ed|s)?\b"),
    _p("self_harm", r"\b(?:cut|cutting|cuts|burn|burned|burning|slash|slashed|scratch|"
       r"scratched|carve|carved|carving) (?:my|both) " + _BODY + r"\b"
       r"(?! (?:on|with) (?:the|a|an) (?:stove|oven|iron|pan|nail|fence|glass|paper))"),
    _p("self_harm", r"\burges? to (?:cut|self harm|hurt myself|harm myself|burn)\b"),
    _p("self_harm", r"\bwant(?:s|ed|ing)? to (?:cut|self harm|hurt myself|harm myself)"
       r"(?= *(?:again|myself|my " + _BODY + r"|$|[|.!?,;]))"),
    _p("self_harm", r"\b(?:my )?cutting (?:is|was|helps|again|habit)\b"),
    _p("self_harm", r"\buntil (?:it|i|my \w+) (?:bled|bleeds|bleed|bruised|bruise)\b"),
    _p("self_harm", r"\b(?:on purpose|deliberately|intentionally)\b",
       requires=r"\b(?:cut|burn\w*|hit|punch\w*|scratch\w*|hurt|bruise\w*|bled|bleed|took|"
       r"pills|overdose\w*|starv\w*)\b", clause_negation=True),
    _p("self_harm", r"\bwanted it to hurt\b"),
    # ---- indirect ---------------------------------------------------------------------
    _p("indirect", r"\bbetter (?:off|served) (?:(?:[^.!?|]{0,40}\b)?without me\b|if i " + _GONE
       + r")"),
    _p("indirect", r"\b(?:easier|happier|better|lighter) (?:for (?:everyone|everybody|them|"
       r"you all|my family|my \w+) )?(?:if|when) i " + _GONE),
    _p("indirect", r"\bwill not (?:be )?need(?:ing)? (?:any of )?(?:my|these|this|all my|any)"
       r" (?:\w+ )?(?:things|stuff|belongings|possessions|clothes|money|room)\b"),
    _p("indirect", r"\bgiv(?:e|ing|en|ve) (?:away )?(?:(?:all|most|some|many|lots|a lot) )?"
       r"(?:of )?my (?:\w+ )?(?:things|stuff|"
       r"belongings|possessions|treasures)\b(?!.{0,30}\b(?:moving|move|charity|declutter))"),
    _p("indirect", r"\bwill not be (?:here|around|alive) (?:much longer|for (?:much )?longer|"
       r"for long|anymore|soon|to (?:see|look|take|watch|feed|care))"),
    _p("indirect", r"\b(?:soon|tomorrow|after tonight) i will not be(?: (?:a problem|a burden|"
       r"here|around|alive))?(?= *(?:$|[|.!?,;]|for|to|anymore))"),
    _p("indirect", r"\bwill not be (?:a )?(?:problem|burden|bother) (?:to|for) (?:anyone|anybody"
       r"|you|them|everyone|anyone else)"),
    _p("indirect", r"\bwill not be (?:a )?(?:problem|burden|bother)(?: (?:to|for|on) \w+)?"
       r" (?:much longer|for (?:much )?longer|for long|anymore|soon)\b"),
    _p("indirect", r"\bi will not be (?:here|around|alive)(?= *(?:$|[|.!?;]))"),
    _p("indirect", r"\bi will not be (?:here|around|alive) (?:for|to see|at) (?:my birthday|"
       r"christmas|new year|next year|the holidays|graduation)"),
    _p("indirect", r"\b(?:will not|do not|never) (?:have to )?(?:worry about|deal with|put up "
       r"with|see|hear from) me (?:much longer|anymore|for long|soon|again)\b", negatable=False),
    _p("indirect", r"\bthis (?:is|will be) my (?:last|final) (?:journal )?(?:entry|post|message|"
       r"words|goodbye)\b"),
    _p("indirect", r"\b(?:and|to) (?:not|never) (?:come|coming|go|going) (?:back|home)\b"
       r"(?! (?:until|till|before|for|tonight|today|early|late|after))", negatable=False,
       requires=r"\b(?:going to|want|wish|plan|will|walk|drive|leave)\b"),
    _p("indirect", r"\b(?:this is (?:me saying )?(?:my )?goodbye|saying (?:my )?goodbyes?"
       r"(?= *(?:$|[|.!?;]| to (?:everyone|everybody|you all|all of you|the world|my family|"
       r"my friends|all)))|goodbye (?:everyone|"
       r"everybody|world|all|cruel world)|(?:final|last) goodbye|this is goodbye|"
       r"say (?:my )?goodbyes? to (?:all of you|you all|"
       r"everyone|everybody|the world)|(?:wanted|want|need) to say goodbye)\b"),
    _p("indirect", r"\b(?:nobody|no one|noone|no body) (?:would|will|is going to) (?:even )?"
       r"(?:notice|miss me|care|be sad)\b.{0,20}\b(?:if|when) i (?:was|were|am|died|"
       r"disappeared|vanished|left for good|did not wake|never woke|killed|ended|stopped "
       r"(?:being|existing|living)|just (?:died|disappeared|vanished))\b"),
    _p("indirect", r"\b(?:nobody|no one|noone) would (?:even )?miss me\b"),
    _p("indirect", r"\b(?:after|when|once) i am (?:gone|dead)\b"),
    _p("indirect", r"\b(?:put|putting|get|getting|got) my affairs in order\b"),
    # ---- passive death wish -----------------------------------------------------------
    _p("passive", r"\bwish i (?:was|were|had been) dead\b"),
    _p("passive", r"\bwish i (?:could|would) (?:just )?(?:die|disappear|vanish|stop existing|"
       r"cease to exist|not exist)\b"),
    _p("passive", r"\bwish i (?:did|do|would|could) (?:not|never) (?:have to )?(?:exist|wake up|"
       r"be alive|be here)\b", negatable=False),
    _p("passive", r"\b(?:hope|wish|pray) (?:that )?i (?:die|would die|will die|could die|get to "
       r"die)\b"),
    _p("passive", r"\b(?:relief|easier|better|fine|okay|a good thing|a blessing) if i (?:died|was "
       r"dead|were dead|did not wake up|were gone|was gone|never woke up)\b"),
    _p("passive", r"\bwish i (?:was|were) (?:never|not) born\b", negatable=False),
    _p("passive", r"\bwish (?:it|everything|life|this|it all) (?:would|could) (?:all )?(?:end|be "
       r"over)(?= *(?:$|[|.!?,;]|forever|now|already))"),
    _p("passive", r"\bif i (?:got|get|was|were) (?:hit|run over) by a (?:car|bus|truck|train)\b"),
    _p("passive", r"\bwish i (?:had |would |would have )?(?:never|not) (?:been born|existed)\b"),
    _p("passive", r"\b(?:sleep|asleep) (?:and|&) (?:not|never) (?:wake|waking) up\b"),
    _p("passive", r"\b(?:hope|wish|pray) (?:that )?i (?:do not|did not|will not|would not|never)"
       r" wake up\b", negatable=False),
    _p("passive", r"\bif i (?:just )?(?:did not|never|would not) wake up\b"),
    _p("passive", r"\b(?:sleep|asleep) forever\b", requires=r"\b(?:wish|want|hope|could)\b"),
    _p("passive", r"\b(?:hope|wish|pray) (?:that )?(?:something|someone|a car|a bus|a truck|"
       r"the plane|it|cancer) (?:kills|hits|would kill|would hit|will kill) me\b"),
    _p("passive", r"\bif a (?:car|bus|truck|train) (?:hit|hits|would hit) me\b"),
    _p("passive", r"\b(?:would|do|did) not (?:mind|care) if i (?:died|were to die|did not wake"
       r"|never woke|was dead|got hit)\b", negatable=False),
    _p("passive", r"\bif i died\b.{0,20}\bi would not (?:mind|care)\b", negatable=False),
    _p("passive", r"\b(?:disappear|vanish) (?:forever|for good|permanently|and never "
       r"(?:come back|return))", requires=r"\b(?:want|wish|like|wanna|could)\b"),
    _p("passive", r"\b(?:stop|cease) (?:existing|to exist)\b"),
    _p("passive", r"\bno reason (?:for me )?to (?:keep )?(?:living|live|go on|be alive|stay "
       r"alive)\b", negatable=False),
    _p("passive", r"\b(?:life|living) (?:is |feels )?not worth (?:living|it)\b|"
       r"\bnot worth living\b", negatable=False),
    _p("passive", r"\bnothing (?:left )?to live for\b", negatable=False),
    # ---- hopelessness and burden ------------------------------------------------------
    _p("hopelessness", r"\b(?:i am|i feel like|feel like|feeling like|i feel|being|i have "
       r"become) (?:such |a |just |nothing but |so much of |the )*burden\b"),
    _p("hopelessness", r"\b(?:no|what is the) point (?:in|of|to) (?:anything|living|life|"
       r"trying|going on|it all|being alive|existing|any of (?:this|it))\b", negatable=False),
    _p("hopelessness", r"\bno point (?:anymore|to anything)\b", negatable=False),
    _p("hopelessness", r"\b(?:i am|i feel|feeling|felt|so|completely|totally|utterly|just)"
       r" (?:\w+ )?hopeless\b(?! (?:at|with|when|in the kitchen))"),
    _p("hopelessness", r"\b(?:nothing\b.{0,20}\bget better|(?:will|is|are) never (?:going to )?"
       r"get better|never going to get better)\b", negatable=False),
    _p("hopelessness", r"\bcan not (?:take|handle|bear|stand|cope with) (?:it|this|life|"
       r"everything)(?: (?:pain|life|feeling|hurt|existence|world|emptiness|darkness))? "
       r"(?:anymore|much longer)\b", negatable=False),
    _p("hopelessness", r"\bcan not (?:go on|keep going|do this anymore|do it anymore)\b(?! with "
       r"(?:my|this|the|these|that|him|her|them|work)\b| at (?:work|this job)\b|[ ,;:-]+(?:this|"
       r"the|my|that) (?!(?:\w+ )?(?:life|pain|world|feeling|hurt|darkness|emptiness|loneliness|"
       r"existence)\b)\w+ (?:\w+ )?(?:has|have|is|are|was|keeps|kept|will not|won t|failed)\b)",
       negatable=False),
    _p("hopelessness", r"\bno way out\b", negatable=False),
    _p("hopelessness", r"\b(?:feel|feeling|felt|i am|so) (?:\w+ )?trapped\b"
       r"(?! in (?:traffic|the (?:lift|elevator|car|house|snow|rain|queue)))"),
    _p("hopelessness", r"\b(?:i am|i feel|feel|feeling) (?:\w+ )?worthless\b"),
    _p("hopelessness", r"\b(?:tired|sick|done|exhausted) (?:of|with) (?:living|life|being alive|"
       r"existing)\b"),
    _p("hopelessness", r"\bgive up on (?:life|living|myself)\b"),
    _p("hopelessness", r"\b(?:do not|can not) see (?:a|any) future\b|\bno future for me\b",
       negatable=False),
    # ---- weak signals -----------------------------------------------------------------
    _p("preparation", r"\b(?:wrote|write|writing|written|left|leave|leaving) (?:a|my|the)"
       r" (?:last )?(?:note|letter)s? (?:for|to) (?:my )?(?:family|kids|children|parents|mom|mum"
       r"|dad|wife|husband|partner|everyone|loved ones|friends)\b", weak=True),
    _p("preparation", r"\b(?:wrote|writing|updated|made) (?:my|a) will\b", weak=True),
    _p("preparation", r"\b(?:the|my) (?:last )?(?:note|letter) is (?:written|ready|done|"
       r"finished)\b|\beverything is ready\b", weak=True),
    _p("plan", r"\b(?:going to|will|gonna) do it (?:tonight|tomorrow|today|soon|now|this "
       r"weekend)\b", weak=True),
)

# Timing only escalates another signal (never on its own).
TIMING = re.compile(
    r"\b(?:tonight|tomorrow|this weekend|today|right now|an hour ago|this morning|"
    r"in (?:an?|a few|\d+|one|two|three) (?:hours?|minutes?)|"
    r"when (?:everyone|everybody|they|the kids|my \w+) (?:is|are|goes|go|falls?) "
    r"(?:asleep|to sleep|to bed|out)|after (?:work|school)|(?:my|the) last (?:night|day|entry)|"
    r"(?:by|on|next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"before (?:morning|dawn|sunrise))\b"
)
# Means mentioned near a signal add detail to the reason.
MEANS = re.compile(
    r"\b(pills|tablets|meds|medication|rope|noose|gun|pistol|rifle|bridge|razor|blade|knife|"
    r"train tracks|roof|ledge|cliffs?|overdose|lighter)\b"
)

# Spans that make an overlapping match an idiom or hyperbole.
IDIOMS = re.compile(
    r"\bkill(?:ing|ed)? myself (?:laughing|with laughter|to (?:finish|get|make|meet|keep))|"
    # "overdosed on christmas chocolate", "od on true crime podcasts": not a drug
    r"\boverdos\w* on (?!(?:my |his |her |their |a |some |the |all |\w+ )?(?:\w+ )?(?:pills|"
    r"tablets|morphine|codeine|methadone|xanax|valium|alcohol|vodka|"
    r"meds|medication|painkillers|paracetamol|tylenol|ibuprofen|insulin|heroin|fentanyl|drugs|"
    r"sleeping|antidepressants|opioids|\w*codone|\w*pam|\w*zepam|\w*pine|\w*tine|lithium|"
    r"prescription|something|it|them)\b)\w+|"
    r"\b(?:disappear|vanish)(?:ed)? (?:for a (?:week|weekend|day|few days|while|bit|month|year|"
    r"couple)|into (?:a|my|the|bed)|on (?:holiday|vacation)|to (?:a|an|the) (?:island|beach|"
    r"cabin|mountains|countryside))\b|"
    r"\b(?:die|dying) on (?:this|that) hill\b|\bshoot myself in the foot\b|"
    r"\brather (?:\w+ ){0,2}?(?:hang myself|overdose|kill myself|shoot myself|jump\w*|die|eat "
    r"glass)\b[^.!?|]{0,30}\bthan\b(?! (?:go on|going on|live|living|keep (?:going|living)|"
    r"continue|be alive|feel|feeling|wake|exist|spend another|do this|face))|"
    # joking hyperbole: "if i have to sit through one more meeting i am going to kill myself lol"
    r"\bif (?:i have to|i hear|i see|i get|this|that|they|he|she|my|the|one more|another)\b"
    r"[^.!?|]{0,60}\b(?:one more|another|again)\b[^.!?|]{0,40}\b(?:kill myself|jump off|"
    r"shoot myself|throw myself|end it all|die)\b[^.!?|]{0,40}\b(?:lol|lmao|haha\w*|jk|rofl)\b|"
    r"\b(?:kill myself|jump off|shoot myself|throw myself|end it all)\b[^.!?|]{0,60}\bif "
    r"(?:i have to|i hear|i see|this|that|the|my|one more|another)\b[^.!?|]{0,60}\b(?:one "
    r"more|another|again)\b[^.!?|]{0,30}\b(?:lol|lmao|haha\w*|jk|rofl)\b|"
    # "flu ... feeling as though I might die"
    r"\b(?:flu|fever|virus|bug|hangover|migraine|food poisoning|norovirus|covid|sickness)\b"
    r"[^.!?]{0,100}\b(?:feel|felt|feeling) (?:as though|as if|like) i (?:might|could|would|was "
    r"going to|am going to) die\b|"
    r"\b(?:die|died|dying|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|shame|"
    r"boredom|cringe|cuteness|happiness|excitement|jealousy|envy|curiosity|hunger|thirst|"
    r"heat|the cold)\b|"
    r"\b(?:i would|i had|i d) sooner (?:\w+ ){1,4}?than (?:do|work|go|sit|face|spend|have|"
    r"deal|listen|watch)\b|"
    r"\brather die than\b(?! (?:go on|going on|live|living|keep|continue|be alive|feel|wake|"
    r"exist|spend another|do this|face))|\b(?:die|dying) for (?:a|an|some|the|this|that)\b|"
    r"\bto die for\b|"
    # "bungee jumped off a bridge", "cliff diving off the rocks": a sport
    r"\b(?:bungee|base|cliff|sky|bridge) ?(?:jump\w*|div\w*)\b[^.!?|]{0,40}|"
    r"\b(?:floor|ground|earth) (?:\w+ ){0,3}swallow me(?: up| whole)?\b|"
    r"\bjump out of my (?:skin|seat|chair)\b|"
    # "gonna die if i don't get a nap": a craving, not a threat
    r"\b(?:die|dying|dead)\b[^.!?|]{0,20}\bif i (?:do not|can not) (?:get|have|eat|drink) "
    r"(?:a |an |some |my |another |more )?(?:\w+ )?(?:nap|coffee|sleep|food|snack|caffeine|tea|"
    r"pizza|chocolate|sugar|lunch|dinner|breakfast|holiday|vacation|break|shower|aircon|air con|"
    r"fan|water|drink|beer|wine|ice cream|burger|chips|fries|cake|lie in|day off)\b|"
    r"\bwant(?:ed)? to die (?:when|every time|whenever)\b.{0,40}\b(?:saw|see|noticed|trip|"
    r"embarrass|laugh)|"
    # "i am a dead man walking if i miss this deadline": in trouble, not in danger
    r"\b(?:a )?dead (?:man|woman|girl|guy|person|meat) walking\b|"
    # "risk assessment for suicidal patients", "the friend I lost to suicide": a topic or a loss
    r"\bsuicidal (?:patients?|clients?|callers?|service users?)\b|"
    r"\b(?:lost|lose|losing) (?:\w+ ){0,5}?to suicide\b|"
    # "if chef sees I burnt the jus again I'm a dead man": in trouble with someone
    r"\bif (?:\w+ ){1,3}?(?:sees?|finds? out|catches|catch|notices?|hears?|learns?)\b[^|.!?]{0,60}"
    r"\b(?:i am|i will be|i would be) (?:a )?dead(?: (?:man|woman|girl|guy|meat))?\b|"
    # "if i hear that song one more time I'm driving into the sea": a jingle, not a plan
    r"\bif i (?:hear|see|read|get) (?:that|this|the|one more) (?:\w+ ){0,3}?(?:song|advert|ad|"
    r"jingle|email|invite|phrase|joke|notification|ringtone|tune)\b[^|.!?]{0,60}|"
    # "one more 'can you just' and I swear I'll shoot myself, lol": exasperation
    r"\bone more\b[^|.!?]{0,60}\bi swear (?:i will|i am going to|i am gonna) (?:shoot|kill|hang) "
    r"myself\b(?=[^|.!?]{0,4}\blol\b)"
)

# "I called my teacher mum in front of the whole class. I want to die.": a wish to die of
# embarrassment or a hangover, said of a trivial mishap in the same or the next sentence.
HYPERBOLE_MATCH = re.compile(r"^(?:want to die|wanna die|want to disappear|kill me|i am dead)")
HYPERBOLE_CONTEXT = re.compile(
    r"\b(?:embarrass\w*|mortif\w*|cringe\w*|hungover|hangover|awkward\w*|so much shame|"
    r"in front of|wrong (?:chat|group|person)|group chat|the whole class|(?:everyone|everybody|"
    r"the whole \w+) (?:saw|heard|watched|laughed)|tripped|walked into|fell over|my own voice|"
    r"haircut|hairdresser|fringe|streak|pronounc\w*|waved back)\b"
)
# The writer insists they mean it: never read as an idiom.
RISK_AFFIRM = re.compile(
    r"\b(?:seriously|not joking|no joke|not a joke|not kidding|no kidding|for real|i mean it|"
    r"i really do|literally "
    r"mean|every day|all the time|again and again|tonight|pills|for good)\b"
)
# "I'll kill myself if I have to listen to that song one more time": a trivial conditional.
# Not when the condition is life itself ("one more day like this", "this pain").
_REPEAT = (r"(?:one more|another|again|(?:a|one) (?:\w+ )?more time|(?:a|the) (?:second|third|"
           r"fourth|fifth|sixth|tenth|hundredth|millionth|\d+th) time)")
TRIVIAL_CONDITIONAL = re.compile(
    r"\bif (?:i have to|i hear|i see|i get|this|that|they|he|she|my|the|one more|another)\b"
    r"(?![^.!?|]*\b(?:day|days|night|nights|week|weeks|month|year|life|pain|hurt|feeling|feel|"
    r"alone|lose|lost|loses|like this|of this|anymore|any more|again and again)\b)"
    r"(?:(?<=one more)|(?<=another)|[^.!?|]{0,60}\b" + _REPEAT + r"\b)"
)
# A joke marker right after the words ("mondays make me want to die lol").
LAUGH = re.compile(r"[^.!?|]{0,25}?\b(?:lol|lmao|lmfao|haha\w*|hehe\w*|jk|j k|rofl|"
                   r"just kidding|kidding)\b")
NEGATION_CUES = frozenset({"not", "never", "no", "nor", "without", "zero",
                           # es, pt, fr, de (accents removed by normalise)
                           "nunca", "jamas", "nao", "nem", "pas", "jamais", "nicht", "nie",
                           "niemals", "kein", "keine",
                           # "without" in es, pt, fr, de ("un ano sin autolesionarme")
                           "sin", "sem", "sans", "ohne"})
# A clause that opens with one of these negates a later risk phrase in the same clause
# ("there is no part of me that wants to end my life", "not once did i think about ...").
NEGATED_LEAD = re.compile(
    r"\bno (?:chance|way)(?! out)(?: in hell)? (?:i|that i|am i|would i|will i)\b|"
    r"\b(?:nowhere near|far from|not even close to)\b|"
    r"\b(?:no part of me|not (?:once|for (?:a|one) (?:second|moment|minute))|at no point|"
    r"nothing in me|none of me)\b|"
    r"\b(?:not|no longer) (?:had|have|felt|get|feel) (?:a single|any|one|even one|those) "
    r"(?:\w+ )?(?:thoughts?|urges?|moments?) (?:of|about|to)\b|"
    r"\b(?:no|zero|never (?:had|have|had any|have any)) (?:\w+ ){0,2}?(?:thoughts?|urges?|plans?|"
    r"intentions?|desire|wish) (?:of|about|to|for)\b"
)
# "killing myself is not on my mind", "hurting myself will not fix anything": a risk gerund
# as the subject of a negated verb.
GERUND_NEGATED = re.compile(
    r"^ *(?:\w+ ){0,2}?(?:is|was|will|would|does|did|has|are|is really) (?:not|never|no longer)\b"
)
# The negation is about the manner, not the death: "i do not want to die slowly, ...".
# A negation limited in time is not a denial now: "i never wanted to die before, but now i do".
NEGATION_RELEASE = re.compile(
    r"^ *(?:slowly|painfully|in (?:pain|agony)|a slow death|before|until (?:now|recently|"
    r"lately)|till now)\b"
)
NEGATION_FILLERS = frozenset({
    "going", "gonna", "to", "want", "wanting", "ever", "really", "actually", "be", "been", "am",
    "feeling", "feel", "felt", "thinking", "think", "thought", "of", "about", "planning", "plan",
    "plans", "have", "had", "any", "would", "will", "do", "try", "trying", "intention",
    "intentions", "desire", "urge", "urges", "thoughts", "like", "seriously", "at", "all",
    "a", "so", "even", "once", "currently", "considering", "wish", "mean", "meaning", "having",
    "getting", "longer",
    # object pronouns between a negation and the verb in es, pt, fr, de ("no me quiero morir")
    "me", "te", "se", "mich", "mir",
})
# "Killing myself is not something I would ever do."
POST_NEGATION = re.compile(
    r"^ *(?:is|was|would be|will be|will never be|has never been) (?:not|never|no longer)"
    r" (?:an option|something|the answer|on the table|for me|what i want|in my plans)|"
    r"^ *(?:is|was|will be) (?:off the table|out of the question)|"
    # a check-in answer: "suicidal thoughts: none", "self harm urges 0 10", "si - denies"
    r"^(?: (?:thoughts?|ideation|urges?|risk|intent|intentions?|plans?|behaviou?rs?|feelings?|"
    r"today|this week|currently|right now|tonight)){0,3} *[:=-]? *(?:none|nil|zero|"
    r"0(?: (?:out of |of )?10)?(?! *\d)|no(?= *(?:$|[|.!?,;:]| and\b| but\b| i\b))|nope|denies|"
    r"denied|negative|absent|not present|n a)\b"
)
# "denies suicidal thoughts", "screened negative for self harm": a clinical-style denial.
DENIAL_BEFORE = re.compile(
    r"\b(?:denies|denied|deny|negative for|screened negative for|no (?:current |active )?"
    r"(?:si|sh)|(?:answered|ticked|checked|circled|said|put|wrote) «?(?:no|never|none|zero)»? "
    r"(?:to|for|on|against))\b(?: \w+){0,3} *$"
)

FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"}) | ci.FIRST_PERSON
# What a sentence can be about instead of a person: a work, the news, a course or a campaign.
TOPIC_NOUNS = frozenset([
    "song", "movie", "film", "book", "novel", "show", "story", "poem", "article", "news",
    "documentary", "episode", "game", "lyrics", "play", "series", "podcast", "video", "lecture",
    "class", "course", "essay", "paper", "report", "study", "scene", "chapter", "headline",
    "awareness", "prevention", "research", "hotline", "campaign"])
THIRD_PERSON = TOPIC_NOUNS | frozenset([
    "he", "she", "they", "someone", "somebody", "who", "whose", "friend", "friends", "brother",
    "sister", "mom", "mum", "mother", "dad", "father", "parent", "parents", "son", "daughter",
    "wife", "husband", "boyfriend", "girlfriend", "partner", "cousin", "aunt", "uncle",
    "grandma", "grandpa", "grandmother", "grandfather", "niece", "nephew", "coworker",
    "colleague", "neighbor", "neighbour", "classmate", "roommate", "flatmate", "student",
    "students", "teacher", "boss", "client", "patient", "man", "woman", "guy", "girl", "boy",
    "kid", "kids", "child", "children", "people", "person", "character", "protagonist",
    "narrator", "hero", "heroine", "villain", "author", "singer", "actor", "actress",
    "celebrity", "speaker", "poet", "writer", "artist", "musician", "band", "rapper",
    "comedian", "host", "doctor", "nurse", "therapist", "victim", "soldier", "officer",
    "stranger", "passenger", "driver",
    "teen", "teenager", "survivor", "user", "poster", "commenter", "narrator", "memoir",
    "mate", "mates", "bestie", "bff", "housemate", "regular", "regulars", "cohort", "nan",
    "nana", "gran", "granny", "grandad", "sibling", "siblings", "fiance", "fiancee", "manager",
    "pupil", "pupils", "resident", "customer", "guest", "member", "members", "stepmom",
    "stepmum", "stepdad", "stepfather", "stepmother", "toddler", "baby", "teammate",
    "patients", "clients", "colleagues", "coworkers", "nurses", "doctors", "teachers",
    "families", "neighbours", "neighbors", "classmates", "roommates", "flatmates", "veterans",
    "victims", "soldiers", "users", "brothers", "sisters", "cousins", "teammates", "callers",
    "caller", "volunteers", "volunteer", "residents", "customers", "guests",
]) | ci.THIRD_PERSON

PAST_CUES = frozenset({
    "tried", "attempted", "wanted", "was", "were", "used", "felt", "thought", "had", "overdosed",
    "harmed", "considered", "planned", "wished", "survived", "last", "remember", "remembered",
    "once", "stood", "spent", "did", "went", "came",
}) | ci.PAST_CUES
PRESENT_CUES = frozenset({
    "am", "want", "wants", "feel", "is", "are", "keep", "going", "will", "need", "wish", "hope",
    "been", "can", "now",
}) | ci.PRESENT_CUES
RECENT = re.compile(
    r"\b(?<!ago )(?<!a day like )(?<!days like )(?:again|last night|yesterday|today|tonight|this "
    r"morning|this evening|earlier|"
    r"an hour ago|hours ago|minutes ago|just now|right now|lately|recently|relapsed|relapse|"
    r"this week)\b" + ci.RECENT
)
# A past event this recent stays a concern whatever the learned layer reads of the rest of the
# entry (``crisis_model.ModelLayer.apply``); unlike ``RECENT`` these do not make it current.
_RECENT_DAYS = (r"a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|[1-9]|1\d|2\d|a few|a couple of|couple of|few")
_RECENT_WEEKS = r"a|one|two|three|four|five|six|[1-6]|a few|a couple of|couple of|few"
RECENT_PAST = re.compile(
    r"\b(?:yesterday|last (?:night|week|weekend|month|few (?:days|weeks))|earlier (?:today|this "
    r"week|this month)|this (?:morning|week|weekend|month)|recently|the other (?:day|night|week)|"
    r"(?:a|one|two|three|four|five|six|\d+|a few|a couple of|couple of|few) (?:days?|nights?|"
    r"weeks?) ago|(?:a|one|two|a few|a couple of|couple of|few) months? ago|a month back|"
    r"weeks? back|days? back|"
    # "on saturday", "six days ago", "eleven days since": within the last fortnight
    r"last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?! (?:morning |night |"
    r"evening |afternoon )?(?:i will|i am going|i plan|we will|we are going))|"
    r"(?:six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen) (?:days?|nights?) ago|"
    r"(?:" + _RECENT_DAYS + r") (?:days?|nights?) since|(?:" + _RECENT_WEEKS + r") weeks? since)"
    r"\b")
# The writer doubts that a past time of risk is over ("i do not know if it is gone", "the thoughts
# never went away"): the past event is not resolved, so the learned layer never lowers it.
_THEY = r"(?:it|they|the (?:thoughts?|urges?|feelings?))"
NOT_OVER = re.compile(
    r"\b(?:(?:do not|did not|not|never|cannot) (?:know|sure|convinced|certain)(?: (?:if|whether|"
    r"that))? " + _THEY + r"(?: is| are| has| have| was| were)?(?: (?:fully|completely|ever|"
    r"actually|all))? (?:gone|over|gone away|went away|passed|behind me)|"
    + _THEY + r" (?:never|has not|have not|did not) (?:fully |completely )?(?:went|go|gone|left|"
    r"leave)(?: away)?|"
    + _THEY + r" (?:is|are) (?:still there|creeping back|coming back|back again)|"
    + _THEY + r" (?:might|could|may) (?:come|be coming) back)\b")
# "eleven days since i swallowed ...": too recent to be an anniversary of something over
RECENT_INTERVAL_BEFORE = re.compile(
    r"\b(?:(?:" + _RECENT_DAYS + r") (?:days?|nights?)|(?:" + _RECENT_WEEKS + r") weeks?) "
    r"(?:since|after)\b[^|.!?]*$")
DISTANT = re.compile(
    # "hace tres anos", "ha dois anos", "il y a trois ans", "vor drei jahren" (not "ha anos que
    # penso ...": that is still going on)
    r"\b(?:hace|ha|faz) (?:\w+ ){0,2}anos?\b(?! que\b)|\bil y a (?:\w+ ){0,2}ans?\b(?! que\b)|"
    r"\bvor (?:\w+ ){0,2}jahren\b|"
    r"\b(?:(?:old|past|younger|former|teenage|teen|uni|college) me\b|in (?:\w+ )?school\b|"
    r"in (?:uni|sixth form|year \d+|grade \d+)\b|when i was (?:thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\w*|at (?:thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)\b|"
    r"(?:for|during|through|throughout) (?:most of |all of |much of )?my (?:teens|twenties|"
    r"thirties|childhood|youth|school years|uni years)|from (?:19|20)\d\d|old (?:journals?|"
    r"diary|diaries|notebooks?|entries|posts)|at (?:age )?1\d\b(?! (?:am|pm|o clock))|"
    r"years? ago|years back|decades? ago|a long time ago|that was (?:back )?(?:in )?(?:19|20)\d\d|"
    r"remember (?:sitting|standing|being|lying|thinking|when)|(?:journals?|diar(?:y|ies)|"
    r"notebooks?) from (?:the|my) (?:\w+ )?(?:years|days|time)|"
    r"when i was (?:younger|little|a (?:kid|child|"
    r"teen|teenager)|in \w+ school|\d+)|as a (?:teen|teenager|kid|child)|in (?:high school|"
    r"college|university|my teens|my twenties|(?:19|20)\d\d)|back (?:then|in)|in the past|"
    r"i remember|in my (?:teens|twenties|thirties|youth|childhood|early \w+)|my teens|"
    r"(?:last|a) decade|(?:when|while) i was (?:at|in) (?:uni|university|college|school)|"
    r"back in (?:school|college|uni)|during my|back when|(?:long|so long) ago|"
    r"there was a time|at one point|(?:high school|teenage|younger|teen) me|(?:from )?when i "
    r"used to|"
    r"as a (?:student|young \w+)|looking back|i once|once(?= *(?:$|[|.!?,;]))|"
    r"(?:my|an|the|some) old (?:\w+ )?(?:letters?|notes?|scars?|journals?|diary|diaries)|"
    r"during (?:the|my) (?:divorce|breakup|break up|separation|pandemic|lockdown|"
    r"deployment|custody \w+|worst \w+))\b" + ci.DISTANT
)
RESOLVED = re.compile(
    r"\b(?:(?:the )?new me (?:is|just|will|does|has)\b|(?:therapy|counselling|counseling|"
    r"treatment|medication|my meds|my therapist|my psychiatrist|rehab|dbt|cbt|the group|my "
    r"support group) (?:has |have )?(?:helped|saved)|"
    r"better place|(?:doing|feel|feeling|am) (?:so |much |a lot |way )?better|in a good "
    r"place|glad i (?:survived|am (?:still )?(?:here|alive)|did not|made it)|grateful (?:to be "
    r"alive|for every day|to still be here|to be here)|recover(?:ed|y|ing)|clean (?:for|since)|"
    r"(?:been|am) (?:free|clean)|have not (?:\w+ ){0,3}(?:in|since|for) (?:\w+ )?(?:years?|"
    r"months?|weeks?)|(?:years?|months?) since (?:my last|i last)|(?:do|did|does) not (?:\w+ )"
    r"{0,4}(?:anymore|any more|now)|not anymore|those days are (?:behind|over|gone)|i am (?:okay|"
    r"ok|fine|safe|well|good|happy) now|got (?:help|through it|better)|how far i have come|"
    r"proud of (?:myself|how far)|turned around|now (?:i am|i feel|things are|life is) "
    r"(?:\w+ )?(?:thriving|happy|good|great|fine|okay|ok|well|better|stable|safe|content|"
    r"grateful|healthy|strong)|(?:i am|i feel) (?:\w+ )?(?:happy|healthy|thriving|loved|safe|"
    r"stable|content|well)(?: and \w+)?(?: now| today| these days)?(?= *(?:$|[|.!?,;]))|"
    r"i love my life|i am not (?:now|any ?more)\b|i (?:want|choose|chose) to live\b|"
    r"these days i|doing (?:really |very |so |pretty |quite )?well|(?:it is|it s|all) sorted now|"
    r"(?:it|that|they) passed with (?:help|time|therapy|treatment|support)|(?:and|so|really|very) "
    r"happy now(?! that)|"
    r"therapy helped|treatment helped|"
    r"stopped (?:a long time ago|years ago|for good)|"
    r"a life i love|survived|got through|no longer(?! (?:be )?(?:here|around|alive|exist|with "
    r"(?:you|us|them)|in (?:this|the) world))|behind me|a thing of the past|"
    r"(?:therapy|treatment|medication|meds|counselling|counseling|my therapist) (?:changed|"
    r"helped|saved|fixed)|changed that|saved me|(?:i|i have|i had) (?:stopped|quit)"
    r"(?= *(?:$|[|.!?,;]|now|for good|completely|since|years|months|a long)))\b|"
    # entry-level resolution: it is over, I'm glad I'm alive, N days clean, it helped
    r"\b(?:glad (?:to be (?:here|alive)|i (?:am |am still )?(?:here|alive)|i stayed)|"
    r"(?:grateful|thankful) "
    r"(?:\w+ ){0,4}(?:alive|here|stayed|came back|survived|made it|reached out|got help|"
    r"asked for help|told someone)|long gone|"
    r"(?:have been|i am|been) (?:\w+ )?(?:stable|sober|clean|free|well|healthy|okay|fine) "
    r"(?:for|since)|"
    r"(?:chapter|part of my life) is (?:closed|over)|the worst is (?:over|behind)|"
    r"changed everything|(?:got|helped|pulled|brought) me through|"
    r"(?:i am|am) (?:now )?(?:healed|sober|in recovery)|"
    r"(?:stopped|quit) (?:\w+ ){0,2}(?:years?|months?|weeks?) ago|"
    r"(?:\d+|a|one|two|three|four|five|six) (?:days?|weeks?|months?|years?) (?:clean|free|sober)|"
    r"(?:has|have|is) been (?:over )?(?:\w+ ){0,2}(?:years?|months?|weeks?|days) since|"
    r"(?:things|life|it) (?:is|are|got|has gotten|have gotten) (?:\w+ ){0,2}better|"
    r"(?:is|are|was) (?:over|behind me) now|it is (?:over|behind me)|"
    r"worked through (?:it|that|them)|no (?:incidents?|episodes?|slips?|relapses?) since|"
    r"(?:know|knew|see|saw|realise|realised|realize|realized) (?:now )?how wrong i was|"
    r"(?:know|knew|see|realise|realize) (?:now )?(?:that )?(?:it|that) (?:was not|was never|"
    r"is not) true|(?:can not|do not) (?:even )?remember the last time|"
    r"(?:now )?it (?:has|is) been (?:over )?(?:\d+|a|one|two|three|four|five|six|\w+ hundred) "
    r"(?:days|weeks|months|years)(?! (?:of|since (?:i|the)|and i still))|"
    r"(?:thoughts?|urges?|voices?|they|those \w+) (?:have |has )?(?:been|gone|went|stayed) "
    r"(?:\w+ )?(?:quiet|silent))\b" + ci.RESOLVED
)
# Softer signs that life has moved on; they resolve only an event marked as distant past
# (``DISTANT``: "years ago", "in 2016", "as a teen") that comes before them.
RESOLVED_SOFT = re.compile(
    r"\b(?:life is (?:\w+ )?(?:good|great|beautiful|worth (?:it|living))|(?:i am|i feel) (?:\w+ )?"
    r"(?:grateful|thankful|proud|blessed|lucky|at peace)|(?:is|was|felt like|feels like|"
    r"has been) a gift|turned (?:it|things|my life|everything) around|i (?:now )?(?:help|"
    r"support|mentor) (?:others|people)|share my story|i am now (?:a|an|the)|"
    r"i have (?:a|my) (?:daughter|son|family|kids|children|wife|husband|partner)|"
    r"(?:since|ever since) then i|(?:life s|lifes|life is) (?:\w+ )?decent|lifes (?:\w+ )?(?:good|"
    r"great)|mad to think (?:about (?:it )?)?now)\b"
)
# "i will live", "i am going to be okay": the writer affirms their safety.
SAFETY_AFFIRM = re.compile(
    r"\bi (?:will|am going to) (?:live|be (?:okay|ok|fine|alright|all right)|survive|get "
    r"through (?:this|it)|keep going)\b(?! (?:until|till|without))"
)
# Someone else's question answered with a denial: "people ask if i want to ... i do not".
ASKED_IF = re.compile(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering) (?:me )?(?:if|whether) i\b"
)
DENIAL = re.compile(r"[\s.,!?;:|]*(?:i do not|i did not|i am not|i have not|no|nope|not at all|"
                    r"never)\b")
# The writer takes a denial back: "therapist asked if i was suicidal and i said no. i lied."
TOOK_BACK = re.compile(r"\b(?:i lied|was lying|(?:that|it) (?:was|is) (?:a lie|not true)|"
                       r"did not tell (?:the truth|them|him|her))\b")
# A question or a form about the risk ("suicidal? no.", "the form asked about thoughts of
# harming myself. ticked «never».", "rate urges to hurt myself. zero.").
ASKED_ABOUT = re.compile(
    r"\b(?:ask\w*|question\w*|form|screening|survey|questionnaire|rate|rating|checklist|check "
    r"in|scale|score)\b"
)
ANSWERED_NO = re.compile(
    r"[^.!?|]{0,30}?[\s.,!?;:|«»]*(?:(?:and )?(?:i )?(?:ticked|checked|answered|said|circled|put|"
    r"wrote|selected|chose|told (?:him|her|them))[\s«]*)?(?:no(?! one| point| reason| way| hope| "
    r"future| longer| more)|none|nope|never|not at all|zero|nah|i do not|i did not|i am not|"
    r"i have not|not me)\b"
)
# A later sentence saying the old feelings are back: an earlier resolution no longer counts.
RELAPSE = re.compile(
    r"\b(?:again|relaps\w*|lately|recently|(?:is|are|were|was|been|keep|keeps|they are|it is) "
    r"(?:coming )?back|(?<!not )(?<!never )(?:came|come|coming|creeping|crept) back|"
    r"getting worse|worse than ever)\b" + ci.RELAPSE + r"|" + NOT_OVER.pattern
)
# A sentence whose clause moves to the present ("..., now i want to die"): not past.
CURRENT_SHIFT = re.compile(
    r"\b(?:now|still|lately|again|these days) i (?:\w+ )?(?:want|wish|long|need|plan|am going|"
    r"think about|am thinking|can not|do not want)\b"
)
# Sentence-level negation of a risk intent, for sentences the learned layer reads.
NEGATED_SENTENCE = re.compile(
    r"\b(?:not|never|no|zero|none)\b (?:\w+ ){0,4}?(?:want\w*|plan\w*|intend\w*|going|"
    r"thinking|thoughts?|urges?|intentions?|desire|would|will|do|did|feel\w*)\b (?:\w+ ){0,4}?"
    r"(?:die|dying|death|dead|kill\w*|hurt\w*|harm\w*|suicid\w*|end (?:my life|it)|cut\w*|"
    r"overdos\w*|take my (?:own )?life)\b"
)
# Negation traps: still risk even though a negation word is present.
NEGATION_TRAP = re.compile(
    r"\b(?:(?:do|did) not|never) (?:\w+ )?(?:want|wish|plan|like) to (?:live|be here|be alive|"
    r"exist|wake up|go on|keep (?:living|going)|be around|see tomorrow)|\bnot okay\b|"
    r"\bnot (?:going to|gonna) (?:make it|be (?:here|around|alive))|\bcan not\b|"
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on)|\bno way out\b|"
    r"\bnot (?:afraid|scared) (?:to die|of dying|of death)|\bnot that i\b"
)
# Stems of a risk topic; a sentence without any that follows a safe-framed one elaborates it.
RISK_STEMS = re.compile(
    r"\b(?:die|died|dying|dead|death|kill|suicid|overdos|alive|live|living|exist|wake|harm|"
    r"cut|pill|jump|bridge|rope|gone|goodbye|burden|hopeless|disappear|end it|end my|tonight|"
    r"hurt\w* (?:my|me)|"
    r"anymore|over with|no point|give up)"
)

# Leaving a job: an entry that says so ("handed in my notice", "new job starts in March") and a
# sentence about the last shift or being done with the place, which the learned layer would
# otherwise read as a goodbye.
LEAVING_JOB = re.compile(
    r"\b(?:hand(?:ed|ing)? (?:in )?(?:my |in my )?notice|notice (?:in|handed in)|resign\w*|"
    r"quit (?:my|the|this) job|new job|job starts|leaving (?:do|drinks)|last day at work|"
    r"retir(?:e|ed|ing|ement)|redundan\w*|contract (?:ends|is up))\b")
LAST_AT_WORK = re.compile(
    r"\b(?:last (?:shift|shifts|day|days|run|week|tour|service|trip|day s|shift s)|done with "
    r"(?:that|this|the|my) (?:\w+ )?(?:place|job|company|firm|work|haulage|trade|industry|lot|"
    r"shop|pub|kitchen|depot|office|site|ward)|never (?:setting|set|going to set) foot|that "
    r"place (?:again|forever))\b")

# "clean from self harm", "recovered from my overdose": the match itself is described as over.
# "the suicidal phase is behind me", "my self harm days are over": the match named as over.
RESOLVED_AFTER = re.compile(
    r"^ *(?:(?!if |when |once |after |because |as if |until )\w+ ){0,5}?(?:is|are|was|were|"
    r"days are|phase is|period is|years are) "
    r"(?:(?!not|never|still)\w+ ){0,2}?(?:behind me|over|in the past|a thing of the past|gone|"
    r"done|history|historic|long gone|finished|a memory)\b|"
    r"^ *(?:free|clean)\b|"  # "self harm free", "suicide free"
    # "suicidal in the past, not now"; "the suicidal thoughts I had after X are long gone"
    r"^ *(?:in the past|years ago|before|back then),? (?:but )?not (?:now|any ?more|these days)\b|"
    r"^ *(?:thoughts|urges|feelings|days|phase|period|episodes?)\b[^|.!?]{0,60}\b(?:are|is|were|"
    r"was) (?:long gone|behind me|a thing of the past|over|history)\b|"
    r"^ *[:=-]? *(?:past tense|historic|history|a memory|behind me)\b|"
    r"^ *(?:(?!until|till|not|never|and|but|so|i)\w+ ){0,4}?(?:went(?= *(?:$|[|.!?,;]| quiet)"
    r")|went quiet|quietened|quieted|went away|have gone|has gone|"
    r"(?:went|stopped|faded|eased|lifted) (?=after\b)|"
    r"ended|stopped|passed|faded|have faded|lifted|disappeared|have not come back|has not come "
    r"back|never came back)\b(?! (?:caring|trying|eating|sleeping|going|taking|answering|"
    r"talking|up|working))"
)
# "anniversary of my overdose", "four years since my attempt", "200 days free of self harm".
ANNIVERSARY_BEFORE = re.compile(
    r"\b(?:(?:day|days|week|weeks|month|months|year|years) \d+ (?:from|free of|free from|"
    r"without|since|clean of|clean from)|"
    r"(?:years?|months?|weeks?|days?) since i (?:last |took |had |made |did )+(?:my |the )?"
    r"(?:last |final )?(?=(?:\w+ )?$)|"
    r"anniversary of|(?:years?|months?|weeks?|days?) (?:since|without|free of|free from|"
    r"clean (?:of|from)|on from|after)|since my last|(?:survived|survivor of|recovered from|"
    r"recovering from|healing from|healed from)) ?(?:my |the |a |an |that )?(?:\w+ )?$"
)
RESOLVED_BEFORE = re.compile(
    r"(?<!time i )(?<!time to )(?<!want to )(?<!going to )(?<!never )(?<!not )\b(?:clean|free|"
    r"recovered|recovering|recovery|healed|healing|survivor|survived|stopped|"
    r"quit|sober|no longer|surviving) (?:from |of )?(?:my |the |a |an )?$|"
    r"(?:^|\b(?:went|gone|got|come|came|moved|grown|grew) )from $"
)

# "a seminar about self-harm", "preventing suicide": the topic, not the writer's own state.
TOPIC_BEFORE = re.compile(
    r"(?<!thinking )(?<!thought )(?<!think )(?<!worried )(?<!obsessing )(?<!dreaming )"
    r"\b(?:preventing|prevent|prevention of|awareness of|research on|researching|statistics on|"
    r"lecture on|talk on|seminar on|study on|studying|about|on|regarding) $"
)
TOPIC_MATCH = re.compile(r"^(?:self harm|suicid|overdos|uberdos|sobredos|surdos|cutting)")
# "a suicide risk assessment", "self harm awareness week", "died by suicide": the word names a
# topic or reports a death, not the writer's own state.
TOPIC_AFTER = re.compile(
    r"^ *(?:risk\b(?! of)|(?:risk )?(?:assessments?|prevention|awareness|hotline|helpline|line|"
    r"rates?|statistics|"
    r"training|course|module|screenings?|research|policy|protocol|charity|campaign|week|month|"
    r"presentations?|admissions?|referrals?|thresholds?|cases|(?:note )?(?:corpus|dataset)|"
    r"versus|vs|verdict|"
    r"day|survivors? (?:group|network)|bereavement|loss survivors)\b)"
)
DEATH_REPORT = re.compile(
    r"\b(?:(?:died|dies|death|deaths|lost \w+) (?:by|of|from|to)|"
    # "est mort dune overdose", "murio de una sobredosis", "morreu de overdose", "ist micha an
    # einer uberdosis gestorben"
    r"(?:mort|morte|morts|decede|decedee) (?:d|de|dune|dun|des)|(?:murio|muerto|muerta|fallecio|"
    r"morreu|morto|morta|faleceu) (?:de|por|del|do|da)|"
    r"(?:starb|(?:ist|war) (?!ich\b)\w+(?: \w+)?) an) (?:an? |the |una? |uma? |einer )?$")
# "in the video game I jumped off the tower"
FICTION_FRAME = re.compile(
    r"\bin (?:the|my|a|this|that) (?:video game|game|play|movie|film|book|novel|story|show|"
    r"series|episode|level|simulation|role ?play)\b"
)
