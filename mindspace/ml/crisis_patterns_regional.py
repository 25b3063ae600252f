"""Regional and situational crisis phrasings in Spanish, French, German and Portuguese (data
only).

Families the other tables do not reach:

* conditional plans: a bad outcome, then going to a high place, water or rails ("si me
  despiden, esa noche me voy al puente", "si le tribunal dit non, le fusil est au grenier",
  "wenn die Kündigung kommt, fahr ich zur Brücke", "se ela me largar, vou até a ponte"),
  confirmed nearby by a scouted spot, a night or a settled decision ("ya fui a ver el sitio",
  "j'ai repéré l'endroit", "hab mir die Stelle angesehen", "já fui lá ver");
* Swiss, Bavarian and Austrian German with dialect pronouns and spellings ("i bi nume no e
  Last", "hab mi gritzt", "i mag nimmer lebn", "mach i's", "mi umzbringa");
* Québécois, Belgian and spoken French ("m'endormir pis pu me réveiller", "me foutre à l'eau
  sous le pont", "un poids en moins", "combien de cachets il faudrait");
* counting the pills it would take ("ya sé cuántas pastillas necesito", "quantos comprimidos
  preciso") and goodbyes that leave nobody any work ("damit niemand Arbeit mit mir hat").

Also ``TRIVIAL_INTL``/``JOKE_INTL``: the cues :mod:`mindspace.ml.crisis` uses to read "si
vuelvo a oír ese villancico me tiro por la ventana", "noch eine Sitzung und ich erschieß
mich, haha" as hyperbole about a trivial thing. The text is normalised first (lower case, no
accents, elisions joined, "'s" dropped: "mach i's" -> "mach i").
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p
from mindspace.ml.crisis_patterns_forms import PILL_WORDS
from mindspace.ml.crisis_patterns_forms import PLACE_WORDS as _PLACE

_PILLS = PILL_WORDS
_WEAPON = (r"(?:escopeta|rifle|pistola|revolver|fusil|carabine|carabina|gewehr|flinte|"
           r"pistole|espingarda|arma|garrucha|flingue)")
# a leisure or everyday purpose for the trip: not a plan
_LEISURE = (r"(?![^.!?|]*\b(?:a ver (?:el|la|los|las)|ver (?:el|la|os|as|o|a) (?:atardecer|"
            r"vista|fogos|por do sol|paisaje|amanecer)|pescar|pesca|fotograf\w*|foto\w*|bar|"
            r"fiesta|fete|feter|fest\w*|feiern|celebr\w*|comemor\w*|picnic|pique nique|"
            r"piquenique|pasear|passear|spazier\w*|promener|promenade|wandern|randonnee|"
            r"caminhada|caminar|correr|courir|joggen|vista|aussicht|atardecer|coucher de soleil|"
            r"sonnenuntergang|fogos|feu d ?artifice|feuerwerk|fuegos|nadar|baden|schwimmen|nager|"
            r"vivir|viver|wohnen|habiter|vivre|mudarme|mudar|umziehen|demenager|trabajar|"
            r"travailler|arbeiten|trabalhar|vacaciones|vacances|urlaub|ferias|turista|tourist\w*)"
            r"\b)")
# the trip: a first-person move towards the place ("me voy al", "j'irai au", "fahr ich zur")
_GO = (r"(?:me voy|voy|ire|me ire|subo|me subo|me acerco|me largo|manejo|conduzco|camino|"
       r"j ?irai|jirai|je vais|je vais aller|je file|je monte|je prendrai la voiture|je roule|"
       r"je marche|je cours|geh ich|gehe ich|fahr ich|fahre ich|lauf ich|steig ich|steige ich|"
       r"ich geh|ich gehe|ich fahr|ich fahre|ich steig|ich steige|vou|irei|subo|corro|dirijo|"
       r"me mando|me pico)")
# a scouted spot, a night, or a settled decision nearby
_CONFIRM = (
    r"\b(?:ya (?:fui|he ido|estuve|me fui) (?:\w+ )?a (?:ver|mirar|revisar)|ya (?:mire|vi|revise|"
    r"escogi|elegi|decidi|lo decidi)|(?:tengo|tenia) (?:\w+ ){0,2}(?:mirado|visto|escogido|"
    r"elegido|decidido|pensado|calculado)|lo tengo (?:\w+ )?(?:decidido|claro|pensado)|"
    r"(?:ya )?esta decidido|de noche|por la noche|esa (?:misma )?noche|de madrugada|"
    r"deja (?:alle|allee|passe) (?:\w+ )?(?:reperer|voir|verifier)|j ?ai (?:deja )?(?:repere|"
    r"verifie|choisi|tout prevu|tout calcule|decide)|jai (?:deja )?(?:repere|verifie|choisi)|"
    r"(?:c ?est|cest|tout est) (?:\w+ )?(?:regle|decide|prevu|pret)|tout est (?:\w+ )?(?:prevu|"
    r"pret|"
    r"regle|decide)|de nuit|en pleine nuit|"
    r"cette nuit la|(?:schon|bereits) (?:\w+ ){0,3}(?:angesehen|angeschaut|ausgesucht|"
    r"uberlegt|ausgewahlt|nachgeschaut|gecheckt|abgecheckt|entschieden|beschlossen)|"
    r"war (?:\w+ )?schon dort|weiss (?:\w+ )?(?:schon )?(?:genau)?,? ?wo|(?:hab|"
    r"habe) (?:\w+ ){0,4}?"
    r"(?:angesehen|angeschaut|ausgesucht|ausgewahlt|uberlegt|gecheckt|abgecheckt)|(?:ist|"
    r"is) (?:das |des )?"
    r"entschieden|steht fest|nachts|in der nacht|ja (?:fui|estive) (?:la )?(?:ver|olhar)|"
    r"ja (?:vi|escolhi|olhei|decidi|sei onde|medi)|(?:ja )?(?:esta|ta) decidido|a noite|"
    r"de noite|(?:ma |mi |meine |minha |mein )?(?:decision|decisao|entscheidung|entschluss) "
    r"(?:est |esta |ist |steht |ta )?(?:prise|tomada|gefallen|getroffen|fest)|(?:ist|is) (?:\w+ )?"
    r"beschlossen|(?:tengo|tenia) todo (?:pensado|planeado|listo))\b"
)
_ROPE = r"(?:soga|cuerda|corde|strick|seil|corda|lazo)"
# the place ends the clause, with at most a few words of where it is ("del río", "hinterm
# Bahnhof", "perto de casa") or a night: a purpose after it ("pour réparer", "buscar minha
# filha", "zum Fotografieren") or crossing it ("über die Brücke") is an errand
_PLACE_TAIL = (
    r"(?:(?: (?:de|del|de la|du|de l|des|d|vom|von der|von|der|da|do|das|dos|perto de|pres de|"
    r"pres du|hinter\w*|am|an der|beim|bei der|cerca de|junto a|junto al|na|no|en|im|i am|a|al|"
    r"au|aux|sur|sous|auf|an|zu|zur|zum|ao|alten|alte|vieux|vieil|vieja|viejo|velha|velho)"
    r"(?: (?!(?:pra|para|pour|zum|um|buscar|chercher|holen|ver|voir|sehen|reparar|reparer|"
    r"trocar|cambiar|changer|fotograf\w*|pescar|pecher|angeln)\b)\w+){1,4}?)?)"
    r"(?= *(?:$|[|.!?,;:]| (?:de noche|por la noche|de madrugada|de nuit|la nuit|cette nuit|en "
    r"pleine nuit|nachts|in der nacht|heute nacht|de noite|a noite|a meia noite|y|et|und|e|ya|"
    r"deja|schon|ja)\b))(?<!\bubre)"
)
# crossing a bridge on foot or by bike is an errand
_CROSSING = (r"(?![^.!?|]*\b(?:zu fuss|a pie|a pied|a pe|uber die|ubern|atravesar|cruzar|"
             r"traverser|atravessar|passer par|pasar por|radeln|fahrrad|velo|bici|bicicleta|"
             r"rad)\b)")
# a word that is not a day or a time ("wenn ich morgen nicht da bin" is only tomorrow)
_NOT_WHEN = (r"(?:(?!morgen\b|heute\b|heut\b|nachste\w*\b|ab\b|am\b|diese\w*\b|bald\b|"
             r"kurz\b|mal\b|im\b|i am\b)\w+ )")
# a conditional lead: "si ...", "cuando ...", "falls ...", "wenn ...", "sollte ...", "se ..."
_IF = r"\b(?:si|si jamais|falls|wenn|sollte|se|caso)\b" + _LEISURE + _CROSSING + r"[^.!?|]{3,80}?"
# a high place, water or rails, also in the plural ("las vías", "aux falaises", "zu den Gleisen")
# German compounds too ("Talbrücke", "Kirchturm", "Bahngleise", "Hausdach")
_PLACE_PL = (r"(?:" + _PLACE[:-3] + r")(?:s|n|en|es)?\b|\b\w*(?:brucke|brucken|turm|klippe|"
             r"klippen|gleise|gleisen|hochhaus|parkhaus|dach|damm|staudamm)\b|\b(?:barrage|"
             r"barrages|represa|embalse|pantano|lac|lago|lagos|see|mar|mer|meer|fleuve|riviere|"
             r"fluss|canal|kanal|acude|muelle|porto|puerto|hafen|port|laje|terraza|terrasse|"
             r"precipicio|precipice|abgrund|carretera|autopista|autoroute|autobahn|rodovia|"
             r"estrada)\b)")

# dialect German building blocks
_ICH = r"(?:ich|i|ig|iech)"
_MICH = r"(?:mich|mi)"
_NUR_NOCH = r"(?:(?:nur|nume|numme|bloss|blos|grad) (?:noch|no|na|nu) )"
_EIN = r"(?:e|a|ne|eine|an|en|oa|ene) "

REGIONAL_PATTERNS: tuple[Pattern, ...] = (
    # ---- conditional plans ---------------------------------------------------------------
    _p("plan", _IF + r"\b" + _GO + r"\b (?:\w+ ){0,5}?" + _PLACE_PL + _PLACE_TAIL,
       requires=_CONFIRM, near=True,
       reason="describes a plan for a place if something goes wrong"),
    _p("plan", _IF + r"\b(?:el |la |le |das |die |mein |meine |a |o |minha |meu |mi |mon )?"
       + _WEAPON + r" (?:esta|estan|est|steht|liegt|ist|hangt|fica|ta|sta|esta guardad[oa]|"
       r"attend|wartet|espera) (?:\w+ ){0,3}?(?:en|dans|au|a|im|i am|in|no|na|auf|unterm|"
       r"hinterm)\b|" + _IF + r"\b(?:prendo|agarro|cojo|saco|cuelgo|prends|prendrai|sors|"
       r"accroche|nehm|nehme|hol|hole|hang|hange|pego|pegar|pegarei|tiro|penduro) (?:ich |i |eu )?"
       r"(?:el |la |le |den |die |das |a |o |mein |meine |meinen |mi |mon |ma )?(?:" + _WEAPON
       + r"|" + _ROPE + r")\b",
       requires=_CONFIRM, near=True,
       reason="describes a plan with a weapon if something goes wrong"),
    # ---- counting the pills it would take -----------------------------------------------
    _p("plan", r"\b(?:se|sabe|calcule|averigue|busque|investigue|mire|he mirado|he calculado|"
       r"conte|regarde|calcule|cherche|compte|sais|weiss|nachgeschaut|gegoogelt|ausgerechnet|"
       r"gezahlt|sei|calculei|pesquisei|olhei|contei|vi) (?:\w+ )?(?:cuantas|combien de|wie "
       r"viele|wieviele|quantos|quantas) " + _PILLS + r" (?:\w+ ){0,2}?(?:necesito|necesitaria|"
       r"me hacen falta|me harian falta|hacen falta|harian falta|hay que tomar|tendria que tomar|"
       r"il (?:me )?(?:faudrait|faut|faudra)|(?:ca|cela) prendrait|ich brauche|ich brauch|es "
       r"braucht|man braucht|notig (?:sind|waren)|reichen|reichen wurden|preciso|precisaria|"
       r"seriam precisos|sao precisos|bastam|bastariam)\b(?! (?:\w+ )?(?:por|al|a|par|pro|am|"
       r"pour|para) (?:dia|jour|tag|semana|semaine|woche|mes|mois|monat|viaje|voyage|reise|"
       r"viagem|tratamiento|traitement|behandlung|tratamento|la semaine)\b)"),
    # ---- Swiss, Bavarian and Austrian German -------------------------------------------
    _p("hopelessness", r"\b" + _ICH + r" (?:bin|bi|be|ben) (?:\w+ ){0,3}?(?:" + _NUR_NOCH + _EIN
       + r"(?:last|belastung|belaschtig|klotz am bein)\b|" + _EIN + r"(?:last|belastung|belaschtig|"
       r"klotz am bein)(?:(?= *(?:$|[|.!?,;:]))| (?:fur|fir|fuer) (?:alle|alli|ali|jeden|jede|"
       r"euch|eich|die anderen|die andern|mei\w* (?:familie|leit|leut|leute|kinder|kids|frau|"
       r"mann|eltern|liebsten)|mini \w+|d familie|die familie)\b))",
       reason="feels like a burden"),
    _p("hopelessness", r"\b(?:ohne|ohni|ohn) " + _MICH + r" (?:\w+ ){0,2}?(?:hatten|hattens|"
       r"hatted|hattet|warn|warns|waren|war|warad|warat|warent|ware|waer|warets|gings|ging|hatts|"
       r"hatt|hend|hettet|hetted|hettid) (?:\w+ ){0,3}?(?:leichter|liechter|leichta|liechta|"
       r"besser|bessa|schoner|ruhiger|einfacher|eifacher)\b", reason="feels like a burden"),
    _p("self_harm", r"\b(?:hab|habe|han|ha|hob|i hab|ich hab) (?:\w+ ){0,4}?(?:" + _MICH
       + r" )?(?:g ?ritzt|geritzt|gritzt|gritzet)\b(?! (?:in|ins|auf|am baum|initial\w*)\b)"),
    _p("self_harm", r"(?:\b(?:ritz|ritze|ritz i|schneid|schneide) " + _MICH + r"\b|\b" + _MICH
       + r" (?:\w+ ){0,4}?(?:gritzt|geritzt|g ?schnitten|gschnittn|gschnitte)\b)(?![^.!?|]{0,40}"
       r"\b(?:beim|bei|zwiebel\w*|gemuse|kochen|rasieren|aus versehen|versehentlich|aua|papier|"
       r"in den finger|am finger|brot|messer beim)\b)"),
    _p("ideation", r"\b" + _ICH + r" (?:mag|mog|will|wui|wott|wett|mocht|mecht|moecht|wil) "
       r"(?:\w+ )?(?:nimmer|nimma|nimmi|nuame|nume|numme|nimme|nicht mehr|ned mehr|nit mehr|"
       r"net mehr|nod meh|nid meh|nie mehr) (?:\w+ )?(?:leben|lebn|lebe|labe|laebe|lebm|do sei|"
       r"da sein|dasei|sei|existieren)\b"),
    _p("ideation", r"\b(?:gedanke\w*|idee|lust|vorstellung|gedanken),? (?:\w+ ){0,2}?" + _MICH
       + r" (?:umzubringen|umzbringa\w*|umzbringen|umbringa|umzubringa|umzbringe|umbringe)\b"),
    _p("ideation", r"\b(?:mach|mache|tu|tua|tue) (?:i|ich|is|ichs)(?: es| das)?\b"
       r"(?= *(?:$|[|.!?;:]))|"
       r"\bje (?:le ferai|vais le faire|le fais|passerai a lacte)\b(?= *(?:$|[|.!?;:,]))|"
       r"\b(?:lo hare|lo voy a hacer|lo hago)\b(?= *(?:$|[|.!?;:,]))|"
       r"\b(?:eu )?(?:vou fazer|faco|farei)(?: isso)?\b(?= *(?:$|[|.!?;:,]))",
       requires=r"\b(?:" + _PILLS + r"|" + _WEAPON + r"|" + _ROPE + r"|klinge|rasierklinge\w*|"
       r"lames?|cuchillas?|laminas?|brucke|gleise|pont|puente|ponte|vias|rails)\b", near=True,
       reason="describes a plan, method or attempt"),
    _p("indirect", r"\b(?:beneid\w*) (?:i|ig) (?:ihn|sie|en|n|di|eam|ihm)\b(?![^.!?|]{0,20}\bum "
       r"(?:sei|sein|seine|seinen|seim|ihr|ihre|ihren|den|die|das|d)\b)|\b(?:i|ig) beneid ?(?:n|"
       r"en|ihn|sie|di)\b(?![^.!?|]{0,20}\bum (?:sei|sein|seine|seinen|seim|ihr|ihre|ihren|den|"
       r"die|das|d)\b)",
       requires=r"\b(?:hinter sich|gestorben|tot|toten|verstorben\w*|beerdigung|begrabnis|"
       r"friedhof|grab|ruht|ruh|uberstanden|erlost|im himmel|drubn|droben)\b", near=True,
       other_ok=True, reason="envies someone who has died"),
    _p("goodbye_gift", r"\b(?:hab|habe|han|hob) (?:\w+ ){0,5}?vermacht\b", weak=True,
       other_ok=True),
    _p("goodbye_letter", r"\b(?:abschiedsbrief|abschiedsbriaf|(?:an|a|en|einen|e|oan) "
       r"(?:letzten |langen )?(?:brief|briaf) (?:\w+ ){0,3}?(?:g ?schrieb\w*|geschrieben))\b",
       weak=True, other_ok=True),
    # ---- leaving nobody any work (es, fr, de, pt) --------------------------------------
    _p("goodbye_care", r"\b(?:damit|dass) (?:\w+ )?(?:niemand|keiner|koaner|neamd) (?:\w+ ){0,3}?"
       r"(?:arbeit|muhe|umstande|arger|scherereien|aufwand) mit mir\b|\bpara que nadie "
       r"(?:\w+ )?tenga que (?:ocuparse|encargarse|limpiar|recoger|hacerse cargo) (?:\w+ ){0,2}?"
       r"(?:mis|de mis|de mi|mi)\b|\bpour que personne (?:nait|n ait|ait) (?:\w+ )?a (?:soccuper|"
       r"ranger|nettoyer|trier|gerer) (?:\w+ ){0,2}?(?:mes|de mes|mon|ma)\b|\b(?:pra|para) que "
       r"ninguem (?:\w+ )?(?:precise|tenha que|tenha de) (?:cuidar|arrumar|limpar|mexer) "
       r"(?:\w+ ){0,2}?(?:minhas|meus|das minhas|dos meus)\b", weak=True, other_ok=True),
    _p("goodbye_settled", r"\b(?:passworter|passwort|kennworter|zugangsdaten|pins|pin|claves|"
       r"contrasenas|mots de passe|codes|senhas) (?:\w+ ){0,4}?(?:aufgeschrieben|gegeben|"
       r"hinterlegt|deje|di|dejado|laisses|laisse|donnes|donne|ecrit|deixei|passei|anotei|"
       r"apunte|anote)\b|\b(?:deje|di|laisse|donne|deixei|passei|gegeben|aufgeschrieben) "
       r"(?:\w+ ){0,3}?(?:claves|contrasenas|mots de passe|codes|senhas|passworter|passwort)\b",
       weak=True, other_ok=True),
    # ---- Québécois, Belgian and spoken French --------------------------------------------
    _p("passive", r"\b(?:jaimerais|jvoudrais|je voudrais|voudrais|veux|envie de|souhaite|reve de|"
       r"rever de|prie pour|aimerais|jveux) (?:\w+ ){0,2}?mendormir (?:pis |puis |et |pour |"
       r"sans )?(?:ne |jamais |pus |pu |plus |pas ){1,3}(?:me )?reveill\w*\b(?! (?:avant|"
       r"jusqu|tot|de bonne)\b)"),
    _p("plan", r"\b(?:me|m) (?:foutre|jeter|lancer|balancer|flanquer|garocher|pitcher) (?:a leau|"
       r"dans (?:la|le|l) ?(?:\w+ )?(?:riviere|fleuve|seine|meuse|lac|canal|mer|loire|rhone|"
       r"fleuve|escaut|sambre|saint laurent|eau))\b",
       requires=_PLACE[:-3] + r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce soir|"
       r"cette nuit|demain|personne (?:ne )?(?:va|verra|remarquera|le remarquera|sen rendra)|"
       r"pour de bon|une fois pour toutes|pour toujours)\b", near=True),
    _p("plan", r"\b(?:vais|va|irai|veux|vas|jvais) (?:aller )?me noyer\b(?! dans (?:le|les|mon|"
       r"mes|la|l|du|des|de) ?(?:\w+ )?(?:travail|boulot|taf|dossiers|devoirs|paperasse|larmes|"
       r"boulots|series|livres|revisions|verre|biere|alcool)\b)"),
    _p("hopelessness", r"\b(?:je serais|jserais|ca (?:ferait|serait)|ce serait|cela ferait) "
       r"(?:\w+ )?(?:un|une) (?:poids|fardeau|boulet|bouche a nourrir|souci|charge|probleme) "
       r"(?:de )?en moins\b", reason="feels like a burden"),
    # ---- French slang, envy of the dead, praying not to wake ----------------------------
    _p("ideation", r"\b(?:mfoutre|me foutre|m foutre) en l ?air\b(?= *(?:$|[|.!?,;:]| ce soir| "
       r"demain| cette nuit| pour de bon| une bonne fois))"),
    _p("indirect", r"\bje (?:lenvie|les envie|lenviais|les enviais)\b",
       requires=r"\b(?:mort|morte|morts|decede\w*|partie?\b(?! (?:vivre|en|au|aux|a|pour|"
       r"faire|travailler|habiter|etudier|chez|loin|ailleurs)\b)|enterrement|funerailles|"
       r"cimetiere|tombe|en paix|repose|au ciel)\b",
       near=True, other_ok=True, reason="envies someone who has died"),
    _p("passive", r"\b(?:prie|priais|prier|espere|souhaite|reve) (?:\w+ )?(?:pour |de )?(?:ne )?"
       r"(?:pas|plus|jamais) (?:me )?reveill\w*\b(?! (?:avant|trop|en retard|tard|a temps)\b)"),
    # ---- a scouted place, then going there (fr, de, es, pt) ---------------------------
    _p("plan", r"\b(?:repere|angeschaut|angesehen|ausgesucht|ausgekundschaftet|escogido|elegido|"
       r"escogi|elegi|escolhi|olhei|ja vi) (?:\w+ ){0,2}?" + _PLACE_PL + _LEISURE + r"|"
       + _PLACE_PL + r" (?:(?!fur\b|zum\b|zur\b|fuer\b|um\b)\w+ ){0,3}?(?:schon |bereits )?"
       r"(?:angeschaut|angesehen|ausgesucht|ausgekundschaftet)\b" + _LEISURE,
       requires=r"\b(?:jy vais|jy irai|jirai|jy retourne|geh ich hin|gehe ich hin|fahr ich hin|"
       r"fahre ich hin|ich geh hin|ich gehe hin|voy a ir|ire|me voy|vou la|irei|vou)\b", near=True,
       reason="describes a plan for a place"),
    # ---- German: easier for everyone if I were not here ---------------------------------
    _p("hopelessness", r"\b(?:leichter|besser|einfacher)\b[^.!?|]{0,30}\bwenn ich " + _NOT_WHEN
       + r"{0,2}?"
       r"(?:nicht mehr|nimmer|nie mehr|weg) (?:da |hier |am leben )?(?:war|ware|waer|sein "
       r"wurde|bin)\b|\bwenn ich " + _NOT_WHEN + r"{0,2}?(?:nicht mehr|nimmer|weg) (?:da |hier |"
       r"am leben )?"
       r"(?:war|ware|waer)\b,? (?:\w+ ){0,3}?(?:leichter|besser|einfacher)\b",
       reason="feels like a burden"),
    # ---- a rope put up, with a time nearby ---------------------------------------------
    _p("plan", r"\b" + _ROPE + r"\b[^.!?|]{0,30}\b(?:aufgehangt|festgemacht|angebunden|"
       r"angebracht|befestigt|accroche\w*|attache\w*|noue\w*|pendu\w*|colgad[oa]|colgue|"
       r"amarrad[oa]|amarre|atad[oa]|pendurad[oa]|pendurei|amarrei)\b|\b(?:aufgehangt|"
       r"accroche|attache|colgue|amarre|pendurei|amarrei) (?:\w+ ){0,2}?" + _ROPE + r"\b",
       requires=r"\b(?:morgen|heute nacht|heut nacht|bevor|demain|ce soir|cette nuit|avant que|"
       r"avant qu|manana|esta noche|antes de que|antes que|amanha|hoje a noite|esta noite|"
       r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
       r"donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|jueves|viernes|sabado|"
       r"domingo|segunda|terca|quarta|quinta|sexta)\b", near=True,
       reason="describes a plan, method or attempt"),
    # ---- calm since knowing how; which bridge is high enough --------------------------
    _p("ideation", r"\b(?:seit|seitdem) ich (?:\w+ )?weiss,? wie ich (?:es |s )?(?:mach|mache|"
       r"machen werde|tun werde|tu)\b|\bdepuis que je sais comment (?:je vais )?(?:faire|le "
       r"faire|men aller|partir|en finir)\b|\bdesde que (?:ya )?se como (?:lo )?(?:voy a "
       r"hacer(?:lo)?|hacerlo|irme)\b|\bdesde que (?:eu )?sei como (?:vou )?(?:fazer|me ir|"
       r"acabar)\b", current=True),
    _p("plan", r"\b(?:welche|welcher|welches) (?:\w+ )?\w*(?:brucke|hochhaus|turm|dach|klippe|"
       r"parkhaus|stockwerk) (?:\w+ )?hoch genug\b|\bquel(?:le)? (?:\w+ )?(?:pont|immeuble|"
       r"falaise|toit|tour|etage|viaduc) (?:\w+ )?(?:est |serait )?(?:assez|suffisamment) "
       r"haute?\b|\b(?:que|cual) (?:\w+ )?(?:puente|edificio|azotea|acantilado|piso|viaducto) "
       r"(?:\w+ )?(?:es|seria|esta) (?:lo )?(?:bastante|suficientemente) alt[oa]\b|\bqual "
       r"(?:\w+ )?(?:ponte|predio|viaduto|andar) (?:\w+ )?(?:e|seria) (?:alt[oa] o suficiente|"
       r"suficientemente alt[oa])\b", reason="describes a plan for a place"),
    # ---- waking up was a disappointment; nothing left to do here ----------------------
    _p("passive", r"\b(?:war|ware) ich (?:doch )?(?:\w+ )?(?:nicht mehr|nie mehr|bloss nicht|nur "
       r"nicht|nimmer) (?:\w+ )?aufgewacht\b|\bsi seulement je (?:ne )?(?:metais|me serais|"
       r"m etais) (?:pas|jamais|plus) reveill\w*\b|\bojala no (?:me )?hubiera despertado\b|"
       r"\b(?:quem dera|tomara que) (?:eu )?(?:nao )?(?:tivesse|ter) (?:nao )?acordado\b"),
    _p("indirect", r"\bje (?:n ?ai|nai) plus rien a faire (?:ici bas|sur (?:cette|la) terre|dans "
       r"ce monde|en ce monde)\b|\b(?:hab|habe) (?:\w+ )?genug gelebt\b(?! (?:in|hier|dort|bei|"
       r"mit|als)\b)|\bich bin (?:\w+ )?(?:nur noch|bloss noch) im weg\b|\bya (?:he )?vivi(?:do)? "
       r"(?:lo )?(?:bastante|suficiente)\b(?! (?:en|aqui|alli|ahi|por|con|como)\b)|\bja vivi "
       r"(?:o )?(?:bastante|suficiente)\b(?! (?:em|aqui|ali|nessa|nesta|nesse|neste|com|como)\b)",
       negatable=False,
       reason="feels like a burden or that life is done"),
    _p("passive", r"\b(?:gott|herrgott|der herr|der liebe gott|jesus|dios|diosito|deus)\b"
       r"[^.!?|]{0,20}\b(?:soll|moge|mag|kann|darf|konnte) mich (?:\w+ )?(?:holen|zu sich "
       r"(?:nehmen|holen)|mitnehmen|abholen|erlosen)\b|\b(?:herrgott|gott|herr|jesus),? hol(?:e)? "
       r"mich\b(?! ab\b| (?:\w+ )?ab\b)|\bhol(?:e)? mich (?:\w+ )?(?:zu dir|heim)\b(?! ab\b)|"
       r"\b(?:dieu|seigneur|le bon dieu|jesus)\b[^.!?|]{0,20}\b(?:peut|pourrait|doit|"
       r"devrait|vienne|viendra) (?:\w+ )?(?:venir )?me (?:chercher|prendre|rappeler|reprendre|"
       r"emporter)\b"),
    # ---- possessions handed out to two people (weak) ----------------------------------
    _p("goodbye_gift", r"\b(?:mein|meine) \w+ (?:bekommt|kriegt|erbt) (?:den|die|das|meinen|meine|"
       r"mein) \w+,? (?:und )?(?:mein|meine) \w+ (?:\w+ )?(?:den|die|das|meinen|meine|mein)\b|"
       r"\b(?:ma|mon) \w+ (?:aura|recevra|heritera de) (?:les|la|le|l|mes|mon|ma) ?\w+,? (?:et )?"
       r"(?:ma|mon) \w+ (?:aura )?(?:les|la|le|l|mes|mon|ma)\b|\b(?:mi|mis) \w+ (?:se queda|se "
       r"quedan|tendra|heredara) (?:con )?(?:el|la|los|las|mi|mis) \w+,? (?:y )?(?:mi|mis) \w+ "
       r"(?:con )?(?:el|la|los|las|mi|mis)\b|\b(?:minha|meu) \w+ (?:fica com|vai ficar com|herda) "
       r"(?:o|a|os|as|meu|minha) \w+,? (?:e )?(?:minha|meu) \w+ (?:com )?(?:o|a|os|as|meu|minha)"
       r"\b", weak=True, other_ok=True),
    _p("goodbye_letter", r"\b(?:(?:ich )?hab(?:e)? (?:\w+ )?alles aufgeschrieben|j ?ai tout "
       r"(?:ecrit|note|mis par ecrit)|jai tout (?:ecrit|note|mis par ecrit)|(?:ya )?(?:deje|he "
       r"dejado) todo (?:por )?escrito|deixei tudo (?:por )?escrito)\b", weak=True,
       other_ok=True),
    # ---- "I should just disappear, it would be better" ----------------------------------
    _p("indirect", r"(?:\b(?:je devrais|jdevrais|il faudrait que je) (?:juste |simplement |"
       r"peut etre )?"
       r"dispara\w+\b|\bich (?:sollte|sollt|musste) (?:einfach |lieber |besser )?(?:verschwinden|"
       r"weg sein|nicht mehr da sein)\b|\b(?:deberia|tendria que) (?:simplemente |solo )?"
       r"desaparecer\b|\b(?:eu )?(?:deveria|devia) (?:so |simplesmente )?(?:sumir|desaparecer)\b)"
       r"(?!,? (?:de|du|des|d|von|vom|aus|bevor|avant|antes|del|da|do|dessa|desse|deste|desta|"
       r"por|pour|para|pra|fur)\b)(?![^|]*\b(?:mdr|lol|haha\w*|jaja\w*|kk+|ptdr|xd|rs(?:rs)+)\b)",
       requires=r"\b(?:plus simple|mieux|plus facile|soulagement|besser|leichter|einfacher|"
       r"mejor|mas facil|mas sencillo|melhor|mais facil|mais simples)\b", near=True,
       reason="feels like a burden"),
    # ---- asking God to take the writer ------------------------------------------------
    _p("passive", r"\b(?:pido|ruego|rezo|suplico|le pido|le ruego) (?:a dios |al senor |a la "
       r"virgen |a diosito |al cielo )?(?:\w+ ){0,3}?que (?:ya |pronto |de una vez )?me "
       r"(?:recoja|lleve|llame|lleve consigo|saque de aqui)\b|\b(?:rappelle|reprends|prends|"
       r"emporte|viens chercher) moi (?:a toi|"
       r"aupres de toi|avec toi)\b|\b(?:dieu|seigneur|le bon dieu|jesus) (?:\w+ ){0,2}?(?:me "
       r"rappelle|me reprenne|me prenne|vienne me chercher|me rappeler)\b"),
    # ---- Spanish and Portuguese ---------------------------------------------------------
    _p("ideation", r"\bmejor me muero\b(?! (?:de|del|por) (?:\w+ )?(?:hambre|risa|sed|frio|calor|"
       r"verguenza|sueno|aburrimiento|ganas|miedo|pena|cansancio|envidia|amor|nervios|asco)\b)|"
       r"\b(?:melhor|antes) (?:eu )?morrer (?:logo|de vez|duma vez|de uma vez)\b"),
    _p("indirect", r"\bsin mi,? (?:\w+ ){0,3}?(?:estarian|estaria|vivirian|viviria|serian|seria) "
       r"(?:\w+ ){0,2}?(?:tranquil[oa]s?|en paz|felices|bien|mejor)\b|\bsolo (?:les |le |te |"
       r"os )?(?:doy|causo|traigo) (?:\w+ )?(?:problemas|trabajo|gastos|molestias|disgustos|"
       r"preocupaciones)\b(?![^.!?|,]{0,30}\b(?:cuando|si|mientras)\b)", negatable=False,
       reason="feels like a burden"),
    _p("hopelessness", r"\b(?:nomas|nada mas|no mas|puro|pura|solamente) (?:soy |estoy de |"
       r"ando de )?(?:un |una )?(?:estorbo|carga|lastre|molestia)\b(?! (?:en|para) (?:la |el )?"
       r"(?:cocina|paso|camino|medio|puerta|pasillo|cancha|foto|partido|mudanza)\b)",
       reason="feels like a burden"),
    _p("ideation", r"\b(?:pensamentos?|ideias?|vontade|pensar) (?:de|em) (?:me matar|morrer|"
       r"acabar com tudo|sumir de vez|me suicidar) (?:\w+ ){0,2}?(?:ja )?(?:nao|nem) "
       r"(?:me )?(?:assusta\w*|da\w* (?:mais )?medo|me da\w* (?:mais )?medo)",
       current=True),
)

# Every regional pattern needs one of these stems in its sentence (see crisis._TRIGGER).
REGIONAL_TRIGGER = (
    r"\b(?:si|falls|wenn|sollte|se|caso|cuant|combien|wie viel|wieviel|quant|last|belast|"
    r"belasch|klotz|ohne|ohni|ohn|ritz|gritz|schnitt|schnit|gschnit|geschnit|g schnit|nimmer|"
    r"nimma|nimmi|nume|numme|"
    r"nimme|nicht mehr|ned mehr|nit mehr|net mehr|nod meh|nid meh|nie mehr|umzubring|umzbring|"
    r"umbring|mach|tu|tua|tue|beneid|vermacht|abschied|brief|briaf|damit|dass|para que|pour "
    r"que|pra que|passw|kennw|zugangsd|pin|clave|contrasen|mots de passe|codes|senha|mendormir|"
    r"foutre|jeter|lancer|balancer|flanquer|garocher|pitcher|noyer|en moins|nomas|nada mas|"
    r"no mas|puro|pura|solamente|pensament|ideia|vontade|pensar|pido|ruego|rezo|suplico|"
    r"rappelle|reprends|prends|emporte|viens chercher|dieu|seigneur|jesus|ferai|faire|fais|"
    r"passerai|hare|hacer|hago|fazer|faco|farei|mfoutre|lenvie|les envie|prie|priais|espere|"
    r"souhaite|reve|repere|angeschaut|angesehen|ausgesucht|escogi|elegi|escolhi|olhei|ja vi|"
    r"leichter|besser|einfacher|brucke|brucken|pont|puente|ponte|mejor|melhor|antes|sin mi|"
    r"solo|strick|seil|corde|soga|corda|lazo|aufgehangt|accroche|attache|colgue|amarre|"
    r"pendurei|amarrei|seit|depuis que|desde que|welche|quel|que|cual|qual|war|ware|"
    r"si seulement|ojala|quem dera|tomara|nai|n ai|genug gelebt|im weg|vivi|gott|herrgott|"
    r"der herr|dios|deus|hol|hole|mein|meine|ma|mon|mi|mis|minha|meu|alles aufgeschrieben|"
    r"tout|todo|tudo|devrais|faudrait que je|sollte|sollt|musste|deberia|tendria que|deveria|devia)"
)

# Hyperbole about a trivial thing: a repeated everyday annoyance ("si vuelvo a oír ese
# villancico", "encore une réunion", "wenn ich noch eine Excel-Tabelle sehe", "mais um áudio do
# meu chefe"), not life itself ("otro día así", "encore une nuit comme ça").
TRIVIAL_INTL = (
    r"\b(?:si|como|wenn|falls|se|caso)\b[^.!?|]{0,60}?\b(?:vuelv\w* a|volv\w* a|otra vez|una vez "
    r"mas|otra|otro|encore|une fois de plus|de nouveau|a nouveau|noch (?:ein|eine|einen|einem|"
    r"einmal|mal)|nochmal|schon wieder|wieder|de novo|outra vez|mais um|mais uma|outro|outra)\b"
    r"|^ *(?:otra|otro|encore|noch|mais|una|une|eine|um|uma) (?:\w+ ){0,2}?(?:reunion|reuniao|"
    r"sitzung|besprechung|meeting|planilla|planilha|excel|tableur|tabelle|clase|cours|aula|"
    r"vorlesung|email|mail|correo|audio|mensaje|message|nachricht|mensagem|hora|heure|stunde|"
    r"heures|horas|stunden)\b"
)
# an everyday annoyance named in the sentence: hearing or seeing something again, a meeting,
# a spreadsheet, a song, a message ("if I hear ..." in English)
TRIVIAL_THING = (
    r"\b(?:oir|oigo|escuchar|escucho|ver|veo|aguantar|entends|entendre|ecouter|ecoute|voir|vois|"
    r"supporter|hore|horen|sehe|sehen|ertragen|ouvir|ouco|escutar|aguentar|reunion\w*|reuniao|"
    r"sitzung|besprechung|meeting|planilla|planilha|excel|tableur|tabelle|powerpoint|clase|"
    r"cours|aula|vorlesung|email|mail|correo|audio|mensaje|message|nachricht|mensagem|cancion|"
    r"villancico|chanson|jingle|lied|song|musica|drucker|impresora|imprimante|impressora|"
    r"atasco|embouteillage|stau|transito|devoir|deberes|hausaufgabe\w*|dever de casa|tarea|"
    r"reggaeton|schlager|pagode|sertanejo|anuncio|pub|werbung|propaganda|chefe|chef|jefe|"
    r"patron|prof|profe|professor|lehrer|suegra|belle mere|schwiegermutter|sogra)\b"
)
# ... unless the condition is life itself or the pain
TRIVIAL_INTL_NOT = (
    r"\b(?:dia|dias|noche|noches|noite|noites|nuit|nuits|jour|jours|journee|nacht|nachte|tag|"
    r"tage|semana|semanas|semaine|woche|wochen|mes|mois|monat|ano|anos|annee|jahr|vida|vie|"
    r"leben|dolor|douleur|schmerz|schmerzen|dor|asi|comme ca|so wie|assim|sola|solo|seul|seule|"
    r"allein|sozinh[oa]|crisis|crise|krise|ataque|attaque|anfall|recaida|rechute|ruckfall|"
    r"casa|maison|haus|zuhause|echar\w*|echan|virer|vire|rauswerf\w*|rausschmeiss\w*|"
    r"expuls\w*|despid\w*|licenci\w*|kundig\w*|gekundigt|demit\w*|deja|quitte|verlasst|"
    r"largar|abandon\w*|muere|meurt|stirbt|morre|rate|rater|echoue|suspend\w*|reprueb\w*|"
    r"repruebo|durchfall\w*|falle durch|reprov\w*|bombe|"
    r"pelea|dispute|streit|briga|golpe|coup|schlag|grito|insulto|insulte|beleidigung|me pega|"
    r"me frappe|schlagt mich|me bate|me deja|me quitte|verlasst mich|me deixa)\b"
)
# a joke or relief marker in or right after the sentence
JOKE_INTL = (
    r"\b(?:ja(?:ja)+\w*|je(?:je)+|jsjs\w*|xd|lol|mdr|ptdr|kk+|haha\w*|hihi\w*|rs(?:rs)+|"
    r"menos mal|por fin|al fin|heureusement|enfin|zum gluck|gott sei dank|endlich|ainda bem|"
    r"finalmente|gracas a deus|feriado|fin de semana|finde|week end|weekend|wochenende|"
    r"feierabend|fim de semana|sextou|vacaciones|vacances|urlaub|ferias|libre|frei|folga|"
    r"dennui|de aburrimiento|vor langeweile|de tedio|jai failli|jai presque|casi me|por poco "
    r"me|fast hatte ich|hatte ich fast|quase (?:que )?(?:eu )?me)\b"
)
# the writer insists they mean it: never read as hyperbole
AFFIRM_INTL = (
    r"\b(?:no es broma|no estoy bromeando|lo digo en serio|va en serio|de verdad que si|"
    r"je ne plaisante pas|je plaisante pas|cest pas une blague|ce nest pas une blague|"
    r"je suis serieuse?|kein witz|kein scherz|ich meine es ernst|ernsthaft|nao e brincadeira|"
    r"to falando serio|falo serio|estou falando serio|esta noche|ce soir|heute nacht|hoje a "
    r"noite|lo tengo (?:\w+ )?(?:pensado|decidido|claro)|ya lo decidi|esta decidido|"
    r"(?:c ?est|cest) (?:\w+ )?(?:decide|regle|prevu)|(?:ist|is) (?:\w+ )?entschieden|"
    r"(?:schon|genau) (?:\w+ )?(?:uberlegt|geplant)|ja (?:esta )?decidido|ja decidi|"
    r"" + _PILLS + r")\b"
)
