"""Deterministic readings of a chat message: requests the companion refuses, explicit exercise
requests, and the short control words (stop, yes, no, skip, help, greetings).

These patterns are the first line; the intent classifier (``mindspace.ml.intent``) backs them up.
A refusal pattern fires on a *request* (how to, tips, can I, tell me ...), not on someone
describing their life: "I was diagnosed with depression" is not a request for a diagnosis.
"""

from __future__ import annotations

import re

REFUSALS = ("methods", "hide-self-harm", "eating-disorder", "medication", "diagnosis", "secrecy")

_F = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), _F)


_DRUG = (r"xanax|valium|diazepam|benzos?|benzodiazepines?|adderal+|ritalin|sertraline|zoloft|"
         r"fluoxetine|prozac|citalopram|escitalopram|lexapro|lithium|quetiapine|seroquel|"
         r"venlafaxine|effexor|mirtazapine|clonazepam|klonopin|lorazepam|ativan|modafinil|"
         r"codeine|tramadol|oxycodone|opioids?|ketamine|amitriptyline|antidepress\w*|"
         r"antipsychotics?|ssris?|meds|"
         r"medications?|medicines?|pills|tablets|sleeping (?:pills|tablets)|prescription|"
         r"(?:disease[- ]modifying )?treatments?|injections?|steroids?|prednisolone|"
         r"methotrexate|insulin|methadone|subutex|suboxone|buprenorphine|gabapentin|pregabalin|"
         r"lyrica|baclofen|benadryl|diphenhydramine|melatonin|phenergan|promethazine|nyquil|"
         r"zopiclone|morphine|fentanyl|antabuse|disulfiram|naltrexone|beta[- ]?blockers?|"
         r"propranolol|aderall|oxys?|oxycontin")
_REQUEST = (r"\b(?:how|what|which|where|can i|could i|should i|shall i|is it (?:ok|okay|safe|"
            r"fine|bad) to|tell me|tips?|advice|recommend|best|help me|i want to|i wanna|"
            r"i need to|i'?m going to|gonna|want to)\b")
_CONDITION = (r"bipolar|adhd|add|autism|autistic|asperger'?s?|ocd|ptsd|bpd|borderline|"
              r"depression|depressed|anxiety(?: disorder)?|schizophreni\w*|psycho(?:sis|tic)|"
              r"(?:a |an )?(?:\w+ )?disorder|mental(?:ly)? ill(?:ness)?|narcissis\w*|"
              r"a narcissist|personality disorder|eating disorder|anorexi\w*|bulimi\w*|"
              r"(?:a )?condition|alzheimer'?s|dementia|parkinson'?s|fibromyalgia|me ?/ ?cfs|cfs|"
              r"chronic fatigue(?: syndrome)?|lupus|multiple sclerosis|long covid|"
              r"endometriosis|dyslexi\w*|dyspraxi\w*|bipol\w+|(?:gender )?dysphoria|eupd|"
              r"c-?ptsd")

# A story, script or "character" used as a frame for how someone ends their life in detail,
# unless the writer asks how to write it carefully.
_FICTION = (
    r"^(?!.*\b(?:responsib\w*|sensitiv\w*|glamori[sz]\w*|safe messaging|guidelines?|without "
    r"(?:showing|describing|details?))\b).*"
    r"\b(?:story|novel|screenplay|script|book|character|fiction|film|play|fanfic\w*)\b.{0,150}"
    r"\b(?:ends? (?:her|his|their) (?:own )?life|ends it|end(?:s|ing)? it all|kills? "
    r"(?:her|him|them)sel(?:f|ves)|suicide|takes? (?:her|his|their) (?:own )?life|overdos\w*)\b"
    r".{0,150}\b(?:realistic\w*|accurate\w*|step by step|exactly how|what would (?:she|he|they) "
    r"(?:use|take)|how (?:she|he|they) (?:does|would do|did|would) it|in detail|detailed)\b")

