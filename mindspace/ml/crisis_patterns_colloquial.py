"""Colloquial crisis phrasings (data only): everyday whole-life phrases in Spanish, French,
German and Portuguese, and chat forms in English, Nigerian Pidgin, Jamaican Patois and
Hinglish that the other tables do not reach.

* Spanish: "me quiero quitar de en medio", "ojalá me pasara algo", "me cuelgo del árbol", a
  poison "me lo tomo", "estarían mejor sin este viejo", "ya les estorbo";
* French: "si je ne me réveillais pas", "j'ai plus envie d'être là", "je sais quoi prendre et
  combien", medicines "mis de côté", "pardon à ceux que je laisse", "je l'ai envié" at a death;
* German: "ich will nicht mehr" ending its clause, "kein Bock mehr auf dieses Leben", "tu ich
  mir was an", praying not to wake up, "am liebsten wär ich tot", "mit dem Strick";
* Portuguese: "se eu dormisse e não acordasse", "dar um fim nisso tudo", "acabo com isso" at a
  bridge, "chumbinho", saving up pills, burning oneself with a lighter, envy at a funeral;
* English chat: "ctb", "active SI", "how long would it take someone to find me", taking all of
  one's pills at once, joining a dead spouse, researching methods, "if I fail I'm ending it";
* Pidgin, Patois and Hinglish: "di water dey call me", "mi jus waan dead", drinking rat
  poison, "train ke aage kood jaaun".

Also ``IDIOMS``: drills and food ("run suicides", "die happy") that are not risk. The text is
normalised first (lower case, no accents, elisions joined, contractions expanded).
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p
from mindspace.ml.crisis_patterns_forms import PILL_WORDS
from mindspace.ml.crisis_patterns_regional import _LEISURE, _ROPE, _WEAPON

_END = r"(?= *(?:$|[|.!?,;:]))"
_DEATH = (r"\b(?:beerdigung|begrabnis|friedhof|grab|sarg|gestorben|tot|verstorben\w*|entierrement|"
          r"enterrement|cercueil|mort|morte|decede\w*|parti|partie|funerailles|tombe|enterro|"
          r"velorio|caixao|morreu|falecid\w*|cemiterio|entierro|funeral|ataud|murio|fallecid\w*|"
          r"cementerio|late|died|passed|grave|heaven|buried|widow\w*|anniversary|ashes|cemetery|"
          r"memorial|without my|first without)\b")
_POISON = (r"(?:veneno|matarratas|raticida|herbicida|plaguicida|insecticida|lejia|cianuro|paraquat|"
           r"pastillas|pildoras|somniferos|poison|mort aux rats|gift|rattengift|chumbinho|"
           r"formicida|carrapaticida)")
# a relationship, a job or a contract is what ends, not a life
_NOT_RELATIONSHIP = (r"\b(?:he|she|him|her|his|they|them|boyfriend|girlfriend|bf|gf|husband|wife|"
                     r"partner|relationship|marriage|engagement|things with|friendship|contract|"
                     r"lease|subscription|job|course|degree|streak|series|season|chapter|book|"
                     r"story|game|project|experiment|show|app|account|membership|diet|challenge|"
                     r"trial|stream|meeting)\b")

# a method or a place to die, for "I already know what I'll do" and a date fixed
_METHOD_PLACE_RX = (r"\b(?:" + PILL_WORDS + "|" + _WEAPON + "|" + _ROPE + r"|veneno|puente|"
                    r"viaducto|via|vias|azotea|viaduto|ponte|predio|pont|falaise|viaduc|brucke|gleise|dach|"
                    r"klippe|parkhaus)\w*\b")

COLLOQUIAL_PATTERNS: tuple[Pattern, ...] = (
    # ---- German ----------------------------------------------------------------------------
    _p("passive", r"\b(?:ich will|will ich|i will|i wui|ich mag|i mag) (?:einfach |echt |wirklich |"
       r"ehrlich |halt |langsam |so |jetzt |eigentlich )?(?:nicht|nimmer|nimma|ned|nit|net) mehr"
       + _END, reason="says they do not want to go on"),
    _p("passive", r"\b(?:kein|keinen|null|ka|koan) (?:bock|lust|kraft) mehr (?:auf|zu|"
        r"zum) (?:\w+ )?(?:leben|lebn)\b"),
    _p("ideation", r"\b(?:tu|tue|tua|dua) (?:ich|i) mir (?:\w+ )?(?:was|etwas|ebbes|eppes|wos|"
       r"ebbis|a leid|ein leid) an\b|\bmir (?:\w+ )?(?:was|etwas|ein leid) (?:antun|anzutun|"
       r"antue)\b", current=True),
    _p("passive", r"\b(?:nicht mehr|nimmer|nimma|nie mehr|ned mehr|nie wieder|numme|nume) "
       r"aufwach\w*\b",
       requires=r"\b(?:bitte|bete|bet|hoffe|hoff|wunsch\w*|war|ware|gebet|herrgott|gott|lieber "
       r"gott|schon|cool)\b"),
    _p("passive", r"\bam liebsten (?:war|ware|wurde) (?:ich|i) (?:\w+ ){0,2}?(?:tot|nicht mehr da|"
       r"weg,? (?:\w+ )?fur immer|fur immer weg|gestorben)\b"),
    _p("passive", r"\b(?:wett|will|wott|wotti|mocht) (?:\w+ )?(?:num|nume|nuem|numme|nuume|nimme) "
       r"da (?:si|sii|sy|sein)\b"),
    _p("plan", r"\b(?:geh|gehe|steig|steige|fahr|fahre|lauf) (?:ich|i) (?:\w+ ){0,3}?mit (?:dem|"
       r"einem|nem|am|m|meinem) (?:strick|seil)\b"),
    _p("goodbye_final", r"\b(?:jetzt|nun|jetz) (?:ist|is) (?:alles|ois|alls) geregelt\b",
       weak=True, other_ok=True),
    _p("indirect", r"\bich beneide (?:ihn|sie)\b", requires=_DEATH, near=True, other_ok=True,
       reason="envies someone who has died"),
    # ---- Spanish ---------------------------------------------------------------------------
    _p("passive", r"\b(?:me (?:quiero|voy a|gustaria|quisiera) quitar|(?:quiero|quisiera|voy a|"
       r"ganas de|pienso) quitarme) de en medio\b"),
    _p("passive", r"\bojala (?:\w+ ){0,3}?me (?:pasara|pase|pasase|diera|de) algo\b(?! (?:bueno|"
       r"bonito|asi|parecido|similar|interesante|lindo|chido))|\bse (?:acabara|acabe|acabase) "
       r"todo de una (?:vez|buena vez)\b"),
    _p("plan", r"\bme cuelgo (?:del|de la|de un|de una|de el|en el|"
        r"en la)\b(?! (?:\w+ )?(?:telefono|"
       r"movil|celular|brazo|cuello|hombro|internet|red|wifi)\b)"),
    _p("plan", r"\b(?:me lo tomo|me la tomo|me lo bebo|me lo trago|me los tomo|me las tomo|"
       r"tomarmelo|tomarmela|bebermelo|tragarmelo|je le bois|je lavale|eu tomo|vou tomar|eu bebo|"
       r"tomo o|tomo a|trinke ich|nehm ich)\b",
       requires=r"\b" + _POISON + r"\b", near=True),
    _p("hopelessness", r"\b(?:estarian|estaria|vivirian|viviria|les iria|les va a ir|quedarian) "
       r"(?:\w+ ){0,2}?mejor sin (?:esta|este) (?:vieja|viejo|inutil|estorbo|carga|pobre)\b|"
       r"\b(?:ya|solo|nomas) (?:les|le) estorbo\b|\bsoy (?:un|una) estorbo(?:" + _END + r"| para "
       r"(?:todos|todas|mi familia|mis hijos|mis hijas|ellos|ellas)\b)",
       reason="feels like a burden"),
    # ---- French ----------------------------------------------------------------------------
    _p("passive", r"\bsi je (?:ne )?me reveill(?:ais|e) (?:pas|plus|jamais|pu)\b"),
    _p("passive", r"\bjai (?:plus|pu|pus) (?:\w+ )?envie detre (?:la|ici|en vie|vivante?)\b"),
    _p("plan", r"\bje sais (?:\w+ )?quoi prendre et combien\b|\b(?:mis|garde|cache|stocke|planque) "
       r"(?:\w+ ){0,3}?(?:ampoules|flacons|cachets|comprimes|medocs|seringues|"
       r"medicaments) (?:\w+ )?de cote\b"),
    _p("goodbye_final", r"\bpardon a (?:tous )?ceux que je (?:laisse|quitte|vais laisser)\b",
       other_ok=True),
    _p("goodbye_final", r"\bje vous (?:ai )?(?:tous |toutes |tant |beaucoup )?aimes?\b", weak=True,
       other_ok=True),
    _p("indirect", r"\bje (?:l ?ai|lai|les ai) envie(?:e|s|es)?\b|\b(?:lui|"
        r"elle) au moins,? (?:il|elle) "
       r"(?:est|a) (?:tranquille|en paix|au calme|repos)\b",
       requires=_DEATH, near=True, other_ok=True, reason="envies someone who has died"),
    # ---- Portuguese ------------------------------------------------------------------------
    _p("passive", r"\bse eu (?:\w+ )?dormisse (?:\w+ )?e (?:nao|nunca mais) (?:\w+ )?acordasse\b"),
    _p("passive", r"\b(?:dar|der|dou|darei) um fim (?:nisso tudo|nisto tudo|em tudo|a tudo|"
        r"na minha "
       r"vida|a minha vida|em mim|nessa vida|nesta vida)\b"),
    _p("plan", r"\b(?:e|pra|para|vou|eu) acab(?:o|ar|arei) com (?:isso|isto|tudo)(?: de vez)?\b",
       requires=r"\b(?:ponte|viaduto|predio|trilho|trilhos|linha do trem|veneno|corda|remedios|"
                r"comprimidos|arma|revolver|chumbinho|janela|penhasco|rio|mar)\b", near=True),
    _p("plan", r"\b(?:comprei|tenho|guardei|arranjei|consegui|peguei|tomar|tomo|tomei|escondi) "
       r"(?:\w+ ){0,2}?chumbinho\b|\bchumbinho (?:\w+ ){0,4}?(?:guardado|escondido|comprado)\b|"
       r"\b(?:eu )?(?:tomo|tomarei|vou tomar|bebo|vou beber) (?:o |a |um |uma )?(?:veneno|"
       r"raticida|formicida|carrapaticida|soda caustica)\b"),
    _p("preparation", r"\b(?:ando a|estou a|to|tou|estou|ando) (?:juntar|juntando|acumular|"
       r"acumulando|esconder|escondendo) (?:\w+ )?(?:comprimidos|remedios|pilulas|calmantes)\b|"
       r"\b(?:llevo (?:\w+ ){0,2}?|voy |estoy |he estado |sigo )(?:juntando|guardando|acumulando|"
       r"escondiendo) (?:\w+ ){0,2}?(?:pastillas|pildoras|somniferos|calmantes)\b|\b(?:junto|"
       r"acumulo|escondo) (?:\w+ )?(?:pastillas|pildoras|somniferos|calmantes)\b|\b(?:je mets de "
       r"cote|jaccumule|je stocke|je planque) (?:\w+ )?(?:cachets|comprimes|medocs|somniferes)\b|"
       r"\bich (?:sammle|sammel|horte|bunkere) (?:\w+ ){0,2}?(?:tabletten|pillen|"
       r"schlaftabletten)\b",
       reason="saving up medicines"),
    _p("self_harm", r"\b(?:queimei|queimo) (?:o |a |meu |minha |os |as )?(?:braco|bracos|perna|"
        r"pernas|"
       r"pulso|pele|mao|coxa|coxas)\b|\bme queme (?:el|la|los|las) (?:brazo|brazos|pierna|piernas|"
       r"muneca|piel|mano)\b|\bje me suis brule (?:le|la|les) (?:bras|jambe|jambes|poignet|peau)\b|"
       r"\bhab mich (?:\w+ ){0,3}?verbrannt\b",
       requires=r"\b(?:isqueiro|cigarro|de proposito|pra sentir|para sentir|mechero|a proposito|"
                r"cigarrillo|para sentir|expres|briquet|cigarette|pour sentir|feuerzeug|"
                r"zigarette|absichtlich|extra)\b"),
    _p("indirect", r"\b(?:senti|sinto|tive|tenho|fiquei com) inveja\b", requires=_DEATH, near=True,
       other_ok=True, reason="envies someone who has died"),
    _p("goodbye_settled", r"\b(?:anotei|deixei|escrevi|mostrei) (?:\w+ ){0,5}?onde (?:ta|esta|fica|"
       r"estao|tao) (?:o |a |os |as )?(?:seguro|apolice|senhas|documentos|papeis)\b", weak=True,
       other_ok=True),
    _p("goodbye_final", r"\bagora (?:ta|esta) tudo (?:resolvido|arrumado|certo|organizado|"
        r"acertado)\b|\b(?:ta|esta) "
       r"tudo (?:resolvido|acertado|arrumado) agora\b",
       weak=True, other_ok=True),
    # ---- better off without me, in any verb ------------------------------------------------
    _p("indirect", r"\b\w+raient (?:\w+ ){0,3}?(?:mieux|plus legers?|plus legeres?|plus heureux|"
       r"plus heureuses|plus tranquilles?|plus libres?) sans moi\b|\bsans moi,? (?:\w+ ){0,3}?"
       r"\w+raient (?:\w+ ){0,2}?(?:mieux|plus \w+)\b|\b\w+(?:arian|erian|irian) (?:\w+ ){0,3}?"
       r"(?:mejor|mas ligeros?|mas ligeras?|mas tranquilos?|mas tranquilas?|mas felices|mas "
       r"libres?) sin mi\b|\bsin mi,? (?:\w+ ){0,3}?\w+(?:arian|erian|irian) (?:\w+ ){0,2}?"
       r"(?:mejor|mas \w+)\b|\b\w+(?:ariam|eriam|iriam) (?:\w+ ){0,3}?(?:melhor|mais leves?|mais "
       r"tranquilos?|mais felizes|mais livres?) sem mim\b|\bsem mim,? (?:\w+ ){0,3}?"
       r"\w+(?:ariam|eriam|iriam) (?:\w+ ){0,2}?(?:melhor|mais \w+)\b|\b(?:besser|leichter|"
       r"glucklicher|freier) dran ohne mich\b", negatable=False,
       reason="says others would be better off without them"),
    # ---- not waking up, envy of the dead, slang ---------------------------------------------
    _p("passive", r"\b(?:je voudrais|jvoudrais|jaimerais|je veux|envie de|je prefererais) "
       r"(?:juste |simplement |bien |tellement )?(?:ne )?(?:pas|plus|jamais|pu) me reveiller\b|"
       r"\b(?:apetecia me|apetece me|queria|gostaria de|quero|so queria) (?:so )?(?:adormecer|"
       r"dormir) e (?:nao|nunca mais) (?:\w+ )?acordar\b|\b(?:ya )?no quiero (?:volver a )?"
       r"despertar(?:me)?\b(?! (?:a|al|a la|a los|a las|a mi|a mis|temprano|tan temprano|pronto|"
       r"tarde|antes)\b)", negatable=False),
    _p("indirect", r"\benvidio a (?:los|las) (?:que (?:ya )?(?:estan|descansan|se fueron|murieron|"
       r"se han ido)|muertos|difuntos)\b|\bles morts ont (?:bien )?(?:de la )?chance\b|\bich "
       r"beneide die toten\b|\bdie toten haben (?:es )?(?:gut|gluck)\b|\b(?:invejo|tenho inveja "
       r"d)(?:os|as|e quem) (?:mortos|que (?:ja )?(?:morreram|partiram|descansam))\b",
       other_ok=True, reason="envies the dead"),
    _p("passive", r"\b(?:denk|denke|gedanken?|lust|will|mocht|wurde gern) (?:\w+ ){0,3}?"
       r"(?:ans |zum )?abtreten\b|(?:^|(?<=[.!?] ))mag (?:nimmer|nimma|nicht mehr)" + _END),
    # ---- means kept ready, a conditional on nothing changing ---------------------------------
    _p("plan", r"\b(?:strick|seil) (?:hangt|ist) schon\b|\bla (?:soga|cuerda) ya (?:esta|la "
       r"tengo) (?:colgada|atada|puesta)\b|\bla corde est deja (?:accrochee|attachee|prete|"
       r"pendue)\b|\ba corda (?:ja )?(?:esta|ta) (?:pendurada|amarrada|pronta)\b",
       requires=r"\b(?:wenn|falls|si|se|entonces|alors|decid\w*|wars das|war s das|se acabo|"
                r"cest fini|acabou|fur mich|para mi|pour moi|pra mim)\b", near=True),
    _p("plan", r"\bje sais (?:ce que je dois|ce qu ?il (?:me )?reste a|quoi) faire\b",
       requires=r"\b(?:carabine|fusil|corde|cachets|medocs|comprimes|pont|flingue|pistolet)\b",
       near=True),
    _p("preparation", r"\b(?:jai|ich hab|ich habe|he|eu) (?:\w+ )?(?:charge|geladen|cargado|"
       r"carreguei|carregado) (?:la |le |das |die |el |a |o |meine |mon |ma |mi |minha |meu )?"
       r"(?:carabine|fusil|gewehr|flinte|escopeta|rifle|espingarda|pistolet|pistole|pistola|arma|"
       r"revolver)\b",
       requires=r"\b(?:table|cuisine|tisch|kuche|mesa|cocina|cozinha|lit|bett|cama|chambre|si|"
                r"wenn|se|falls|decid\w*)\b"),
    _p("plan", r"\b(?:wenn|falls) sich (?:\w+ ){0,4}?nichts (?:andert|bessert|tut)\b[^.!?|]{0,40}?"
       r"\b(?:geh|gehe|fahr|fahre|lauf) ich (?:\w+ ){0,3}?(?:zur|zum|auf die|auf den|an die|ans) "
       r"(?:\w+ ){0,2}?\w*(?:brucke|gleise|klippe|dach|parkhaus|see|fluss)\b"),
    _p("plan", r"\b(?:me tomo|me trago|tomarme|tragarme|me voy a tomar|me voy a tragar) (?:todas|"
       r"toda la caja de|el bote de|un punado de) (?:las |mis )?(?:\w+ )?(?:pastillas|pildoras|"
       r"somniferos|calmantes)\b"),
    _p("plan", r"\bcuant[oa]s? (?:\w+ ){0,3}?(?:haria falta|harian falta|necesitaria|bastaria|"
       r"bastarian) para mi\b|\bwie ?viel (?:\w+ ){0,3}?fur mich (?:reichen|genugen) (?:wurde|"
       r"wurden|wurd)\b|\bquant[oa]s? (?:\w+ ){0,3}?(?:seria preciso|seriam precisos|precisaria|"
       r"bastaria|seria necessario) (?:pra|para) mim\b"),
    _p("plan", r"\bce (?:qu ?il|quil) me faudrait\b",
       requires=r"\b(?:pharmacie|medicaments?|medocs|cachets|ampoules|morphine|potassium|"
                r"insuline|chariot|armoire)\b", near=True),
    _p("self_harm", r"\benvie de me taillader\b"),
    # ---- "I already know what I will do", with a method or place nearby ------------------------
    _p("plan", r"\b(?:ya se|ya tengo claro) (?:lo que|que) (?:voy a hacer|hare|hacer)\b|"
        r"\b(?:ja sei|"
       r"eu ja sei) o que (?:vou fazer|fazer|farei)\b|\bje sais (?:deja )?(?:ou|ce que je vais "
       r"faire|comment)\b|\bich weiss (?:schon|genau)(?:,)? (?:was ich mache|was ich tue|wo|wie)\b",
       requires=_METHOD_PLACE_RX, near=True),
    _p("plan", r"\b(?:las|los) he contado\b|\b(?:as|os) contei\b|\bje les ai comptes?\b|"
       r"\bhab (?:sie|die) (?:schon )?gezahlt\b",
       requires=r"\b" + PILL_WORDS + r"\b", near=True),
    _p("plan", r"\b(?:pra|para|pour|um) (?:ver|mirar|voir|checar|medir|calcular|verifier) (?:a |la "
       r"|l |die )?(?:altura|hauteur|hohe)\b|\bmiro (?:hacia )?abajo y calculo\b|"
       r"\bje regarde en bas et je calcule\b",
       requires=r"\b(?:puente|viaducto|azotea|edificio|ponte|viaduto|predio|pont|viaduc|falaise|"
                r"toit|brucke|dach|klippe|parkhaus|ja fui|ya fui|je suis alle|war schon)\b",
       near=True),
    _p("plan", r"\bich habe? ein datum (?:festgelegt|gewahlt|ausgesucht)\b|\b(?:he|ya tengo) "
       r"(?:una )?fecha (?:elegida|puesta|fijada)\b|\bj ?ai (?:fixe|choisi) (?:une|la) date\b|\bja "
       r"(?:escolhi|marquei) (?:a|uma) data\b", requires=_METHOD_PLACE_RX, near=True),
    _p("plan", r"\b(?:tabletten|pillen|schlaftabletten) liegen (?:schon )?(?:\w+ ){0,3}?bereit\b|"
       r"\b(?:nehm|nehme|schluck|schlucke) (?:ich )?alles auf einmal\b|"
       r"\bj ?avale (?:toute la boite|"
       r"tout le tube|tous les|toutes les) (?:de |mes )?(?:\w+ )?(?:somniferes|cachets|comprimes|"
       r"medocs|pilules)\b"),
    _p("plan", r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|morgen)"
       r"(?: nacht| abend| fruh)? (?:fahr|fahre|geh|gehe|lauf) ich (?:\w+ ){0,3}?(?:zur|zum|"
       r"auf die|"
       r"auf den) (?:\w+ ){0,2}?\w*(?:brucke|gleise|klippe|dach|parkhaus)\w*",
       requires=r"\b(?:keinen bock|kein bock|nicht mehr|kann nicht mehr|schluss|nimmer|satt|ende|"
                r"fur immer)\b", near=True),
    _p("indirect", r"\bj ?envie (?:ceux|celles) qui (?:sont partie?s?|sont morte?s?|"
        r"ne sont plus la|reposent)\b", other_ok=True, reason="envies the dead"),
    _p("passive", r"\b(?:penser a mourir|penser a la mort|lidee de mourir|"
        r"la mort) (?:\w+ ){0,2}?(?:me )?"
       r"fait (?:meme )?(?:plus|pu) peur\b|\bya no quiero mas dias\b|"
       r"\bno quiero (?:vivir )?(?:ni )?un dia mas\b", current=True),
    _p("ideation", r"\bquit(?:ting)? (?:being alive|life|living|existing)\b(?! (?:coach|insurance|"
       r"style))"),
    _p("passive", r"\bi would be (?:fine|ok|okay|alright|happy|relieved) if i (?:did|died|"
        r"did not wake "
       r"up|do not wake up|never woke up)\b", current=True),
    _p("indirect", r"\b(?:they|he|she|the kids|everyone) (?:would|will) get over (?:losing me|"
        r"me|my death)\b", reason="says others would be better off without them"),
    _p("indirect", r"\bi (?:would |will )?swap (?:places )?with (?:him|her|them)\b|\b(?:envious|"
        r"jealous) "
       r"of (?:my |the |our )?(?:\w+ ){0,2}?in (?:his|her|their) (?:box|grave|coffin|urn)\b",
       other_ok=True, reason="envies someone who has died"),
    _p("indirect", r"\b(?:envious|jealous) of\b",
       requires=r"\b(?:in (?:his|her|their) (?:box|grave|coffin|urn)|dead|died|passed|funeral|"
                r"grave|buried|at peace|some peace|resting|got it easy|carried out|out of it)\b",
       near=True,
       other_ok=True, reason="envies someone who has died"),
    _p("plan", r"\bhose ?pipe\b",
       requires=r"\b(?:car|exhaust|garage|engine|van)\b", near=True),
    _p("plan", r"\b(?:sitting|standing|perched|sat|stood) on (?:the |"
        r"my )?(?:balcony )?(?:railing|railings|ledge|parapet)\b"),
    _p("goodbye_gift", r"\b(?:gave|given|giving|handed|left) (?:the|my|our) (?:dog|cat|dogs|"
        r"cats|pets?|"
       r"horse|guitar|tools|watch|bike|records) (?:to|"
       r"with)\b(?! (?:\w+ ){0,4}?(?:for the (?:weekend|"
       r"week|day|night)|while i)\b)", weak=True, other_ok=True),
    _p("goodbye_settled", r"\b(?:sorted|did|made|updated|wrote|finished|signed) (?:out )?(?:the|"
        r"my) will\b", weak=True, other_ok=True),
    _p("ideation", r"\bcheck(?:ing)? out (?:after|before|on|this|tonight|tomorrow|for good|early|"
       r"saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b",
       requires=r"\b(?:calm about it|weight off|decided|for good|at peace|nobody will|goodbye|"
                r"ready|not scared|no more)\b", near=True),
    _p("plan", r"\b(?:se|si|wenn|falls)\b" + _LEISURE + r"[^.!?|]{3,80}?\b(?:vou|irei|voy|ire|"
       r"je vais|jirai|geh ich|"
       r"fahr ich|fahre ich|gehe ich) (?:ate |hasta |jusqu ?(?:a |au |aux )?|bis zur |zur |zum |"
       r"a la |"
       r"al |au )?(?:a |o |la |el |le |l |die |der |den )?(?:\w+ ){0,2}?(?:ponte|viaduto|puente|"
       r"viaducto|pont|viaduc|falaise|falaises|brucke|gleise|klippe|linha do trem|vias|rails)\b",
       requires=r"\b(?:ja decidi|ja esta decidido|decidi|ya lo decidi|lo tengo decidido|"
           r"cest decide|"
                r"jai decide|hab ich beschlossen|ist beschlossen|entschieden|fest vorgenommen)\b",
       near=True),
    _p("plan", r"\bnehme? ich (?:die |meine )?(?:gesammelten|gehorteten|"
        r"gebunkerten) (?:tabletten|pillen|"
       r"schlaftabletten)\b|\b(?:mach|mache) ich (?:dann )?selbst schluss\b"),
    _p("preparation", r"\b(?:escondiendo|guardando|juntando|escondo|guardo|escondendo|guardando|"
       r"juntando|je cache|je garde|je planque|ich hebe mir|ich heb mir|ich verstecke)\b[^.!?|"
       r"]{0,30}?"
       r"\b(?:la |a |das |die |le |la )?(?:morfina|morphin|morphine|oxycodon\w*|tramadol|"
       r"fentanyl\w*)\b", reason="saving up medicines"),
    _p("indirect", r"\bbeneide? ich (?:ihn|sie)\b", requires=_DEATH, near=True, other_ok=True,
       reason="envies someone who has died"),
    _p("indirect", r"\b(?:queria|quem dera|quisiera|ojala) (?:ta |estar |tar )?(?:no|en el) lugar "
       r"d(?:o|a|e|el|e la) (?:\w+ ){0,3}?que (?:morreu|faleceu|se foi|murio|fallecio|se fue)\b|"
       r"\benvy (?:the )?(?:\w+ ){0,2}?who (?:od ?d|overdosed|died|passed|killed themselves)\b",
       other_ok=True, reason="envies someone who has died"),
    _p("passive", r"\bi want to be done too\b|\bque tout s ?arrete pour de bon\b|(?:^|, )ne plus "
       r"exister\b|\bme quito de en medio\b", current=True),
    _p("goodbye_final", r"\b(?:he|she|they|you) will understand (?:later|one day|someday|"
        r"soon)\b|\bnot "
       r"coming back (?:anywhere|to anything|at all)\b", current=True, other_ok=True,
       negatable=False),
    _p("goodbye_gift", r"\b(?:is|are) (?:his|hers|theirs|yours) now\b|\b(?:ya )?(?:reparti|"
        r"regale|di) "
       r"(?:todas )?mis cosas\b|\bmeine sachen (?:hab ich|habe ich) (?:\w+ )?(?:verteilt|"
       r"verschenkt)\b|"
       r"\bj ?ai donne (?:toutes )?mes affaires\b|\b(?:distribui|"
       r"dei) (?:todas )?(?:as )?minhas coisas\b",
       weak=True, other_ok=True),
    _p("goodbye_final", r"\b(?:decidle|decile|diganle|dile) a (?:\w+ ){0,2}?que (?:la|lo|los|las) "
       r"quiero\b|\bdites a (?:\w+ ){0,2}?que je (?:l ?|les )?aime\b|"
       r"\bsagt (?:\w+,? ){1,3}?dass ich "
       r"(?:sie|ihn|euch) lieb hab\w*\b|\bdiga(?:m)? (?:a|pra|para) (?:\w+ ){0,2}?que eu (?:a|o|"
       r"os|as) "
       r"amo\b|\btell (?:\w+ ){0,2}?(?:that )?i love (?:her|him|them)\b",
       weak=True, other_ok=True, current=True),
    _p("goodbye_care", r"\b(?:cuidadme|cuidenme|cuidad|cuiden|cuidem|cuidai|prenez soin|kummert "
       r"euch um|passt auf) (?:\w+ ){0,3}?(?:por mi|pour moi|fur mich|por mim)\b|\bcuidadme al "
       r"(?:perro|gato)\b|\bno me esper(?:eis|en)\b|\bmacht(?: ?s)? gut\b|\bc ?est fini\b",
       weak=True, other_ok=True, current=True),
    _p("ideation", r"\b(?:plan(?:ning)?|going|intend(?:ing)?|decided|"
        r"want(?:ing)?) to(?: disappear| vanish|"
       r" go)?,? permanently\b|\b(?:wanna|want to|gonna|going to) suicide\b|"
       r"\bsuicide (?:is )?looking "
       r"(?:real |really |pretty |so )?(?:good|tempting)\b"),
    _p("plan", r"\b(?:go|goes|went|going|keep going|sit|sat|climb|"
        r"climbed) (?:\w+ ){0,5}?to (?:look at|"
       r"hold|touch) (?:it|them)\b",
       requires=r"\b(?:gun|shotgun|rifle|pistol|revolver|rope|noose|pills|tablets|blade|razor)\b",
       near=True),
    _p("indirect", r"\bthe dead (?:ones )?(?:got|have|had|get) (?:the )?(?:better|best|easy|"
        r"easier) "
       r"(?:deal|end|time|of it)\b", other_ok=True, reason="envies the dead"),
    _p("plan", r"\b(?:i am|i am sat|i am stood) (?:on|at) the (?:roof|top|edge|"
        r"ledge) of (?:the |my |a |our )?"
       r"(?:block|building|flats|car park|multi storey|tower|bridge|cliff)\b",
       requires=r"\b(?:do not know why|dunno why|not sure why|no idea why|why i am (?:messaging|"
           r"writing|"
                r"typing)|the nerve|goodbye|bye|sorry|nobody|last)\b", near=True),
    _p("plan", r"\b(?:work|working|worked) up the (?:nerve|courage)\b",
       requires=r"\b(?:balcony|roof|bridge|ledge|edge|floor|platform|tracks|pills|tablets|rope|"
                r"blade|gun|cliff)\b", near=True),
    _p("goodbye_final", r"\b(?:just )?(?:wanted|want) to say (?:bye|goodbye)\b", weak=True,
       other_ok=True, current=True),
    _p("goodbye_thanks", r"\byou (?:have been|were|was|been) (?:a )?(?:good|alright|nice|kind|"
        r"great)"
       r"(?: \w+)? (?:bot|robot|app|companion)\b", weak=True, other_ok=True, current=True),
    # ---- goodbyes: everything in order, the pet given away ----------------------------------
    _p("goodbye_final", r"\btout est (?:en ordre|regle|range) (?:maintenant|desormais)\b",
       weak=True, other_ok=True, current=True),
    _p("goodbye_gift", r"\b(?:confie|donne|laisse) (?:le|la|mon|ma|mes|les) (?:chat|chien|chats|"
       r"chiens|chienne|chatte|perroquet|oiseau|lapin|cheval) (?:a|au|aux|chez)\b|\b(?:passei|"
       r"transferi) (?:o|a|os|as) (?:\w+ ){0,2}?(?:pro|para o|pra o|para a|pra a) nome d",
       weak=True, other_ok=True),
    # ---- English chat ----------------------------------------------------------------------
    _p("ideation", r"\b(?:about|abt|to|gonna|going to|wanna|want to|will|might|planning to|plan to|"
       r"thinking of|thought about|decided to|ready to|about to|finally) ctb\b|\bctb (?:tonight|"
       r"tomorrow|this weekend|soon|on \w+day|again|thoughts)\b"),
    _p("ideation", r"\bactive si\b|\bsi (?:has |have |is )?(?:\w+ )?(?:shifted|turned|gone|moved|"
       r"become|switched) (?:to |into )?active\b"),
    _p("passive", r"\b(?:passive|my) si\b(?! (?:joint|units?|prefix|base|system)\b)"),
    _p("indirect", r"\bhow long (?:would|will|does|do|did|might) it take (?:for )?(?:someone|"
        r"anyone|"
       r"somebody|people|them|anybody|my \w+) to find me\b",
       reason="wonders how long it would take to be found"),
    _p("plan", r"\b(?:thinking (?:about|of)|want to|wanna|going to|gonna|urge to|tempted to|"
       r"planning to|plan to) (?:just )?(?:taking|take|swallowing|swallow|downing|down) "
       r"(?:all|every one|each) (?:of )?my (?:\w+ ){0,2}?(?:meds|pills|tablets|medication|"
       r"medicine|prescription)\b"),
    _p("ideation", r"\b(?:i will|i shall|i am going to|i am gonna|i want to|i wish i could|"
       r"decided (?:that )?i will|decided to|time to|ready to|i long to|i intend to|i mean to|"
       r"i plan to) join (?:him|her|them|my (?:late )?(?:husband|wife|son|daughter|mum|mom|dad|"
       r"mother|father|brother|sister|partner|boy|girl))\b",
       requires=_DEATH, near=True),
    _p("plan", r"\b(?:researching|researched|looked up|looking up|googling|googled|reading up on|"
       r"searching|searched|comparing|compared) (?:\w+ )?methods\b",
       requires=r"\b(?:picked one|chosen one|chose one|narrowed|decided|si|suicid\w*|die|dying|"
                r"end it|kill|painless|quickest|lethal|picked|the one)\b", near=True),
    _p("ideation", r"\bif\b(?:(?!" + _NOT_RELATIONSHIP + r")[^.!?|]){3,70}?\b(?:i am|i will|i "
       r"shall|i am going to|i am gonna|then i am) (?:just |simply |definitely |really )?ending "
       r"it\b(?! with\b)(?![^.!?|]{0,20}?" + _NOT_RELATIONSHIP + r")", negatable=False),
    _p("plan", r"\b(?:bought|got|buying|ordered|picked up|have|kept) (?:a |some |the |"
        r"a length of )?"
       r"(?:rope|noose|cord|washing line)\b",
       requires=r"\b(?:beam|beams|loft|rafters?|banister|ceiling|attic|hang myself|hanging "
                r"myself|noose)\b", near=True),
    _p("ideation", r"\bhow easy it (?:would|could|will) be to (?:climb over|jump|step (?:off|"
        r"out|in "
       r"front)|go over|let go|drive off|swerve|fall)\b",
       requires=r"\b(?:bridge|railway|rail|railings?|platform|tracks?|cliff|edge|ledge|roof|"
                r"balcony|motorway|overpass|flyover|car park|multi storey|tower|water|river)\b",
       near=True),
    _p("ideation", r"\b(?:be|being) with (?:him|her|them) (?:again|on (?:his|her|their) (?:day|"
       r"birthday|anniversary)|there|forever|for good)\b",
       requires=r"\b(?:decided|i will go|i am going|i am gonna|going to go|i will be|i shall go|"
                r"my time|go on (?:his|her|their))\b", near=True),
    _p("plan", r"\b(?:the )?(?:express|train|next train|fast train|freight train|goods train) "
       r"(?:comes|passes|goes|runs|is due|comes through|goes through) (?:through )?(?:in|at) "
       r"(?:\d+|ten|five|twenty|fifteen|a few)\b(?![^.!?|]*\b(?:meet|catch|pick up|collect)\b)",
       requires=r"\b(?:i am at|i am on|i am standing|i am sitting|standing on|sitting on|on the "
                r"tracks|edge of the platform)\b", near=True),
    _p("ideation", r"\bsuicide (?:thoughts|urges|ideation|feelings)\b"),
    _p("ideation", r"\b(?:i|im|i am) (?:\w+ ){0,3}?(?:want|wanna|going|gonna|about|need|ready|"
       r"thinking about|thinking of|might) (?:to )?kys\b|\bsewer ?slide\w*|\bself ?unaliv\w*"),
    _p("indirect", r"\b(?:better off|happier|easier|lighter) grieving (?:me|for me)\b",
       reason="says others would be better off without them"),
    _p("goodbye_final", r"\b(?:you|u) (?:were|have been|was|been) (?:so )?(?:nicer|kinder|better|"
       r"sweeter) to me than\b", weak=True, other_ok=True, current=True),
    _p("goodbye_thanks", r"\b(?:thank (?:you|u)|thanks|thx|ty) (?:so much )?for everything\b|"
        r"\btake care (?:of yourself|all|"
       r"everyone)?\b(?= *(?:$|[|.!?,;:]))", weak=True, other_ok=True, current=True),
    # ---- Pidgin, Patois and Hinglish -------------------------------------------------------
    _p("ideation", r"\bmi (?:jus |just |jos |only )?(?:waan|wan|wahn|want) (?:fi |to )?(?:dead|die|"
       r"ded)\b"),
    _p("indirect", r"\b(?:the |di |de )?(?:water|river|sea|lagoon|bridge|rail|rails|train|tracks?) "
       r"(?:dey|is|keeps?|kept|been|a|don) call(?:ing)? (?:me|mi|my name)\b",
       reason="feels drawn to a place to die"),
    _p("plan", r"\b(?:drink|drank|drinked|swallow|swallowed|tek|took|taken|don drink|don take) "
       r"(?:some |sum |small |likkle |di |de |the |a )?(?:of |a )?(?:di |de |the )?(?:rat ?poison|"
       r"poison|bleach|weedkiller|paraquat|sniper|gramoxone|antifreeze|otapiapia|pesticide|"
       r"insecticide)\b(?! (?:by (?:accident|mistake)|accidentally))"),
    _p("hopelessness", r"\b(?:nobody|no one|noone|no body) (?:go|will|gonna|would|go fit) miss "
       r"(?:me|mi)\b", weak=True),
    _p("goodbye_final", r"\bna (?:my |mi )?last message\b|\bthis na (?:my )?last message\b",
       weak=True, other_ok=True, current=True),
    _p("goodbye_gift", r"\b(?:i|mi) (?:don|done|have|don already) (?:share|shared|give|gave) "
       r"(?:all )?(?:my|mi) (?:things|tings|property|load)\b", weak=True, other_ok=True),
    _p("ideation", r"\b(?:train|gaadi|truck|bus|metro) ke (?:aage|samne|neeche|niche) (?:kood|kud|"
       r"koodh|jump|aa|so|lait)\w*|\b(?:mar jaaun|mar jaun|mar jau|marna chahta|marna chahti|"
       r"marne ka (?:mann|man|dil)|khudkushi|aatmahatya|jaan de (?:du|doon|dunga|dungi))\w*"),
)

# Every pattern above needs one of these stems in its sentence (see crisis._TRIGGER).
COLLOQUIAL_TRIGGER = (
    r"\b(?:will|wui|mag|bock|lust|kraft|tu|tue|tua|dua|antu|aufwach|liebsten|wett|wott|mocht|"
    r"strick|seil|geregelt|beneide|quitar|ojala|acaba|cuelgo|tomo|bebo|trago|tomarm|"
    r"beberm|tragarm|je le bois|je lavale|trinke|nehm|mejor sin|estorbo|reveill|envie|quoi "
    r"prendre|de cote|pardon|aime|lui au moins|elle au moins|dormisse|um fim|acab|chumbinho|"
    r"tomar|tomei|escondi|juntar|guardar|acumul|esconder|junto|guardo|escondo|je garde|je mets|"
    r"jaccumule|je stocke|je planque|sammle|sammel|horte|bunkere|llevo|voy|estoy|sigo|queim|"
    r"queme|brule|"
    r"verbrannt|inveja|onde|agora|ctb|si|how long|taking|take|swallow|down|join|research|"
    r"looked up|looking up|googl|reading up|search|compar|if|waan|wan|wahn|call|drink|drank|"
    r"tek|took|taken|don|last message|share|gave|give|ke|mar|khudkushi|aatmahatya|jaan|raient|"
    r"sin mi|sem mim|ohne mich|reveill|adormecer|dormir|despertar|envidio|les morts|toten|invejo|"
    r"inveja|abtreten|mag|strick|seil|soga|cuerda|corde|corda|je sais|charge|geladen|cargado|"
    r"carreguei|carregado|nichts|todas|toda la|el bote|punado|cuant|wie viel|wieviel|quant|"
    r"faudrait|"
    r"taillader|tout est|confie|donne|laisse|passei|transferi|tudo|bought|got|buying|ordered|"
    r"picked up|have|kept|rope|noose|cord|washing line|how easy|being with|be with|kys|sewer|"
    r"self unaliv|selfunaliv|suicide|express|train|freight|ya se|ya tengo|ja sei|eu ja sei|je "
    r"sais|ich weiss|he contado|contei|comptes|gezahlt|pra|para|pour|um|miro|je regarde|datum|"
    r"fecha|date|data|liegen|alles auf|javale|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|heute|morgen|jenvie|penser|lidee|la mort|no quiero|quit|would be|get over|swap|"
    r"envious|jealous|hose|sitting|standing|perched|sat|stood|sorted|did|made|updated|wrote|"
    r"finished|signed|check|gave|given|giving|handed|left|vou|irei|voy|ire|je vais|jirai|geh|fahr|"
    r"gehe|nehm|mach|escond|guard|junt|je cache|je garde|je planque|hebe|heb|verstecke|beneid|"
    r"queria|quem dera|quisiera|ojala|envy|done too|arrete|exister|quito|understand|coming back|"
    r"now|reparti|regale|mis cosas|sachen|mes affaires|distribui|minhas coisas|decidle|decile|"
    r"diganle|dile|dites|sagt|diga|tell|cuid|prenez|kummert|passt|esper|macht|fini|plan|going|"
    r"intend|decided|want|wanna|gonna|look at|hold|touch|the dead|i am|work|nerve|courage|"
    r"wanted|you have|"
    r"you were|you was|you been|"
    r"grieving|nicer|kinder|sweeter|thank|thx|ty|take care)"
)

# Not risk: a sprint drill, food that is "to die for", dying happy after a good meal.
IDIOMS = (r"\b(?:run|ran|running|runs|do|did|doing|does) (?:\w+ ){0,2}?suicides\b|\bsuicides "
          r"(?:drill|drills|sprints?|in (?:practice|training|pe|gym))\b|\b(?:can|could|fit|would|"
          r"will|go|i|me) die happy\b|\bsweet (?:me|mi) die\b|\bkill(?:ing|ed)? myself (?:at|for) "
          r"(?:that|this|the|my) (?:job|firm|company|office|work|place)\b")
