"""Generalising safety-net patterns for :mod:`mindspace.ml.crisis` (data only).

Longer than the usual 400 lines on purpose: one table of concept families, reviewed as a whole.

The curated tables in :mod:`mindspace.ml.crisis_patterns` describe specific phrasings. The
tables here describe *concept families* instead, so new wordings of the same idea are caught:

* death / non-existence concepts joined to the writer ("I might as well be dead", "it would be
  peaceful to not exist", "death would be a relief", "I hope I never wake up");
* a wish, intention or readiness followed, within a few words, by such a concept;
* goodbye and finality cues ("please tell my mom I'm sorry", "I love you all, goodbye",
  "this is my last entry", letters to each of the kids);
* hopelessness families ("no hope left", "no point to my life", "done with being alive");
* method and means families (staring at the pills, stepping off a ledge, a knife used "on
  myself", searching for painless ways);
* self-harm families (a harming verb on one's own body, "to feel something", "till it bled").

Every pattern runs over normalised text and goes through the same safe-frame checks as the
curated ones (idiom spans, negation scope, third person, quotation, fiction/news, resolved past).
``NET_IDIOMS`` adds the hyperbole spans that these broader patterns would otherwise hit.
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p

# category -> (base score, phrase used in reasons); merged into crisis_patterns.CATEGORIES
NET_CATEGORIES: dict[str, tuple[float, str]] = {
    "net_death": (0.5, "talks about death or not existing in relation to themselves"),
    "net_goodbye": (0.5, "sounds like a goodbye"),
    "net_hopeless": (0.4, "expresses hopelessness"),
}

_SELF = r"\b(?:i|me|my|myself)\b"
# Concepts of death or of no longer existing (after "to", "could", "would", ...).
_NOTEXIST = (
    r"(?:die|be dead|be gone|not be (?:here|alive|around)|no longer (?:be )?(?:here|alive|around)"
    r"|not exist|stop (?:existing|living|breathing)|cease to exist|disappear|vanish|fade away|"
    r"not wake up|never wake up|sleep forever|go to sleep forever|end (?:it|it all|things|"
    r"everything|my life|myself)|be done with (?:it all|life|everything)|kill myself|"
    r"be with (?:grandma|grandpa|my \w+) (?:in heaven|again)|rest forever|be free forever|"
    r"go away forever|leave this world|leave this earth|not be alive|be nothing)"
)
# Words that wish for, intend or welcome something.
_DESIRE = (
    r"(?:want|wanted|wanting|wants|wish|wished|wishing|hope|hoping|pray|praying|long|longing|"
    r"would like|would love|would prefer|prefer|crave|craving|need|needing|ready|tempted|"
    r"deserve|plan|planning|going|decided|intend|intending|thinking about how to|"
    r"might as well|should|ought to|better off|so tempting to|easier to|peaceful to|nice to|"
    r"relief to|better to|rather)"
)
# "disappear for a weekend", "vanish into a book": everyday uses of the same words.
_NOT_EVERYDAY = (
    r"(?! (?:for (?:a|an|the|some|two|three|\d+|one|few|awhile|a while)|into (?:a|the|my|"
    r"this|that|some)|from (?:social|the internet|work|the party|twitter|instagram|facebook)|"
    r"to (?:a|an|the|my|some) \w+|on (?:a|an|holiday|vacation)|off (?:the|social)|"
    r"under (?:the|a) (?:covers|blanket|duvet)|with (?:him|her|them|you)|together|"
    r"somewhere (?:warm|sunny|quiet)|of (?:embarrassment|shame|boredom)|laughing))"
)
_GONE_IF = (
    r"if i (?:was|were|am|is) (?:gone|dead|not (?:here|around|alive)|no longer (?:here|around|"
    r"alive))(?! (?:for|on|to|from|at|in|by|during|until|till|over|with|tomorrow|tonight|"
    r"this|next))|if i (?:died|disappeared|vanished|did not exist|stopped existing|"
    r"killed myself|ended it|was never born|were never born|never existed|"
    r"stopped being (?:around|here|alive)|was not around|were not around|left this world|"
    r"went away for good|"
    r"were to (?:die|disappear|vanish))\b"
)
_METHOD = (
    r"(?:pills?|tablets?|meds|medication|painkillers|sleeping pills|razors?|razor blades?|"
    r"blades?|rope|noose|gun|pistol|rifle|bullets?|bleach|antifreeze|poison)"
)
_BODY = (
    r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|body|hips?|forearms?|knuckles|ankles?|"
    r"chest|belly|shoulders?)"
)
_HARM_VERB = (
    r"(?:cut|cuts|cutting|burn|burnt|burned|burning|scratch|scratched|scratching|slash|"
    r"slashed|slashing|carve|carved|carving|hit|hitting|punch|punched|punching|bang|banged|"
    r"banging|smash|smashed|bite|bit|biting|stab|stabbed|stabbing|pinch|pinched|gouge|gouged)"
)

NET_PATTERNS: tuple[Pattern, ...] = (
    # ---- death and non-existence joined to the writer ----------------------------------
    _p("net_death", r"\b" + _DESIRE + r"\b(?: \w+){0,3}? (?:to |i could |i would |i did |"
       r"i do |i could just |that i |i |me to |for me to )?(?:just )?" + _NOTEXIST + r"\b"
       + _NOT_EVERYDAY),
    _p("net_death", r"\b(?:death|dying|being dead|not existing|not being here|not being alive|"
       r"not waking up|never waking up|ending it|ending things|ending my life|suicide|"
       r"the end|eternal sleep|oblivion|nonexistence|non existence|to not exist|to disappear)"
       r"(?: \w+){0,3}? (?:a |an |the |like a |like an |like the )?(?:\w+ )?(?:relief|peace|"
       r"peaceful|welcome|escape|answer|better|easier|way out|solution|freedom|rest|mercy|"
       r"blessing|gift|comfort|comforting|calm|calming|makes sense|appealing|tempting|"
       r"attractive|inviting|nice|kind|lovely|bliss|release|better option|only option|"
       r"only choice|only thing)\b", reason="describes death as a relief or a way out"),
    _p("net_death", r"\b(?:it would|it will|it might|it could|would it|that would) be (?:so |"
       r"such a |a )?(?:\w+ )?(?:peaceful|relief|easier|better|nice|restful|lovely|bliss|"
       r"blessing|mercy|comfort|calm) (?:to|if i) (?:just )?(?:could )?" + _NOTEXIST
       + r"\b" + _NOT_EVERYDAY),
    _p("net_death", r"\bi (?:might as well|should|ought to|deserve to|would be better|would "
       r"rather|am better|am meant to|was meant to|was supposed to) (?:just )?(?:be )?"
       r"(?:dead|die|gone|not be here|not exist|never have been born)\b"),
    _p("net_death", r"\bi (?:am|will be|would be|should be|might be|feel) (?:\w+ )?(?:dead|"
       r"gone|not here|not around|six feet under|in the ground|in my grave) (?:by|before|soon|"
       r"tomorrow|tonight|next|this time|within|in a (?:week|month|day|few))\b"),
    _p("net_death", r"\bmy (?:own )?(?:funeral|obituary|suicide|grave|last breath|final "
       r"breath|own death)\b", reason="imagines their own death or funeral",
       # an old person's practical funeral planning that says there is no hurry
       requires=r"^(?!(?=.*\b(?:hymns?|readings?|vicar|priest|minister|funeral (?:director|plan)|"
       r"pre ?paid|solicitor|order of service)\b)(?=.*\b(?:no hurry|no rush|when the time comes|"
       r"years yet|long way off|not going anywhere)\b))", near=True),
    _p("net_death", r"\bmy death\b(?! (?:metal|scene|star|certificate of))"),
    _p("net_death", r"\b(?:not|no longer|never) (?:afraid|scared|frightened) (?:of|to) (?:die|"
       r"dying|death|being dead)\b", negatable=False, requires=r"\b(?:anymore|any longer|"
       r"forward|ready|welcome|want|wish|hope|soon|now)\b"),
    _p("net_death", r"\b(?:looking forward to|welcome|welcoming|long for|longing for|yearn for|"
       r"yearning for|embrace|craving|crave|pray for|waiting for|wait for|ready for) (?:my )?"
       r"(?:dying|death|the end|my end|not existing|being dead|eternal sleep|oblivion|"
       r"the day i die|the sweet release)\b"),
    _p("net_death", r"\b(?:looking forward to|ready for) (?:it|the end)\b",
       requires=r"\b(?:die|dying|death|dead)\b"),
    _p("net_death", r"\b(?:off|top|end|delete|erase|unalive|remove|do) myself(?: in)?\b"
       r"(?! (?:from (?:the|this) (?:group|chat|list|team|project|app)|the list))"),
    _p("net_death", r"\btak(?:e|ing) myself out\b(?! (?:for|to|on|shopping|dancing|walking|"
       r"running))"),
    _p("net_death", r"\b(?:the )?(?:world|everyone|everybody|they|people|my family|my kids|"
       r"my friends|my \w+|it all|things|life) (?:would|will|could) (?:\w+ ){0,3}(?:fine|"
       r"better|happier|easier|relieved|lighter|move on|go on|carry on|keep (?:spinning|"
       r"going|turning)|manage|cope|get over it|forget me)\b.{0,30}\b(?:without me|" + _GONE_IF
       + r"|took myself out|was not in it|were not in it)"),
    # "they would be better off without me", "they'd have a better life without a mess like me"
    _p("net_death", r"\b(?:(?:would|will|be|are|is|were) (?:\w+ ){0,2}(?:better|happier|easier|"
       r"fine|lighter|relieved|freer|okay|ok|great|thriving)(?: off)?|(?:would|will|could|might) "
       r"(?:\w+ )?(?:have|get|live|lead) (?:a |such a )?(?:better|happier|easier|calmer|nicer|"
       r"lighter) (?:life|lives|time|future|childhood)) without (?:me|a (?:\w+ ){1,3}like me)\b"
       r"(?! (?:at|for|on|this|tonight|tomorrow|while|in the|when i|today))",
       reason="says others would be better off without them"),
    _p("net_goodbye", r"\b(?:will not|would not|never|no longer) (?:have to |need to |ever )*"
       r"(?:worry|deal|bother|put up|cope) (?:about|with) me (?:ever )?(?:again|anymore|any more"
       r")\b", reason="says others will not have to worry about them again"),
    _p("net_death", r"\b" + _GONE_IF, requires=r"\b(?:nobody|no one|noone|anyone|anybody|"
       r"everyone|everybody|relieved|notice|care|miss|better|easier|happier|lighter|fine|"
       r"world|family|matter|difference|wonder)\b",
       reason="wonders what would happen if they were gone"),
    _p("net_death", r"\b(?:pray|praying|hope|hoping|wish|wishing|beg|begging|asking)\b"
       r"(?: \w+){0,4}? (?:takes?|took|would take|will take|comes? for|came for|claims?|"
       r"would claim|lets? me go|let me die|end(?:s)? me|finish(?:es)? me) ?(?:me)?\b",
       requires=r"\b(?:god|lord|jesus|universe|death|sleep|away|home|heaven|the end)\b"),
    _p("net_death", r"\b(?:hope|hoping|wish|wishing|pray|praying)\b(?: \w+){0,5}? (?:crash(?:es|"
       r"ed)?|goes down|go down|went down|hits? me|runs? me over|falls? on me|crush(?:es)? me|"
       r"kills? me|would kill me|takes me out|ends? me|with me (?:on|in|inside) it|"
       r"does not make it|do not make it|never wake|do not wake|would not wake|will not wake)\b",
       reason="wishes something would end their life"),
    _p("net_death", r"\b(?:would|do|did|will|could) not (?:mind|care|be sad|be upset|object)"
       r"(?: \w+){0,2}? (?:dying|being dead|death|not waking up|never waking up|if i (?:died|"
       r"die|was gone|were gone|did not wake|never woke|disappeared|do not wake|passed)|whether"
       r" i (?:live|die|wake|survive|make it))\b", negatable=False,
       reason="says they would not mind dying"),
    _p("net_death", r"\b(?:not|never) (?:going to |gonna )?(?:make|making|made) it (?:to|past|"
       r"through) (?:my )?(?:\d+|thirty|forty|fifty|twenty\w*|next (?:year|week|month|summer|"
       r"birthday)|the end of (?:the )?(?:year|week|month)|christmas|new year|my (?:\w+ )?"
       r"birthday|another (?:year|week|month|day))\b(?! (?:on time|in time|dinner|party))",
       negatable=False),
    _p("net_death", r"\b(?:do not|can not|never) (?:see|imagine|picture) myself (?:\w+ ){0,2}"
       r"(?:making it|alive|being alive|living|being here|growing old|getting old|in \w+ years)"
       r"\b", negatable=False),
    _p("net_death", r"\b(?:want|wish|need|ready|waiting|pray|hope)(?: for)? (?:\w+ ){0,2}(?:my "
       r"life|life|it all|everything|this life|my existence|the pain|it|this) (?:to be over|to "
       r"end|would end|was over|were over|would stop|to stop|to be done)"
       r"(?= *(?:$|[|.!?,;]|for good|forever|permanently|already|now|once and|and))",
       requires=r"\b(?:life|existence|for good|forever|permanently|all|everything|over)\b"),
    _p("net_death", r"\b(?:want|wanted|wish|need) (?:to get )?out\b(?= *(?:$|[|.!?,;]|of (?:this"
       r" life|life|this world|existence|everything|it all)|for good|forever|now))"),
    _p("net_death", r"\b(?:pretend|pretending) (?:that )?(?:i (?:want|wanted) to (?:live|be "
       r"alive|be here|go on|exist|stay)|to want to (?:live|be alive|be here))\b",
       negatable=False),
    _p("net_death", r"\b(?:suicide|dying|death|ending it|ending my life|killing myself|the pills|"
       r"the bridge|the rope|the tracks|not waking up)\b(?: \w+){0,2}? (?:is|are|has been|"
       r"have been|keeps?|stays?|was) (?:\w+ ){0,2}(?:on my mind|in my head|in my thoughts|"
       r"all i think about|all i can think about|calling me|on repeat)"),
    _p("net_death", r"\b(?:all i (?:can )?think about is|can not stop thinking about|obsessed "
       r"with|fantasi[sz]e about|fantasi[sz]ing about|daydream(?:ing)? about|dream(?:ing)? "
       r"about|keep imagining|imagining|picture|picturing) (?:my )?(?:dying|death|being dead|"
       r"my own death|my funeral|ending it|ending things|killing myself|suicide|not existing|"
       r"not waking up|the pills|jumping|the drop)\b"),
    _p("net_death", r"\bsuicid\w*\b(?! (?:prevention|awareness|hotline|helpline|rates?|"
       r"statistics|squad|mission|bomb\w*|door|doors|run|king|note in the|attempt by))",
       requires=r"^(?!.*\b(?:memoir|book|article|documentary|podcast|film|movie|class|lecture|"
       r"talk|research|essay|study|news|report|series|awareness|prevention|training|"
       r"course|seminar|workshop|statistics|paper|thesis|survivors? group)\b).*" + _SELF,
       reason="mentions suicide in relation to themselves"),
    _p("net_death", r"\bwish i (?:was|were|am|had|could be) (?:not|never|no longer) (?:alive|here|"
       r"around|born|been born|existed|exist|in this world)\b", negatable=False),
    _p("net_death", r"\b(?:think|thinking|thought|thoughts|started to think|dream|dreaming|"
       r"fantasi[sz]e|fantasi[sz]ing|considering|consider|contemplating|wondering) (?:about|of)"
       r" (?:just )?(?:ending (?:it|things|everything|it all|my life|myself)|killing myself|dying|"
       r"not being (?:here|alive|around)|not existing|not waking up|disappearing (?:for good|"
       r"forever|permanently)|taking my (?:own )?life|my death|being dead|death)\b",
       reason="thinks about ending their life"),
    _p("net_goodbye", r"\b(?:tonight|today|tomorrow|this) is the (?:night|day|end)\b",
       requires=r"\b(?:decided|ready|made up my mind|no turning back|final|goodbye|for good|"
       r"it is time|do it|no more)\b"),
    _p("plan", r"\b(?:\d{2,}|dozens?|a handful|handfuls|a bunch|twenty|thirty|forty|fifty|"
       r"hundred|all) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|"
       r"painkillers|sleeping pills|capsules)\b(?! (?:this morning|on time|as prescribed|over "
       r"(?:the course|a week|a month|the week|the month)|"
       r"every (?:day|morning|night)|with (?:food|breakfast|water)|at (?:breakfast|lunch|dinner|"
       r"bedtime))\b)", requires=r"\b(?:take|took|taking|swallow\w*|"
       r"down|downed|ready|saved|enough|tonight|counted|lined|planning|plan|going to|want)\b"),
    # buying pills in several places so nobody asks
    _p("plan", r"\b(?:different|another|several|separate|other|second|more) (?:shops?|"
       r"pharmac\w+|stores?|chemists?|supermarkets?|packets?|packs?|boxes|bottles?)\b",
       requires=r"\b(?:pills|tablets|painkillers|paracetamol|tylenol|ibuprofen|sleeping pills|"
       r"aspirin|codeine)\b.{0,80}\b(?:so (?:they|nobody|no one|the \w+) (?:would not|will not|"
       r"could not|does not|did not) (?:ask|notice|suspect|question|get suspicious)|without "
       r"(?:anyone|them) (?:asking|noticing))", reason="gathers pills where nobody will notice"),
    _p("net_death", r"\bend (?:the|this|my|all (?:the|this|my)) (?:pain|suffering|misery|"
       r"torment)\b", requires=r"\b(?:for good|forever|permanently|tonight|once and for all|"
       r"finally|myself|my own)\b"),
    _p("net_death", r"\b(?:plan|planning|planned|plotting|preparing|prepare) (?:my|an|the) "
       r"(?:exit|escape|way out|departure|death|suicide|ending|final \w+)\b"
       r"(?! (?:from|strategy|interview|interviews|plan|route|row|door))"),
    _p("net_death", r"\b(?:favou?r|relief|gift|kindness|mercy)\b(?: \w+){0,3}? (?:by|if i) "
       r"(?:just )?(?:disappearing|dying|leaving for good|going away for good|being gone|not "
       r"being here|ending it|killing myself|was gone|were gone|disappeared|died)\b"),
    _p("net_death", r"\b(?:disappearing|vanishing|going away|being gone|leaving) (?:permanently|"
       r"forever|for good)\b", requires=_SELF),
    _p("net_death", r"\bif i (?:do not|did not|never|would not|will not) (?:wake up|make it)\b",
       negatable=False, requires=r"^(?!.*\b(?:alarm|late|miss|school|work|class|bus|train|"
       r"flight|meeting|shift|appointment|exam|deadline|in time|on time)\b)",
       reason="mentions not waking up"),
    _p("net_death", r"\b(?:stop|stopped|stopping) being (?:a )?(?:burden|problem|bother)\b",
       negatable=False, requires=r"\b(?:permanently|for good|forever|time|soon|once and for"
       r" all)\b"),
    _p("net_death", r"\b(?:world|everyone|everybody|nobody|no one|they|my family|anyone) "
       r"(?:\w+ ){0,2}(?:does not|do not|will not|would not|never|does|needs?) (?:need|want|"
       r"miss)?s? ?me\b(?= *(?:$|[|.!?,;]| in it| here| around| anymore| alive| at all))",
       negatable=False),
    _p("net_death", r"\b(?:be|is|was) the end of me\b", requires=r"\b(?:maybe|hope|wish|"
       r"go to sleep|sleep|pills|finally|want|tonight|ready)\b"),
    _p("net_hopeless", r"\b(?:can not|do not|can never|could not) (?:see|picture|imagine) "
       r"(?:a|any|my) (?:\w+ )?future\b", negatable=False),
    _p("net_hopeless", r"\bhow (?:much )?(?:longer|long) (?:i can|can i|i will be able to|i am "
       r"able to) (?:keep going|go on|do this|take (?:it|this)|hold on|last|survive|cope|keep "
       r"living|live like this|carry on)\b", negatable=False),
    _p("net_hopeless", r"\b(?:i am|i am so|so) done (?:fighting|trying|suffering|pretending|"
       r"being strong)\b(?! (?:to|for|with|over|about|the|my|a)\b)"),
    _p("preparation", r"\bready to go(?= *(?:$|[|.!?,;]|for good|now))", weak=True),
    _p("net_goodbye", r"\bwho (?:gets|will get|should get|can have|inherits|takes) (?:my|all "
       r"my) (?:\w+ )?(?:things|stuff|belongings|possessions|money|savings|cat|dog|pets?|"
       r"books|clothes|guitar|car)\b"),
    _p("self_harm", r"\b(?:(?:slam\w*|bang\w*|hit|hitting|smash\w*|beat\w*|punch\w*) (?:my )?"
       r"(?:head|fists?|hands?) (?:against|into|on) (?:the |a )?|(?:i )?(?:punch|punched|punching|"
       r"hit|hitting) (?:the |a )?)(?:wall|walls|floor|door|mirror|desk)\b",
       requires=r"\b(?:over and over|again|until|till|on purpose|make it stop|punish|deserve|"
                r"kept|keep|hard|so hard|can not stop|cannot stop|blood|bleeding)\b"),
    _p("self_harm", r"\b(?:deserve|want|need) to (?:bleed|suffer and bleed|be in pain|feel "
       r"pain|be hurt|hurt)\b(?! (?:less|a bit less))"),
    # ---- generic death lemma next to "I" ----------------------------------------------
    _p("net_death", r"\b(?:(?<!if )(?<!when )i (?:\w+ ){0,3}?|(?:(?<=if )|(?<=when ))i "
       r"(?:\w+ ){1,3}?)(?:die|dead|be dead)\b"
       r"(?! (?:tired|serious|set|wrong|right|broke|beat|sure|certain|last|center|centre|"
       r"ahead|asleep|on my feet|meat|weight|end|to the world|inside|of|from|for|laughing|"
       r"with laughter|a little|if|when|lol|lmao|haha))",
       requires=r"^(?!.*\b(?:laugh\w*|lol|lmao|haha\w*|joke|funny|hilarious|embarrass\w*|"
       r"cringe|cute|excited|hungry|starving|thirsty|hot|cold|boring|bored|seen|saw)\b)"),
    _p("net_death", r"\bi (?:am|feel) (?:\w+ )?dead inside\b"),
    # ---- goodbye and finality ---------------------------------------------------------
    _p("net_goodbye", r"\bplease (?:tell|let) (?:my \w+|everyone|them|him|her|the kids|mom|dad|"
       r"mum|\w+)(?: know)? (?:that )?i (?:am (?:so )?sorry|love|loved|tried|did my best|"
       r"was sorry|never meant)\b", reason="leaves messages for loved ones, like a goodbye"),
    _p("net_goodbye", r"\b(?:goodbye|farewell|bye)\b", requires=r"\b(?:love you all|i love you|"
       r"forgive me|i am sorry|sorry for everything|take care of|miss you|remember me|not your "
       r"fault|not anyone s fault|thank you for everything)\b"),
    _p("net_goodbye", r"\b(?:i love you all|love you all)\b", requires=r"\b(?:goodbye|farewell|"
       r"forgive me|i am sorry|sorry for everything|take care of|remember me|not your fault|"
       r"thank you for everything|last|never forget)\b"),
    _p("net_goodbye", r"\b(?:i am )?sorry for everything(?= *(?:$|[|.!?,;]))"),
    _p("net_goodbye", r"\b(?:it is|it was|this is|this was) not (?:your|their|his|her|anyone|"
       r"anybody|anyone s|anybody s) fault\b", negatable=False,
       requires=r"\b(?:goodbye|forgive|sorry|love you|take care|remember me|gone)\b"),
    _p("net_goodbye", r"\b(?:take care of|look after|feed|walk) (?:the|my) (?:dog|cat|kids|"
       r"children|plants?|pets?|family|fish|bird|hamster|rabbit|mom|mum|dad|\w+) for me\b"
       r"(?! (?:this|while|next|until|on|over|during|when|tomorrow|tonight|today|at|please "
       r"while|for (?:a|the|two|\d)))", reason="asks others to take care of things for them"),
    _p("net_goodbye", r"\b(?:this is|these are|here is|these will be|this will be) my (?:very )?"
       r"(?:last|final) (?:\w+ )?(?:entry|message|words|post|letter|note|goodbye|wish|request|"
       r"thoughts|page)\b(?! (?:of|for|in|before|on) (?:the|this|20\d\d|my \w+ (?:trip|holiday)))"),
    _p("net_goodbye", r"\b(?:wrote|write|writing|written|left|leave|leaving|sealed|sealing|"
       r"recorded|recording) (?:\w+ ){0,3}(?:letters?|notes?|videos?|messages?) (?:to|for) "
       r"(?:each of |all of |every one of )?(?:my|everyone|everybody|the people|those)\b",
       requires=r"^(?=.*\b(?:letters|notes|videos|messages|each of|all of|every one of|everyone|"
       r"everybody|goodbye|sorry|last|final|sealed|explain\w*|forgive|in case|when i am gone|"
       r"after i am gone|understand why|why i did)\b)(?!.*\b(?:birthday|christmas|thank|"
       r"thanks|anniversary|holiday|valentine|"
       r"pen ?pals?|card|remind|reminder|shopping|grocery|groceries|fridge|school|teacher|"
       r"cover|application|complaint|landlord|council|editor|work|boss|santa|colleagues?|"
       r"students|pupils|class|team|staff|clients|patients|customers|retir\w*|farewell party|"
       r"leaving do|last day at)\b)",
       reason="mentions letters or notes to loved ones"),
    _p("net_goodbye", r"\b(?:said|say|saying) (?:all )?my (?:last |final )?goodbyes\b",
       requires=r"^(?!.*\b(?:last day|company|at work|colleagues|coworkers|team|class|leaving "
       r"do|party|moving|airport|station|vacation|holiday|trip|flight|wedding)\b)"),
    _p("net_goodbye", r"\b(?:my )?will is (?:done|ready|written|finished|sorted|signed|made)\b",
       requires=r"\b(?:goodbye|goodbyes|ready|letters?|notes?|sorted|everything|last)\b"),
    _p("net_goodbye", r"\b(?:give|giving|given|gave) (?:away )?(?:\w+ ){0,8}(?:because|since|as) i "
       r"(?:will not|do not|would not|am not going to) (?:need|use|be needing|be using|be here"
       r"|be around)\b"),
    _p("net_goodbye", r"\bwhere i am going\b", requires=r"\b(?:need|take|bring|want|use)\b"),
    _p("net_goodbye", r"\b(?:soon|tomorrow|tonight|after tonight|after today|finally|then) i "
       r"(?:will|can|would) (?:finally )?(?:not have to|never have to|never again|not ever|"
       r"be free|be at peace|be at rest|rest)\b(?! (?:from (?:work|school|exams?|this job)|"
       r"after (?:the|my|this) ))"),
    _p("net_goodbye", r"\b(?:will not|never) (?:have to )?(?:feel|hurt|suffer) (?:anything|any"
       r" (?:pain|more)|this (?:pain|way)|pain)?(?: \w+)? (?:ever again|anymore)\b",
       negatable=False, requires=r"\b(?:soon|tomorrow|tonight|finally|forever|for good|after "
       r"(?:tonight|today|this))\b"),
    _p("net_goodbye", r"\b(?:free|freed|released) (?:of|from) (?:all )?(?:this|the|my) (?:pain|"
       r"suffering|misery|hell|life)\b", requires=r"\b(?:forever|for good|soon|tomorrow|"
       r"tonight|at last|will be|going to be|permanently)\b"),
    # ---- hopelessness -----------------------------------------------------------------
    _p("net_hopeless", r"\bno (?:hope|point|reason|purpose|meaning|future|way forward|light)"
       r"\b(?: \w+){0,3}? (?:left|anymore|for me|(?:in|to|of) (?:my )?(?:life|living|going on|"
       r"anything|existing|being alive|continuing|carrying on|me|being me))\b",
       negatable=False),
    _p("net_hopeless", r"\b(?:my )?(?:life|living|existence|existing|being alive)"
       r" (?:is|feels|seems|has become|became) (?:\w+ ){0,2}(?:pointless|meaningless|hopeless|"
       r"worthless|unbearable|a burden|too much|not worth it|a mistake|a waste|over|hell)\b"),
    _p("net_hopeless", r"\beverything (?:is|feels|seems|has become|became) (?:\w+ ){0,2}"
       r"(?:pointless|meaningless|hopeless|worthless)\b"),
    _p("net_hopeless", r"\bdone (?:with )?(?:being alive|living|life|existing|it all|this life|"
       r"this world|being me|being here|everything)\b(?! (?:for (?:today|tonight|the|now|this)|"
       r"on|at|in the|from|and going to))"),
    _p("net_hopeless", r"\b(?:tired|sick|exhausted) of (?:waking up|being me|being here|"
       r"breathing|fighting|trying to stay alive|surviving|everything|existing|this life)\b"
       r"(?! (?:at|in|about|to do with|related to|with|going on at) )"),
    _p("net_hopeless", r"\bwaste of (?:space|oxygen|air|a life|skin)\b", requires=_SELF),
    _p("net_hopeless", r"\b(?:no way|never) (?:i am|i will|am i|will i|i|going to) (?:\w+ )?"
       r"(?:getting|get|make it|making it|come|coming) (?:out of (?:this|here|it) )?alive\b",
       negatable=False),
    _p("net_hopeless", r"\b(?:stopped|stop|do not|no longer) car(?:e|ing) (?:if|whether|about) "
       r"(?:i )?(?:live|die|living|dying|wake|waking|survive|make it)\b", negatable=False),
    _p("net_hopeless", r"\b(?:hate|hating) (?:being alive|existing|waking up|my existence|"
       r"being born|that i exist|that i am alive)\b"),
    _p("net_hopeless", r"\b(?:can not|could not|unable to|can no longer) (?:cope|go on|carry on"
       r"|continue|keep living|keep going|face another day|face tomorrow|survive this|"
       r"bear it|bear this|keep fighting|fight (?:it|this) anymore)\b", negatable=False),
    # "can't breathe" in the same sentence as panic or a racing heart is the body's alarm
    # (the companion starts slow breathing); any other risk wording still counts
    _p("net_hopeless", r"\b(?:can not|could not|unable to|can no longer) breathe\b",
       negatable=False, requires=r"^(?!.*\b(?:panic\w*|heart|chest|hyperventilat\w*|asthma|"
       r"inhaler|anxiety attack)\b)"),
    _p("net_hopeless", r"\b(?:give|giving|gave|given) up\b(?= *(?:$|[|.!?,;]|on (?:everything|"
       r"it all|life|living|myself|me|hope|the fight|trying)|completely|entirely))",
       requires=r"\b(?:i|me|myself)\b"),
    # ---- plans, methods, means --------------------------------------------------------
    _p("plan", r"\b(?:staring|stare|stared|looking|looked|holding|hold|held|counting|count|"
       r"counted|touching|touched|fingering) (?:at )?(?:the |my |a |this |that |all the |all "
       r"my )?(?:bottle of |box of |pack of |packet of |handful of |pile of )?(?:\w+ )?"
       r"(?:pills|tablets|meds|painkillers|razor|razors|razor blades?|blade|blades|rope|noose|"
       r"gun|pistol)\b", reason="is looking at a possible means"),
    _p("plan", r"\b" + _METHOD + r"\b(?: \w+){0,4}? (?:on|in|under|next to|beside) my "
       r"(?:nightstand|bedside|desk|bed|pillow|table|car|bag|pocket|drawer|room|lap|hand)\b",
       requires=r"\b(?:staring|stare|keep|ready|waiting|tonight|thinking|think|all of them|"
       r"enough|every|counted|the bottle|tempted|hidden|hid|looking at)\b"),
    _p("plan", r"\b(?:put|hid|hidden|hide|keep|kept|stashed|stash|tied|tie|tying|hung|hang|"
       r"hanging) (?:a |the |my |some )?(?:rope|noose|belt|cord)\b(?! (?:swing|ladder|bridge|"
       r"lights?|course|for (?:the|a|climbing|the tent)|to tie|around the (?:tent|box|load)))",
       requires=r"\b(?:my car|my room|under my bed|closet|wardrobe|garage|beam|ceiling|tree|"
       r"hook|door|rafter|neck|knot|tonight|ready|hidden|hid|somewhere)\b"),
    _p("plan", r"\b(?<!forgot to )(?<!forget to )(?<!remember to )(?<!remembered to )"
       r"(?<!reminded to )(?<!did not )(?:take|took|taking|swallow|swallowed|swallowing|down|"
       r"downing|downed|eat|"
       r"eating|empty|emptying) (?:every|each|all (?:of )?(?:the|my)?|the whole|everything in "
       r"the|all the) ?(?:single )?(?:pill|tablet|med|capsule|medicine cabinet|medicine|"
       r"bottle)s?\b(?! (?:cabinet )?(?:this morning|today|on time|as prescribed|every (?:day|"
       r"morning|night)|with (?:food|breakfast|water)|at (?:breakfast|lunch|dinner|bedtime)|out|"
       r"back|to (?:the |a "
       r")?(?:pharmacy|chemist|tip|bin|surgery)|for (?:safe )?disposal)\b)"),
    _p("plan", r"\bswallow(?:ed|ing)? (?:everything|all of it|whatever)\b"),
    _p("plan", r"\b(?:use|using|turn|turning|point|pointing|used) (?:it|them|the \w+|a \w+|"
       r"that|this|my \w+) (?:on|against|at) myself\b"),
    _p("plan", r"\b(?:step|stepping|stepped|walk|walking|fall|falling|leap|leaping|lean|"
       r"leaning|throw myself|let myself fall|let go) (?:off|over|from) (?:of )?(?:the |a |this"
       r" |that |my )?(?:\w+ )?(?:ledge|roof|rooftop|edge|bridge|balcony|cliff|building|window|"
       r"overpass|railing|top floor|parking garage)\b", reason="mentions stepping off a height"),
    _p("plan", r"\b(?:step|stepping|stepped|walk|walking|throw|throwing|threw|lie|lying|lay) "
       r"(?:myself )?(?:in front of|under|onto|into) (?:the |a |an )?(?:oncoming |next |"
       r"moving )?(?:train|bus|truck|lorry|car|traffic|tracks|subway)\b"),
    _p("plan", r"\bcrash(?:ing)? (?:my|the) car\b", requires=r"\b(?:on purpose|deliberately|"
       r"intentionally|be over|end it|die|dead|want|wish|thinking|tempted|maybe if|could)\b"),
    _p("plan", r"\b(?:thinking|think|thought|keep thinking|fantasi[sz]ing) about (?:the )?"
       r"(?:tracks|ledge|jumping|the drop|the fall|pills|my pills|the pills|rope|the rope|gun|"
       r"noose|overdosing|razor|blade|hanging myself|drowning myself)\b"),
    _p("plan", r"\b(?:how (?:many|much) (?:\w+ ){0,3}(?:it would take|would it take|would kill|"
       r"is lethal|is fatal|to die|it takes to)|lethal dose|fatal dose|lethal amount|"
       r"painless (?:ways?|death|method|exit|way out|way to go))\b", reason="looks into a method"),
    _p("plan", r"\b(?:googl\w*|search\w*|research\w*|look(?:ed|ing)? up|read(?:ing)? about|"
       r"looking into) (?:\w+ ){0,3}(?:ways to (?:die|go|end it|kill myself|do it)|how to (?:die"
       r"|end it|kill myself|overdose|hang)|suicide methods?|methods of suicide|overdos\w*)\b",
       reason="looks into a method"),
    _p("plan", r"\b(?:stood|standing|stand|sat|sitting|sit|went|go|going|drove|climbed|"
       r"climbing) (?:\w+ ){0,2}(?:on|to|at|onto|up to) the (?:edge|ledge|railing|tracks|"
       r"platform edge|roof|rooftop)\b(?! (?:of (?:the )?(?:bed|sofa|couch|seat|pool)))",
       requires=r"\b(?:for (?:an|a|hours|ages|a long)|last night|tonight|again|jump|thinking|"
       r"alone|looking down|wanted)\b"),
    # ---- self-harm --------------------------------------------------------------------
    _p("self_harm", r"\b" + _HARM_VERB + r" (?:\w+ )?my (?:own )?" + _BODY + r"\b",
       requires=r"\b(?:razor|blade|lighter|knife|scissors|compass|glass|cigarette|needle|pin|"
       r"until|till|to feel|punish|deserve|on purpose|again|relief|numb|so i could|so i can|"
       r"marks|scars?|bled|bleed|blood)\b"),
    _p("self_harm", r"\b(?:until|till|til) (?:it|they|i|my \w+) (?:bled|bleeds|bleed|bruised|"
       r"bruise|split|broke|scarred)\b"),
    _p("self_harm", r"\bto feel (?:something|anything|real|alive|in control|the pain|better|"
       r"numb)\b", requires=r"\b(?:cut|cutting|burn\w*|hit|hitting|punch\w*|scratch\w*|hurt|"
       r"harm|bleed|bled|blade|razor|lighter)\b"),
    _p("self_harm", r"\b(?:want|wanted|need|needing|urge|urges|going|about|tempted|craving|"
       r"crave|itching|aching|want so bad) (?:to )?(?:cut|self harm|burn)\b"
       r"(?= *(?:$|[|.!?,;]|so (?:bad|much|badly)|tonight|again|now|today|right now|"
       r"myself|deeper|and|but))"),
    _p("self_harm", r"\bmake myself (?:bleed|bruise|throw up|purge|vomit|hurt|suffer)\b"),
    _p("self_harm", r"\b(?:relapsed|relapse|slipped up)\b", requires=r"\b(?:cut\w*|self harm|"
       r"burn\w*|blade|razor)\b"),
)

# Hyperbole and everyday spans that the broader patterns above would otherwise hit.
NET_IDIOMS = (
    # fear or exertion, a prank, a clinical shift: "thought i was going to die at kilometre
    # eight", "faking my own death", "saw my first overdose come in"
    r"\b(?:thought|felt like|was sure|was convinced|swore) (?:that )?i (?:was|am) (?:going to|"
    r"gonna|about to) die\b|\bfak(?:e|ed|ing) my (?:own )?death\b|"
    r"\b(?:saw|seen|see|treated|treating|admitted|triaged|charted|nursed) (?:my first |an |a |"
    r"another |the |two |three |\w+ )?overdoses?\b|\boverdoses? (?:come|came|coming|comes) in\b|"
    r"\boverdose (?:patient|case|call|victim)s?\b|"
    r"\b(?:nearly|almost|could have|could of|practically|basically|about to) (?:died|die|killed)\b|"
    r"\b(?:i|we) (?:could|would|will|shall) (?:just )?die\b(?= *(?:$|[|.!?,;]|if|when|of|"
    r"from|for|laughing|happy|,))|"
    r"\bdied (?:laughing|a little|inside|of|from|when|and went to heaven)\b|"
    r"\b(?:dead|die|dying|death|kill\w*) (?:to the world|on arrival|in the water)\b|"
    r"\bdead (?:tired|serious|set|wrong|right|broke|beat|sure|certain|last|center|centre|"
    r"ahead|asleep|on my feet|meat|weight|end|gorgeous|quiet|silent|easy|simple|slow|"
    r"bored|calm|cute|funny|good|heat|loss|zone|battery|phone|air|skin|leaves|ringer|giveaway"
    r"|lift|lifts|bug|bugs|pixel|pixels|link|links|code|stock|line|letter|heat|of night|"
    r"of winter|space|curious|jealous|chuffed|keen|excited|proud|nervous|lucky|impressed|"
    r"happy|stoked|sweet|nice|cool|hungry|full|late|on time)\b|"
    # "if mum finds out she will kill me"
    r"\b(?:she|he|they|mum|mom|dad|my (?:mum|mom|dad|parents|wife|husband|partner|boss|coach|"
    r"teacher|sister|brother|girlfriend|boyfriend)) (?:will|would|is going to|is gonna|are going "
    r"to|are gonna) (?:literally |actually |absolutely )?(?:kill|murder) me\b|"
    r"\b(?:drop|knock \w+|knocked \w+) dead\b|\bover my dead body\b|\bplay(?:ing|ed)? dead\b|"
    r"\b(?:bored|scared|worried|worked|sick|tickled|frozen|freezing|loved?|beaten|done|talked|"
    r"stabbed|squeezed|starved|fright\w*|frightened|annoyed) (?:me |myself )?(?:half )?to death\b|"
    r"\bdeath (?:metal|scene|star|stare|grip|trap|wish list|row|penalty|toll|rate|rates|"
    r"certificate|of a salesman|valley|note anime|march)\b|"
    r"\b(?:the|be the) death of me\b|\bfor dear life\b|\bdie hard\b|\bdiehard\b|"
    r"\bkill(?:s|ed|ing)? (?:time|it|some time|the|a|an|two|my buzz|the mood|the vibe)\b|"
    r"\b(?:dying|die|died) (?:to|of|for|from|with) (?:\w+ )?(?:see|know|try|go|read|meet|hear|"
    r"watch|get|eat|laughter|laughing|embarrassment|shame|boredom|cringe|cuteness|"
    r"happiness|excitement|curiosity|hunger|thirst|heat|the cold|old age|natural causes|"
    r"cancer|covid|a heart attack|a stroke)\b|"
    r"(?<!wish )(?<!if )(?<!that )(?<!hope )(?<!off )"
    r"\b(?:i am|i feel|i was|we are|we were) (?:so |totally |completely |basically )?dead\b"
    r"(?= *(?:$|[|.!?,;]|lol|lmao|haha|omg|that|this|after|from|with))|"
    r"\b(?:phone|battery|laptop|computer|car|plant|plants|engine|tablet|earbuds|headphones|"
    r"charger|torch|flashlight|fish|goldfish|hamster|remote|mouse|keyboard|printer|tv|wifi|"
    r"router|server|game|console|conversation|party|town|project|idea|deal|band|"
    r"relationship|battery is|garden|lawn|grass|flowers|batteries|camera|speaker|watch) "
    r"(?:is |was |has |had |just |finally |completely |totally |basically |went |is almost "
    r"|is nearly |is slowly |keeps )*(?:dead|died|dying|die)\b|"
    r"\b(?:dying|dead) (?:battery|phone|laptop|plant|plants|star|language|art|skill|trend|"
    r"breed|meme)\b|"
    r"\bgoodbye (?:20\d\d|summer|winter|spring|autumn|fall|old|my old|to (?:the|my) old)\b|"
    r"\b(?:last|final) (?:entry|post|page) (?:of|for|in) (?:the|this|20\d\d)\b|"
    r"\bgiv(?:e|ing|en|ve) up (?:on )?(?:sugar|coffee|caffeine|meat|alcohol|drinking|"
    r"smoking|chocolate|carbs|social media|twitter|the diet|this diet|the gym|my seat)\b"
)
