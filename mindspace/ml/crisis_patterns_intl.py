"""Crisis pattern tables for Spanish, French, German and Portuguese (data only).

Same style and categories as :mod:`mindspace.ml.crisis_patterns`, and they pass through the
same context checks in :mod:`mindspace.ml.crisis`. The text they run over is normalised by
``crisis_text.normalise``: lower case, accents removed ("día" -> "dia", "não" -> "nao",
"möchte" -> "mochte", "ß" -> "ss"), apostrophes dropped inside words ("j'ai" -> "jai",
"c'est" -> "cest"), hyphens between letters turned into spaces ("matar-me" -> "matar me").

Written with care to stay first person and explicit: a negation in front of the phrase
("no quiero morir", "não quero morrer") cancels it through ``NEGATION_CUES``; the negated
forms that *are* risk ("ya no quiero vivir", "je ne veux plus vivre", "ich will nicht mehr
leben", "não quero mais viver") are their own non-negatable patterns; everyday idioms
("me muero de risa", "je vais mourir de honte", "ich lach mich tot", "morrendo de rir",
"este examen me está matando") are excluded by lookaheads or never matched.
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p

# "die of laughter / shame / hunger": an idiom in each language
_ES_IDIOM = (r"(?! de (?:la |el )?(?:risa|verguenza|hambre|sueno|calor|frio|amor|ganas|"
             r"aburrimiento|envidia|pena|nervios|celos))")
_FR_IDIOM = r"(?! (?:de|d) ?(?:rire|honte|faim|froid|chaud|ennui|fatigue|peur|jalousie))"
_DE_IDIOM = r"(?! vor (?:scham|lachen|langeweile|hunger|hitze|kalte|peinlichkeit|neid))"
_PT_IDIOM = (r"(?! de (?:rir|vergonha|fome|sono|calor|frio|saudade|tedio|inveja|rir|"
             r"estudar|trabalhar|amor))")
# up to two words between, none a negation or "vor" ("ich will vor Scham sterben")
_DE_WORDS = r"(?:(?!nicht\b|nie\b|kein\w*\b|vor\b)\w+ ){0,2}"
_END = r"(?= *(?:$|[|.!?,;]))"  # the phrase ends its clause

_ES_PILLS = r"(?:pastillas|pildoras|medicinas|medicamentos|calmantes|somniferos)"
_FR_PILLS = r"(?:cachets|comprimes|medicaments|pilules|somniferes)"
_DE_PILLS = r"(?:tabletten|pillen|schlaftabletten|medikamente)"
_PT_PILLS = r"(?:comprimidos|remedios|pilulas|calmantes|medicamentos)"

INTL_PATTERNS: tuple[Pattern, ...] = (
    # ---- Spanish ---------------------------------------------------------------------
    _p("ideation", r"\b(?:quiero|quisiera|necesito|deseo) (?:(?!no\b)\w+ )?(?:morir(?:me)?|"
       r"matarme|suicidarme|quitarme la vida|estar muert[oa])\b" + _ES_IDIOM),
    _p("ideation", r"\bme (?:quiero|voy a|pienso|gustaria) (?:matar|suicidar|quitar la vida)\b"
       + _ES_IDIOM),
    _p("ideation", r"\b(?:voy a|pienso|he decidido|decidi|tengo ganas de|ganas de) (?:matarme|"
       r"suicidarme|quitarme la vida|morir(?:me)?|acabar con mi vida)\b" + _ES_IDIOM),
    _p("ideation", r"\b(?:pensamientos|ideas) suicidas\b|\b(?:soy|me siento|estoy) suicida\b|"
       r"\bpienso en (?:el )?suicidio\b"),
    _p("ideation", r"\b(?:ya )?no quiero (?:seguir )?(?:vivir|viviendo|existir|estar aqui)\b"
       r"(?! (?:en|con|sin|solo|sola|alli|lejos|cerca|de alquiler)\b)", negatable=False),
    _p("ideation", r"\bacabar con (?:mi vida|todo)\b" + _END,
       requires=r"\b(?:quiero|voy a|pienso|quisiera|ganas|decidi)\b"),
    _p("plan", r"\b(?:tomar(?:me)?|tragar(?:me)?|me tome|me trague) (?:todas (?:las|mis) |"
       r"muchas |un bote de |una caja de |un punado de )(?:\w+ )?" + _ES_PILLS + r"\b"),
    _p("plan", r"\b(?:tengo|guardo|junte|compre|he juntado|he guardado) (?:\w+ ){0,3}?"
       + _ES_PILLS + r"\b", requires=r"\b(?:morir|matarme|suicid\w*|quitarme la vida|esta "
       r"noche|todas|acabar)\b"),
    _p("plan", r"\b(?:ahorcarme|colgarme|cortarme las venas|tirarme (?:del|desde el|desde un|"
       r"de un|por la|a las|al) (?:\w+ )?(?:puente|edificio|balcon|ventana|tren|vias|azotea|"
       r"tejado|metro|acantilado)|lanzarme al vacio)\b"),
    _p("plan", r"\bsobredosis\b(?! de (?:cafeina|cafe|azucar|chocolate|series|trabajo))"),
    _p("plan", r"\b(?:carta|nota) (?:de )?(?:despedida|suicidio)\b",
       requires=r"\b(?:escribi|escrito|dejo|deje|mi|he|tengo)\b"),
    _p("self_harm", r"\b(?:me corto|me corte|cortarme|me autolesiono|autolesionarme|"
       r"me hago dano|hacerme dano|me quemo|quemarme)\b(?! (?:el|la|los|las|un|una|mis?) "
       r"(?:pelo|cabello|flequillo|unas|barba|dedo|dedos|puntas)\b| (?:cocinando|sin querer|"
       r"por accidente|afeitandome|con (?:el|un|la) (?:papel|horno|sarten|plancha)))"),
    _p("self_harm", r"\bautolesion(?:es|arme)?\b"),
    _p("self_harm", r"\bganas de (?:cortarme|hacerme dano|autolesionarme|lastimarme|quemarme)\b"),
    _p("indirect", r"\b(?:estarian|estaria|estarias|estaran) mejor sin mi\b"),
    _p("indirect", r"\bnadie (?:me )?(?:extranaria|echaria de menos|notaria si (?:muero|"
       r"desaparezco|me muero))\b"),
    _p("indirect", r"\b(?:esta es )?mi (?:ultima|ultimo) (?:entrada|carta|mensaje|despedida)\b|"
       r"\bme despido de todos\b|\badios a todos\b" + _END + r"|\bya no estare (?:aqui|mucho "
       r"tiempo)\b"),
    _p("passive", r"\bojala (?:me muriera|estuviera muert[oa]|no despertara|no despertar|"
       r"desapareciera|no existiera|no hubiera nacido)\b", negatable=False),
    _p("passive", r"\b(?:quisiera|quiero) (?:dormir y )?no (?:despertar|existir|haber nacido)\b|"
       r"\bdormir(?:me)? y no despertar\b", negatable=False),
    _p("passive", r"\b(?:la vida|vivir) no vale la pena\b|\bno tengo (?:ninguna )?razon (?:para|"
       r"de) vivir\b|\bno tengo por (?:que|quien) vivir\b", negatable=False),
    _p("hopelessness", r"\b(?:ya )?no (?:puedo|aguanto) mas\b" + _END, negatable=False),
    _p("hopelessness", r"\bsoy una carga\b|\bme siento (?:una carga|sin esperanza)\b|"
       r"\bno (?:hay|veo) (?:ninguna )?salida\b", negatable=False),
    # ---- French ----------------------------------------------------------------------
    _p("ideation", r"\bje (?:veux|voudrais|souhaite) (?:(?!pas\b|plus\b|jamais\b)\w+ )?(?:mourir|"
       r"me tuer|me suicider|en finir|moter la vie|mettre fin a mes jours)\b" + _FR_IDIOM),
    _p("ideation", r"\bje vais (?:me tuer|me suicider|en finir|mettre fin a mes jours)\b"
       r"(?! (?:a la tache|au travail|a force|avec (?!la vie|ma vie|tout)))"),
    _p("ideation", r"\bj ?ai envie (?:de |d ?)(?:mourir|me tuer|me suicider|en finir|"
       r"disparaitre)\b"
       + _FR_IDIOM),
    _p("ideation", r"\b(?:pensees|idees) suicidaires\b|\bje suis suicidaire\b|"
       r"\bje pense (?:au suicide|a me tuer|a me suicider)\b"),
    _p("ideation", r"\bje (?:ne )?veux plus (?:vivre|exister|etre la)\b|"
       r"\bje nai plus envie de vivre\b", negatable=False),
    _p("plan", r"\b(?:me pendre|m ?ouvrir les veines|me jeter (?:du|d un|de la|sous|par la) "
       r"(?:\w+ )?(?:pont|toit|balcon|fenetre|falaise|immeuble|train|metro|voiture)|sauter (?:du|"
       r"d un|de la|dun) (?:\w+ )?(?:pont|toit|balcon|fenetre|falaise|immeuble))\b"),
    _p("plan", r"\b(?:avaler|prendre|jai pris|jai avale) (?:toute la boite de|tous mes|toutes mes|"
       r"tous les|toutes les|une boite de|plein de) (?:\w+ )?" + _FR_PILLS + r"\b"),
    _p("plan", r"\bsurdose\b|\blettre dadieu\b"),
    _p("self_harm", r"\bje me (?:scarifie|mutile|fais du mal|suis fait du mal|suis coupee?|coupe|"
       r"brule)\b(?! (?:les|mes|la|le|un) (?:cheveux|ongles|doigt|doigts|frange|barbe)\b| (?:en "
       r"(?:cuisinant|me rasant)|par accident|sans faire expres|avec (?:le|un|la) (?:papier|four|"
       r"fer|poele)))"),
    _p("self_harm", r"\b(?:scarification|automutilation|me scarifier)\b|"
       r"\benvie de me (?:couper|scarifier|faire du mal|bruler)\b"),
    _p("indirect", r"\b(?:ils|elles|tout le monde|ma famille|vous|on) (?:seraient|serait|seriez) "
       r"mieux sans moi\b|\bje ne manquerais a personne\b|\bpersonne ne (?:me )?"
       r"(?:regretterait|remarquerait si je (?:mourais|disparaissais))\b", negatable=False),
    _p("indirect", r"\badieu (?:a tous|tout le monde|le monde)\b|\bcest (?:mon dernier|ma "
       r"derniere) (?:message|mot|lettre|entree)\b"),
    _p("passive", r"\b(?:jaimerais|je voudrais|je souhaite|jespere) (?:ne (?:pas|plus|jamais) "
       r"me reveiller|ne (?:jamais )?etre nee?|etre morte?|disparaitre pour toujours)\b",
       negatable=False),
    _p("passive", r"\b(?:la vie|vivre) ne vaut (?:pas|plus) la peine\b|\b(?:plus )?aucune "
       r"raison de vivre\b|\bdormir et ne (?:jamais|plus|pas) me reveiller\b", negatable=False),
    _p("hopelessness", r"\bje nen peux plus\b" + _END + r"|\bje suis (?:un fardeau|une charge)\b|"
       r"\bsans (?:aucun )?espoir\b(?= *(?:$|[|.!?,;]))", negatable=False),
    # ---- German ----------------------------------------------------------------------
    _p("ideation", r"\bich (?:will|mochte|wurde gerne|wurde lieber|wunsche mir) " + _DE_WORDS
       + r"(?:sterben|tot sein|mich umbringen|mich toten|mir das leben nehmen|nicht mehr leben|"
       r"nicht mehr da sein|nicht mehr aufwachen|selbstmord begehen)\b" + _DE_IDIOM),
    _p("ideation", r"\bich " + _DE_WORDS + r"(?:sterben|tot sein|mich umbringen|nicht mehr "
       r"leben) (?:will|mochte)\b" + _DE_IDIOM),
    _p("ideation", r"\bich (?:bringe|bring) mich (?:\w+ ){0,4}?um" + _END
       + r"|\bich werde mich umbringen\b|\bich tote mich\b|"
       r"\bmeinem leben ein ende (?:setzen|machen)\b|\bmein leben beenden\b"),
    _p("ideation", r"\b(?:selbstmordgedanken|suizidgedanken|suizidal)\b|\bich denke an "
       r"(?:selbstmord|suizid)\b"),
    _p("plan", r"\bmich (?:zu )?(?:erhangen|aufhangen|vergiften|vor (?:den|einen) zug werfen)\b|"
       r"\b(?:von (?:der|einer|dem) |vom )(?:\w+ )?(?:brucke|dach|hochhaus|balkon|turm) "
       r"(?:zu )?(?:springen|sturzen)\b|\bmir die pulsadern aufschneiden\b|\balle (?:meine |"
       r"die )?" + _DE_PILLS + r" (?:zu )?(?:nehmen|schlucken)\b|\buberdosis\b|"
       r"\babschiedsbrief\b"),
    _p("self_harm", r"\bich (?:ritze|verletze|schneide) mich\b(?! (?:beim|aus versehen|"
       r"versehentlich|am papier|an der|am messer))|\bselbstverletz\w*\b|\bmich (?:zu )?"
       r"ritzen\b"),
    _p("indirect", r"\bohne mich (?:waren|ware|waere|ginge es) (?:\w+ ){0,2}besser\b|"
       r"\bniemand wurde mich vermissen\b|\b(?:lebt wohl|lebewohl) (?:alle|ihr)\b|"
       r"\bdas ist mein letzter (?:eintrag|brief)\b|\bbald bin ich nicht mehr da\b",
       negatable=False),
    _p("passive", r"\bwunschte,? ich (?:ware|waere) (?:tot|nie geboren)\b|\b(?:einschlafen|"
       r"schlafen) und nie (?:mehr|wieder) aufwachen\b|\bdas leben ist (?:es )?nicht (?:mehr )?"
       r"lebenswert\b|\bkeinen grund (?:mehr )?zu leben\b|\bwozu noch leben\b",
       negatable=False),
    _p("hopelessness", r"\bich kann nicht mehr\b" + _END + r"|\bich bin (?:nur )?eine last\b|"
       r"\bkeinen ausweg\b", negatable=False),
    # ---- Portuguese ------------------------------------------------------------------
    _p("ideation", r"\b(?:quero|queria|preciso|desejo) (?:(?!nao\b)\w+ )?(?:morrer|me matar|"
       r"matar me|me suicidar|suicidar me|tirar (?:a )?minha (?:propria )?vida|estar mort[oa])\b"
       + _PT_IDIOM),
    _p("ideation", r"\bvou (?:me matar|matar me|me suicidar|tirar (?:a )?minha (?:propria )?vida|"
       r"acabar com (?:a )?minha vida)\b" + _PT_IDIOM),
    _p("ideation", r"\b(?:pensamentos|ideias) suicidas\b|\bestou suicida\b|\bpenso em (?:me "
       r"matar|suicidio)\b"),
    _p("ideation", r"\b(?:ja )?nao quero (?:mais )?(?:viver|existir|estar aqui)\b(?! (?:em|com|"
       r"sem|longe|perto|sozinh\w*|ali|la|de aluguel)\b)", negatable=False),
    _p("plan", r"\b(?:tomar|engolir|tomei|engoli) (?:todos os|todas as|um monte de|uma caixa de|"
       r"a caixa de|um frasco de|muitos|muitas) (?:\w+ )?" + _PT_PILLS + r"\b"),
    _p("plan", r"\b(?:tenho|guardei|juntei|comprei|guardando|juntando) (?:\w+ ){0,3}?" + _PT_PILLS
       + r"\b", requires=r"\b(?:morrer|me matar|suicid\w*|esta noite|todos|acabar)\b"),
    _p("plan", r"\b(?:me enforcar|enforcar me|cortar os pulsos|(?:me jogar|pular) (?:da|do|de "
       r"uma|de um|na frente do) (?:\w+ )?(?:ponte|predio|telhado|janela|varanda|viaduto|trem|"
       r"metro|carro))\b"),
    _p("plan", r"\b(?:carta|bilhete|nota) (?:de )?(?:despedida|suicidio)\b",
       requires=r"\b(?:escrevi|escrito|deixei|minha|tenho|deixo)\b"),
    _p("self_harm", r"\b(?:me corto|me cortei|me cortar|cortar me|me queimar|me queimei|"
       r"me ferir|me firo|me mutilar|automutila\w*|autolesao)\b(?! (?:o|a|os|as|meu|minha|"
       r"um|uma) (?:cabelo|unhas?|dedo|dedos|franja|barba)\b| (?:cozinhando|sem querer|por "
       r"acidente|fazendo a barba|com (?:o|a|um|uma) (?:papel|forno|frigideira|ferro)))"),
    _p("self_harm", r"\bme machuc(?:ar|o|ando)\b(?! (?:o|a|no|na|jogando|correndo|treinando))",
       requires=r"\b(?:quero|vontade|de novo|preciso|proposito|queria|outra vez)\b"),
    _p("indirect", r"\b(?:estariam|estaria|ficariam|ficaria) melhor sem mim\b|\bninguem "
       r"(?:sentiria|vai sentir) (?:a )?minha falta\b", negatable=False),
    _p("indirect", r"\badeus a todos\b" + _END + r"|\besta e (?:a )?minha ultima (?:mensagem|"
       r"entrada|carta)\b"),
    _p("passive", r"\b(?:queria|gostaria de|quem me dera) (?:nao acordar mais|nunca mais acordar|"
       r"dormir e nao acordar|nao existir|nunca ter nascido|estar mort[oa]|sumir para sempre)\b|"
       r"\bdormir e nunca mais acordar\b", negatable=False),
    _p("passive", r"\ba vida nao vale a pena\b|\bnao tenho (?:nenhum )?motivo para viver\b|"
       r"\bnenhuma razao para viver\b", negatable=False),
    _p("hopelessness", r"\bnao aguento mais\b" + _END + r"|\bsou um (?:peso|fardo)\b|"
       r"\bnao (?:ha|tem|vejo) saida\b", negatable=False),
    # ---- Italian (explicit only) -----------------------------------------------------
    _p("ideation", r"\b(?:voglio morire|mi voglio uccidere|voglio uccidermi|voglio suicidarmi)\b"),
)

# Stems that let a sentence through the crisis screen's fast pre-filter.
INTL_TRIGGER = (
    r"\b(?:mor|muert|mort|matar|matan|suicid|vivir|viver|vivre|vida|vie\b|leben|despert|"
    r"acordar|reveill|aufwach|pastill|pildor|medic|calmant|somnif|comprim|cachet|pilul|tablett|"
    r"pill|remedio|ahorc|colgar|tirarme|lanzarme|venas|veines|pulso|pulsader|sobredosis|surdose|"
    r"uberdosis|cort|corte|coupe|dano|lastim|quem|brule|autoles|automutil|scarif|mutil|ritz|"
    r"verletz|schneid|machuc|ferir|firo|sin mi|sem mim|sans moi|ohne mich|extran|echaria|"
    r"falta|manquer|regrett|vermiss|despedi|despido|adios|adeus|adieu|lebt wohl|lebewohl|"
    r"ultim|dernier|letzt|carga|fardo|fardeau|charge|peso|last\b|puedo mas|aguant|peux plus|"
    r"kann nicht mehr|salida|saida|ausweg|espoir|esperanza|vale la pena|vaut|lebenswert|"
    r"razon|razao|raison|motivo|grund|ojala|quem me dera|sterb|tot\b|tote|umbring|ende|"
    r"selbstmord|suizid|finir|tuer|pendre|jeter|sauter|spring|sturz|erhang|aufhang|vergift|"
    r"enforc|jogar|pular|abschied|dadieu|existir|exister|estar aqui|etre la|nicht mehr da|"
    r"nascid|nacid|geboren|nee\b|uccid|estare|bringe? mich)"
)