_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "methods": (
        re.compile(_FICTION, _F),
        _rx(r"\b(?:lethal|fatal|deadly|toxic|overdose|od)\b.{0,40}\b(?:dose|amount|quantity|"
            r"many|much|mg|level)\b(?! (?:better|more|less|worse|happier|calmer|stronger))",
            r"\b(?:dose|amount|quantity|how (?:many|much))\b.{0,60}\b(?:lethal|fatal|deadly|kill|"
            r"die|dying|dead|overdose|od|not wake up|never wake up|be enough|fatal|dangerous)\b",
            r"\b(?:painless|quickest|fastest|easiest|best|surest|least painful|quick) (?:way|"
            r"method|means)s? (?:to|of) (?:die|dying|end it|end my life|kill|suicide|going)",
            r"\b(?:method|methods|ways?) (?:of|to|for) (?:suicide|killing (?:myself|yourself))",
            r"\bhow (?:to|do i|do you|do people|would i|could i|can i)\b.{0,20}\b(?:tie a noose|"
            r"overdose|hang (?:myself|yourself)|kill (?:myself|yourself|someone)|slit|poison)",
            r"\bhow (?:deep|long|high|far)\b.{0,40}\b(?:cut|bleed|bleed out|bridge|fall|jump|"
            r"drop)\b",
            r"\bexactly how (?:they|he|she|someone|a person|you|i)(?:'d| would| will)? "
            r"(?:hang|kill|drown|overdose|poison|suffocate|end)\b",
            r"\bhow long\b.{0,30}\bwithout (?:air|oxygen|breathing)\b.{0,40}\b(?:permanent|brain "
            r"damage|die|dies|dead|fatal|unconscious|drown)\w*",
            r"\bwhere(?:'s| is| can i|'d| would)?\b.{0,25}\b(?:jump from|jump off|buy a gun|get a "
            r"gun)\b",
            r"\bhow (?:do i|can i|to) get a gun\b",
            r"\b(?:jump|fall)(?:s|ing)? (?:from|off) (?:the |a )?(?:\w+ ){0,3}?(?:floor|storey|"
            r"story|"
            r"bridge|building|roof|height|balcony)\b.{0,40}\b(?:die|dead|survive|fatal|kill)",
            r"\b(?:fastest|quickest|strongest)[- ]acting poison\b|\bpoisons?\b.{0,30}\b(?:kill|"
            r"die|drink)\b|\bhousehold chemicals\b.{0,40}\b(?:drink|poison|die|kill)",
            r"\b(?:household|cleaning|garden|garage) (?:stuff|things|products|items|chemicals)\b"
            r".{0,40}\b(?:kill|die|lethal|fatal|toxic enough|end (?:it|things|my life))\b",
            r"\bcarbon monoxide\b.{0,40}\b(?:how|long|take|works?|faster|quicker|quickest)\b",
            r"\b(?:unlocked|doesn'?t lock|don'?t lock|never locks?|left open) (?:its |their |"
            r"the )?roof(?:top)?(?: access| door)?\b|\broof(?:top)? (?:access|door)\b.{0,30}"
            r"\b(?:unlocked|not locked|left open)\b",
            r"\bmake it look like an accident\b",
            r"\bhurt myself without\b",
            r"\bkitne (?:pills|goli)\b",
            r"\b(?:deadly|dangerous|lethal|fatal)\b.{0,20}\b(?:in large amounts|together|"
            r"combined|to take together)\b",
            r"\bhow many of (?:my|these|the) (?:meds|pills|tablets)\b.{0,20}\b(?:take|kill)\b",
            r"\b(?:details|steps|instructions|realistic)\b.{0,40}\bhow (?:people|someone|a person|"
            r"you|to)\b.{0,20}\b(?:hang|overdose|poison|drown|suffocate|kill)\b",
            r"\b(?:high|tall|deep|far) enough\b.{0,40}\b(?:survive|die|kill|fatal|dead)\b",
            r"\b(?:chemicals?|gas(?:es)?|fumes)\b.{0,50}\b(?:toxic|poisonous|deadly|lethal|kill)\b|"
            r"\b(?:toxic|poisonous|deadly) (?:gas|fumes)\b|\b(?:cleaning (?:stuff|products?|"
            r"sprays?)|bleach)\b.{0,50}\b(?:toxic|poisonous|deadly|lethal|fatal|kill)\b.{0,40}\b"
            r"(?:mix\w*|breath\w*|inhal\w*|drink\w*|swallow\w*)\b",
            r"\b(?:deadly|lethal|fatal|dangerous)\b.{0,20}\bwith (?:alcohol|booze|drink)\b",
            r"\bgun without\b|\bwithout (?:a )?background checks?\b",
            r"\b(?:make|makes|making|get|push) (?:my |her |him |them |someone )?\w*\b.{0,30}\b"
            r"(?:hurts?|kills?|harms?) (?:herself|himself|themselves|themself)\b",
            r"\b(?:maximum|max) dose\b.{0,20}\b(?:kill|die|dead|fatal)",
            r"\b(?:took|take|swallow\w*)\b.{0,40}\b(?:whole bottle|whole packet|all (?:of )?"
            r"(?:my|the|their) (?:pills|meds|tablets))\b.{0,30}\b(?:die|dead|kill|fatal)"),
    ),
    "hide-self-harm": (
        _rx(r"\b(?:hide|hides|hiding|cover(?:ing)? up|conceal\w*|keep \w+ hidden|hidden|secret|"
            r"explain away|cover story|excuse|lie|covers?|"
            r"stop (?:\w+ ){1,3}(?:finding out|noticing|seeing)|"
            r"without \w+ (?:noticing|seeing|knowing))\b.{0,60}\b(?:cuts?|cutting|scars?|"
            r"self[- ]?harm\w*|burns?|bruises?|marks?|razors?|blades?|hurting myself|blood|"
            r"injur\w+|wounds?)\b",
            r"\b(?:cuts?|cutting|scars?|self[- ]?harm\w*|burns?|bruises|razors?|blades?)\b.{0,50}"
            r"\b(?:hide|hidden|secret|so (?:no ?one|nobody)|without (?:anyone|people)|doesn'?t "
            r"show|don'?t show|no one (?:asks|sees|notices)|nobody (?:asks|sees|notices))\b",
            r"\bself[- ]?harm without (?:leaving|anyone)\b",
            r"\bwhere (?:can|should|could) i cut\b",
            r"\b(?:what|how) (?:can|do|should|could) i (?:say|tell)\b.{0,40}\b(?:scars?|cuts?|"
            r"burns?|self[- ]?harm\w*)\b",
            r"\b(?:heal|fade) (?:faster|quicker)\b.{0,30}\b(?:nobody|no one|sees)\b",
            r"\b(?:answer|pass|get through|beat|fool|trick)\b.{0,25}\bassessment\b.{0,60}"
            r"\b(?:let me (?:go|out|leave)|discharge\w*|send me home|(?:don'?t|won'?t) "
            r"(?:section|admit|keep) me)\b"),
    ),
    "eating-disorder": (
        _rx(r"\bpro[- ]?(?:ana|mia)\b|\bthinspo\w*|\bthinspiration\b",
            r"\b(?:make myself|how (?:to|do i|can i)|tips? (?:to|for))\b.{0,15}\b(?:throw up|"
            r"vomit|purge|be sick|sick)\b",
            r"\bpurg(?:e|ing)\b.{0,30}\b(?:quiet\w*|hide|hiding|secret|how|tips?)\b|"
            r"\b(?:hide|hiding|how)\b.{0,30}\bpurg(?:e|ing)\b",
            r"\b(?:under|less than|below|only|max(?:imum)?|at most|stay under)\s+\d{2,4}\s*"
            r"(?:calories|kcal|cals?)\b|\b\d{2,4}\s*(?:calories|kcal|cals?) (?:a|per) day\b",
            r"\bmake (?:yourself|urself) (?:sick|throw up|vomit)\b|\bmaking (?:myself|yourself) "
            r"(?:sick|throw up|vomit)\b",
            r"\blaxatives?\b|\bdiet pills?\b|\bappetite suppress\w*|\bsuppress (?:my|your)? ?"
            r"appetite\b|\bchew(?:ing)? and spit(?:ting)?\b|\blax\w*tives?\b",
            r"\b(?:how|tips?|(?:best|easiest|quickest|quietest) way|ways?|teach me)\b.{0,25}"
            r"\b(?:throw(?:ing)? up|chuck(?:ing)? (?:it )?up|bring(?:ing)? (?:\w+ ){0,2}?back up|"
            r"spew\w*|puk(?:e|ing)|vomit\w*|be sick)\b.{0,50}\b(?:after (?:a |my |the )?(?:eating|"
            r"tea|dinner|lunch|breakfast|meals?|food|every|takeaway|binge|pizza|chippy|kebab)|"
            r"without (?:\w+ ){0,3}?(?:hearing|noticing|knowing|finding out)|so (?:no ?one|"
            r"nobody)|quiet\w*|without (?:using )?(?:my )?"
            r"fingers|knuckle)",
            r"\bmake (?:yourself|urself|myself) (?:spew|puke)\b",
            r"\b(?:get rid of|hide|cover|mask)\b.{0,20}\bsmell\b.{0,30}\b(?:being sick|throwing up|"
            r"vomit\w*|puk\w*|purg\w*|sick)\b",
            r"\b(?:how long|longest|how many (?:days|hours))\b.{0,25}\bgo without "
            r"(?:eat\w*|food)\b",
            r"\b(?:hide|hiding|(?:don'?t|doesn'?t|won'?t) (?:\w+ )?(?:notice|clock|spot|see))\b"
            r".{0,30}\bi'?ve lost (?:\w+ ){0,3}?(?:stone|kg|kilos?|pounds|lbs|weight)\b",
            r"\bwater[- ]?load\w*|\bweigh[- ]?ins?\b.{0,50}\blost more\b",
            r"\b(?:hide|hiding|conceal\w*|cover up)\b.{0,20}\b(?:bulimi\w*|anorexi\w*|my eating "
            r"disorder|purging|restricting|bingeing)\b",
            r"\b(?:notic\w*|clock\w*|find out|realis\w*|realiz\w*|spot\w*)\b.{0,15}\b(?:i'?m|im|i "
            r"am) (?:restricting|starving myself|not eating|purging|throwing up|being sick)\b",
            r"\b(?:fast\w*|eat\w* nothing)\b.{0,30}\b(?:only|just|nothing but) water\b|\b(?:only|"
            r"just|nothing but) water\b.{0,30}\b(?:\d+|three|five|seven|ten|fourteen) days?\b",
            r"\b(?:stop|not) (?:feel(?:ing)?|being|getting) hungry\b|\bnot want (?:food|to eat)\b",
            r"\b(?:skip|skipping) meals\b.{0,40}\b(?:without|notic\w*|hide|hiding|tips?|"
            r"how (?:to|do i|can i) (?:keep|hide|do|get away))\b|"
            r"\b(?:how|tips?)\b.{0,30}\bskip(?:ping)? meals\b",
            r"\b(?:how|tips?|ways?)\b.{0,30}\b(?:stop eating|not eat(?:ing)?|restrict\w*|"
            r"fast(?:ing)? for|go without (?:eating|food)|without eating)\b",
            r"\bhow long can (?:i|you|a person|someone|people) go without (?:eating|food)\b",
            r"\b(?:scales?|weigh[- ]?ins?|weight) (?:\w+ ){0,4}?(?:read|show|look|say) (?:heavier|"
            r"higher|more)\b|\bso (?:she|he|they|the nurse|the doctor|my \w+) (?:doesn'?t|don'?t|"
            r"won'?t) notice (?:i'?m|i am) losing\b",
            r"\bhide (?:that |how much )?i'?ve lost (?:\w+ ){0,3}?weight\b|\b(?:clothing|clothes|"
            r"outfits?)\b.{0,60}\b(?:hide|disguise|cover)\b.{0,30}\bweight\b",
            r"\bweight (?:i'?ve|i have) lost\b.{0,120}\b(?:stops? (?:noticing|asking|commenting)|"
            r"(?:won'?t|doesn'?t|don'?t|not) notice)\b",
            r"\blowest (?:bmi|weight)\b|\bbmi\b.{0,40}\b(?:hospital\w*|stay (?:just )?above|"
            r"get (?:down )?to)\b",
            r"\b(?:hide|hiding|trick\w*)\b.{0,40}\b(?:not eating|i(?:'m| am)? not eating|that i "
            r"(?:ate|eat|didn'?t eat|haven'?t eaten)|i ate|weight loss|my eating)\b",
            r"\bhow to be (?:anorexic|bulimic)\b",
            r"\blose \d+ ?(?:kg|kilos?|pounds|lbs?|stone)\b.{0,20}\bin (?:a|one|\d+) (?:week|"
            r"day|days)\b",
            r"\bburn off (?:everything|all)\b.{0,30}\bate\b",
            r"\b(?:lowest|least) calorie\b",
            r"\bget rid of (?:the )?food\b|\b(?:skinnier|thinner)\b.{0,40}\b(?:stop eating|"
            r"not eat\w*|starv\w*)",
            r"\bwater fast\w*\b.{0,40}\b(?:thin|weeks?|lose)\b",
            r"\b(?:when|while)\b.{0,25}\bunderweight\b.{0,40}\blose\b|\blose weight\b.{0,40}"
            r"\bunderweight\b"),
    ),
    "medication": (
        _rx(rf"\b(?:without|w/o) (?:a |my )?(?:prescription|doctor|script|seeing (?:a|my|the) "
            rf"(?:doctor|doc|dr|gp|psychiatrist|prescriber|specialist)|telling (?:my|the) "
            rf"(?:doctor|gp|psychiatrist|prescriber)|"
            rf"involving (?:my|the) (?:doctor|gp|psychiatrist|prescriber)|asking anyone)\b"
            rf".{{0,60}}|\b(?:{_DRUG})\b.{{0,40}}\bwithout (?:a |my )?(?:prescription|doctor)",
            rf"\b(?:buy|order|get hold of)\b.{{0,30}}\b(?:{_DRUG})\b.{{0,20}}\bonline\b|"
            rf"\bwhere (?:can i|to|do i) (?:buy|get|order)\b.{{0,30}}\b(?:{_DRUG})\b",
            rf"\b(?:take|taking|took|use|using|borrow\w*|try|trying|steal\w*|nick\w*|pinch\w*|"
            rf"have|had|get|some of|swipe|share|sharing|split|double up on)\b.{{0,25}}"
            rf"\b(?:friend'?s|mum'?s|mom'?s|dad'?s|sister'?s|brother'?s|partner'?s|mate'?s|"
            rf"buddy'?s|someone else'?s)\b.{{0,15}}\b(?:{_DRUG})\b",
            rf"{_REQUEST}.{{0,40}}\b(?:stop|stopping|quit|quitting|come off|come of|coming off|"
            rf"get off|"
            rf"taper\w*|skip|halve|double|up|increase|lower|reduce|mix|discontinue|band karna)\b"
            rf".{{0,30}}\b(?:{_DRUG}|dose|dosage)\b",
            rf"\b(?:{_DRUG})\b.{{0,30}}\b(?:cold turkey|band karna)\b|\bcold turkey\b",
            rf"\b(?:{_DRUG})\b.{{0,60}}\b(?:taper\w*|come off|coming off|get off|stop|quit)\b"
            rf".{{0,40}}\b(?:myself|on my own|by myself|at home|alone|without (?:the|my) "
            rf"(?:clinic|doctor|gp|prescriber|psychiatrist|keyworker)\b)|"
            rf"\b(?:taper\w*|come off|coming off|get off|stop|quit)\b.{{0,30}}\b(?:{_DRUG})\b"
            rf".{{0,20}}\b(?:on my own|by myself|myself|alone|at home)\b",
            rf"\b(?:leftover|left over|spare|old|still (?:got|have) (?:a|some|the))\b.{{0,40}}"
            rf"\b(?:{_DRUG}|box|pack|packet|bottle)\b.{{0,60}}\bhow (?:many|much)\b.{{0,30}}\b"
            rf"(?:should i|do i|can i|could i|to) (?:take|have)\b",
            rf"\b(?:dose|how (?:much|many))\b.{{0,40}}\b(?:{_DRUG})\b.{{0,30}}\b(?:knock (?:out|"
            rf"\w+ out)|sedate|make (?:him|her|them|\w+) sleep|so (?:he|she|they) sleeps?)\b",
            rf"\b(?:on|taking) (?:my )?(?:{_DRUG})\b.{{0,40}}\b(?:want|wanna|going) to "
            rf"(?:stop|quit|come off)\b",
            rf"\b(?:{_DRUG})\b.{{0,60}}\b(?:quit|stop|drop|come off|come of)\b.{{0,20}}"
            rf"\ball at once\b",
            rf"\b(?:get|buy|borrow|take)\b.{{0,10}}\b(?:some )?(?:{_DRUG})\b.{{0,10}}\boff "
            rf"(?:someone|somebody|a friend|a mate|my mate|my friend|a colleague|a guy)\b",
            rf"\b(?:{_DRUG})\b.{{0,40}}\b(?:what'?s|whats|what is) (?:the|a) "
            rf"(?:dose|dosage)\b.{{0,20}}\bif i take\b",
            rf"\b(?:{_DRUG})\b.{{0,60}}\bwithout (?:the |my |a )?(?:pharmacist|chemist|"
            rf"pharmacy)\b",
            rf"\b(?:{_DRUG}|repeat|prescription|script|tablets|pills|meds)\b.{{0,120}}\bwithout "
            rf"(?:going through |seeing |asking |involving )?(?:the |my |a )?(?:surgery|gp|"
            rf"doctor|doc)\b",
            r"\b(?:find|get hold of|contact|reach|call|text|message) (?:a |my |my old |the |"
            r"an old )?dealer\b",
            r"\bwhat (?:exactly )?(?:should|do|can) i (?:say|tell)\b.{0,40}\b(?:doctor|gp|"
            r"psychiatrist)\b.{0,40}\bprescri",
            r"\b(?:help me|how (?:do|can) i|where (?:do|can) i)\b.{0,20}\b(?:get hold of|get|"
            r"find|score|buy)\b.{0,15}\b(?:some |more )?(?:oxycodone|codeine|tramadol|xanax|"
            r"valium|diazepam|adderall|ritalin|modafinil|ketamine|benzos?|opioids?|morphine|"
            r"fentanyl|zopiclone|sleeping pills)\b",
            r"\b(?:what|which)\b.{0,10}\b(?:dose|dosage|medication|medicine|antidepressant|"
            r"antipsychotic|pill|drug|sleeping pills?)\b.{0,30}\b(?:should i|to take|do i "
            r"take|for me|i should)\b",
            rf"\b(?:recommend|best)\b.{{0,20}}\b(?:{_DRUG}|sleeping pills|medication)\b",
            rf"\b(?:{_DRUG})\b.{{0,40}}\b(?:just take more|take more|i'?ll buy)\b",
            r"\b(?:convince|get) (?:my )?(?:gp|doctor|psychiatrist)\b.{0,20}\b(?:give|prescribe)|"
            r"\bget (?:\w+ ){0,2}?prescribed\b|\bwhat (?:symptoms )?(?:should|do) i (?:say|tell)\b"
            r".{0,40}\bto get\b",
            rf"\b(?:mix|mixing)\b.{{0,20}}\b(?:{_DRUG})\b.{{0,20}}\balcohol\b",
            r"\b(?:buy|get|order|score|find)\b.{0,40}\bself[- ]?medicat\w*",
            rf"\bwhere (?:do|can|could|would) (?:people|i|you|someone|one) (?:buy|get|score|"
            rf"order)\b.{{0,30}}\b(?:{_DRUG})\b"),
    ),
    "diagnosis": (
        _rx(rf"\b(?:do|did|would|could) (?:i|you think i|you reckon i)\b.{{0,12}}\b(?:have|"
            rf"has|got|meet|suffer from)\b.{{0,40}}\b(?:{_CONDITION})\b",
            rf"\bam i\b.{{0,15}}\b(?:{_CONDITION}|crazy|insane|mentally ill|psycho)\b",
            r"\bdiagnos(?:e|is)\b.{0,3}\b(?:me|my|him|her|them)\b|\bdiagnose\b",
            r"\b(?:give|tell) me\b.{0,12}\bdiagnos\w*|\bwant a diagnosis\b|"
            r"\bwhat(?:'s| is) my diagnosis\b",
            r"\bwhat (?:disorder|mental illness|condition|illness|diagnosis)\b.{0,20}\b(?:do i "
            r"have|have i got|is it)\b",
            rf"\bis (?:this|it|that|my \w+)\b.{{0,10}}\b(?:{_CONDITION})\b.{{0,40}}(?:\?|yes or "
            rf"no|just tell)",
            rf"\b(?:is|are) (?:my|his|her) \w+ (?:a )?(?:{_CONDITION})\b",
            rf"\bconfirm\b.{{0,30}}\b(?:{_CONDITION})\b",
            rf"\btell me (?:that )?i(?: have|'ve| am|'m| got)(?: got)?\b.{{0,20}}"
            rf"\b(?:{_CONDITION})\b",
            rf"\b(?:(?:can|could|will|would) you (?:just )?|just |i need you to )(?:agree|say|"
            rf"admit|write|put it in writing)\b.{{0,20}}\bi(?:'ve| have)? (?:got|have)\b.{{0,20}}"
            rf"\b(?:{_CONDITION})\b",
            rf"\bi'?m (?:\w+ ){{0,2}}?(?:{_CONDITION})\b,? (?:aren'?t i|right\?|yeah\?|innit)|"
            rf"\b(?:{_CONDITION})\b.{{0,40}}\bjust say (?:yes|it)\b",
            r"\b(?:meet|meets) the criteria\b",
            rf"\b(?:have i got|do i have|have i|am i)\b.{{0,20}}\b(?:{_CONDITION})\b.{{0,5}}"
            rf"\b(?:or not|yes or no)\b|\byes or no\b.{{0,40}}\b(?:have i got|do i have|am i)\b"
            rf".{{0,20}}\b(?:{_CONDITION})\b",
            rf"\b(?:{_CONDITION})\b.{{0,80}}\b(?:confirm|am i\?)",
            rf"^(?:so |but )?is (?:this|it|that)\b.{{0,10}}\b(?:{_CONDITION})\b",
            rf"\btell me (?:if|whether) i'?m\b.{{0,15}}\b(?:{_CONDITION}|crazy|insane)\b",
            r"\bwhat'?s wrong with me\b.{0,30}\bname\b",
            r"\b(?:signs|symptoms) of\b.{0,40}\byes or no\b",
            r"\b(?:tell me|say|know) which (?:one )?(?:i have|it is|it'?s)\b|\bwhich one (?:do i "
            r"have|i have|is it)\b|\b(?:i need you to|just) tell me which\b",
            rf"\bi(?:'ve| have)? (?:got|"
            rf"have) (?:\w+ ){{0,2}}?(?:{_CONDITION})\b.{{0,20}}(?:haven'?t i|"
            rf"don'?t i|right\?|isn'?t it|am i right|yes or no|just tell me|tell me plainly)"),
    ),
    "secrecy": (),  # needs all three parts; see `_secrecy`
}

