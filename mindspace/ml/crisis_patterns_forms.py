"""Indirect and colloquial crisis phrasings in Spanish, French, German and Portuguese (data only).

The forms people write in journals that do not name suicide: passive wishes ("ojalá no
despertarme", "ne plus me réveiller", "nicht mehr aufwachen", "que Deus me leve"), burden
("sin mí estarían mejor", "je ne sers à rien", "ich bin nur eine Last", "só dou trabalho"),
goodbyes that do not name death (gifts, letters, "todo en orden", "merci pour tout"), envy of
the dead, calm acceptance, plans that name a method or a place across two sentences, self-harm
acts and urges, slang ("me foutre en l'air", "mich abknallen", "me apagar de vez") and
hopelessness ("plus envie de rien", "keinen Sinn mehr", "não vejo futuro").
Same categories and context checks as :mod:`mindspace.ml.crisis_patterns`; the text is
normalised by ``crisis_text.normalise`` (lower case, no accents, French elisions joined:
"l'envie" -> "lenvie", "m'endormir" -> "mendormir", Portuguese "atiro-me" -> "atiro me").

Goodbye cues are ``weak`` and each has its own category: one alone (a gift, a letter, "thanks
for everything") is ordinary; two different ones in an entry read as a goodbye.
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p

_GOODBYE = "says goodbye or puts their affairs in order"
FORM_CATEGORIES: dict[str, tuple[float, str]] = {
    "goodbye_gift": (0.45, _GOODBYE),
    "goodbye_letter": (0.45, _GOODBYE),
    "goodbye_settled": (0.45, _GOODBYE),
    "goodbye_thanks": (0.45, _GOODBYE),
    "goodbye_care": (0.45, _GOODBYE),
    "goodbye_final": (0.45, _GOODBYE),
}

_END = r"(?= *(?:$|[|.!?,;:]))"  # the phrase ends its clause
# medicines, in Spanish, French, German and Portuguese (shared with the other tables)
PILL_WORDS = (r"(?:pastillas|pildoras|medicinas|medicamentos|calmantes|somniferos|cachets|"
              r"comprimes|medocs|medicaments|pilules|somniferes|tabletten|pillen|schlaftabletten|medikamente|"
              r"comprimidos|remedios|pilulas)")
_PILLS = PILL_WORDS
_WEEKDAY = (r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|"
            r"jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
            r"sonntag|segunda|terca|quarta|quinta|sexta)")
# the dead or a funeral, for envy of the dead
_DEAD = (r"\b(?:velorio|funeral|funerales|entierro|cementerio|panteon|tumba|murio|muert[oa]s?|"
         r"fallec\w+|difunt\w+|descans\w+|l?enterrement|funerailles|cimetiere|tombe|morte?s?|"
         r"decede\w*|deces|repose|beerdigung|begrabnis|friedhof|grab|gestorben|tot|toten|"
         r"verstorben\w*|ruht|ruhe|ruh|hinter sich|enterro|cemiterio|tumulo|morreu|mort[oa]s?|"
         r"faleceu|falecid\w+|partiu)\b")
# the writer's own death or suicide, for calm acceptance
_OWN_DEATH = (r"\b(?:matarme|quitarme la vida|suicid\w*|acabar con (?:todo|mi vida|la vida)|"
              r"mi muerte|morir(?:me)?|dejar de vivir|no despertar\w*|me tuer|en finir|mourir|"
              r"ma mort|mettre fin|mir das leben (?:zu )?nehmen|leben zu nehmen|sterben|tod|"
              r"suizid\w*|selbstmord\w*|umzubringen|ende (?:zu )?setzen|alles zu beenden|"
              r"tot zu sein|me matar|morrer|por fim|a morte)\b")
# a high place, water or rails (also used by crisis_patterns_families)
PLACE_WORDS = (r"\b(?:puente|rio|vias|tren|edificio|azotea|balcon|ventana|acantilado|presa|"
          r"viaducto|"
          r"pont|toit|falaise|fenetre|viaduc|immeuble|quai|jetee|rails|voie|metro|brucke\w*|"
          r"autobahnbrucke|dach|hochhaus|balkon|turm|klippe|gleise|zug|fenster|parkhaus|"
          r"talsperre|staumauer|ponte|predio|linha|trem|comboio|viaduto|janela|varanda|telhado|"
          r"penhasco|falesia|barragem)\b")
_PLACE = PLACE_WORDS
# a deliberate act, a blade or a relapse near a self-injury
_SH_CUE = (r"\b(?:compas|cigarro|cigarrillo|mechero|encendedor|aguja|tijeras?|nadie se "
           r"dio cuenta|mangas largas|cigarette|briquet|ciseaux|compas|zigarette|feuerzeug|schere|"
           r"nadel|isqueiro|cigarro|tesoura|agulha|ninguem percebeu|absichtlich|a proposito|"
           r"adrede|aposta|queriendo|para (?:sentir|calmarme|castigarme)|otra "
           r"vez|de nuevo|volvi|navaja\w*|cuchilla|gillette|cutter|sangre|hasta sangrar|me calma|"
           r"expres|volontairement|pour (?:sentir|me punir|me calmer)|jusqu ?au sang|lame|rasoir|"
           r"a nouveau|de nouveau|encore|wieder|klinge|rasierklinge\w*|rasierer|messer|"
           r"absicht\w*|extra|damit|"
           r"nur so|de proposito|lamina|gilete|navalha|estilete|de novo|outra vez|voltei|"
           r"pra sentir|para sentir|sangue)\b")
_ACCIDENT = (r"(?![^.!?|]{0,40}\b(?:beim rasieren|afeitandome|en me rasant|fazendo a barba|"
             r"beim schneiden|sin querer|por accidente|cocinando|planchando|par accident|"
             r"sans faire expres|en cuisinant|aus versehen|versehentlich|beim kochen|sem querer|"
             r"por acidente|cozinhando)\b)")

# a joke marker right after ("si no apruebo me mato jaja", "kkkk", "mdr")
_JOKE = (r"(?![^.!?|]{0,30}\b(?:ja(?:ja)+\w*|je(?:je)+|jsjs\w*|xd|lol|mdr|ptdr|kk+|haha\w*|"
         r"rs(?:rs)+)\b)")

FORM_PATTERNS: tuple[Pattern, ...] = (
    # ---- Spanish ---------------------------------------------------------------------
    _p("ideation", r"\bme (?:quiero|quisiera|gustaria|voy a) (?:\w+ )?(?:morir|ir de este mundo|"
       r"ir para siempre)\b(?! de (?:la |el )?(?:risa|verguenza|hambre|sueno|calor|frio|ganas|"
       r"aburrimiento|envidia|pena|nervios|celos|amor))" + _JOKE),
    _p("ideation", r"\b(?:quiero|quisiera|necesito|tengo ganas de|ganas de) (?:\w+ ){0,2}?"
       r"(?:desaparecer (?:para siempre|del mundo|de este mundo|de una vez)|dejar de (?:existir|"
       r"vivir|respirar)|irme (?:de este mundo|para siempre)|que (?:todo )?(?:se acabe|se "
       r"termine|acabe|termine) (?:ya|de una vez|para siempre))\b"),
    _p("ideation", r"\b(?:irme|me voy|mandarme|pasarme) (?:ya )?al otro barrio\b|\bestirar la "
       r"pata\b", requires=r"\b(?:quiero|ganas|voy a|pienso|gustaria|quisiera|ojala|esperar)\b"),
    _p("ideation", r"\b(?:me mato|me suicido|me quito la vida|me mataria|me suicidaria|volarme la "
       r"cabeza|me pego un tiro|me doy un tiro|me ahorco)\b(?! (?:a|de|estudiando|trabajando|por|"
       r"entrenando|corriendo)\b)" + _JOKE),
    _p("ideation", r"\bya no (?:me da|me dan|tengo) miedo (?:a |de )?(?:morir(?:me)?|la muerte|"
       r"matarme|quitarme la vida|suicidarme)\b|\b(?:me (?:da|dan) paz|me tranquiliza|me "
       r"reconforta|me alivia|ya no me asusta)\b", requires=_OWN_DEATH, near=True,
       negatable=False, current=True),
    _p("passive", r"\bojala (?:\w+ ){0,3}?(?:me muera|me muriera|me muero|morirme|"
       r"no (?:me )?despi?ert\w*|"
       r"no amanec\w*|no volver a despertar\w*|desaparec\w*|no existir\w*|"
       r"no hubiera nacido|no haber nacido|se acab\w+ todo|todo se acab\w+|me (?:atropell|agarr|"
       r"pis|arroll|choc)\w* (?:un|una|el|la) (?:colectivo|camion|coche|auto|carro|tren|bondi|"
       r"micro|bus|autobus|metro|rayo|trailer))\b", negatable=False),
    _p("passive", r"\b(?:dormir(?:me)?|me duermo|me durmiera|me dormiria|dormirme) (?:\w+ ){0,3}?"
       r"y (?:ya )?no (?:(?:me )?despi?ert\w*|volver a despertar\w*|amanecer)\b",
       negatable=False),
    _p("passive", r"\bno (?:volver a )?despertar(?:me)?(?: nunca mas| mas)?\b(?! (?:a tiempo|"
       r"temprano|tarde|a las|al|a la|a los|a nadie))", requires=r"\b(?:ojala|quiero|quisiera|"
       r"gustaria|deseo|pido|ganas|seria (?:bueno|mejor|lindo)|estaria bien|sueno con)\b",
       negatable=False),
    _p("passive", r"\b(?:dios|diosito|el senor|la virgen) (?:\w+ )?(?:me lleve|me recoja|me "
       r"llame|me llevara|me recogiera)\b(?! (?:por|a (?:casa|misa|trabajar)))|\b(?:pido|pidiendo|"
       r"rezo) (?:\w+ ){0,3}que me (?:lleve|recoja|llame)\b|\b(?:pena|tristeza|decepcion) (?:de|"
       r"por) (?:seguir (?:aqui|viv[oa])|despertar(?:me)?|haber despertado)\b", negatable=False),
    _p("hopelessness", r"\bno (?:le )?(?:veo|encuentro) (?:ningun )?sentido (?:a|de) (?:nada|la "
       r"vida|vivir|seguir|mi vida|existir)\b|\bno (?:le )?veo (?:ningun )?futuro\b(?! (?:en|con|"
       r"a|para (?:el|la|este|esta|esa|ese|los|las)|al)\b)|\bno tengo futuro\b", negatable=False),
    _p("indirect", r"\b(?:estarian|estaria|estaran|estarias|vivirian|viviria|les iria|le iria) "
       r"(?:\w+ ){0,2}?mejor sin mi\b|\bsin mi,? (?:\w+ ){0,2}?(?:estarian|estaria|estaran|les "
       r"iria|seria todo|vivirian|viviria) (?:\w+ ){0,2}?mejor\b|\bsoy (?:una carga|un estorbo|"
       r"un lastre|un peso)\b(?! (?:en|para) (?:la |el )?(?:cocina|paso|camino|medio|puerta|"
       r"pasillo|cancha|foto|partido|mudanza)\b)|\bsolo (?:doy|causo|traigo) (?:problemas|"
       r"trabajo|gastos|molestias)\b|\bno sirvo para nada\b" + _END, negatable=False),
    _p("plan", _PILLS + r" (?:\w+ ){0,4}?(?:guardad[oa]s|escondid[oa]s|juntad[oa]s|acumulad[oa]s|"
       r"contad[oa]s)\b|\b(?:guardad[oa]s|escondid[oa]s|juntad[oa]s) (?:\w+ ){0,2}?(?:las|los|mis) "
       + _PILLS + r"\b|\b(?:conte|he contado|contando) (?:\w+ ){0,2}?" + _PILLS + r"\b",
       requires=r"\b(?:cuando|esta noche|alcanzan|bastan|suficientes|todas|ya|de mi|sol[oa]|"
       r"espero|quando|ja|tenho|tengo|" + _WEEKDAY + r")\b", near=True),
    _p("plan", r"\bme (?:tirare|tiro|aviento|avientare|lanzare|lanzo|voy a tirar|voy a aventar)\b"
       + _END, requires=_PLACE, near=True),
    _p("self_harm", r"\bme (?:volvi|vuelvo|he vuelto|volvere) a (?:cortar|quemar|lastimar|hacer "
       r"dano|rasgun\w+|aran\w+|golpear)\b(?! (?:el|la|los|las|mi|mis) (?:pelo|cabello|flequillo|"
       r"unas|barba|puntas)\b)"),
    _p("self_harm", r"\bme (?:corte|queme|rasgune|arane|lastime|golpee|mordi|pegue|quemo|corto|"
       r"raye|raje|marque|pinche|clave|rayo|rajo) "
       r"(?:\w+ ){0,3}?(?:el brazo|los brazos|el antebrazo|los antebrazos|las piernas|la pierna|"
       r"las munecas|la muneca|los "
       r"muslos|el muslo|la piel|el abdomen|la panza|la cara|las manos)\b" + _ACCIDENT,
       requires=_SH_CUE, near=True),
    # ---- French ----------------------------------------------------------------------
    _p("ideation", r"\b(?:me|je me) (?:fous|fou|foutrai|foutre) en l ?air\b|\bme faire sauter la "
       r"cervelle\b|\bje (?:vais )?me (?:flinguer|buter|tirer une balle)\b"),
    _p("ideation", r"\b(?:ne me fait plus peur|me fait plus peur|me (?:calme|apaise|rassure)|"
       r"(?:est|devient|semble) (?:\w+ )?(?:apaisante?|rassurante?|presque normale?|douce))\b",
       requires=_OWN_DEATH, near=True, negatable=False, current=True),
    _p("passive", r"(?<!peur de )\bne (?:plus (?:jamais )?|(?<!pour ne )pas |jamais )me reveiller\b"
       r"(?! (?:a temps|a l ?heure|en retard|avant|trop tot|la nuit|pendant|pour)\b)",
       negatable=False),
    _p("passive", r"\bm ?endormir et (?:que )?(?:tout (?:s ?arrete|soit fini|finisse)|ce soit "
       r"fini|ne (?:plus|pas|jamais) (?:me )?reveiller|ne plus rien sentir|ne plus (?:jamais )?"
       r"revenir)\b|\b(?:dieu|le bon dieu|le seigneur) (?:\w+ )?(?:me prenne|me rappelle|vienne "
       r"me chercher)\b|\b(?:decue?|triste) (?:de|quand je) (?:me reveill\w+|me reveiller|etre "
       r"encore (?:la|en vie))\b|\b(?:plus|pas) envie de rien\b", negatable=False),
    _p("hopelessness", r"\bje ne vois (?:aucun|plus d ?|pas d ?)avenir\b|\b(?:aucun|pas d|plus d) "
       r"?avenir" + _END + r"|\bje ne (?:vois|trouve) plus (?:aucun )?sens a (?:rien|ma vie|la "
       r"vie|vivre)\b|\bma vie na (?:plus )?(?:aucun )?sens\b", negatable=False),
    _p("indirect", r"\b(?:seraient|serait|seriez|serez|seront|vivraient) (?:\w+ ){0,2}?(?:mieux|"
       r"plus heureux|plus heureuses|plus tranquilles?|mieux lotis) sans moi\b|\bsans moi,? "
       r"(?:\w+ ){0,2}?(?:seraient|serait|ce serait) (?:\w+ ){0,2}?(?:mieux|plus heureux|plus "
       r"simple)\b|\bje ne sers (?:plus )?a rien\b|\bje (?:suis|ne suis qu ?) ?(?:un poids|une "
       r"charge|un fardeau|un boulet)\b|\bje coute (?:\w+ )?(?:cher|trop)\b", negatable=False),
    _p("plan", r"\b(?:mis|garde|cache|stocke|compte|jai compte|accumule) (?:\w+ ){0,4}?"
       r"(?:cachets|comprimes|medocs|medicaments|pilules|somniferes|boites)\b|\b(?:cachets|"
       r"comprimes|medocs|medicaments|pilules|somniferes) (?:\w+ ){0,4}?(?:de cote|caches?|"
       r"stockes?|comptes?)\b",
       requires=r"\b(?:quand|ce soir|tous|toutes|assez|depuis|prends|" + _WEEKDAY + r")\b",
       near=True),
    _p("plan", r"\bje (?:les|en) (?:prends|prendrai|avale|avalerai) (?:tous|toutes)\b|\bil y en a "
       r"(?:bien |largement )?assez\b", requires=_PILLS, near=True),
    _p("plan", r"\b(?:je saute|jsaute|je sauterai|je me jette|je me jetterai|je vais sauter)\b"
       + _END + r"|\bj ?irai (?:\w+ ){0,2}?(?:au bout de la jetee|sur les rails|sur la voie|au "
       r"bord de la falaise|dans (?:la riviere|le fleuve|la mer))\b", requires=_PLACE, near=True),
    _p("self_harm", r"\bje me suis (?:\w+ ){0,2}?(?:griffee?|coupee?|brulee?|mutilee?|scarifiee?|"
       r"tapee?|frappee?|mordue?|entaillee?) (?:\w+ ){0,2}?(?:les |le |la |mes )?(?:bras|"
       r"poignets?|jambes?|cuisses?|ventre|peau|avant bras)\b" + _ACCIDENT, requires=_SH_CUE,
       near=True),
    _p("self_harm", r"\b(?:l ?|d ?)?envie de me (?:couper|scarifier|faire du mal|bruler|griffer|"
       r"mutiler)\b"),
    # ---- German ----------------------------------------------------------------------
    _p("ideation", r"(?<!er will )(?<!sie will )\bmich (?:\w+ ){0,2}?(?:abknallen|erschiessen|"
       r"abmurksen|wegmachen|totschiessen|ertranken|vor (?:den|einen) zug werfen)\b"),
    _p("ideation", r"\b(?:macht|machen|machte) mir (?:\w+ )?keine angst mehr\b|\baufgehort,? mir "
       r"angst zu machen\b|\b(?:fuhlt|fuhlen) (?:er|sich|es) (?:\w+ ){0,2}?(?:normal|beruhigend|"
       r"trostlich|friedlich)\b|\b(?:eher|fast) (?:so )?(?:beruhigend|trostlich|friedlich)\b",
       requires=_OWN_DEATH, near=True, negatable=False, current=True),
    _p("passive", r"\bnicht mehr (?:aufwachen|aufzuwachen|aufwache|aufwacht)\b|\bnie (?:mehr|"
       r"wieder) (?:aufwachen|aufzuwachen|aufwache)\b|\bmich (?:\w+ ){0,3}?zu sich (?:holt|holen|"
       r"nimmt|nehmen|ruft)\b|\benttauscht,? (?:dass|das) ich (?:\w+ )?(?:aufwache|aufgewacht bin|"
       r"noch lebe|noch da bin)\b", negatable=False),
    _p("ideation", r"\bich (?:mag|mog|will|mochte|kann|pack) (?:\w+ )?(?:nimmer|nimma|ned mehr|"
       r"nid meh|nuemme|nume) (?:leben|weiterleben|da sein|sein)\b", negatable=False),
    _p("passive", r"\bkein(?:e|en)? (?:lust|bock|kraft) mehr (?:auf (?:das |mein |s )?leben|aufs "
       r"leben|zu leben|auf alles|auf gar nichts|auf nichts)\b", negatable=False),
    _p("hopelessness", r"\b(?:alles|das leben|mein leben|es|leben|weiterleben|"
       r"nichts) (?:\w+ ){0,3}?"
       r"(?:hat|macht|ergibt) (?:\w+ )?keinen sinn mehr\b|\b(?:hat|macht|ergibt) (?:alles|das "
       r"leben|mein leben) (?:\w+ )?keinen sinn mehr\b", negatable=False),
    _p("indirect", r"\b(?:waren|ware|waere|sind|ginge es|gings|hatten es) (?:\w+ ){0,3}?ohne mich "
       r"(?:\w+ ){0,2}?(?:besser|leichter|glucklicher)\b|\bohne mich (?:\w+ ){0,3}?(?:besser|"
       r"leichter|glucklicher) dran\b|\bich bin (?:\w+ ){0,2}?(?:eine last|ein klotz am bein|eine "
       r"belastung|zur last)\b|\bfalle (?:\w+ ){0,2}?zur last\b", negatable=False),
    _p("plan", r"\b(?:tabletten|pillen|schlaftabletten|medikamente) (?:\w+ ){0,4}?(?:gezahlt|"
       r"gesammelt|gebunkert|gehortet|versteckt|aufgehoben)\b|\b(?:nehme|schlucke|nehm) (?:ich )?"
       r"alle (?:\w+ ){0,2}?(?:tabletten|pillen|schlaftabletten|medikamente)\b(?! (?:\w+ )?"
       r"(?:morgens|abends|taglich|jeden tag|regelmassig|wie verordnet|nach plan|zum fruhstuck)\b)",
       requires=r"\b(?:reich\w*|genug|auf einmal|auf einen schlag|zusammen|wenn|heute nacht|"
                r"heut nacht|heute abend|heut abend|oder nie|"
                r"bald|vom|von (?:mama|papa|oma|opa)|"
       + _WEEKDAY + r")\b", near=True),
    _p("plan", r"\b(?:und )?(?:spring|springe)(?: ich)?(?: runter| hinunter)?" + _END
       + r"|\b(?:geh|gehe) ich ins wasser\b|\bins wasser (?:zu )?gehen\b", requires=_PLACE
       + r"|\b(?:wenn (?:keiner|niemand)|fur immer|nie mehr|nie wieder)\b", near=True),
    _p("self_harm", r"\b(?:hab|habe) (?:ich )?(?:mir|mich) (?:(?!beim\b|"
       r"aus\b)\w+ ){0,6}?(?:auf)?(?:geritzt|geschnitten|geschlagen|"
       r"verbrannt|zerkratzt|aufgekratzt)\b" + _ACCIDENT, requires=_SH_CUE + r"|\b(?:arm|arme|"
       r"bein|beine|handgelenk\w*|oberschenkel|haut)\b", near=True),
    _p("self_harm", r"\b(?:arm|arme|haut|beine?|handgelenke?|oberschenkel) (?:\w+ ){0,2}?"
       r"(?:auf)?geritzt\b|\b(?:drang|lust|bedurfnis|verlangen),? (?:\w+ )?(?:mich )?zu "
       r"(?:ritzen|schneiden|verletzen)\b"),
    # ---- Portuguese ------------------------------------------------------------------
    _p("ideation", r"\bme apagar (?:de vez|para sempre|pra sempre|de uma vez)\b|\bbat(?:er|o|endo) "
       r"a bota de proposito\b|\b(?:penso|pensando|vou|quero) (?:em )?bater a bota\b"),
    _p("ideation", r"\b(?:ja )?nao tenho (?:mais )?medo de (?:pensar em )?(?:morrer|"
       r"acabar com (?:a|"
       r"minha) vida|me matar|a morte|por fim)\b|\bpenso nisso com (?:\w+ ){0,3}?calma\b|"
       r"\b(?:me acalma|me da paz|me traz paz)\b", requires=_OWN_DEATH + r"|\bja\b|\bmais\b",
       near=True, negatable=False, current=True),
    _p("passive", r"\b(?:quero|queria|vontade de|preciso|gostaria de|"
       r"so queria) (?:\w+ )?sumir\b(?! (?:desse|deste|dessa|desta|do grupo|da conversa|no|na|"
       r"nesse|"
       r"neste|nessa|hoje|amanha|do trabalho|da cidade|da faculdade|das redes|por (?:uns|um|"
       r"alguns|algumas)|um (?:tempo|dia|fim))\b)"
       r"(?! (?:um pouco|uns dias|por uns|por um|de ferias|pra praia|com)\b)|\bnao acordar "
       r"(?:mais|nunca mais)\b|\bnunca mais acordar\b|\b(?:deus|o senhor) (?:\w+ )?(?:me leve|me "
       r"levasse|me recolha|me chame)\b|\bpeco (?:\w+ ){0,3}que me (?:leve|levasse)\b|"
       r"\b(?:triste|decepcionad[oa]|chatead[oa]) (?:por|de|porque) (?:\w+ )?(?:acordar|acordei|"
       r"ainda estar (?:aqui|viv[oa])|continuar viv[oa])\b", negatable=False),
    _p("hopelessness", r"\bnao vejo (?:mais )?(?:nenhum )?futuro\b(?! (?:nessa|nesse|nesta|neste|"
       r"para (?:o|a|este|esse|essa)|pra (?:o|a|esse|essa)|no|na|em)\b)|\bnao vejo (?:mais )?"
       r"sentido (?:em|na) (?:nada|viver|vida|continuar)\b", negatable=False),
    _p("indirect", r"\b(?:estariam|estaria|ficariam|ficaria|viveriam) (?:\w+ ){0,2}?melhor sem "
       r"mim\b|\bsem mim,? (?:\w+ ){0,2}?(?:estariam|ficariam|seria) (?:\w+ ){0,2}?melhor\b|"
       r"\b(?:eu )?so (?:dou|causo|trago) (?:trabalho|problema|problemas|despesa|gasto)\b|"
       r"\bsou (?:so )?um (?:peso|fardo|estorvo)\b", negatable=False),
    _p("plan", r"\b(?:comprimidos|remedios|pilulas|calmantes) (?:\w+ ){0,4}?(?:guardad[oa]s|"
       r"escondid[oa]s|juntad[oa]s|contad[oa]s|acumulad[oa]s)\b|\b(?:contei|juntei|guardei|"
       r"escondi) (?:\w+ ){0,2}?(?:comprimidos|remedios|pilulas)\b|\btomo (?:\w+ ){0,2}?(?:todos|"
       r"todas) (?:os|as) (?:comprimidos|remedios|pilulas)\b(?! (?:certinho|direitinho|na hora|"
       r"todo dia|todos os dias|de manha|a noite)\b)",
       requires=r"\b(?:quando|esta noite|chega|bastam|suficientes|todos|ja|espero|se|sozinh\w*|"
       + _WEEKDAY + r")\b", near=True),
    _p("plan", r"\b(?:e )?(?:atiro me|me atiro|me jogo|atirar me|me atirar)\b" + _END,
       requires=_PLACE, near=True),
    _p("plan", r"\b(?:ja )?sei (?:ate )?como\b" + _END + r"|\bya se (?:hasta )?como\b" + _END
       + r"|\bje sais (?:deja )?comment\b" + _END + r"|\bich weiss (?:schon|auch schon) wie\b"
       + _END, requires=r"\b(?:matar\w*|morr\w+|morir\w*|apagar|suicid\w*|acabar|bota|sumir|"
       r"tuer|en finir|mourir|umbringen|sterben|beenden|tiro|corde)\b", near=True),
    _p("self_harm", r"\b(?:voltei a|volto a|vou) (?:me )?(?:cortar|queimar|ferir|machucar)"
       r"(?: me)?\b(?! (?:o|a|os|as|meu|minha) (?:cabelo|unhas?|franja|barba)\b)"),
    _p("self_harm", r"\b(?:me cortei|me queimei|me arranhei|me feri|me machuquei|cortei me|"
       r"queimei me) (?:\w+ ){0,3}?(?:o braco|os bracos|as pernas|a perna|os pulsos|o pulso|"
       r"as coxas|a coxa|a pele|a barriga|no braco|nos bracos|na perna|nas pernas|no pulso|"
       r"nos pulsos|na coxa)\b" + _ACCIDENT, requires=_SH_CUE, near=True),
    # ---- all four: envy of the dead (the dead are someone else by design) ---------------
    _p("passive", r"\b(?:le |les )?(?:tuve|tengo|siento|senti|me dio|me da) (?:\w+ )?envidia\b|"
       r"\b(?:le |les )?envidi(?:o|e|aba)\b|\bque suerte (?:tiene|tienen|tuvo|tuvieron)\b|"
       r"\by yo sigo aqui\b|"
       r"\b(?:jenvie|je lenvie|je les envie|jenviais|je lenviais|jalouse? (?:de|des) (?:morts|"
       r"\w+))\b|\b(?:qu ?)?(?:il|elle) (?:avait|a) (?:bien )?de la chance\b|\b(?:lui|"
       r"elle),? au moins,? "
       r"(?:il |elle )?(?:na plus a|nest plus|est tranquille|est en paix|ne souffre plus)\b|"
       r"\b(?:beneide|beneidet|beneidete|beneiden)\b(?! (?:\w+ ){0,3}um\b)|"
       r"\b(?:invejo|tenho inveja|tive inveja|sinto inveja|que inveja)\b|\bque sorte a (?:dele|"
       r"dela|deles)\b", requires=_DEAD, near=True, negatable=False, other_ok=True, current=True),
    _p("passive", r"\b(?:der|die|er|sie) (?:hats|hat es) (?:\w+ )?hinter sich\b|\b(?:hat|haben) "
       r"(?:jetzt |endlich |wenigstens )*(?:seine|ihre) (?:ruhe|ruh)\b|\b(?:ele|ela|"
       r"eles),? (?:pelo "
       r"menos|ao menos|ja) (?:descansou|descansa|descansaram|esta em paz|nao (?:tem|sofre) mais|"
       r"ja nao tem de)\b|\b(?:el|ella|ellos) (?:ya )?(?:descansa|descanso|descansan)\b",
       requires=r"\b(?:beneid\w*|neid\w*|wunschte|ich auch|inveja|invejo|sorte|queria|envidi\w*|"
       r"suerte|yo sigo|envie|jenvie|chance)\b", near=True, negatable=False, other_ok=True,
       current=True),
    # ---- all four: a rope and where to hang it; the last hug ---------------------------
    _p("plan", r"\b(?:corde|cuerda|soga|strick|seil|corda)\b", requires=r"\b(?:poutre|balken|"
       r"viga|trave|branche|ast|rama|galho|gancho|haken|crochet|pendre|aufhang\w*|erhang\w*|"
       r"ahorcar\w*|colgarme|enforcar\w*|tragen wurde|supporter\w*)\b", near=True),
    _p("indirect", r"\b(?:letzte umarmung|ultimo abrazo|dernier calin|derniere etreinte|ultimo "
       r"abraco)\b", requires=r"\b(?:dass|damit|que|pour que|wollte|quise|queria|voulais|sabe|"
       r"sabia|weiss|ahnt|sait|savait)\b", current=True),
    # ---- all four: goodbye cues (weak: two different ones together) --------------------
    _p("goodbye_gift", r"\b(?:le |les )?(?:regale|he regalado|le he dado|les he dado|le di|les di|"
       r"le deje|les deje|le he dejado|les he dejado|"
       r"regalo) (?!(?:\w+ ){0,2}(?:cartas?|gracias|un beso|un abrazo|la razon|permiso|clases?|"
       r"consejos?)\b)(?:\w+ ){0,4}?(?:a mi|a mis|al|a la|"
       r"a los|a las|pa mi|para mi)\b|\b(?:jai donne|je donne|jai laisse|je laisse|jai offert|"
       r"je lui ai donne) (?:\w+ ){0,4}?(?:a mon|a ma|a mes|au|a la|aux)\b|\b(?:hab|habe|ich habe) "
       r"(?:\w+ ){1,5}?(?:gegeben|geschenkt|verschenkt|vermacht|uberlassen)\b|\b(?:gehort|gehoren) "
       r"(?:jetzt|ab jetzt|nun) (?:dem|der|den)\b|\b(?:katze|kater|hund|vogel|wellensittich|"
       r"hamster|"
       r"fische?) (?:geht|kommt) (?:jetzt |nun )?(?:zur|zum|zu)\b|\b(?:dei|deixei|doei) (?:\w+ )"
       r"{0,4}?(?:pro|pra|ao|aos|as|para (?:o|a|os|as)|a (?:minha|meu|vizinha|vizinho))\b",
       weak=True, other_ok=True),
    _p("goodbye_letter", r"\bcartas? (?:a|para|pa|pra) (?:cada|todos|mi|mis|la|el|minha|meu|os|"
       r"as)\b|\b(?:deje|he dejado|escribi|he escrito|dejo|deixei|escrevi|deixo) (?:\w+ ){0,3}?"
       r"cartas?\b|\b(?:jai ecrit|ecrit|laisse|jai laisse) (?:\w+ ){0,3}?lettres?\b|\blettres? "
       r"(?:pour|a) (?:chacun|maman|papa|ma|mon|mes)\b|\b(?:briefe?|"
       r"abschiedsbrief\w*) (?:\w+ ){0,3}?"
       r"(?:geschrieben|liegen|liegt|hinterlassen)\b|\b(?:geschrieben|hinterlassen)\b[^.!?|]{0,20}"
       r"\bbriefe?\b|\b(?:testamento|testament)\b", weak=True, other_ok=True),
    _p("goodbye_settled", r"\b(?:ya )?(?:esta|queda|dejo|deje|tengo) todo (?:en orden|arreglado|en "
       r"su sitio|listo|organizado|atado)\b|\btout est (?:range|en ordre|regle|pret|organise)\b|"
       r"\bjai tout (?:range|regle|organise)\b|\bist alles (?:geregelt|erledigt|aufgeraumt|"
       r"vorbereitet|geordnet)\b|\balles (?:ist )?geregelt\b|\b(?:ta|esta|fica|deixei|ficou) tudo "
       r"(?:arrumado|organizado|em ordem|resolvido|pronto|certo)\b", weak=True),
    _p("goodbye_thanks", r"\bgracias (?:x|por|a todos por) todo\b|\bmerci pour tout\b|\bdanke fur "
       r"alles\b|\b(?:obrigad[oa]|valeu) por tudo\b|\bihr wart (?:\w+ )?gut zu mir\b", weak=True),
    _p("goodbye_care", r"\bcuiden (?:a|de) mi\b|\bno es culpa de nadie\b|\bprenez soin de\b|"
       r"\b(?:ce nest|cest) (?:pas )?(?:votre|ta) faute\b|\bkummert euch um\b|\bist nicht (?:eure|"
       r"deine) schuld\b|\bcuidem (?:da|do|de)\b|\bnao e culpa de ninguem\b", weak=True),
)

# Stems that let a sentence through the crisis screen's fast pre-filter.
FORM_TRIGGER = (
    r"\b(?:schlaftablett|gesammelt|gezahlt|gebunkert|gehortet|versteckt|aufgehoben|nimmer|nimma|"
    r"viv|aufzuwach|durm|selbstverletz|mendormir|morir|mundo|para siempre|existir|vivir|"
    r"respirar|acab|termin|otro barrio|pata|mato|"
    r"suicid|quito|matar|tiro|ahorc|cuelgo|miedo|paz|tranquiliz|reconfort|alivia|asusta|ojala|"
    r"despert|dorm|dios|senor|virgen|lleve|recoj|pido|rezo|pena|tristeza|decepcion|sentido|"
    r"futuro|sin mi|carga|estorbo|lastre|peso|doy|causo|traigo|sirvo|guardad|escondid|juntad|"
    r"acumulad|contad|conte|contando|tirare|aviento|lanz|volvi|vuelvo|vuelto|volvere|corte|"
    r"queme|rasgun|aran|lastime|golpee|mordi|pegue|quemo|corto|fous|fou\b|foutr|cervelle|"
    r"flingu|buter|balle|peur|calme|apais|rassur|devient|semble|reveill|endormir|dieu|decu|"
    r"triste|envie|avenir|sens|sans moi|sers|poids|charge|fardeau|boulet|coute|mis|garde|cache|"
    r"stock|compte|accumul|prends|prendrai|avale|assez|saute|jette|jetterai|irai|griff|coupe|"
    r"brule|mutil|scarif|tape|frappe|mordu|entaill|mich|angst|aufgehort|fuhl|beruhig|trost|"
    r"friedlich|aufwach|zu sich|enttauscht|lust|bock|kraft|sinn|ohne mich|last|belastung|klotz|"
    r"tablett|pill|medikament|nehm|schluck|spring|wasser|geritzt|geschnitten|verbrannt|"
    r"zerkratzt|aufgekratzt|ritz|drang|bedurfnis|verlangen|apagar|bota|medo|calma|acalma|sumir|"
    r"acordar|deus|peco|decepcionad|chatead|vejo|sem mim|dou|trago|sou|comprimid|remedio|pilul|"
    r"calmante|contei|juntei|guardei|escondi|tomo|atir|jogo|sei|se\b|sais|weiss|voltei|volto|"
    r"vou|cortei|queimei|arranhei|feri|machuquei|envidi|suerte|yo sigo|jenvi|lenvi|jalous|chance|"
    r"au moins|beneid|inveja|invejo|sorte|hinter sich|ruhe|ruh\b|descans|corde|cuerda|soga|"
    r"strick|seil|corda|umarmung|abrazo|calin|etreinte|abraco|regal|di\b|dado|deje|dejo|donne|"
    r"laisse|offert|gegeben|geschenkt|vermacht|uberlassen|gehort|geht|gehen|kommt|kommen|dei|"
    r"deixei|doei|deixo|carta|lettre|brief|testament|escri|ecrit|geschrieben|hinterlassen|todo|"
    r"tout|alles|tudo|gracias|merci|danke|obrigad|valeu|ihr wart|cuiden|culpa|soin|faute|"
    r"kummert|schuld|cuidem)"
)
