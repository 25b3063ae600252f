"""English crisis phrasings that name no risk word outright (data only): scouting a place or
researching its height, stockpiling medicines, charcoal and tape, waiting by the tracks, voices
that command, not trusting oneself alone, doubting one will be alive at a date, goodbyes that
hand over pets and say it is nobody's fault, envy of the dead and calm acceptance of suicide.

Same categories and context checks as :mod:`mindspace.ml.crisis_patterns`; the text is
normalised by ``crisis_text.normalise`` (lower case, contractions expanded, "any more" ->
"anymore", filler adverbs such as "just" and "really" removed).
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import MEDICINES, Pattern, _p

_PLACE = (r"(?:bridges?|roofs?|rooftops?|car parks?|parking (?:garage|structure|lot)s?|"
          r"multi storey|ledges?|balcon(?:y|ies)|cliffs?|overpass(?:es)?|towers?|buildings?|"
          r"windows?|tracks|railway|platforms?|motorway|highway|dam|quarry|pier|jetty|viaduct|"
          r"flyover|top floor|stairwell)")
_MEDS = MEDICINES
_DEATH = (r"\b(?:did not (?:come|make it) (?:home|back)|never came (?:home|back)|killed in "
          r"action|kia|die|dies|died|dead|death|dying|passed away|passed on|passed|at peace|"
          r"funeral|memorial|obituar\w*|grave\w*|cemetery|coffin|casket|buried|burial|departed|"
          r"in (?:his|her|their) sleep|rest in peace|rip|wake|gone now|late)\b")
_OUT = (r"\b(?:got out|gets out|is out|well out of (?:it|it all)|out of it all|(?:does|do|did) "
        r"not have to (?:\w+ ){0,5}?anymore|no longer (?:has|have) to|never has to|is free|are "
        r"free|at peace|at rest|resting|done with (?:it|everything|all this|this))\b")
_FAREWELL = (r"\b(?:thank you for everything|thanks for everything|thanks for all|goodbye|"
             r"bye|farewell|take care of yourselves|love you (?:all|guys)|sorry for everything|"
             r"forgive me|when i am gone|after i am gone|not your fault|nobody fault|no one "
             r"fault|noone fault|not anyone fault)\b")
# the sentence is about a quiz, a job, a trip or a sport, not the writer's own drop
_NOT_LEISURE = (r"^(?!.*\b(?:quiz|trivia|homework|project|assignment|lorr(?:y|ies)|trucks?|"
                r"architects?|engineers?|surveyors?|council|inspectors?|tourists?|visit\w*|"
                r"holiday|trip|photos?|view|sunset|climb\w*|hik(?:e|es|ing)|skydiv\w*|"
                r"bungee|abseil\w*|paraglid\w*|fireworks|kite|drone)\b)")
_SUICIDE = (r"(?:ending my life|ending it|ending it all|killing myself|suicide|taking my (?:own )?"
            r"life|dying by my own hand|my own death|doing it myself|ending things|not waking up)")
_FEAR = (r"(?:scar\w*|frighten\w*|bother\w*|upset\w*|panic\w*|terrif\w*|worr\w*|afraid|scared)")

EN_HIDDEN: tuple[Pattern, ...] = (
    # scouting a place or researching how high it is
    _p("plan", r"\b(?:looking up|look up|looked up|researching|researched|googling|googled|"
       r"searching|searched|checking|checked|reading up on|scouting|scouted|measuring|measured|"
       r"working out|worked out|figuring out|figured out|narrowed (?:it )?down|estimating|"
       r"estimated|calculating|calculated|gauging|gauged|judging)\b[^|.!?]{0,60}"
       r"\b(?:high|tall|highest|tallest|deep|deepest|enough|drop|fall|lethal|fatal)\b",
       requires=_NOT_LEISURE + r"(?=.*(?:" + _PLACE + r"|\b" + _MEDS + r"\b|\b(?:doses?|"
       r"overdoses?)\b))"),
    _p("plan", r"\b(?:high|tall|deep) enough\b",
       requires=_NOT_LEISURE + r"(?=.*\b(?:i|me|my)\b[^|.!?]*\b" + _PLACE + ")"),
    # looking down from a height and thinking how easy it would be
    _p("plan", r"\b(?:look|looks|looked|looking|stare|stared|staring|lean|leaned|leaning|peer"
       r"\w*|stand|stood|standing) (?:down |over |out )?(?:from|off|over|out of|down|on|at) "
       r"(?:the |my |a |our |that )?(?:\w+ )?" + _PLACE + r"\b",
       requires=r"\b(?:how easy|easy it would be|one step|jump|let go|just go|tempt\w*|pull\w*|"
       r"urge|calling me|the drop|to fall|go over|over the edge|end it)\b"),
    _p("indirect", r"\bhow easy it would be to (?:\w+ )?(?:jump|step|drive|swerve|let go|fall|"
       r"go over|end it|end everything|take them all|swallow|not wake up|stop breathing|walk "
       r"into|disappear|never come back|crash)\b"),
    # waiting by the tracks
    _p("plan", r"\b(?:stand|standing|stood|sit|sitting|sat|wait|waiting|waited|walk|walking|"
       r"walked|go|going|went) (?:\w+ ){0,3}?(?:near|by|at|on|next to|to|along) (?:the |a )?"
       r"(?:\w+ )?(?:railway|train|rail|subway|metro|tube) (?:tracks?|lines?|crossings?)\b",
       requires=r"\b(?:if (?:the |a )?train|jump|step (?:in|out|onto|off|forward)|just go|end "
       r"it|how easy|thinking (?:about|of|how)|think about|let it|will go|would go|i will just)\b"),
    _p("plan", r"\bif (?:the |a )?(?:next )?train comes?\b[^|.!?]{0,30}\b(?:i will|i would|i "
       r"am going to|i could)\b"),
    # stockpiling
    _p("plan", r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|"
       r"stashing|stashed|putting aside|put aside|squirreling|squirrelled|building up|built up|"
       r"gathering|gathered|taking (?:a few|some) \w+ home|counted|counting)\b"
       r"[^|.!?]{0,40}\b" + _MEDS + r"\b",
       requires=r"\b(?:\d{2,}|enough|in case|all of them|a lot|dozens|hundreds|worth|stash|"
       r"stockpile|decide|for when|for the day|ready|the day|hidden|hide|under (?:my|the) bed|"
       r"drawer|box|since|weeks|months|just for me)\b"),
    _p("plan", r"\b(?:got|have|there are|i have got) (?:about |around |nearly |over |almost )?"
       r"(?:\d{2,}|enough|a stash of|a box of|a drawer of|a drawer full of) (?:\w+ )?" + _MEDS
       + r"\b", requires=r"\b(?:in case|decide|for when|the day|ready|done|enough to|end|"
       r"when the time|hidden|hide|nobody knows|no one knows)\b"),
    _p("plan", r"\bin case i (?:\w+ ){0,2}?(?:decide|need|want|choose) (?:to )?(?:i am done|that i "
       r"am done|to be done|end it|end things|go through with it|use them|do it|check out|go|"
       r"take them)\b"),
    # charcoal and tape, pesticide as a drink
    _p("plan", r"\bcharcoal\b", requires=r"\b(?:tape|seal|sealed|sealing|duct|closed room|"
       r"bedroom|in the car|bathroom|use them|using them|lock myself|under (?:my|the) bed)\b"),
    _p("plan", r"\b(?:i will|i am going to|i would|i shall|i could) (?:\w+ ){0,2}?(?:drink|"
       r"swallow|take|down|inject|eat) (?:\w+ ){0,3}?(?:pesticide|weedkiller|weed killer|rat "
       r"poison|poison|bleach|antifreeze|paraquat|insecticide|fertili[sz]er|cyanide|pesticides)\b"),
    # a finished note, a chosen date, staring at the means, the urge to end it
    _p("plan", r"\b(?:wrote|written|finished|left|have) my (?:suicide |goodbye |last |final )?"
       r"note(?= *(?:$|[|.!?,;]|and\b|it is\b|for (?:them|my (?:family|kids|mum|mom|dad|wife|"
       r"husband|partner))\b))"),
    _p("plan", r"\b(?:picked|chosen|chose|set|decided on|settled on) (?:a|the|my) (?:date|day)\b",
       requires=r"\b(?:part of me|already|secretly|nobody knows|no one knows|scared|ready|"
       r"the end|for it)\b(?![^|.!?]*\b(?:wedding|party|holiday|move|surgery|appointment|"
       r"trip|exam|launch|interview)\b)"),
    _p("indirect", r"\b(?:stare|stares|staring|stared|gaze|gazing|gazed) at (?:the|my|those|"
       r"all the|that) (?:\w+ )?(?:knives|knife|pills|tablets|blades?|razors?|rope|gun|meds|"
       r"medicine cabinet|pill bottles?|bottle of pills)\b"),
    _p("ideation", r"\b(?:urge|urges|need|pull|temptation|itch) to end (?:it|it all|things|my "
       r"life|everything)\b"),
    _p("plan", r"\b(?:plan|planning|plans|decided|ready|going) to end (?:things|it all|"
       r"everything|my life)\b[^|.!?]{0,30}\b(?:tonight|tomorrow|this weekend|weekend|"
       r"on \w+day|next week|soon|friday|saturday|sunday|monday)\b"),
    _p("plan", r"\b(?:want|need|like) to know\b[^|.!?]{0,20}\bbefore i (?:try|do it|go through "
       r"with it|attempt)\b"),
    # a rope kept and looked at, a spot picked, a gun "eaten", a truck that would "clean me up"
    _p("plan", r"\b(?:the|my|a) rope\b(?! (?:swing|bridge|course|ladder|burn|access|team|"
       r"climb\w*))", requires=r"\b(?:wardrobe|garage|closet|drawer|under (?:my|the) bed|in my "
       r"(?:bag|car|room)|shed|loft|attic|looking at|look at|taking it out|took it out|ready|"
       r"tied|from last time|still|matters|hidden|hide|the beam|the banister|the tree)\b"
       r"(?![^|.!?]*\b(?:skipping|jump rope|climbing|tow|washing line|boat|tug of war|gym)\b)",
       other_ok=True),
    _p("plan", r"\b(?:picked|chosen|chose|worked out|decided|found|scouted) (?:out )?which "
       r"(?:\w+ )?(?:scaffold\w*|bridge|building|roof|tree|beam|cliff|tower|car park|ledge|train|"
       r"spot|overpass|pier)\b"),
    _p("plan", r"\b(?:eat|eating|ate) (?:my|his|her|the|a) (?:gun|rifle|shotgun|pistol|revolver|"
       r"glock)\b"),
    _p("ideation", r"\b(?:take|taking|took|end|ending) (?:mi|me) own life\b"),
    _p("passive", r"\b(?:truck|bus|car|train|lorry|semi|ute|tram)\b[^|.!?]{0,25}\b(?:cleaning|"
       r"cleaned|clean|take|taking|took|wipe|wiping|wiped|knock|knocking|knocked|flatten\w*|"
       r"squash\w*) me (?:up|out|off|over)\b"),
    # burden: "they'd all be better off", the life insurance
    _p("indirect", r"\b(?:they|everyone|everybody|you all|the kids|my (?:family|kids|wife|"
       r"husband|partner|children)) (?:would|will|would all|will all|would be all) be (?:all )?"
       r"(?:better off|happier|fine)(?= *(?:$|[|.!?,;]|if i|without|with the (?:insurance|"
       r"money|payout)))"),
    _p("indirect", r"\blife insurance\b", requires=r"\b(?:better (?:off )?with|than (?:with )?me|"
       r"worth more|pay out|payout|pays out|without me|instead of me|when i am gone|if i die|if i "
       r"was gone|look after them)\b", other_ok=True),
    _p("indirect", r"\bif i (?:just )?(?:did not|never|do not) (?:come|came|make it|get) home\b"),
    # voices that command
    _p("ideation", r"\b(?:voice|voices)\b[^|.!?]{0,40}\b(?:tell\w*|say\w*|said|want\w*|urg\w*|"
       r"command\w*|keep\w*)\b[^|.!?]{0,20}\b(?:me to|i should|i must|i need to|i have to|to) "
       r"(?:go )?(?:jump|die|kill myself|end it|hurt myself|cut|do it|step|walk into|drown|"
       r"hang)\b"),
    # not trusting oneself
    _p("indirect", r"\b(?:do not|can not|no longer|could not) trust myself\b",
       requires=r"\b(?:alone|on my own|by myself|tonight|around (?:the |my |those )?(?:pills|"
       r"knife|knives|meds|tablets|car|bridge|edge|razors?|blades?)|with (?:the |my |those )?"
       r"(?:pills|knife|knives|meds|tablets|razors?|blades?|car)|be safe|stay safe|not to (?:do|"
       r"hurt|use|take|cut|jump)|anymore|right now|what i (?:might|will|would) do)\b",
       negatable=False),
    # doubting one will be alive at a date
    _p("indirect", r"\b(?:do not think|doubt|not sure|can not see myself|can not imagine) "
       r"(?:that )?i will (?:still )?(?:be alive|be here|be around|make it|live|see)\b"
       r"(?=[^|.!?]{0,25}\b(?:in|by|for|past|until|till|to see|next|this|when|christmas|"
       r"birthday|summer|winter|spring|june|july|may|year|the wedding)\b)", negatable=False),
    _p("indirect", r"\bi will not (?:still )?be (?:alive|here|around) (?:in|by|for|at|to see|"
       r"next|when|until|till|on)\b", negatable=False),
    # goodbyes
    _p("indirect", r"\b(?:this is|this will be|it is|that was) (?:the |my )?last time "
       r"(?:i will|ill|i am going to|i am|you will|anyone will|i) (?:\w+ ){0,2}?"
       r"(?:use|using|write|writing|talk|talking|see|hear|be|log|post|message|open|opening)\b",
       requires=_FAREWELL,
       negatable=False),
    _p("indirect", r"\b(?:it is|this is|it was) (?:not (?:your|anyone|anybody|their|his|her|"
       r"you guys) fault|nobody fault|no one fault|noone fault)\b",
       requires=r"\b(?:thank you for everything|thanks for everything|thanks for all|look after|"
       r"take care of|goodbye|bye|love you (?:all|guys)|sorry for everything|tell (?:my|mum|"
       r"mom|dad))\b", negatable=False),
    _p("indirect", r"\b(?:look after|take care of|feed|walk|cuide\w*|cuidem) (?:my|mi|minha|"
       r"meu) (?:\w+ )?(?:cat|dog|kids|children|mum|mom|mam|dad|plants|fish|bird|rabbit|hamster|"
       r"girlfriend|boyfriend|wife|husband|parrot|budgie|pets?)\b"
       r"(?! while| when| for| this| next| tomorrow| tonight| until| till| at| on)",
       requires=_FAREWELL),
    _p("indirect", r"\b(?:gave|given|giving|rehomed|re homed|handed|dropped off|dropped)\b"
       r"[^|.!?]{0,80}\b(?:paid (?:back|off)|cancelled|canceled|wrote (?:letters|a letter|notes|"
       r"a note)|sorted (?:out )?(?:everything|my affairs|the will)|made a will|updated my will|"
       r"tidying up|in order|for good)\b"),
    _p("indirect", r"\b(?:paid (?:back|off)|cancelled|canceled|quit|wrote (?:letters|a letter))"
       r"\b[^|.!?]{0,80}\b(?:gave|given|giving|rehomed|handed|dropped off|dropped) (?:away |"
       r"off )?(?:my|the|all my)\b", requires=r"\b(?:pets?|dog|cat|guitar|books|clothes|"
       r"things|stuff|belongings|possessions|everything|tidying|in order|for good|peaceful|"
       r"ready|sorted)\b"),
    _p("indirect", r"\b(?:tidying up|tidy up|sorting everything|putting (?:my )?(?:affairs|"
       r"things|everything) in order) (?:before|ready for) (?:i go|i leave|leaving|going)\b"),
    # envy of the dead
    _p("passive", r"\b(?:envy|envies|envied|envying|jealous|jealousy|envious)\b"
       r"(?! of (?:their|his|her) (?:life|job|house|holiday|family|kids|car|garden|figure))",
       requires=_DEATH + "|" + _OUT, current=True, other_ok=True, near=True),
    _p("passive", r"\b(?:he|she|they|him|her) (?:is|are|was|were) (?:so |the )?lucky\b|"
       r"\blucky (?:man|woman|devil|devils|sod|sods|thing|things|girl|boy|one|ones|buggers?|"
       r"bastards?|beggars?)\b|\bwant what they (?:have got|have|got)\b",
       requires=_DEATH + "|" + _OUT, current=True, other_ok=True, near=True),
    # calm acceptance of suicide
    _p("ideation", r"\b(?:the )?(?:thought|thoughts|idea|wish|urge) (?:of|about|to) " + _SUICIDE
       + r"\b[^|.!?]{0,20}\b(?:is not|are not|no longer|does not|do not|has stopped|have "
       r"stopped|stopped|not) (?:\w+ ){0,2}?" + _FEAR + r"\b", negatable=False, current=True),
    _p("ideation", r"\b(?:i am not|i am no longer|not) (?:\w+ )?(?:scared|afraid|frightened) "
       r"(?:of|by) (?:the (?:thought|idea) of )?" + _SUICIDE + r"\b",
       requires=r"\b(?:anymore|now|no longer|these days|lately)\b", negatable=False,
       current=True),
    _p("ideation", r"\bused to (?:panic|freak out|be scared|be afraid|be frightened|be terrified|"
       r"cry) (?:when i thought about|of|by) (?:the |this |my )?(?:thought of |idea of |wish to "
       r"die|urge to die)?(?:" + _SUICIDE + r"|wish to die|urge to die)?",
       requires=r"\b(?:by my own hand|suicide|killing myself|ending my life|wish to die|urge "
       r"to die|ending it)\b", negatable=False, current=True),
    # the dose already looked up; everything in the medicine cabinet as an option
    _p("plan", r"\b(?:looked up|worked out|checked|googled|found out|researched|calculated|"
       r"counted) (?:exactly )?how many (?:of )?(?:my |the |these |those )?(?:\w+ ){0,2}?"
       r"(?:" + _MEDS[3:-1] + r"|patches|packets|boxes)\b[^|.!?]{0,20}\b(?:would|will|it would|"
       r"it will|i would|i need|i will need|it takes)\b"),
    _p("plan", r"\b(?:take|taking|took|taken|swallow|swallowing|swallowed|down|downed|neck|necked|"
       r"necking) (?:everything|all|the lot|"
       r"whatever is) (?:in|from) (?:my |the |his |her |our |mum s |dad s |dads |mums |nan s )?"
       r"(?:\w+ )?(?:medicine|bathroom|pill) (?:cabinet|cupboard|drawer|box)\b(?! (?:to|out|and "
       r"(?:throw|bin|dispose|return)))"),
    # the policy read for what it pays after a suicide
    _p("plan", r"\bmy (?:life )?(?:insurance|policy)\b[^|.!?]{0,80}\b(?:suicide|take (?:my|their|"
       r"your) own life|kill (?:myself|yourself|themselves))\b", other_ok=True),
    # pill bottles lined up, tablets kept back in a tin
    _p("plan", r"\b(?:lining|lined|line) (?:up )?(?:the |my |all (?:the |my )?)?(?:\w+ )?"
       r"(?:pill bottles|bottles of (?:pills|tablets)|boxes of (?:pills|tablets)|" + _MEDS[3:-1]
       + r")\b(?! (?:up )?(?:for the week|in (?:the|a|my) (?:organi[sz]er|dosette|pill ?box)))"),
    _p("plan", r"\b(?:pill bottles|bottles of (?:pills|tablets)|boxes of (?:pills|tablets)|"
       + _MEDS[3:-1] + r") (?:that )?i (?:have been|have|had|am|keep|kept|have got) (?:lining|"
       r"lined|line) (?:them )?up\b(?! (?:for the week|in (?:the|a|my) (?:organi[sz]er|dosette|"
       r"pill ?box)))"),
    _p("plan", r"\b(?:putting|put|keeping|kept|hiding|hid|stashing) (?:them|it|those|these) (?:in|"
       r"into|under|inside|at the back of) (?:a|the|my|an) (?:\w+ ){0,2}?(?:tin|box|jar|drawer|"
       r"cabinet|bag|sock|envelope|bottle|tub|pot)\b",
       requires=r"(?=.*\b(?:" + _MEDS[3:-1] + r"|swallow\w*)\b)(?=.*\b(?:\d{2,}|twenty|thirty|"
       r"forty|fifty|sixty|hundred|instead|in case|for if|for when|stop swallowing|"
       r"not (?:taking|swallowing)))",
       near=True),
    _p("plan", r"\b(?:got|have|put|laid|lined|set|tipped|emptied) (?:\w+ ){0,2}?(?:the|a|my) "
       r"whole (?:box|packet|pack|bottle|strip|tub|blister) of (?:\w+ ){0,3}?(?:" + _MEDS[3:-1]
       + r"|sleepers)\b", requires=r"\b(?:out|on the (?:table|bed|side|counter)|in front of me|"
       r"lined up|ready)\b", near=True),
    _p("plan", r"\b(?:the|a|my) whole (?:box|packet|pack|bottle|strip|tub|blister) of "
       r"(?:\w+ ){0,3}?(?:" + _MEDS[3:-1] + r"|sleepers) (?:is|are) (?:out|laid out|lined up|"
       r"ready|in front of me|on the (?:table|bed|side|counter))\b"),
    # a plan with a day when the others are away
    _p("indirect", r"\bi (?:have|have got|got|made) (?:a |my |the )?plan(?= *(?:$|[|.!?;]))",
       requires=r"(?=.*\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|"
       r"tomorrow|weekend)\b[^|.!?]{0,40}\b(?:when|while|once|after) (?:\w+ ){0,3}?(?:go|goes|"
       r"gone|are away|is away|leave|leaves|left|asleep|out)\b)(?:(?=.*(?:\b(?:talk|speak|say "
       r"goodbye) to (?:somebody|someone|anyone|a person)\b|\b(?:goodbye|nobody|no one|alone)\b|"
       r"\bbefore(?= *(?:$|[|.!?]))))|(?!.*\b(?:i will|i am going to|i can|we will|we are going|"
       r"going to)\b))", near=True),
    # voices that name the night; a head that says jump
    _p("ideation", r"\b(?:voice|voices)\b[^|.!?]{0,40}\b(?:tell\w*|say\w*|said)\b[^|.!?]{0,10}"
       r"\b(?:tonight is the night|tonights the night|it is time|now is the time|today is the "
       r"day)\b"),
    _p("ideation", r"\b(?:my head|my brain|my mind|something in me|a voice|the voices?) (?:keeps? |"
       r"is |are )?(?:says?|saying|telling me|tells me|screaming|shouting|whispering) (?:to )?"
       r"jump\b"),
    # on a roof, a ledge or at the top of a quarry road, alone
    _p("plan", r"\bi am (?:sat |stood |sitting |standing |up )?(?:on|at) (?:the )?(?:roof|rooftop|"
       r"top floor|ledge|edge)\b",
       requires=r"\bjump\w*\b|\b(?:everybody|everyone) (?:is |has )?gone\b|\bnobody (?:is )?"
       r"(?:here|around)\b|\balone up here\b|\bgoodbye\b|\b(?:tell|say it to|talk to) "
       r"(?:someone|somebody|anyone) (?:before|first)\b", near=True),
    _p("indirect", r"\b(?:in|sat in|sitting in) (?:the|my) (?:car|van|truck) (?:at|on|by|near) "
       r"(?:the )?(?:top of the )?(?:\w+ )?(?:quarry|cliffs?|bridge|reservoir|dam|viaduct|multi "
       r"storey|clifftop|cliff top)\b",
       requires=r"\bbeen (?:here|sat here|sitting here|parked here|parked up) (?:for )?(?:\w+ )?"
       r"(?:hours?|ages|a while|all (?:night|day))\b|\bjust wanted to (?:tell|say|talk)\b|"
       r"\bgoodbye\b|\b(?:do not|dunno|not sure) (?:know )?why\b", near=True),
    _p("plan", r"\b(?:closed|shut|locked) garage\b|\bgarage (?:door )?(?:is |are )?(?:closed|shut|"
       r"locked)\b|\bin the garage\b", requires=r"\b(?:engine|motor) (?:is |still )?(?:running|"
       r"on)\b", near=True),
    # at the edge of a platform, seconds off it; leaning out of a high window
    _p("plan", r"\b(?:stood|standing|stand|was|sat|sitting) (?:right )?(?:at|on|by|near) (?:the )?"
       r"(?:very )?edge of (?:the |a )?(?:platform|roof|cliff|bridge|balcony|tracks|ledge)\b",
       requires=r"\b(?:seconds? (?:off|from|away)|an inch|inches|about to|off it|over it|jump\w*|"
       r"step(?:ped|ping)? (?:off|in|out|forward)|lean\w*)\b", near=True),
    _p("plan", r"\bhow easy (?:it (?:would be|is) )?(?:just )?to (?:\w+ )?(?:lean|jump|let go|"
       r"fall|go over|tip)\b", requires=r"\b(?:floor|window|balcony|roof|edge|bridge|ledge|cliff|"
       r"storey|story)\b", near=True),
    # a voice that says do it, and the writer starting to listen
    _p("ideation", r"\b(?:voice|voices)\b[^|.!?]{0,40}\b(?:tell\w*|say\w*|said)\b (?:to )?"
       r"(?:do it|end it|go now|finish it)\b", requires=r"\b(?:listen\w*|agree\w*|give in|"
       r"tonight|after|soon|ready|starting to)\b", near=True),
    # weeks of tablets saved up, counted; set aside rather than taken
    _p("plan", r"\b(?:\d+|a few|two|three|four|five|six|several) (?:weeks?|months?) (?:worth )?"
       r"of (?:my |me )?(?:\w+ )?(?:" + _MEDS[3:-1] + r"|oxy) (?:saved|stashed|put aside|kept|"
       r"hidden|stockpiled|squirrelled|hoarded)\b", requires=r"\b(?:count\w*|enough|ready|"
       r"hidden|nobody knows|no one knows|drawer|tin)\b", near=True, current=True),
    _p("plan", r"\b(?:set aside|put aside|kept back|held back|saved|hidden|stored) (?:rather than|"
       r"instead of) (?:being )?(?:taken|taking|swallowed|swallowing)\b",
       requires=r"\b(?:" + _MEDS[3:-1] + r")\b", near=True),
    _p("plan", r"\b(?:\d{2,}|twenty|thirty|forty|fifty|sixty|a hundred) (?:\w+ )?(?:" + _MEDS[3:-1]
       + r") (?:in|under|inside|at the back of) (?:the|my|a) (?:\w+ )?(?:drawer|cabinet|tin|box|"
       r"bag|cupboard|wardrobe)\b", requires=r"\b(?:suffice|sufficient|enough|permanent|for good|"
       r"the end|when the time|ready|calculation)\b", near=True),
    # what was left of someone's medicine taken; the amount that would be fatal worked out
    _p("plan", r"\b(?:took|swallowed|downed|necked) (?:the (?:remainder|rest) of|what was left of|"
       r"the last of) (?:\w+ ){0,3}?(?:" + _MEDS[3:-1] + r")\b(?! (?:as prescribed|this "
       r"morning|with (?:food|breakfast)))", requires=r"\b(?:wine|vodka|whisky|whiskey|alcohol|"
       r"drink|booze|hospital|a and e|a&e|ambulance|found|on purpose|deliberately|wake|husband|"
       r"wife|mum|mom|dad|nan|partner|flatmate)\b", near=True),
    _p("plan", r"\b(?:worked out|counted|calculated|figured out|established|establishing|"
       r"know|knew) (?:exactly )?(?:how many (?:i (?:need|would need|will need|would have to "
       r"take)|it (?:takes|would take|will take))|what (?:quantity|amount|dose|number) of (?:my "
       r")?(?:\w+ )?(?:" + _MEDS[3:-1] + r") (?:would|will|might) (?:prove )?(?:fatal|lethal|"
       r"kill me|be enough))\b", requires=r"\b(?:wake|die|dead|overdose|end it|bottle|box|"
       r"packet|strip|fatal|lethal|" + _MEDS[3:-1] + r")\b", near=True),
    # a life policy's suicide exclusion as an option; a note drafted beside the will; affairs
    # settled so that others are spared the administration afterwards
    _p("plan", r"\b(?:my|the) (?:life )?(?:insurance|policy|cover)\b[^|.!?]{0,80}\bsuicide "
       r"(?:exclusion|clause)\b", requires=r"\b(?:consideration|considering|consider|thinking|"
       r"tempt\w*|option|lapses|lapsed|expires|runs out)\b", other_ok=True),
    _p("plan", r"\b(?:the|my) (?:suicide |goodbye |last |final )?note (?:has been |is |was )?"
       r"(?:already )?(?:drafted|written|done|finished|ready)\b", requires=r"\b(?:(?:alongside|"
       r"with|next to|beside) my will|goodbye|after i am gone|when i am gone|to be found|not "
       r"speak figuratively|for (?:my|the) (?:family|wife|husband|children|kids)|not to do it|"
       r"do not do it)\b",
       near=True, other_ok=True),
    _p("indirect", r"\b(?<!s )(?:my|the) will (?:has|have) (?:already )?been (?:updated|written|"
       r"made|done|sorted|signed|changed)\b", requires=r"\b(?:spared|after i am gone|when i am "
       r"gone|the note)\b|\b(?:cancelled|canceled)\b[^|.!?]*\bafterwards\b", near=True),
    # the plan in place, the means secured; a gun out beside the writer; a rope in the boot
    _p("plan", r"\b(?:the |my )?plan (?:is |has been )?(?:in place|all set|sorted|set)\b(?! for "
       r"(?:the|a|our|my) (?!end))", requires=r"\bmeans (?:is |are |have been |has been )?"
       r"(?:secured|sorted|ready|in place|got|to hand|at hand)\b|\b(?:waiting for|rope|pills|"
       r"tablets|gun|note|goodbye|when (?:the kids|they|everyone|nobody))\b", near=True),
    _p("plan", r"\b(?:the )?means (?:are |is |have been |has been )?(?:secured|sorted|ready|in "
       r"place|got|acquired|to hand|at hand)\b"),
    _p("plan", r"\b(?:shotgun|gun|rifle|pistol|revolver)\b[^|.!?]{0,50}\b(?:next to me|beside me|"
       r"on (?:the|my) (?:bed|lap|pillow)|in my (?:hand|lap)|loaded)\b(?![^|.!?]*\b(?:clean\w*|"
       r"range|clays?|season|shoot day|rabbits?|pigeons?|vermin|foxes)\b)"),
    _p("plan", r"\b(?:a |the )?(?:spot|place|tree|branch) (?:already )?(?:picked|chosen|scouted|"
       r"found) (?:out )?\b", requires=r"\b(?:rope|noose|belt|ligature)\b",
       near=True),
    # a try with the exhaust; next time it will not go wrong
    _p("plan", r"\bhad a (?:go|try|crack|attempt) (?:\w+ ){0,3}?(?:with|at|using) (?:the |my )?"
       r"(?:car )?(?:exhaust|hose|hosepipe|pills|tablets|rope|belt|overdose|blade|razor)\b"),
    _p("plan", r"\bnext time i (?:will not|will|am going to|would not) (?:mess it up|get it right|"
       r"fail|bottle it|be found|make sure|do it properly|get it wrong|stop)\b",
       requires=r"\b(?:exhaust|pills|tablets|rope|attempt|had a go|tried|overdose|found me|"
       r"knocked|ambulance|hospital|a and e|a ?& ?e|ed)\b", near=True),
    # everything in the drawer taken; charcoal in hospital after tablets; potassium chloride
    _p("plan", r"\b(?:took|take|taken|swallowed|swallow|necked|downed) everything in (?:the|my) "
       r"(?:\w+ )?(?:drawer|cupboard|cabinet|box|tin|bag)\b", requires=r"\b(?:" + _MEDS[3:-1]
       + r")\b", near=True),
    _p("plan", r"\bcharcoal\b", requires=r"\b(?:ed|a and e|hospital|resus|paramedics?|"
       r"ambulance)\b[^|]*\b(?:after|for) (?:the |my )?(?:" + _MEDS[3:-1] + r"|overdose)\b",
       near=True),
    _p("plan", r"\b(?:gave|given|give) (?:it |me )?(?:\w+ ){0,2}?(?:in|at) (?:ed|a and e|a ?& ?e|"
       r"hospital|"
       r"resus)\b[^|.!?]{0,30}\bafter (?:the |my |that )?(?:" + _MEDS[3:-1] + r"|overdose)\b"),
    _p("plan", r"\b(?:kcl|potassium chloride)\b", requires=r"\b(?:my (?:work )?bag|home|taken|"
       r"took|pocket|locker|option|stop|for me|myself)\b", near=True),
    # not planning to be around tomorrow; buying far more than needed at a pharmacy
    _p("indirect", r"\b(?<!did )(?<!was )(?<!were )(?:do not|not|no) (?:plan|planning|intend|"
       r"intending|expect|expecting) "
       r"(?:on |to )?(?:being |be )?(?:around|here|alive)(?= *(?:$|[|.!?,;]|for tomorrow|tomorrow|"
       r"much longer|after (?:tonight|this|today)|by (?:then|tomorrow|the weekend|next)))"),
    _p("plan", r"\b(?:buying|bought|getting|got|picking up|picked up) (?:way |far |a lot |much |"
       r"loads )?more (?:\w+ )?than i (?:need|should|am allowed)\b",
       requires=r"\b(?:pharmacy|chemist|pills|tablets|paracetamol|painkillers|boxes|packets)\b",
       near=True),
    # a knife in hand and trying not to use it on oneself
    _p("self_harm", r"\btrying (?:\w+ )?(?:hard |my best |so hard )?not to (?:use (?:it|them|the "
       r"\w+) on myself|hurt myself|cut(?: myself)?|act on it|do it)\b",
       requires=r"\b(?:knife|blade|razor|scissors|glass|lighter|pills|tablets|rope|myself)\b",
       near=True, negatable=False),
    # tablets saved up instead of taken; the day still to pick; that I will actually jump
    _p("plan", r"\b(?:saving|saved|keeping|kept|stashing|stashed|hoarding|hoarded) (?:them|it|"
       r"those|these) (?:up )?(?:instead|for later|for when|for the day)\b",
       requires=r"\b(?:" + _MEDS[3:-1] + r"|swallow\w*)\b", near=True),
    _p("plan", r"\b(?:just |only )?(?:need|have|got) to (?:pick|choose|set|decide on) (?:the|a) "
       r"(?:day|date)\b", requires=r"\b(?:lethal|doses?|overdose|pills|tablets|rope|jump|note|"
       r"goodbye|end it|looking up|looked up)\b", near=True),
    _p("ideation", r"\b(?:i will|i might|i am going to|i could|i would) (?:actually |really |just "
       r")?jump(?= *(?:$|[|.!?,;]))", requires=r"^(?!.*\b(?:if you|you jump|said)\b)"),
    _p("self_harm", r"\bcut (?:it|them|my (?:arm|wrist|leg|thigh)s?) (?:pretty |really |too |quite "
       r"|so |very )?deep\b", requires=r"\b(?:sleeves|nobody (?:asks|knows|noticed|notices)|hide|"
       r"hiding|on purpose|again|myself)\b", near=True),
    # drink and tablets ready by the bed
    _p("plan", r"\b(?:vodka|whisky|whiskey|wine|gin|rum|alcohol|booze)\b[^|.!?]{0,20}\b(?:and )?"
       r"(?:the |my |some )?(?:" + _MEDS[3:-1] + r")\b[^|.!?]{0,30}\b(?:tonight|ready|lined up|on "
       r"the (?:bedside|table|side)|next to (?:me|the bed))\b", other_ok=True),
    # from text rounds sixteen and seventeen: a day that "is the plan" after affairs are
    # settled; the house to oneself with tablets at hand; cutting again; nobody checking near
    # water; asking how many pills are too many under a pretext; letters for the family; better
    # off not having to carry me; a heart that would stop; angry it did not work
    _p("plan", r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow)"
       r"(?: evening| night| morning| afternoon)? is the (?:plan|day|night)\b",
       requires=r"\b(?:calm|cancelled|canceled|paid off|sorted the (?:cat|dog)|goodbye|letters?|"
       r"note|rehomed|gave away|given away)\b", near=True, current=True),
    _p("plan", r"\b(?:have|get|got) the (?:house|flat|place) to myself\b",
       requires=r"(?=.*\b(?:" + _MEDS[3:-1] + r")\b)(?=.*\b(?:all i need|enough time|long enough|"
       r"nobody will|no one will)\b)", near=True),
    _p("self_harm", r"\bcut (?:again|myself again)\b(?= *(?:$|[|.!?,;]|tonight|today|last night))",
       requires=r"\b(?:sleeves|blood|locked|razor|blade|plasters?|bandages?|hide|hear)\b",
       near=True),
    _p("plan", r"\bnobody (?:checks|notices|will notice|watches|sees|is watching)\b",
       requires=r"\b(?:pond|river|canal|lake|sea|railway|bridge|tracks|cliff|quarry|reservoir)\b",
       near=True),
    _p("plan", r"\bhow many (?:\w+ ){0,2}?(?:" + _MEDS[3:-1] + r") (?:would be|is|are|were) too "
       r"many\b", requires=r"\b(?:quiz|pretend\w*|said it was for|wrote it (?:down|on)|noted it|so "
       r"nobody|so no one)\b", near=True, other_ok=True),
    _p("indirect", r"\bif i am not (?:here|around) (?:after|by|on|next|come)\b",
       requires=r"\b(?:list|code|papers|passwords|keys|know what to do|will)\b", near=True),
    _p("plan", r"\b(?:wrote|written|writing) (?:letters?|notes?) (?:to|for) (?:the kids|my kids|"
       r"the children|my children|each of (?:them|the kids)|everyone|my (?:wife|husband|partner|"
       r"mum|mom|dad|family|daughter|son))\b", requires=r"\b(?:in order|insurance|will find|find "
       r"them|after i am gone|goodbye|my will)\b", near=True),
    _p("indirect", r"\bbetter off (?:not having to|without having to|if (?:he|she|they) did not "
       r"have to) (?:carry|look after|support|deal with|worry about|pay for|care for) me\b",
       other_ok=True),
    _p("passive", r"\bwish(?:ing|ed)? my heart would (?:just )?stop\b", current=True),
    _p("plan", r"\b(?:angry|sorry|gutted|disappointed|upset|annoyed|cross) (?:that )?it (?:did not|"
       r"didn t) work\b", requires=r"\b(?:hospital|a ?& ?e|a and e|home from|discharged|pills|"
       r"part of me|"
       r"tablets|overdose|ambulance)\b", near=True, current=True),
    _p("indirect", r"\bi am not coming back from this(?: one| time)?\b",
       requires=r"\b(?:thanks for everything|look after each other|goodbye|honour|honor|love you "
       r"all)\b", near=True),
    # from companion round twenty-one: a hose and tape in the car; gone by Christmas with the
    # tools given away; bleach or paraffin to drink or stared at
    _p("plan", r"\b(?:hose|hosepipe|hose pipe)\b[^|.!?]{0,40}\b(?:gaffer tape|duct tape|tape)\b|"
       r"\b(?:gaffer tape|duct tape)\b[^|.!?]{0,40}\b(?:hose|hosepipe|hose pipe)\b",
       requires=r"\b(?:car|exhaust|van|window|footwell|lay by|boot|garage|engine|back seat)\b",
       near=True),
    _p("indirect", r"\b(?:i will|ill|i ll) be gone (?:by|before) (?:christmas|new year|easter|the "
       r"weekend|the end of (?:the )?\w+|next \w+|monday|tuesday|wednesday|thursday|friday|"
       r"saturday|sunday|spring|summer|autumn|winter)\b", requires=r"\b(?:sorted|goes to|gave|"
       r"giving|tools|note|goodbye|joke|nobody knows)\b", near=True),
    _p("plan", r"\b(?:drink|drinking|swallow|swallowing|down) (?:the |some |a bottle of |the "
       r"bottle of )?(?:paraffin|bleach|jik|kerosene|petrol|weedkiller|weed killer|pesticide|"
       r"antifreeze|rat poison|dettol|domestos|pool chlorine)\b"),
    _p("plan", r"\b(?:staring|stared|looking|looked|sitting|sat) (?:at|with) (?:it|the bottle|the "
       r"bleach|the paraffin)\b", requires=r"\b(?:jik|bleach|paraffin|weedkiller|weed killer|"
       r"pesticide|rat poison|antifreeze|under the sink)\b", near=True),
    # already a ghost: only the body has to catch up
    _p("indirect", r"\b(?:my |the |only )?body (?:just |still )?(?:needs? to|has to|have to|must|"
       r"to) catch up\b", requires=r"\b(?:ghost|dead|already gone|gone already|i will help it|"
       r"soon)\b", near=True),
    # pills or drink mixed "so i do not wake up"; "the quickest way out" with pills or drink
    _p("plan", r"\bso (?:that )?i (?:do not|will not|would not|never) wake up\b(?! (?:late|early|"
       r"at|before|in|on|too|tired|with|every|during|until|till|when|because|and have))",
       requires=r"\b(?:" + _MEDS + r"|tabs|tablets|pills|sleepers|sleeping pills|mix|mixing|"
       r"combine|combining|drink|booze|grog|vodka|whisk\w*|overdose)\b"),
    _p("indirect", r"\b(?:quickest|fastest|easiest|surest|cleanest|least painful) way out\b(?! of)",
       requires=r"\b(?:" + _MEDS + r"|tabs|tablets|pills|sleepers|sleeping pills|mix|mixing|"
       r"combine|combining|booze|grog|vodka|whisk\w*|overdose|rope|jump|gun|car exhaust|hose)\b"),
    # from answers inside exercises (companion steps m23-m26): a choice made to die; a life
    # policy checked to pay out if it looks like an accident; tablets kept back until "enough
    # when I decide"; fresh cuts on an arm or a blade kept hidden
    _p("ideation", r"\b(?:choice|decision) (?:i have |i )?(?:finally |already |now )?made is to "
       r"(?:die|end it|end it all|end my life|kill myself|not be here|not wake up)\b|\b(?:made|"
       r"reached|come to) (?:the |my |a )?(?:choice|decision) to (?:die|end it|end it all|end my "
       r"life|kill myself|not be here)\b", current=True),
    _p("plan", r"\b(?:would|will|could|might|make it|making it|made to|so it|so that it|if it|as "
       r"long as it) (?:look|looks) like (?:an? )?(?:\w+ )?accident\b",
       requires=r"\b(?:life (?:policy|insurance|cover)|pays?(?: out)?|payout|insurance|policy)\b",
       near=True),
    _p("plan", r"\b(?:sufficient|enough)\b[^|.!?]{0,20}\bwhen i (?:decide|am ready|choose|go)\b|"
       r"\b(?:keep|keeping|kept|save|saving|stash\w*) them (?:instead|back|aside)\b",
       requires=r"\b(?:" + _MEDS + r"|tabs|tablets|pills|sleepers|sleeping pills|meds|"
       r"count|counted)\b", near=True),
    _p("self_harm", r"\b(?:fresh|new|latest) cuts? (?:on|across|up|along|under|down) (?:my |the )?"
       r"(?:left |right |inner |upper )?(?:arms?|forearms?|wrists?|thighs?|legs?|stomach|hips?|"
       r"belly|ribs)\b|\b(?:over|hide|hiding|cover|covering|covers) (?:the |my )?(?:new|fresh) "
       r"cuts\b|\bthe (?:blade|razor|razors|blades) i keep (?:in|under|inside|hidden)\b",
       requires=r"^(?!.*\b(?:brambles?|roses?|thorns?|cat|kitten|puppy|dog|glass|shaving|garden\w*|"
       r"fell|fall|accident|surgery|operation|chef|kitchen|knife skills|paper)\b)"),
    # from the read development sets (text and companion lines the screen missed)
    _p("plan", r"\b(?:goodbye|good bye)\b[^|.!?]{0,40}\bwithout (?:them|her|him|anyone|everyone|"
       r"my \w+|the kids|people) (?:knowing|realising|realizing|noticing|guessing)(?: it "
       r"(?:is|was) goodbye| why)?(?= *(?:$|[|.!?,;]|and\b|because\b|tonight|today|this week|"
       r"all week))|"
       r"\bwithout (?:them|her|him|anyone|everyone|my \w+|the kids) (?:knowing|realising|"
       r"realizing) it (?:is|was) (?:goodbye|the last time)\b", current=True, negatable=False,
       other_ok=True),
    _p("plan", r"\b(?:take|taking|took|swallow\w*|down|downing|neck|necking) (?:the )?rest of "
       r"(?:(?:the |my )?(?:box|packet|pack|bottle|pills|tablets|meds|strip)\b(?! of)|them\b|it\b)",
       requires=r"\b(?:see what happens|for good|not wake|crisis line|end it|in one go|at once|"
       r"whatever happens)\b", near=True),
    _p("plan", r"\b(?:fast|express|non stop|nonstop) (?:train|one)\b[^|.!?]{0,20}\b(?:comes|"
       r"passes|goes|rushes) through\b",
       requires=r"\b(?:station|platform)\b", near=True, current=True),
    _p("passive", r"\b(?:disappointed|gutted|sorry|annoyed|angry) (?:when|that) (?:\w+ ){0,3}?"
       r"(?:found|find|woke|saved|rescued|came for) me\b|\bi (?:had )?hoped (?:that|it) was (?:it|"
       r"the end)\b", current=True),
    _p("passive", r"\b(?:beg|begging|pray|praying|ask|asking)\b[^|.!?]{0,25}\bnot (?:to )?let me "
       r"wake up\b", current=True),
    _p("plan", r"\b(?:have|had|having) another go\b",
       requires=r"\b(?:overdos\w*|od|tried|attempt\w*|a ?& ?e|a and e|discharged|hospital|pills|"
       r"tablets|rope|cut)\b", near=True),
    _p("plan", r"\b(?:word|write|phrase) (?:a |the |my )?note\b[^|.!?]{0,50}\b(?:blam\w*|guilty|"
       r"(?:her|his|their) fault|after)\b", negatable=False),
    _p("indirect", r"\bif i (?:do not|will not|never) (?:write|message|text|reply|answer) "
       r"(?:anymore|again)\b", requires=r"\b(?:tell|love|sorry|goodbye|mother|mum|mom|family)\b",
       near=True),
    _p("passive", r"\bhope (?:tomorrow|the morning|morning) (?:do not|does not|never|will not) "
       r"comes?\b", current=True),
    _p("ideation", r"\bwhy i (?:should not|shouldn t|shouldnt) (?:\w+ )?(?:walk into|jump|end it|"
       r"kill myself|do it|take them)\b|\b(?:one|a|any) reasons? not to (?:end it|kill myself|do "
       r"it|jump)\b", current=True),
    _p("plan", r"\b(?:says|tells me|told me|is telling me|keeps telling me) i (?:have|need|ought|"
       r"must) to (?:punish|hurt|kill|cut|harm) myself\b", other_ok=True),
    _p("ideation", r"\b(?:running|run|ran|go|going|went) (?:through|over) how i (?:would|will|d) "
       r"do it\b"),
    _p("plan", r"\btak(?:e|ing|in) (?:them |it )?all(?: of (?:it|them))?\b[^|.!?]{0,30}\b(?:so i "
       r"(?:can|could) (?:go )?be with|tonight|to be with)\b",
       requires=r"\b(?:" + _MEDS + r"|pills|tablets|meds|left behind|shoebox|stash|box)\b",
       near=True),
    _p("plan", r"\bi have a plan and a date\b|\bi mean it this time\b[^|.!?]{0,30}\b(?:plan|"
       r"date|tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b", current=True,
       negatable=False),
    _p("plan", r"\b(?:browser|search|google) history\b[^|]{0,60}\b(?:least painful|how many would "
       r"it take|painless|lethal|does it hurt)\b", negatable=False),
    _p("plan", r"\bscheduled\b[^|.!?]{0,40}\b(?:notes?|messages?|emails?|letters?|posts?|them)\b",
       requires=r"\b(?:thank you for everything|thanks for everything|goodbye|feels done|by the "
       r"time (?:they|it) (?:land|arrive)|after i am gone|it will be over)\b", near=True),
    _p("plan", r"\b(?:wrote|written|writing) (?:letters?|notes?) (?:to|for) (?:my |the )?"
       r"(?:mum|mom|dad|wife|husband|kids|children|sister|brother|partner|family|daughter|son)\b",
       requires=r"\b(?:drawer|tidy|bank account|passwords?|scheduled|gave my|did not even ask|"
       r"in order|done now)\b", near=True),
    _p("indirect", r"\bis all my (?:brain|head|mind) (?:says|thinks|can think|keeps saying)\b",
       requires=r"\b(?:kill|die|dead|death|suicide|end it)\b"),
    _p("indirect", r"\b(?:goes up|better|improves?|fixed|solved)\b[^|.!?]{0,40}\bif i (?:am|was|"
       r"were) (?:removed|taken out|out of the (?:picture|equation|model))\b"),
    _p("passive", r"\bdead (?:people|ones|folk)\b[^|.!?]{0,30}\b(?:do not|never) have to\b",
       requires=r"\b(?:must be nice|lucky|envy|jealous|wish)\b", near=True),
    _p("passive", r"\b(?:she|he|they) (?:is|are) free and i (?:am|m) (?:stuck|still here|left)\b",
       requires=_DEATH, near=True, other_ok=True),
    _p("ideation", r"\b(?:dying|death|suicide|ending it|killing myself)\b[^|]{0,60}\bon my to "
       r"do list\b", current=True),
    _p("self_harm", r"\bi (?:want|need) to cut\b(?= *(?:$|[|.!?,;]|my hands|so bad|tonight|again|"
       r"right now))", current=True),
    _p("ideation", r"\bsuicide (?:stopped|stops|has stopped|started) (?:being|feeling|to feel|to "
       r"seem)\b"),
    # from answers inside exercises (companion steps m27-m32): a note written and where it will be
    # found; self-inflicted wounds; a prescription topped up into a stash; tablets counted out or
    # lined up; affairs in order before a last outing; "not a joke" after a means; a suicide
    # exclusion running out; the last letter still to write
    _p("plan", r"\b(?:note|notes|letter|letters) (?:is |are |has been |have been )?(?:written|"
       r"done|finished)\b", requires=r"\b(?:find it|find them|pocket|drawer|nappy bag|will find|"
       r"goodbye|there is not one|there isn t one)\b", near=True, current=True),
    _p("self_harm", r"\bself[- ]inflicted\b",
       requires=r"^(?!.*\b(?:lecture|topic|article|study|report|patients?|case|coroner|module|"
       r"exam)\b).*\b(?:my|last night|sore|sleeve|forearm|wrist|thigh)\b", current=True),
    _p("plan", r"\btopping (?:it |them )?up from (?:every|each) (?:prescription|script|refill)\b"),
    _p("plan", r"\b(?:tablets|pills|meds|medication)\b (?:are |were )?(?:lined up|counted out|laid "
       r"out|set out)\b", requires=r"\b(?:note|glovebox|glove box|tonight|window|car|doesn t "
       r"apply|does not apply)\b", near=True, current=True, other_ok=True),
    _p("plan", r"\baffairs (?:are|were|will be) (?:all )?(?:in order|sorted|settled)\b",
       requires=r"\b(?:last|after that|pension|locker|will|goodbye|note|letters?)\b", near=True),
    _p("plan", r"\bnot a joke\b",
       requires=r"\b(?:freight|level crossing|tracks|rope|noose|overdose|the drop)\b", near=True,
       current=True, negatable=False),
    _p("plan", r"\bsuicide (?:exclusion|clause)\b[^|]{0,40}\b(?:runs out|expires|ends|is up|"
       r"finishes|lapses)\b", current=True),
    _p("plan", r"\b(?:the )?(?:last )?one for my (?:daughter|son|wife|husband|kids|mum|mom|dad|"
       r"partner|sister|brother)\b", requires=r"\bletters?\b", near=True),
    # from the retired rounds (text round twenty-four, companion round thirty): thinking of
    # joining someone who died; a hose on a car exhaust that failed; not wanting to step back off
    # a lock gate or a ledge; a will done and the milk cancelled; a mind made up that feels light
    _p("ideation", r"\b(?:thinking|thought|think|dream\w*) (?:about |of )?(?:joining|being with) "
       r"(?:her|him|them|my (?:wife|husband|son|daughter|mum|mam|mom|dad|partner|boy|girl))\b"
       r"(?! (?:for|at|on|in|next|this|tomorrow|later|when|after|and)\b)",
       requires=r"\b(?:died|passed|grave|churchyard|cemetery|funeral|ashes|widow\w*|lost (?:her|"
       r"him)|since (?:she|he) went)\b", current=True, other_ok=True),
    _p("plan", r"\b(?:hose|pipe|tube)\b[^|.!?]{0,30}\bexhaust\b|\bexhaust\b[^|.!?]{0,30}\b(?:hose|"
       r"pipe|tube)\b", requires=r"\b(?:had a go|tried|slipped|attempt\w*|did not work|didn t work|"
       r"went wrong|nearly|tape|taped|garage)\b", near=True),
    _p("plan", r"\b(?:did not|didn t|do not|don t) (?:really )?want to (?:step|come|climb|get) "
       r"(?:back )?(?:off|down|back)(?: (?:it|that|there|the \w+))?(?= *(?:$|[|.!?,;]))",
       requires=r"\b(?:lock gates?|bridge|edge|ledge|roof|"
       r"platform|cliff|railings?|parapet|balcony|canal|river|weir|viaduct)\b", near=True,
       current=True, negatable=False),
    _p("plan", r"\b(?:done|made|written|sorted|signed|updated) my will\b[^|]{0,40}\bcancel\w* "
       r"(?:the )?(?:milk|papers?|newspapers?|subscriptions?|direct debits?|gym)\b",
       requires=r"^(?!.*\b(?:holiday|cruise|trip|away|hospital|operation|surgery|moving|move)\b)"),
    _p("plan", r"\bmade (?:my mind up|up my mind)(?: now)?(?: and)? i (?:feel|felt) (?:so much |"
       r"much |a lot |way )?(?:lighter|calm|calmer|at peace|peaceful|relieved)\b", current=True),
    # from the retired rounds (text round twenty-five, companion round thirty-one): disappointed
    # at having woken up; goodbye letters drafted; "the date is set" after a calm decision;
    # boxes from the chemist counted and hidden; a gun loaded and kept by the bed; working out
    # how many tablets it would take; waiting on a footbridge for the right train
    _p("passive", r"\bdisappoint\w* (?:at|to|that) (?:having |i had |i have )?(?:woken|wake|"
       r"waking|woke) up\b", current=True),
    _p("plan", r"\b(?:drafted|drafting|wrote|written|writing|write) (?:\w+ ){0,2}goodbye "
       r"(?:letters?|"
       r"notes?|messages?)\b",
       requires=r"^(?!.*\b(?:moving|move|moved|new job|leaving do|retir\w*|colleagues|team|class|"
       r"pupils|students leaving|emigrat\w*|abroad|overseas)\b)", other_ok=True),
    _p("plan", r"\b(?:as|now|since|and) the date is (?:set|fixed|chosen|decided)\b",
       requires=r"\b(?:decided|serenity|calm|calmer|warning sign|lifted|at peace|mind)\b",
       near=True, current=True),
    _p("plan", r"\b(?:that is|that s|thats) (?:\w+ )?(?:four|five|six|seven|eight|nine|ten|"
       r"twelve|\d+) (?:boxes |packets |of them )?now\b",
       requires=r"\b(?:box|boxes|packets?|chemist|pharmacy|tablets|pills)\b[^|]*\b(?:locker|"
       r"behind|hidden|hide|under|drawer|stash)\b|\b(?:locker|behind|hidden|hide|under|drawer|"
       r"stash)\b[^|]*\b(?:box|boxes|packets?|chemist|pharmacy|tablets|pills)\b", near=True),
    _p("plan", r"\b(?:cleaned|oiled|checked) (?:it|the (?:gun|revolver|pistol|rifle|shotgun))\b"
       r"[^|.!?]{0,30}\bloaded\b|\bloaded (?:it|the (?:gun|revolver|pistol|rifle|shotgun))\b",
       requires=r"\b(?:revolver|pistol|gun|rifle|shotgun)\b[^|]*\b(?:bed|bedside|drawer|pillow|"
       r"tonight)\b|\b(?:bed|bedside|pillow)\b[^|]*\b(?:revolver|pistol|gun|rifle|shotgun)\b",
       near=True, other_ok=True),
    _p("plan", r"\bhow many (?:of )?(?:\w+ ){0,3}?(?:tablets|pills|tabs|meds)\b[^|.!?]{0,10}\b"
       r"(?:it d|"
       r"it would|it will|it ll|would it|will it|i d need to|i would need to) take\b(?! to (?:fill|"
       r"last|cover|get through|set up|do)\b)"),
    _p("plan", r"\bwaiting for the right (?:train|one|lorry|bus|moment)\b",
       requires=r"\b(?:bridge|footbridge|platform|railway|tracks|line|motorway)\b", near=True,
       current=True),
)

# "kms this wifi is so slow": the slang aimed at a trivial annoyance named right after it
TRIVIAL_AFTER = (
    r" *(?:lol |lmao )?(?:this|the|that|my) (?:\w+ ){0,2}?(?:wifi|wi fi|internet|traffic|"
    r"homework|assignment|essay|class|lecture|prof|professor|teacher|boss|meeting|game|song|"
    r"queue|line|bus|train|weather|printer|computer|laptop|phone|code|bug|group project|exam|"
    r"test|quiz|commute|shift|printer|lag|update|app|show|episode|team|ref|referee)\b"
)
# Stems of the patterns above, for the screen's sentence prefilter.
TRIGGER = (r"\b(?:seroquel|quetiapine|gabapentin|pregabalin|lyrica|propranolol|mirtazapine|"
           r"citalopram|fluoxetine|prozac|olanzapine|clonazepam|klonopin|lorazepam|ativan|"
           r"fentanyl|methadone|amitriptyline|zopiclone|tramadol|morphine|oxy|co codamol|codeine|"
           r"look|research|googl|search|check|scout|measur|narrow|work|figur|high|tall|deep|"
           r"stand|stood|stare|lean|peer|easy|wait|walk|sit|sat|charcoal|pesticide|weed|poison|"
           r"bleach|cyanide|voice|trust myself|alive|last time|fault|look after|take care|feed|"
           r"gave|given|giving|rehom|hand|dropp|paid|cancel|quit|tidy|sorting|affairs|envy|envi|"
           r"jealous|lucky|scar|frighten|afraid|panic|sav|stockpil|hoard|collect|stash|putting|"
           r"put aside|squirrel|build|built|gather|count|in case|got|have|there are|train|note|"
           r"date|day|stare|staring|gaz|urge|pull|temptation|itch|know|rope|which|eat|ate|own life|"
           r"truck|bus|car|lorry|semi|ute|tram|better off|happier|fine|insurance|home|worked|"
           r"found|calculat|counted|medicine|bathroom|pill|policy|lin|put|kept|keeping|hid|"
           r"whole|laid|set|tipped|emptied|plan|my head|my brain|my mind|something in me|roof|"
           r"top floor|ledge|edge|quarry|cliff|bridge|reservoir|dam|viaduct|multi storey|garage|"
           r"body|edge|how easy|weeks|months|set aside|put aside|kept back|held back|saved|hidden|"
           r"stored|twenty|thirty|forty|fifty|sixty|hundred|\d{2}|took|swallowed|downed|necked|"
           r"counted|figured|establish|know|knew|cover|note|will|means|shotgun|gun|rifle|pistol|"
           r"revolver|spot|place|tree|branch|had a|next time|everything|kcl|potassium|gave|given|"
           r"give|plan|intend|expect|buying|bought|getting|picking|trying|saving|keeping|stashing|"
           r"hoarding|need|jump|cut|vodka|whisk|wine|gin|rum|alcohol|booze|monday|tuesday|wednesday|"
           r"thursday|friday|saturday|sunday|tonight|tomorrow|house to|flat to|place to|nobody|"
           r"how many|if i am not|wrote|written|writing|better off|wish|angry|sorry|gutted|"
           r"disappointed|upset|annoyed|cross|not coming back|hose|tape|gone by|gone before|took|"
           r"swallow|taken|downed|necked|drink|down|staring|stared|looking|looked|sitting|sat|"
           r"wake up|way out|choice|decision|accident|sufficient|enough|keep them|fresh|new cut|"
           r"latest|blade|razor|goodbye|good bye|without|rest of|disappoint|let me wake|"
           r"another go|write|hope|reason|why i|tells me|told me|says i|running|through how|tak|"
           r"mean it|history|scheduled|unalive|removed|dead|free and|to do list|want to cut|"
           r"need to cut|suicide|inflicted|topping|laid out|joke|exclusion|one for my|joining|"
           r"being with|"
           r"exhaust|want to (?:step|come|climb|get)|mind up|up my mind|my will|disappoint|"
           r"goodbye|date is|(?:that s|thats|that is) (?:\w+ )?(?:four|five|six|seven|eight|nine|"
           r"ten|twelve|\d)|loaded|how many|the right)")