_SECRET = re.compile(
    r"\b(?:keep (?:it|this|that|quiet)|keep \w+ (?:a )?secret|secret|between us|promise|swear|"
    r"(?:don'?t|won'?t|not to|do not|will not|not) (?:tell|report|say|disclose)|find out|"
    r"keep (?:it|this|that) from|stop (?:her|him|them) (?:from )?telling|between ourselves|"
    r"cover (?:it |this )?up|"
    r"stays? (?:secret|quiet)|keep quiet|between you and me|stays? between|to yourself|"
    r"anyone to find out|don'?t report|(?:stay|stays|be|keep "
    r"it) confidential|no hotlines?|(?:no|without|don'?t start) (?:suggesting|telling me to) "
    r"(?:i |that i )?report)\b", _F)
_CHILD = re.compile(
    r"\b(?:child|children|kids?|son|daughter|little (?:brother|sister)|baby|toddler|students?|"
    r"pupils?|players|nephew|niece|cousin|grandchild|minor|stepson|stepdaughter|boy|girl|"
    r"(?:my|his|her) (?:brother|sister)|(?:she'?s|he'?s|they'?re|is|aged?|only) (?:[1-9]|1[0-7])"
    r"(?: (?:years? old|yrs?|yo))?|\d{1,2}[- ]?(?:year|yr)s?[- ]?olds?|lad|wee (?:lad|one|"
    r"lassie|boy|girl)|little one|bairn|wean)\b", _F)
