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

# "un estorbo en la cocina": in the way somewhere, not a burden
_NOT_IN_THE_WAY = (r"(?! (?:en|aqui en|ahi en|para) (?:la |el |los |las )?(?:cocina|paso|camino|"
                   r"medio|puerta|pasillo|cancha|foto|partido|mudanza)\b)")

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
       r"disparaitre(?! (?:sous|quelques|en vacances|un moment|un peu|de (?:la|ce|cette)|"
       r"du|dans (?:mon|ma|un|une))\b))\b"
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
       r"brule)\b(?! (?:les|mes|la|le|un) (?:cheveux|ongles|doigt|doigts|main|mains|langue|"
       r"levres?|frange|barbe)\b| (?:en "
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
       r"die )?" + _DE_PILLS + r" (?:zu )?(?:nehmen|schlucken)\b|\buberdosis\b|\babschiedsbrief\b"),
    _p("self_harm", r"\bich (?:ritze|verletze|schneide) mich\b(?! (?:beim|aus versehen|"
       r"versehentlich|am papier|an der|am messer))|\bselbstverletz\w*\b|\bmich (?:zu )?ritzen\b"),
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
    # ---- Spanish: colloquial, indirect and negated-form risk --------------------------
    _p("ideation", r"\b(?:pienso|pensar|pensando|penso|pense) en (?:matarme|suicidarme|quitarme "
       r"la vida|morirme|acabar con (?:todo|mi vida)|desaparecer para siempre|tirarme)\b"),
    _p("ideation", r"\b(?:desvivirme|desvivir me|quitarme de en medio|darme un tiro|pegarme un "
       r"tiro|colgarme de)\b"),
    _p("ideation", r"\bya no me (?:da|dan) miedo (?:pensar en )?(?:morir(?:me)?|matarme|la muerte|"
       r"suicidarme|acabar con todo)\b|\b(?:morir|matarme|acabar con todo|la muerte) ya no me "
       r"(?:da|asusta)\b", negatable=False, current=True),
    _p("passive", r"\bno tengo (?:ningunas? )?ganas de (?:vivir|seguir viviendo|seguir|existir)\b|"
       r"\bsin ganas de vivir\b|\bestoy (?:harto|harta|cansado|cansada) de vivir\b",
       negatable=False),
    _p("plan", r"\b(?:me aviento|aventarme|me tiro|me lanzo|tirarme|lanzarme|me voy a (?:tirar|"
       r"aventar|lanzar)) (?:del|de la|desde el|desde la|desde un|de un|de una|al|a las|a la|por "
       r"el|por la) (?:\w+ ){0,2}?(?:puente|edificio|balcon|ventana|tren|vias|azotea|tejado|metro|"
       r"acantilado|piso|techo|periferico)\b"),
    _p("plan", r"\bme (?:las|los) (?:tomo|trago|voy a tomar|tomare|tomaria) (?:todas|todos)\b|"
       r"\b(?:tomarme|tragarme) (?:todas|todos) (?:las|los|mis)\b|"
       r"\b(?:juntando|acumulando|junte|he juntado|llevo juntando|guardando) (?:\w+ ){0,3}?"
       + _ES_PILLS + r"\b"),
    _p("plan", r"\b(?:busque|buscando|busco|investigue|investigando) (?:que|cual|cuantas|cuanta|"
       r"como) (?:puente|edificio|azotea|dosis|pastillas|altura)\b"),
    _p("indirect", r"\b(?:deje|dejo|escribi|he escrito|he dejado) (?:una )?(?:carta|cartas|nota|"
       r"notas) (?:a|para|pa) (?:mi|mis|cada|todos)\b",
       requires=r"\b(?:regale|di mis|todo en orden|todo arreglado|ya esta todo|despedi|adios)\b"),
    _p("indirect", r"\b(?:allen|jedem|meiner familie|meinen eltern) (?:einen |nen |ein )?(?:brief|"
       r"briefe|abschiedsbrief) (?:geschrieben|hinterlassen)\b", requires=r"\b(?:geschenkt|"
       r"verschenkt|alles geregelt|alles erledigt|abschied)\b", negatable=False),
    _p("indirect", r"\b(?:que suerte (?:tiene|tienen|tuvo)|ya descanso y yo|(?:el|ella|ellos) ya "
       r"descans(?:o|an|aron)|envidio a (?:los muertos|mi \w+|el|ella)|le tengo envidia)\b",
       requires=r"\b(?:velorio|funeral|entierro|murio|muerto|muerta|muertos|descanso|descansa|"
       r"yo sigo|envidi\w*)\b", negatable=False),
    _p("indirect", r"\b(?:estarian|estaria|estarias|estaran|vivirian|viviria) (?:\w+ )?mejor sin "
       r"mi\b|\bsoy un estorbo\b" + _NOT_IN_THE_WAY, negatable=False),
    _p("hopelessness", r"\bno (?:hay|tengo|veo) (?:ningun )?futuro (?:para mi|pa mi)\b|\bnada va a "
       r"mejorar\b|\bestoy (?:harto|harta) de todo\b", negatable=False),
    # ---- French: colloquial, indirect and negated-form risk ---------------------------
    _p("ideation", r"\b(?:me foutre en l ?air|me buter|me flinguer|me faire sauter le caisson|"
       r"me tirer une balle|en finir avec (?:la vie|ma vie|tout ca|tout))\b"),
    _p("ideation", r"\b(?:je vais|jvais|je veux|jveux|envie de|a deux doigts de|pense a|penser a|"
       r"je pense a) (?:mettre fin a mes jours|en finir(?! avec (?!la vie|ma vie|tout))|me tuer|"
       r"me suicider|me pendre|tout arreter pour de bon)\b"),
    _p("ideation", r"\b(?:lidee|la pensee|lenvie) (?:den finir|de mourir|de me tuer|de me suicider|"
       r"de la mort|du suicide) (?:ne )?me fait (?:plus|pas|meme plus) (?:du tout )?peur\b|"
       r"\b(?:mourir|la mort|en finir) (?:ne )?me fait plus peur\b", negatable=False, current=True),
    _p("passive", r"\b(?:mendormir|dormir|m endormir) et (?:ne )?(?:plus jamais|jamais plus|plus|"
       r"jamais|pas) (?:me )?reveiller\b|\bjai plus envie de vivre\b|\bplus envie de vivre\b|"
       r"\bmarre de vivre\b", negatable=False),
    _p("plan", r"\b(?:je saute|jsaute|je me jette|je vais sauter|je sauterai|sauter) (?:du|de la|"
       r"dun|d un|de ce|par la|sous le|sous un) (?:\w+ ){0,2}?(?:pont|toit|balcon|fenetre|"
       r"falaise|immeuble|train|metro|viaduc)\b"),
    _p("plan", r"\b(?:mis de cote|stocke|accumule|je garde|jai garde|collectionne) (?:\w+ ){0,3}?"
       r"(?:medocs|cachets|comprimes|medicaments|pilules|somniferes)\b(?! (?:\w+ ){0,2}?"
       r"(?:perime\w*|pour (?:les )?(?:rapporter|jeter|donner|ramener)))|\bje prends tout\b(?= *"
       r"(?:$|[|.!?,;]))|\b(?:avaler|prendre) (?:toute la boite|tout le tube|tous les medocs)\b"),
    _p("self_harm", r"\bje me suis (?:encore |de nouveau |a nouveau )?(?:scarifiee?|coupee?|"
        r"mutilee?|"
       r"fait du mal|brulee?)\b(?! (?:les|mes|la|le|un) (?:cheveux|ongles|doigt|doigts|main|"
       r"mains|langue|levres?|frange)\b|"
       r" en (?:cuisinant|me rasant|sortant|faisant|preparant|repassant|cuisant|jardinant)| par "
       r"accident| (?:avec|au|a la|sur) (?:le |un |la |une )?(?:papier|four|fer|poele|casserole|"
       r"plaque|barbecue|soleil|bouilloire|vapeur))"),
    _p("indirect", r"\b(?:ecrit|laisse) une lettre (?:pour|a) (?:chacun|tout le monde|ma famille|"
       r"mes parents)\b|\b(?:je lenviais|jenvie les morts|lui au moins il est tranquille|elle au "
       r"moins elle est tranquille|au moins (?:il|elle) est (?:tranquille|en paix))\b",
       negatable=False),
    _p("hopelessness", r"\b(?:aucun |pas d ?|plus d ?)avenir pour moi\b|\bje (?:ne )?(?:m ?imagine|"
       r"me vois) (?:meme )?(?:pas|plus) dans (?:un|deux|cinq) ans\b", negatable=False),
    # ---- German: colloquial, indirect and negated-form risk ---------------------------
    _p("ideation", r"\bmich (?:umzubringen|wegzumachen|wegmachen|abzumurksen|kaltzumachen|"
       r"zu toten|aufzuhangen|zu erhangen)\b|\bmir (?:was|etwas) (?:anzutun|antun)\b|"
       r"\b(?:alles|mein leben|allem) (?:zu )?beenden\b|\bmit (?:allem|dem leben) schluss machen\b",
       requires=r"\b(?:ich|mich|mir|mein|meinem|hab|bin|denke|will|mochte|kurz davor)\b"),
    _p("ideation", r"\b(?:gedanke|gedanken|vorstellung),? (?:alles zu beenden|zu sterben|mich "
       r"umzubringen|tot zu sein|an den tod|an selbstmord)\b.{0,30}\b(?:keine angst|nicht mehr "
       r"angst|beruhigend|friedlich)\b|\b(?:sterben|der tod) macht mir keine angst mehr\b",
       negatable=False, current=True),
    _p("passive", r"\b(?:keine|kein) (?:lust|bock|kraft) mehr (?:auf (?:das |mein |s )?leben|aufs "
       r"leben|zu leben|auf alles|auf gar nichts)\b|\bmude vom leben\b|\blebensmude\b",
       negatable=False),
    _p("plan", r"\b(?:(?:spring|springe|sturz|sturze|werf|werfe) ich|ich (?:spring|springe|sturz|"
       r"sturze)) (?:mich )?(?:(?!nicht\b|nie\b)\w+ ){0,3}?(?:von|vom|vor|aus dem) (?:der |dem |"
       r"den |die |einer |einem |einen )?"
       r"(?:\w+ ){0,2}?(?:brucke|dach|hochhaus|balkon|turm|fenster|zug|gleise|klippe|parkhaus\w*|"
       r"lkw|u bahn|s bahn|autobahnbrucke)\b|\b(?:sammel|sammle|horte|bunkere|gesammelt|gebunkert) "
       r"(?:\w+ ){0,3}?(?:tabletten|pillen|schlaftabletten|medikamente)\b"),
    _p("self_harm", r"\b(?:hab|habe) mich (?:(?!beim\b|aus\b)\w+ ){0,3}?(?:geritzt|geschnitten|"
       r"verletzt|"
       r"verbrannt)\b(?! (?:beim|aus versehen|versehentlich|am papier|an der|am messer))"),
    _p("indirect", r"\b(?:waren|ware|sind|ist) (?:alle |sie |die )?ohne mich (?:\w+ ){0,2}besser\b|"
       r"\b(?:nur )?(?:ne|eine) last (?:fur|fuer)\b|\bich bin (?:nur )?ne last\b|"
       r"\bich beneide (?:die toten|die verstorbenen)\b", negatable=False),
    _p("indirect", r"\bich beneide (?:sie|ihn)\b(?! um\b)|\b(?:sie|er) hat (?:jetzt )?(?:endlich )?"
       r"(?:ihre|seine) ruhe\b", requires=r"\b(?:beerdigung|begrabnis|grab|gestorben|tot|"
       r"verstorben\w*|beneide)\b.*\b(?:beneide|ruhe|ich auch|wunschte)\b", negatable=False),
    _p("hopelessness", r"\b(?:seh|sehe) (?:\w+ )?keine zukunft\b|\bkeine zukunft (?:fur mich|"
        r"mehr)\b"
       r"|\bwird (?:eh|sowieso) nie besser\b", negatable=False),
    # ---- Portuguese: colloquial, indirect and negated-form risk -----------------------
    _p("ideation", r"\b(?:vou|quero|penso em|pensando em|pensar em|to pensando em|decidi) (?:por|"
       r"pôr) fim (?:a|à|em) (?:isto|isso|tudo|minha vida|a minha vida)\b|\b(?:vou|quero|penso em|"
       r"pensando em|decidi) acabar com (?:tudo|isto tudo|isso tudo|minha vida)\b"),
    _p("ideation", r"\b(?:pensando|pensei|penso) em (?:me matar|me suicidar|tirar (?:a )?minha "
       r"vida|morrer|sumir para sempre)\b|\b(?:me|se) (?:matar|suicidar) de verdade\b"),
    _p("ideation", r"\b(?:pensar em|a ideia de) (?:acabar com tudo|morrer|me matar|me suicidar|"
       r"por fim a tudo) (?:ja )?nao me (?:assusta|da medo)\b|\b(?:morrer|a morte) (?:ja )?nao "
       r"me (?:assusta|da medo) mais\b", negatable=False, current=True),
    _p("passive", r"\bnao tenho (?:mais )?vontade de viver\b|\bsem vontade de viver\b|"
       r"\bcansei de viver\b|\bcansad[oa] de viver\b", negatable=False),
    _p("plan", r"\b(?:eu )?(?:pulo|me jogo|me atiro|vou pular|vou me jogar) (?:do|da|de|de um|de "
       r"uma|na frente do|na frente de um) (?:\w+ ){0,2}?(?:ponte|predio|telhado|janela|varanda|"
       r"viaduto|trem|metro|carro|onibus|faculdade)\b|\beu tomo tudo\b|\btomar tudo de uma vez\b|"
       r"\b(?:juntando|juntei|guardando|acumulando) (?:\w+ ){0,3}?(?:remedios|comprimidos|"
       r"pilulas)\b"),
    _p("indirect", r"\bdeixei (?:uma )?cartas? (?:pra|para|a) (?:cada um|todos|minha|meu|meus)\b|"
       r"\bque sorte a (?:dele|dela|deles)\b|\b(?:ele|ela) (?:ja )?descansou\b(?=.{0,40}\b(?:sorte|"
       r"inveja|queria|eu nao))|\binveja d(?:os mortos|ele|ela)\b",
       negatable=False),
    _p("hopelessness", r"\bnao (?:tem|ha|vejo) futuro (?:pra|para) mim\b|\bnada vai melhorar\b|"
       r"\bcansei de tentar\b", negatable=False),
    # ---- recent attempts, plans with a time, goodbyes, calm statements ------------------
    _p("plan", r"\bme (?:meti|tome|trague|bebi) todo lo que (?:tenia|habia|tenia en \w+)\b"),
    _p("plan", r"\bsi\b[^.!?|]{3,80}?,? (?:me cuelgo|me ahorco|me tiro)\b", negatable=False),
    _p("passive", r"\b(?:tuvo|tiene|tuvieron|tienen) (?:\w+ )?suerte de (?:palmarla|morirse|"
       r"irse|estar muerto|estar muerta|haberse ido|diñarla|dinarla)\b", negatable=False),
    _p("plan", r"\b(?:jai|j ai) fait une (?:ts|tentative)\b(?! de (?!suicide))|\b(?:apres|depuis|"
       r"avant) ma (?:ts|tentative)\b(?! de (?!suicide))"),
    _p("plan", r"\bsi\b[^.!?|]{3,120}?\bje (?:vais|pars|file|irai|monte) (?:au (?:a)?bout de la "
       r"(?:jetee|digue)|(?:du|en) haut du (?:pont|viaduc|toit|parking)|sauter|me jeter)\b",
       negatable=False),
    _p("plan", r"\bje (?:compte|vais|veux) tout (?:prendre|avaler)\b"),
    _p("self_harm", r"\b(?:me|m) (?:taillader|taillade|tailladais|taillader les \w+)\b"),
    _p("ideation", r"\b(?:penser a|lidee de|songer a) (?:crever|mourir|me tuer|en finir)\b"
       r"[^.!?|]{0,20}\b(?:plus|pas|meme plus|meme pas) peur\b", negatable=False, current=True),
    _p("goodbye_letter", r"\bune lettre pour (?:chacun|chacune|chacun de vous|tout le monde)\b|"
       r"\bque tout soit en ordre pour vous\b|\bihr wart die (?:besten|beste)\b|"
       r"\bdie (?:briefe|abschiedsbriefe) liegen (?:schon )?\b", other_ok=True),
    _p("plan", r"\b(?:die ganze packung|alle (?:\w+ )?(?:tabletten|pillen))\b[^.!?|]{0,40}\b"
       r"genommen\b|\b(?:tabletten|pillen|packung) genommen, alle\b|\bgoldenen schuss\b"),
    _p("plan", r"\b(?:diesmal|heute|morgen|dann) (?:zieh ich (?:es |das )?durch|mach ich es)\b",
       requires=r"\b(?:brucke|gleis|gleise|zug|strick|tabletten|dach|hochhaus|briefe|"
       r"abschied)\b", near=True),
    _p("plan", r"\btomei tudo (?:de uma vez|de proposito|que tinha)\b|\btomei (?:todos|todas) "
       r"(?:os|as) (?:meus |minhas )?(?:comprimidos|remedios|pilulas|calmantes)\b"),
    # ---- attempts told in the past tense ------------------------------------------------
    _p("plan", r"\b(?:tentei|tentou|tinha tentado|quis) (?:me matar|suicidio|me suicidar|suicidar "
       r"me|tirar a (?:minha )?(?:propria )?vida)\b|\b(?:jai|j ai|javais) (?:essaye|tente) (?:de "
       r"|d )(?:me tuer|me suicider|mettre fin a mes jours|en finir)\b|\b(?:versucht|probiert),? "
       r"(?:mir das leben zu nehmen|mich (?:zu toten|umzubringen))\b|\b(?:intente|trate de|he "
       r"intentado|quise) (?:matarme|suicidarme|quitarme la vida)\b"),
    # ---- burden: "they would be freer if i were not here" ------------------------------
    _p("indirect", r"\bsi (?:je netais|jetais|je serais|je ne serais) plus la\b|\b(?:estaria|"
       r"estarian|viviria|vivirian) (?:\w+ )?(?:mejor|mas tranquil\w*|mas felices?|mas libres?) "
       r"sin (?:mi|tener que)\b|\bohne mich (?:hatten|hatte|waren|ware|wurden|wurde) (?:sie|es|er|"
       r"ihr|alle)\b[^.!?|]{0,30}\b(?:leichter|besser|einfacher|glucklicher)\b|\b(?:estariam|"
       r"estaria|ficariam|ficaria|viveriam|viveria) (?:\w+ )?(?:melhor|mais felizes?|mais "
       r"tranquil\w*|mais livres?) sem mim\b", current=True, other_ok=True),
    _p("ideation", r"\bcada vez me parece (?:mejor|buena|mas) idea\b|\bde plus en plus une bonne "
       r"idee\b", requires=r"\b(?:muero|muera|muriera|morir|mourir|meurs|morte?)\b", near=True,
       current=True),
    # disappearing through weight loss
    _p("passive", r"\b(?:bajar|bajando|adelgazar|adelgazando|maigrir|abnehmen|emagrecer|"
       r"emagrecendo|perder peso)\b[^.!?|]{0,40}(?:\bhasta desaparecer\b|\bjusqua disparaitre\b|"
       r"\bbis (?:einfach )?nichts mehr von mir (?:ubrig|da)\b|\bate (?:sumir|desaparecer)\b|"
       r"\bque no quede nada de mi\b|\bate nao sobrar nada\b)", negatable=False, current=True),
    # envy of the dead
    _p("passive", r"\b(?:ware|war|waer) (?:ich )?gerne? an (?:seiner|ihrer) stelle\b|\b(?:neidisch|"
       r"beneide)\b|\binveja\b|\benvidia\b|\b(?:jaloux|jalouse|envieux|envieuse)\b",
       requires=r"\b(?:tot|gestorben|verstorben|beerdigung|grab|hinter sich|morreu|morte|enterro|"
       r"descansou|murio|muerto|muerta|entierro|descansa|mort|enterrement|repose)\b",
       near=True, negatable=False, other_ok=True, current=True),
    # plans: a place or the stash, with a condition or a time
    _p("plan", r"\bcette fois,? je ne (?:reviens|reviendrai) pas\b|\bder plan steht\b|\bdiesmal "
       r"mein ich das ernst\b", requires=r"\b(?:falaises?|pont|viaduc|quai|jetee|\w*brucke|"
       r"klippe|gleis\w*|bahn\w*|hochhaus|dach|tabletten|strick|voiture)\b", near=True),
    _p("plan", r"\b(?:lange |schon )?(?:runtergeschaut|hinuntergeschaut|runter geschaut|"
       r"hinunter geschaut|in die tiefe geschaut)\b", requires=r"\b\w*(?:brucke|dach|hochhaus|"
       r"klippe|turm)\b", near=True, negatable=False),
    _p("plan", r"\bje prends la voiture jusqu(?:aux|a la|au) (?:falaises?|pont|viaduc|quai|"
       r"jetee)\b|\btomo tudo (?:no|na|em|esta|este|amanha|hoje|de uma vez)\b|\b(?:nehm|nehme) "
       r"ich (?:alle|die ganzen) (?:\w+ )?(?:tabletten|pillen|schlaftabletten)\b"),
    _p("plan", r"\b(?:tabletten|pillen|schlaftabletten|medikamente)\b[^.!?|]{0,40}\bgesammelt\b"),
    _p("ideation", r"\bvontade (?:\w+ ){1,2}de me matar\b", negatable=False),
    # at the edge: "ein schritt und es war vorbei", "pense a enjamber"
    _p("plan", r"\bein schritt und es (?:war|ware|waer|ist) vorbei\b|\b(?:pense|pensais|envie) "
       r"(?:a |d )?enjamber\b|\bdejarme caer\b|\b(?:saltar|atirar me|jogar me) (?:pela|da|por la) "
       r"borda\b", requires=r"\b(?:borda|bastingage|reling|rambarde|parapet|garde corps|agua|"
       r"eau|wasser|mar|mer|meer|puente|pont|brucke|ponte|balcon|azotea|varanda|toit|dach|"
       r"pensei|pense|enjamber|dejarme)\b", near=True, negatable=False),
    # goodbyes
    _p("goodbye_final", r"\bje (?:tembrasse|t embrasse|vous embrasse) une derniere fois\b|"
       r"\b(?:nao sabem|no saben|ils ne savent pas|elles ne savent pas|sie wissen nicht) (?:que|"
       r"quil|dass) (?:era|fue|etait|cetait|es) (?:uma |una |un |ein )?(?:despedida|adieu|"
       r"abschied)\b", other_ok=True),
    _p("goodbye_letter", r"\bno (?:fue|es) culpa tuya\b|\bce nest pas (?:ta|de ta) faute\b|"
       r"\b(?:es ist|es war) nicht deine schuld\b|\bnao (?:foi|e) culpa (?:tua|sua)\b",
       requires=r"\b(?:carta|lettre|brief|bilhete|lees|liest|lis|leres)\b", near=True,
       other_ok=True),
    _p("goodbye_thanks", r"\b(?:obrigad[oa]|gracias|merci|danke) (?:por|pour|fur) (?:tudo|todo|"
       r"tout|alles)\b", requires=r"\b(?:deixei|devolvi|paguei|dei|dale|cuida|cuide|guardei|he "
       r"dado|le he dado|geschenkt|gegeben|gib|arrumados|tratado|dejado|laisse|rendu|donne|"
       r"mach'?s gut|tschuss)\b", near=True, other_ok=True),
    _p("goodbye_final", r"\b(?:tschuss|adios|adeus|adieu),? (?:liebes|querido|cher|meu) "
       r"(?:tagebuch|diario|journal)\b", other_ok=True),
    _p("passive", r"\bojala\b[^.!?|]{0,50}\bno (?:llegara|llegue|aterrizara|aterrice) nunca\b",
       negatable=False),
    # ---- Italian (explicit only) -----------------------------------------------------
    _p("ideation", r"\b(?:voglio morire|mi voglio uccidere|voglio uccidermi|voglio suicidarmi)\b"),
    # from the retired text round twenty-four: relief for everyone if I were not here; all that
    # is needed in a drawer; a trip that does not exist after giving things away; a disguised
    # goodbye that "they will understand tomorrow"; the height one surely does not survive
    _p("indirect", r"\b(?:seria|sera) un alivio (?:para (?:todos|todo el mundo|ellos|mi familia|"
       r"mi madre|mis padres) )?(?:que|si) (?:yo )?(?:ya )?(?:no estuviera|no estuviese|"
       r"desapareciera|no existiera)\b"),
    _p("plan", r"\bjai tout ce quil (?:me )?faut\b",
       requires=r"\b(?:cest fini|tiroir|armoire|salle de bains|pharmacie|cachets|medocs|"
       r"comprimes)\b", near=True),
    _p("plan", r"\b(?:il ny a (?:pas de|aucun)|no hay(?: ningun)?|nao ha(?: nenhuma)?|"
       r"nao existe(?: nenhuma)?|es gibt keine) (?:voyage|viaje|viagem|reise)(?= *(?:$|[|.!?]))",
       requires=r"\b(?:donne|donnee|regale|dado|dei|doei|verschenkt|gegeben|plantes|velo)\b",
       near=True, negatable=False),
    _p("plan", r"\bmensage(?:m|ns) de despedida\b",
       requires=r"\b(?:disfarcad\w*|amanha (?:eles |elas |voces )?(?:vao )?entend\w*)\b"),
    _p("plan", r"\bab welche[rm]? hohe\b[^|.!?]{0,30}\b(?:nicht (?:mehr )?uberlebt|sicher "
       r"stirbt|tot ist)\b"),
    # from the retired text round twenty-five: bank codes left in an envelope with gifts; "j'en
    # finirai"; doses and heights looked up; a letter to a daughter left in a locker; "die
    # Entscheidung steht"; a heart tablet put aside every day; angry that it did not work
    _p("plan", r"\b(?:claves del banco|claves bancarias|contrasenas del banco|kontodaten|bankdaten|"
       r"pin nummern?|codes? bancaires?|codes? de (?:la )?(?:banque|carte)|senhas? do banco|"
       r"dados bancarios)\b",
       requires=r"\b(?:regale|deje|sobre|hermana|definitiv\w*|hinterlegt|verschenkt|geregelt|"
       r"endgultig\w*|brief|enveloppe|laisse|donne|deixei|envelope|dei|doei)\b", near=True,
       other_ok=True),
    _p("ideation", r"\bjen finirai\b(?! avec)"),
    _p("plan", r"\b(?:doses?|dosis|dosen)\b[^|.!?]{0,20}\b(?:hauteurs?|alturas?|hohen)\b|"
       r"\b(?:hauteurs?|alturas?|hohen)\b[^|.!?]{0,20}\b(?:doses?|dosis|dosen)\b"),
    _p("plan", r"\bbrief an (?:meine|meinen) (?:tochter|sohn|frau|mann|mutter|vater|schwester|"
       r"bruder|kinder)\b", requires=r"\b(?:geschenkt|verschenkt|spind|hinterlegt|gelegt)\b",
       near=True),
    _p("plan", r"\bdie entscheidung steht\b",
       requires=r"\b(?:ruhig|nur noch|durchziehen|letzte)\b", near=True, current=True),
    _p("plan", r"\blege ich (?:jeden tag |taglich |immer )?(?:eine|welche|ein paar|zwei) (?:zur "
       r"seite|beiseite)\b|\bab wie viel(?:en)? \w*(?:tabletten|pillen)\b"),
    _p("plan", r"\b(?:nao ter|nao) (?:dado|deu) certo\b",
       requires=r"\b(?:tentativa|tentei|alta|gas|hospital|comprimidos|remedios)\b", near=True,
       negatable=False),
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
    r"nascid|nacid|geboren|nee\b|uccid|estare|bringe? mich|desviv|aviento|aventar|tiro\b|"
    r"tirar|lanzo|juntando|acumul|busque|buscando|investig|carta|nota|suerte|descans|envidi|"
    r"estorbo|futuro|mejorar|harto|harta|ganas|miedo|foutre|buter|flingu|caisson|balle|fin\b|"
    r"arreter|peur|endorm|envie|marre|saute|jsaute|medoc|prends tout|boite|scarif|lettre|"
    r"tranquille|enviais|avenir|imagine|me vois|umzu|wegzu|wegmach|murks|kaltzu|antun|anzutun|"
    r"beenden|schluss|gedanke|angst|lust|bock|kraft|lebensmud|mude|spring|sammel|sammle|horte|"
    r"bunker|geritzt|geschnitten|verletzt|verbrannt|besser|ruhe|beneid|zukunft|nie besser|"
    r"por fim|acabar|pensando|matar|assusta|vontade|cansei|cansad|pulo|jogo|atiro|tomo tudo|"
    r"tudo de uma vez|remedio|deixei|sorte|inveja|descansou|futuro|melhorar|tomo|tomare|trago|"
    r"todas|brief|ihr wart die best|en ordre|plus la|mejor sin|melhor sem|leichter|idee|idea|"
    r"desaparecer|disparaitre|ubrig|sumir|sobrar|quede nada|stelle|neidisch|envidia|"
    r"jaloux|jalouse|envieu|reviens|reviendrai|plan steht|ernst|runter|hinunter|tiefe|voiture|"
    r"tentei|tentou|essaye|tente|versucht|probiert|intente|trate|"
    r"nehm|gesammelt|schritt|enjamb|caer|borda|embrasse|despedida|abschied|culpa|"
    r"faute|schuld|obrigad|gracias|merci|danke|tschuss|adios|adeus|ojala|tembrasse|"
    r"geregelt|geschenkt|regale|arreglado|orden|organizado|alivio|jai tout|voyage|viaje|viagem|"
    r"reise|mensage|welche|claves|kontodaten|bankdaten|codes|senha|dados|jen finirai|dosis|"
    r"doses?\b|dosen|entscheidung|lege ich|wie viel|certo)"
)
