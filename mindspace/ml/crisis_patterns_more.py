"""More English crisis phrasings for :mod:`mindspace.ml.crisis` (data only): the indirect and
colloquial forms people write in journals: conditional plans that name a method or a place,
goodbyes that do not name death, envy of the dead, calm acceptance of dying, slang, and
"they deserve a life without me". Same categories and context checks as
:mod:`mindspace.ml.crisis_patterns`; text is normalised by ``crisis_text.normalise``.
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p
from mindspace.ml.crisis_patterns_hidden import _MEDS

_DEATH_NEAR = (r"\b(?:died|dead|death|dying|passed away|passed|at peace|funeral|memorial|obituary|"
               r"grave|in (?:his|her|their) sleep|rest in peace|rip|buried|wake|gone now|"
               r"overdosed|(?:killed|hung|hanged) (?:himself|herself|themselves)|took (?:his|"
               r"her|their) own life)\b")
_PLACE = (r"(?:bridge|roof|rooftop|car park|parking garage|parking structure|multi storey|ledge|"
          r"balcony|cliff|overpass|tower|building|window|tracks|platform|motorway|highway)")

EN_MORE: tuple[Pattern, ...] = (
    # a method taken in the present tense as a consequence: "... and i am swallowing the bottle"
    _p("plan", r"\b(?:i am|i will be|i would be|im) (?:swallowing|taking|downing|necking|eating) "
       r"(?:\w+ ){0,3}?(?:whole|entire|every|all (?:of )?(?:my|the|his|her)) (?:\w+ )?(?:bottle|"
       r"box|pack|packet|strip|stash|supply|prescription|pills|tablets|meds)\b"),
    _p("plan", r"\b(?:swallow|swallowing|take|taking|down|downing|neck|necking) (?:\w+ ){0,2}?"
       r"(?:whole|entire) (?:\w+ )?(?:bottle|box|pack|packet|strip|stash) of (?:\w+ ){0,2}?"
       r"(?:pills|tablets|meds|painkillers|paracetamol|tylenol|sleeping pills|insulin|"
       r"antidepressants)\b"),
    _p("plan", r"\b(?:i am|i will be|im|i will) (?:going|jumping|stepping|driving|walking|throwing "
       r"myself) (?:off|from|into|in front of) (?:the |a |that |this |my )?(?:\w+ ){0,2}?"
       + _PLACE + r"\b"),
    # goodbyes that do not name death
    _p("indirect", r"\b(?:she|he|they|nobody|no one|mom|mum|dad|my \w+) (?:(?:does not|did not|"
       r"do not|will not|would not) (?:even )?(?:know|realise|realize)|(?:has|had|have) no idea) "
       r"(?:that )?(?:it is|it was|this is|this was|that was|it will be|that is)"
       r" (?:the |a |our |my )?(?:last|final|goodbye)\b", negatable=False),
    _p("plan", r"\bthe (?:\w+ ){0,3}?" + _PLACE + r"\b(?: \w+){0,5}? is where (?:i am|i will be|"
       r"i will|i) (?:going|go|doing it|do it|ending it|end it|jumping)\b"),
    _p("indirect", r"\b(?:my|our) (?:last|final) (?:hug|goodbye|conversation|dinner|talk)\b",
       requires=r"\b(?:does not know|did not know|do not know|no idea|will not know|without "
       r"telling|never know)\b"),
    # envy of the dead
    _p("passive", r"\b(?:jealous|envious|envy|envied)\b(?! of (?:their|his|her) "
       r"(?:life|job|house|holiday|family|kids))", requires=_DEATH_NEAR),
    _p("passive", r"\b(?:they are|they were|he is|she is|he was|she was) the lucky ones?\b|"
       r"\blucky (?:him|her|them|bastard|duck)\b", requires=_DEATH_NEAR, near=True),
    _p("passive", r"\b(?:wish|wishing) (?:it was|it were|it had been) me (?:instead|in (?:that|"
        r"the) "
       r"(?:coffin|casket|grave|crash))\b|\bshould have been me\b",
       requires=_DEATH_NEAR, negatable=False),
    # calm acceptance
    _p("ideation", r"\b(?:the )?(?:thought|idea) of (?:ending it|ending it all|dying|death|killing "
       r"myself|suicide|not waking up|being dead) (?:does not|no longer|did not|has stopped "
       r"(?:scaring|frightening)) ?(?:\w+ )?(?:scare|scares|frighten|frightens|bother|bothers|"
       r"upset|me)\b", negatable=False, current=True),
    _p("ideation", r"\b(?:dying|death|ending it|suicide|killing myself|not existing) (?:feels|"
       r"seems|sounds|is starting to feel|has started to feel) (?:\w+ )?(?:calm|peaceful|"
       r"comforting|soothing|like a plan|like an option|like a relief|like relief|normal)\b",
       negatable=False, current=True),
    _p("ideation", r"\b(?:dying|death|ending it|killing myself|suicide)\b[^|.!?]{0,60}\b(?:on|to) "
       r"my to do list\b|\bi am at peace with (?:dying|the idea of dying|ending it|my decision|"
       r"the decision|going)\b", negatable=False, current=True),
    _p("ideation", r"\b(?:used to (?:panic|freak out|be scared|be afraid|cry) when i thought about "
       r"(?:dying|death|ending it|killing myself))\b",
       requires=r"\b(?:now|these days|anymore|any more)\b", negatable=False, current=True),
    # burden: "they deserve a life without me"
    _p("indirect", r"\b(?:deserve|deserves|would have|would be happier with|need) (?:a )?"
       r"(?:better |happier |easier |good |peaceful |calmer )?life without me\b|"
       r"\b(?:better|happier|easier) (?:life|lives|off|place) without me (?:in it|around|"
       r"dragging)\b"),
    # slang
    _p("ideation", r"\b(?:forever|permanent|eternal|endless|dirt|final) (?:nap|sleep|snooze)\b",
       requires=r"\b(?:considering|consider|thinking about|want|wanna|ready for|need|take|"
       r"taking|planning|going to|craving)\b"),
    _p("indirect", r"\b(?:nobody|no one) would (?:even )?notice (?:if i (?:was|were|am) gone|for "
       r"days|for weeks|i am gone|i was gone|if i died|if i disappeared)\b"),
    # after an attempt: "i still think about finishing the job"
    _p("ideation", r"\b(?:think|thinking|thought|dream|dreaming) about (?:finishing|finish) "
       r"(?:the job|it|it off|what i started)\b",
       requires=r"\b(?:swallow\w*|overdos\w*|pills|tablets|attempt\w*|a and e|hospital|"
       r"woke up|noose|rope|cut|jump\w*)\b", near=True, current=True),
    _p("ideation", r"\b(?:only|one) (?:way out|answer|solution|option)\b[^.!?|]{0,40}\bme not "
       r"being (?:in the picture|here|around|alive)\b", negatable=False),
    # burden: "everyone would be better off if they did not have to keep me alive"
    _p("indirect", r"\bbetter off if (?:they|you|he|she|we|everyone|people|my \w+) (?:did not|"
       r"no longer|never) (?:have|had) to (?:keep me alive|look after me|care for me|deal with "
       r"me|worry about me|carry me)\b", current=True),
    # envy of the dead: "he had the right idea", "i want that rest too"
    _p("passive", r"\b(?:he|she|they) (?:had|has|have|got) (?:the right idea|it right|it "
       r"figured out)(?= *(?:$|[|.!?,;]| all along| after all))|\bi want (?:that|the same|their|"
       r"his|her) (?:rest|peace|quiet|sleep) too\b",
       requires=r"\b(?:(?:killed|hung|hanged|shot) (?:himself|herself|themselves)|took (?:his|her|"
       r"their) own life|overdosed|suicide|dead people|the dead|jumped)\b", near=True,
       negatable=False, other_ok=True, current=True),
    # a goodbye to children in the third person: "sorry kids. dad loved you ..."
    _p("goodbye_letter", r"\b(?:dad|daddy|mum|mummy|mom|mommy|mama|papa) (?:loved|always loved|"
       r"really loved) you\b",
       requires=r"\b(?:sorry|look after|forgive|goodbye|take care of)\b", near=True,
       other_ok=True),
    _p("indirect", r"\bworth more (?:to (?:them|her|him|my family) )?dead than alive\b"),
    _p("ideation", r"\bthinking about (?:killing myself|dying|ending it|suicide|ending my life)\b"
       r"[^.!?|]{0,20}\b(?:does not|no longer|doesnt|do not) (?:scare|frighten|bother|upset)",
       negatable=False, current=True),
    _p("goodbye_letter", r"\bletters? for (?:the kids|my kids|the children|my children|my wife|"
       r"my husband|everyone|each of (?:them|you)|mum and dad|my parents)\b[^.!?|]{0,30}\b(?:are|"
       r"is) (?:in|on|under|with)\b", other_ok=True),
    _p("plan", r"\b(?:gun (?:cabinet|safe|cupboard) key|key (?:to|for) the gun (?:cabinet|safe))"
       r"\b", requires=r"\bnote\b|\bsquared away\b|\bsorted\b", near=True),
    # "just took like 20 of my seroquel", "took about 20 of my mum's BP tablets"
    _p("plan", r"\b(?:took|taken|swallowed|downed|necked) (?:like |about |around |maybe |nearly |"
       r"over |almost |roughly )?(?:\d{2,}|twenty|thirty|forty|fifty|sixty|a dozen|two dozen) "
       r"(?:of )?(?:\w+ ){0,4}?" + _MEDS + r"\b(?! (?:over|in|across|during) (?:the |a )?(?:course|"
       r"week|month|year|day)| as prescribed| a day| every)", current=True),
    # researching a place: "which stretch of the line has no fencing"
    _p("plan", r"\b(?:which|what|the) (?:stretch|part|section|bit|end) of (?:the )?(?:line|track|"
       r"tracks|railway|motorway|bridge|cliff|river|quarry|viaduct)\b[^.!?|]{0,30}\b(?:no|"
       r"without|not got|has no|missing) (?:fencing|fence|fences|barrier|barriers|railings?|"
       r"cameras?|cctv|nets?)\b"),
)

# Spans that make an overlapping match a minimised complaint, not a risk statement: "tired of
# everything this week but nothing a nap can not fix".
EN_IDIOMS = (
    r"\b(?:tired of everything|done with everything|give up|giving up|can not anymore)\b"
    r"(?=[^.!?|]{0,40}\bbut (?:nothing|it is nothing) (?:a|an|some|that)\b[^.!?|]{0,40}\b"
    r"(?:can not|will not|would not|wont) (?:fix|cure|sort)\b)"
)

# An overdose named as a subject of study or work ("pharmacology exam: paracetamol overdose and
# its antidote"), in any of the screened languages; only when the writer does not say it of
# themselves right before it.
STUDY_MATCH = (r"^(?:overdos|sobredos|surdos|uberdos|lethal dos|dosis letal|dose letal|"
               r"letale dosis|suizid|selbstmord|suicidio|pensamientos "
               r"suicidas|idees suicidaires|pensamentos suicidas|ideias suicidas|autolesion|"
               r"automutil|selbstverletz)")
STUDY_CONTEXT = (
    r"\b(?:exam|exams|midterm|midterms|final|finals|quiz|lecture|class|course|module|modules|"
    r"studying|revision|revising|flashcards|pharm|pharmacology|toxicology|nursing|med school|"
    r"first aid|symptoms|management|antidote|naloxone|narcan|n acetylcysteine|syllabus|"
    r"textbook|examen|farmaco|farmacologia|clase|parcial|antidoto|klausur|prufung|"
    r"pharmakologie|vorlesung|antidot|partiel|cours|pharmaco|prova|exame|aula|faculdade|"
    r"fortbildung|schulung|seminar|vortrag|workshop|curso|charla|taller|formation|palestra|"
    r"treinamento|pravention|prevencion|prevention|prevencao|geubt|gelernt|aprendimos|aprendi|"
    r"appris|aprendemos|practicamos|learned|learnt|learning|taught|patient|patients|paciente|pacientes|patiente|doente|"
    r"we lost|lost a|lost an|lost the|perdimos|perdemos|perdi a|perdu un|perdu une|verloren|"
    r"urgencias|pronto socorro|resus|a and e|on nights|nachtdienst|plantao|guardia|pharmacy|"
    r"quizzed|quizzing|ed rota|admitted (?:a|an|another|two|three) (?:\w+ )?(?:lad|man|woman|"
    r"girl|boy|patient|teen|teenager|kid|student|lady|gentleman|chap|fella))\b"
)
# "saying they were going to kms": the slang names someone else's words
OTHER_SLANG = (
    r"\b(?:they|he|she|someone|somebody|people|person|user|guy|girl|kid|commenter|poster) "
    r"(?:\w+ ){0,3}$"
)