_HARM = re.compile(
    r"\b(?:hurts?|hurting|hit|hits|hitting|beats?|beating|abus\w*|touch\w*|harm\w*|bruis\w*|"
    r"neglect\w*|molest\w*|weird stuff|does things|in danger|mistreat\w*|rap\w+|doing (?:stuff|"
    r"things) to|does stuff|does to|did to|(?:shakes|shaking|shook|shaken) (?:the |my |his |her "
    r"|our )?(?:baby|babies|kids?|child|children|son|daughter|toddler|him|her|them)|"
    r"mess(?:es|ing)? (?:around )?with|interfer\w* with|groom\w*|inappropriate\w*|"
    r"(?:leaving|left) (?:\w+ ){0,3}?(?:on (?:her|his|their) own|home alone|alone (?:all|for|at|"
    r"in|overnight|while)))\b", _F)


def _secrecy(text: str) -> bool:
    return bool(_SECRET.search(text) and _CHILD.search(text) and _HARM.search(text))


_ASKING = re.compile(r"\b(?:how|what|which|where|tips?|best|ways?|help me|can i|could i|"
                     r"should i|excuse|cover story|makeup|clothes|lie|tell me|advise|advice|"
                     r"recommend|suggest|join|find|where|"
                     r"tricks?|work fast|get thin|thin|skinny|lose weight|pills?|give me|"
                     r"meal plan|diet plan|drop \d+|teach|plan|longest|how long|"
                     r"how many days)\b", _F)
_NEEDS_ASKING = frozenset({"hide-self-harm", "eating-disorder"})


def refusal(text: str) -> str | None:
    """The refusal category a message asks for (see ``REFUSALS``), or None."""
    t = " ".join(text.split())
    if _secrecy(t):
        return "secrecy"
    for category, patterns in _PATTERNS.items():
        if category in _NEEDS_ASKING and not _ASKING.search(t):
            continue
        if any(p.search(t) for p in patterns):
            return category
    return None


# Words without which the classifier alone may not refuse (keeps venting from being refused).
_GATES: dict[str, re.Pattern[str]] = {
    "methods": re.compile(r"\b(?:dose|lethal|fatal|deadly|overdose|od|pills?|tablets|how many|"
                          r"how much|method|way to|noose|bridges?|guns?|poison\w*|bleed|cut|"
                          r"toxic|gas|chemicals?|hang\w*|survive|die|kill\w*|jump)\b", _F),
    "hide-self-harm": re.compile(r"\b(?:hide|cover|conceal|secret|excuse|explain|lie|notice|"
                                 r"cuts?|scars?|self[- ]?harm|burns?|marks?)\b", _F),
    "eating-disorder": re.compile(r"\b(?:calories|kcal|eat|eating|ate|food|hungry|purg\w*|"
                                  r"kilos?|kg|pounds|lbs|stone|lose|losing|diet\w*|"
                                  r"pro[- ]?ana|pro[- ]?mia|thinspo\w*|"
                                  r"throw up|vomit|weight|thin|skinny|laxatives?|fast\w*|"
                                  r"restrict\w*|meals?|appetite)\b", _F),
    "medication": re.compile(rf"\b(?:{_DRUG}|dose|prescri\w*|gp|doctor|psychiatrist)\b", _F),
    "diagnosis": re.compile(rf"\b(?:{_CONDITION}|diagnos\w*|crazy|criteria|wrong with me)\b",
                            _F),
    "secrecy": re.compile(r"\b(?:secret\w*|promise|swear|tell\w*|report\w*|find out|between "
                          r"(?:us|ourselves)|keep (?:it|this|that) (?:quiet|from|hidden|private)|"
                          r"hide|cover (?:it )?up|social services|social workers?|police|"
                          r"authorities|teachers?|nobody knows|anyone knows|custody)\b", _F),
}


_ASKS = re.compile(r"\?|\b(?:how|what|which|where|can|could|should|would|will you|do i|am i|"
                   r"is it|is this|is that|tell me|tips?|advice|help me|promise|swear|confirm|"
                   r"diagnose|recommend|best|ways? to|i need to know|i want to know)\b", _F)


def refusal_gate(category: str, text: str) -> bool:
    """Whether the classifier may refuse ``text`` as ``category``: the message must ask for
    something and use a word of that category ("I was diagnosed with depression" is a story,
    not a request for a diagnosis)."""
    gate = _GATES.get(category)
    return bool(gate and gate.search(text) and _ASKS.search(text))


_EXERCISE_RULES: dict[str, re.Pattern[str]] = {
    "breathing": _rx(
        r"\bpanic(?:king|ky)?\b|\bpanic attack", r"\bheart\b.{0,25}\b(?:racing|pounding|"
        r"thumping|hammering|going like crazy|going a million|beating (?:so )?fast|won'?t slow)",
        r"\b(?:can'?t|cannot|can not|cant)\b.{0,20}\b(?:catch my breath|breathe|get enough air|"
        r"slow my breathing)", r"\bhyperventilat\w*", r"\bbreath(?:ing)? (?:exercise|technique|"
        r"work|thing)", r"\bbreathe with me\b|\bhelp me breathe\b", r"\bbox breathing\b",
        r"\b(?:slow|calm|deep|paced) breathing\b|\bbreathwork\b|\bbreath work\b",
        r"\bshort of breath\b|\bpalpitations\b|\bchest (?:is |feels )?tight", r"\bcalm (?:me )?"
        r"down\b.{0,30}\b(?:quick|now|right now|fast)\b|\bcalm me down\b",
        r"\bpranayama\b|\b4[- ]7[- ]8\b"),
    "grounding": _rx(
        r"\b5\W*4\W*3\W*2\W*1\b|\bfive,? four,? three\b", r"\bground(?:ing| me)\b",
        r"\bdissociat\w*", r"\bfeel(?:s|ing)?\b.{0,20}\b(?:unreal|detached|disconnected|spaced "
        r"out|far away|like i'?m floating|not really here)", r"\bflashback\b",
        r"\b(?:bring me|come) back to\b.{0,10}\b(?:the )?(?:present|here and now|now)\b",
        r"\bfive senses\b|\bthe senses one\b", r"\banchor me\b|\banchor myself\b",
        r"\b(?:overstimulated|sensory overload)\b",
        r"\b(?:5|five) things (?:i|you) can (?:see|hear|touch)\b|\bname (?:5|five) things\b",
        r"\bwhat'?s around me\b|\bwhat is around me\b",
        r"\b(?:name|notic\w*)\b.{0,25}\b(?:see|hear|touch|smell)\b.{0,30}\b(?:hear|touch|smell|"
        r"taste)\b"),
    "thought-record": _rx(
        r"\bthought record\b|\bthought (?:diary|log|journal)\b",
        r"\bchalleng\w*\b.{0,15}\bthoughts?\b", r"\breframe\b",
        r"\b(?:examine|check|look at) the evidence\b", r"\bcognitive restructuring\b",
        r"\bthought challenging\b", r"\bbalanced (?:thought|thinking)\b",
        r"\bexamine my thoughts\b", r"\bcatastrophi[sz]\w*",
        r"\b(?:unpick|untangle|pick apart|question)\b.{0,12}\b(?:that|this|thought|it)\b",
        r"\bhelp me challenge (?:that|this|it)\b"),
    "behavioural-activation": _rx(
        r"\bbehaviou?ral activation\b", r"\bactivity scheduling\b",
        r"\b(?:plan|schedule)\b.{0,15}\b(?:activit(?:y|ies)|something (?:nice|to do)|"
        r"(?:some )?(?:stuff|things) (?:for|to do|this|i (?:\w+ )?(?:used to )?(?:enjoy|like|"
        r"love)))\b",
        r"\bno motivation\b|\b(?:can'?t|cannot) (?:get )?motivat\w*|\bunmotivated\b",
        r"\bout of (?:this|a|my) rut\b|\bnothing is fun\b|\bdon'?t feel like doing anything\b",
        r"\bcan'?t get off the (?:sofa|couch|bed)\b|\blost interest in\b",
        r"\bstopped doing (?:things|everything|stuff)\b|\bget (?:myself )?going again\b",
        r"\b(?:used to|stopped|haven'?t done)\b.{0,60}\b(?:build (?:them|it|those|that) back|get "
        r"back into (?:them|it|those)|start (?:doing )?(?:them|it|those) again)\b"),
    "worry-time": _rx(
        r"\bworry time\b", r"\b(?:can'?t|cannot) stop worrying\b",
        r"\bworr(?:y|ying|ied)\b.{0,15}\b(?:about )?(?:everything|all the time|constantly|"
        r"nonstop|all day)\b", r"\b(?:postpone|schedule)\b.{0,5}\b(?:my )?worr\w*",
        r"\bsave (?:\w+ )?worries (?:up )?for\b|\bworr\w*\b.{0,30}\bset time\b",
        r"\boverthink(?:ing)? everything\b|\bwhat ifs?\b.{0,40}\bwhat if\b",
        r"\bworry postponement\b|\bchronic worrier\b"),
    "problem-solving": _rx(
        r"\bproblem[- ]solving\b", r"\bsolve (?:a|this|my|the) problem\b",
        r"\b(?:weigh|list) (?:up )?(?:the )?(?:pros and cons|options)\b",
        r"\b(?:figure|work) out what to do\b", r"\bdon'?t know what to do about\b",
        r"\bwhat are my options\b|\bfigure out my options\b|\bbrainstorm options\b",
        r"\bplan of action\b|\bstuck on a decision\b|\bmake a decision\b"),
    "self-compassion": _rx(
        r"\bself[- ]compassion\b|\bself[- ]kindness\b|\bkristin neff\b",
        r"\b(?:kinder|kind|gentle|gentler|easier|easy|less critical) (?:to|on|with|of) myself\b",
        r"\bbeat(?:ing)? myself up\b|\bhard on myself\b|\bmy own worst critic\b",
        r"\bcan'?t forgive myself\b|\btearing myself down\b|\bcalling myself names\b"),
    "sleep": _rx(
        r"\b(?:can'?t|cannot|cant|unable to)\b.{0,10}\b(?:fall |get to |stay )?(?:sleep|asleep)\b",
        r"\binsomnia\b|\bsleepless\b|\btossing and turning\b|\blie awake\b",
        r"\bsleep(?:ing)? (?:badly|terribly|tips|hygiene|routine|schedule|thing)\b",
        r"\bwak(?:e|ing) up at \d", r"\b(?:trouble|difficulty) (?:falling |getting to )?"
        r"sleep(?:ing)?\b", r"\bstill awake\b|\bhelp me sleep\b|\bsleep better\b|"
        r"\bbedtime routine\b|\bwind[- ]?down\b.{0,30}\b(?:bed|bedtime|sleep|night)\b|"
        r"\b(?:bedtime|night ?time|evening) wind[- ]?down\b|\bwind[- ]?down routine\b"),
    "safety-plan": _rx(
        r"\bsafety plan\b|\bcrisis plan\b|\bcoping plan\b|\bsafety planning\b",
        r"\bplan for (?:when|bad days|if)\b.{0,25}\b(?:bad|hard|unsafe)\b",
        r"\b(?:write|make|fill in|fill out|put together|draw up)\b.{0,25}\bplan\b.{0,50}\b(?:bad "
        r"(?:times|days|patch)|dark (?:times|days)|(?:it|things|they) (?:come|comes|came) back)\b",
        r"\bplan\b.{0,20}\b(?:written down|ready|on paper)\b.{0,30}\b(?:in case|if)\b.{0,20}"
        r"\b(?:comes? back|bad|dark)\b",
        r"\b(?:crisis team|counsell?or|therapist|care co-?ordinator|gp|nurse)\b.{0,40}\bplan\b"
        r".{0,20}\bfill (?:in|out)\b"),
}


def exercise_requests(text: str) -> list[str]:
    """Exercises a message asks for in so many words (may be empty or several)."""
    return [ex for ex, rx in _EXERCISE_RULES.items() if rx.search(text)]


_STOP = re.compile(
    r"^(?:please )?(?:stop|quit|cancel|exit|end|pause|enough|bas|leave it|forget it|never ?mind)"
    r"(?: (?:it|this|that|please|now|here|the exercise|this exercise))*[.! ]*$|"
    r"\b(?:i want to|i'?d like to|can we|let'?s|i wanna) (?:stop|quit|end|leave it)\b|"
    r"\bstop (?:the|this) exercise\b|\bi'?m done with this\b|\bthat'?s enough\b|"
    r"\bdon'?t want to do this any ?more\b|\bend (?:this|the) exercise\b|"
    r"\bcan we do something else\b|\bthis isn'?t helping\b", _F)
_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|ya|yea|y|sure|ok|okay|k|alright|fine|please|go on|go ahead|"
    r"absolutely|definitely|certainly|of course|why not|sounds good|let'?s do it|let'?s try|"
    r"yes please|ok sure|sure thing|mhm|haan|yess+|i'?d like that|let'?s go)"
    r"(?:[ ,]+(?:please|then|sure|ok|okay|let'?s do it|thanks|thank you|go on|let'?s try))*"
    r"[.! ]*$", _F)
_NO = re.compile(
    r"^(?:no|nope|nah|n|not now|not really|maybe later|no thanks|no thank you|i'?d rather not|"
    r"rather not|not today|i'?ll pass|nahi|not right now|not at the moment|i don'?t want to|"
    r"i don'?t think so)(?:[ ,]+(?:thanks|thank you|i'?m (?:ok|okay|good|fine)|im good))*"
    r"[.! ]*$", _F)
_SKIP = re.compile(r"^(?:skip|pass|next|skip (?:it|this|this one)|no idea|i don'?t know|"
                   r"idk|dunno)[.! ]*$", _F)
_HELP = re.compile(r"^(?:help|menu|options|commands)[?.! ]*$|\bwhat can you do\b|"
                   r"\bwhat (?:exercises|features) do you have\b|\bhow does this work\b", _F)
_GREET = re.compile(r"^(?:hi|hello|hey|hiya|heya|heyy+|yo|sup|wassup|howdy|namaste|"
                    r"good (?:morning|afternoon|evening)|morning|evening|hi there|hello there|"
                    r"hey there|hello again)\b[\w ,!.]{0,20}$", _F)
_THANKS = re.compile(r"^(?:(?:ok(?:ay)?|that helped|great)[, ]+)?(?:thanks|thank you|thx|ty|"
                     r"cheers|ta)\b", _F)
_BYE = re.compile(r"\b(?:bye|goodbye|good night|goodnight|see you|ttyl|gotta go|cya)\b", _F)
_HOW_ARE_YOU = re.compile(r"\bhow (?:are|r) (?:you|u)\b|\bhow'?s it going\b|\bwhat'?s up\b", _F)


def is_stop(text: str) -> bool:
    return bool(_STOP.search(text.strip()))


def is_yes(text: str) -> bool:
    return bool(_YES.match(text.strip()))


def is_no(text: str) -> bool:
    return bool(_NO.match(text.strip()))


def is_skip(text: str) -> bool:
    return bool(_SKIP.match(text.strip()))


def is_help(text: str) -> bool:
    return bool(_HELP.search(text.strip()))


def small_talk_kind(text: str) -> str | None:
    """greet | thanks | bye | how-am-i for short social messages, else None."""
    t = text.strip()
    if len(t.split()) > 8:
        return None
    if _HOW_ARE_YOU.search(t):
        return "how-am-i"
    if _BYE.search(t):
        return "bye"
    if _THANKS.match(t):
        return "thanks"
    if _GREET.match(t):
        return "greet"
    return None


_REQUESTING = re.compile(r"\b(?:can we|could we|let'?s|lets|help me|i want to|i'?d like to|"
                         r"^want to|^wanna|(?<=\. )want to|"
                         r"i wanna|please|pls|plz|try|exercise|do the|do some|teach me|show me|"
                         r"how do i|how can i|how to|can you|could you|would you|can u|could u|"
                         r"i need|need (?:to|some|help)|any tips|tips|what can i do|guide me|"
                         r"walk me through|talk me through|is there (?:a|an|something)|"
                         r"need (?:a way|something|a technique|a method)|"
                         r"want (?:a|an|some|something)|need (?:a|an)|i'?d like|id like|"
                         r"would like|do it with me|with me|pull up|break it down|a way to|"
                         r"where do i (?:even )?start|step by step|wind down|drop off|anchor me|"
                         r"bring me back|give me|let me|go (?:through|over)|look at|help)\b", _F)


def sounds_like_request(text: str) -> bool:
    """Whether a message asks for something (rather than telling how things are)."""
    return bool(_REQUESTING.search(text))


# Chat wording of acute risk that the journal screen's patterns do not cover (short, spoken
# messages). Deterministic; it can only raise the level the screen gave.
_CHAT_URGENT = _rx(
    r"\b(?:already|just) (?:took|taken|swallowed|downed|had)\b.{0,25}\b(?:\d+|all|whole|lot of|"
    r"bunch of|handful of|every)\b.{0,25}\b(?:pills|tablets|panadol|paracetamol|tylenol|"
    r"ibuprofen|aspirin|meds|codeine|oxy\w*|sleeping pills|benzos?|insulin)\b",
    r"\b(?:standing|sitting|stood|perched|sat) (?:on|at|by) (?:the )?(?:edge|ledge|roof|railing|"
    r"top) (?:of )?(?:my |the |a |this )?\w*\b.{0,20}\b(?:building|bridge|cliff|car park|"
    r"parking|tower|block|platform|tracks)\b|\bon the (?:ledge|railing|tracks)\b",
)
_CHAT_CONCERN = _rx(
    r"\b(?:not|won'?t|will not|wont) (?:going to |gonna )?be (?:here|around|alive)\b.{0,20}"
    r"\b(?:tomorrow|by (?:morning|then)|much longer|next week|for long|after tonight|"
    r"this time next)",
    r"\b(?:saved|saving|stockpil\w*|hoard\w*|collected|kept) (?:up )?(?:enough|all (?:my|the)|"
    r"a lot of)\b.{0,50}\b(?:to (?:make it stop|end it|do it|not wake up)|for good|"
    r"overdose|when the time comes)\b",
    r"\bmake it (?:all )?stop for good\b",
    r"\b(?:gave|giving|give) (?:away )?(?:my|all my)\b.{0,60}\b(?:gg|won'?t need (?:it|them)|"
    r"not going to need|don'?t need (?:it|them) anymore|where i'?m going)\b",
    r"\b(?:giving|gave|give) away (?:all )?(?:my|all my) (?:stuff|things|possessions|"
    r"belongings|stuff)\b",
    r"\bsay goodbye\b.{0,40}\bwithout (?:them|anyone|her|him|my \w+) (?:knowing|realising|"
    r"realizing|noticing)\b",
    r"\bthis is my (?:last|final) (?:night|day|message|week)\b",
    r"\bletters? to (?:everyone|all of them|my family)\b.{0,60}\bbefore i go\b",
    r"\bdon'?t (?:tell me to|make me) call (?:anyone|someone|a helpline|the police|999|911)\b",
    # someone at home is about to hurt the writer
    r"\b(?:he|she|my (?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepdad|mum|mom|"
    r"mother|stepmum|son|brother))(?:'s| is)? (?:going to|gonna|will|is about to|threatened to|"
    r"says (?:he|she)(?:'ll| will)) (?:really |actually )?(?:hurt|beat|strangle|choke|stab|shoot|"
    r"really kill|actually kill) me\b",
)


def chat_risk(text: str) -> str:
    """``urgent``, ``concern`` or ``none`` for chat wording of acute risk (see above)."""
    t = " ".join(text.split())
    if _CHAT_URGENT.search(t):
        return "urgent"
    return "concern" if _CHAT_CONCERN.search(t) else "none"


_NOT_NOW = re.compile(
    r"\b(?:last (?:week|month|year|night|time)|used to|years ago|got through (?:it|them)|"
    r"no longer|not any ?more|without panick\w*|feeling (?:fine|better|ok|okay) (?:now|today)|"
    r"small wins?|from yesterday|(?:it|that|this) (?:helped|worked)|actually worked)\b", _F)
_SOMEONE_ELSE = re.compile(
    r"\bmy (?:girlfriend|boyfriend|partner|wife|husband|friend|best friend|mate|mum|mom|dad|"
    r"son|daughter|sister|brother|kid|child|flatmate|roommate|colleague|student)'?s? (?:\w+ )?"
    r"(?:gets|has|is having|keeps|had|suffers)\b", _F)
_JUST_TALK = re.compile(r"\b(?:need|want|wanna|just) (?:to )?(?:vent|rant|talk|offload)\b", _F)


_AT_OTHERS = re.compile(r"\b(?:could|will|would|gonna|going to|i ll|i'?ll|about to) "
                        r"(?:murder|kill|strangle|throttle|batter|swing for) (?:whoever|whoe?ver|"
                        r"him|her|them|the (?!rest of me)\w+|my (?!self)\w+|someone|somebody|"
                        r"everyone|everybody|the lot of them)\b", _F)


def aimed_at_others(text: str) -> bool:
    """Everyday exasperation aimed at someone else ("I could murder whoever left the stockroom
    like this"): not a statement about the writer's own safety."""
    return bool(_AT_OTHERS.search(text))


def not_a_request_now(text: str) -> bool:
    """A message about a time that is over, about someone else, or asking just to talk: an
    exercise word in it ("had a panic attack last week") is not a request to start one."""
    if _ASK_NOW.search(text):
        return False
    return bool(_NOT_NOW.search(text) or _SOMEONE_ELSE.search(text)
                or _JUST_TALK.search(text))


_ASK_NOW = re.compile(r"\b(?:can we|could we|let'?s|help me|(?:i )?(?:want to|wanna|"
    r"would like to) (?:do|try|look|"
                      r"review|fill|write|make|set up|start|go through|schedule|plan|build|"
                      r"get back)|"
                      r"i'?d like to (?:do|try|look|review|go through|update|fill|write|make)|"
                      r"walk me through|can you|could you|"
                      r"can u|would you|pull up|show me|do it with me|i need|need a)\b", _F)


_WHY = re.compile(r"^(?:but |so |and |um |ok(?:ay)? )?(?:why|how come)\b(?: (?:did|do|would) "
                  r"(?:you|u) (?:say|said|ask|suggest|pick|choose|think|reply|answer)(?: "
                  r"(?:that|this|it|so|me that))?| that| this| (?:that|this) reply)?\s*[?!.]*$|"
                  r"^(?:why|how come) (?:did|do) (?:you|u) (?:say|suggest|ask) (?:that|this)\b"
                  r"[\w ,]{0,30}[?!.]*$|^what made you say (?:that|this)\b[?!. ]*$|"
                  r"^(?:explain|explain that|explain yourself)[?!. ]*$", _F)


def is_why(text: str) -> bool:
    """"Why did you say that?" and its short variants."""
    return bool(_WHY.search(" ".join(text.split())))
