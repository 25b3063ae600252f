"""What people do and prepare, told without a risk word (data only): Spanish, French, German and
Portuguese.

Longer than the usual 400 lines on purpose: one table of families, reviewed as a whole; its
blocks follow the rounds whose errors they were written from (round thirteen's development sets,
then rounds thirteen to fifteen, `docs/crisis-detection.md`).

The other tables for these languages hold phrases of wish and intent. Many entries name none:
they tell an act or a preparation. Each family here joins two parts in one sentence (or, with
``near``, in the sentence before or after), so neither part alone is read as risk:

* an act of self-injury in the first person in any tense ("me estoy cortando otra vez", "jme suis
  encore ouvert le bras", "ich ritze mir die Haut auf", "queimei-me com o isqueiro");
* working out an amount or a height ("cuántos pisos hacen falta", "combien de cachets il faut",
  "ab welchem Stockwerk", "quantos comprimidos seriam suficientes");
* medicines kept back, counted or hidden ("lo vengo juntando", "mis de côté", "verwahre sie in der
  Blechdose", "em vez de os tomar");
* things given away "that I will no longer need", a letter to be read when the writer is gone,
  accounts closed because "I won't be here";
* a decision named without its object, with calm or a day ("ya elegí el día", "der Entschluss
  steht fest", "já está decidido e sinto-me calma");
* a recent attempt: a whole box swallowed, waking in hospital, regret that it failed;
* joining someone who died ("me voy con él", "je veux te rejoindre", "ich komme bald zu dir");
* going to water, rails or a height and not coming back ("me meto al agua y no salgo más");
* asking God to take the writer, sleeping and not waking, disappearing for good.
* and, in the later blocks: envy of the dead at rest, burden, trips to a height with a day,
  ropes bought or tested, gas, apologies for what is about to happen, regret after hospital, an
  engine in a closed garage, goodbye checklists, going "for good ... from life", drugs used for
  euthanasia read up on.

The text is normalised first (lower case, no accents, elisions joined: "m'endormir" ->
"mendormir"). The usual context checks apply (negation, someone else, past, resolved).
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p
from mindspace.ml.crisis_patterns_forms import (
    _ACCIDENT,
    _END,
    _JOKE,
    _WEEKDAY,
    PILL_WORDS,
    PLACE_WORDS,
)
from mindspace.ml.crisis_patterns_regional import _LEISURE

_MEDS = (r"(?:" + PILL_WORDS[3:-1] + r"|pastilla|pildora|comprimido|cachet|comprime|pilule|"
         r"tablette|tablettn|tabletten|remedio|medicamento|medicament|ansioliticos|ansiolitico|"
         r"clonazepam|rivotril|alprazolam|xanax|lorazepam|ativan|diazepam|valium|tylenol|"
         r"paracetamol|ibuprofeno|ibuprofen|tramadol|insulina|insulin|mg|somniferes|"
         r"schlaftablettn|herzmedikament\w*|medikament\w*|blutdrucktabletten|benzos?)")
_BODY = (r"(?:brazos?|antebrazos?|munecas?|piernas?|muslos?|panza|barriga|bras|avant bras|"
         r"poignets?|cuisses?|jambes?|ventre|peau|arm|arme|unterarm\w*|handgelenk\w*|beine?|"
         r"oberschenkel\w*|haut|bauch|bracos?|antebracos?|pulsos?|pernas?|coxas?|pele|barriga)")

# ---- 1. self-injury told as an act, in any tense -------------------------------------------
_ES_SH = (r"\bme (?:estoy |estuve |he estado |volvi a |vuelvo a |sigo )?(?:cortando|corte|"
          r"cortado|cortar|quemando|queme|quemado|quemar|rajando|raje|rajado|lastimando|"
          r"lastime|lastimado)\b")
_FR_SH = (r"\b(?:je me suis|jme suis|je me|jme|me suis) (?:encore |de nouveau |a nouveau |"
          r"re)?(?:coupee?|ouverte?|entaillee?|brulee?|scarifiee?|tailladee?|cramee?|mutilee?|"
          r"coupe|crame|brule|scarifie|taillade|mutile|lacere|laceree|griffee?|"
          r"grattee? au sang)\b|\b(?:encore )?"
          r"(?:entaille|coupe|taillade|lacere|brule) (?:le|la|les|mon|ma|mes) (?:dos de la main|"
          + _BODY + r")\b")
_DE_SH = (r"\b(?:ich |i )?(?:hab|habe|hob|han) (?:ich |i )?(?:mir|ma|mi) (?:(?!beim\b|aus\b|"
          r"versehentlich\b)\w+ ){0,10}?"
          r"(?:geritzt|gritzt|aufgeritzt|geschnitten|gschnittn|gschnitten|aufgeschnitten|"
          r"verbrannt|verbrennt)\b|\b(?:ich |i )?(?:ritze|ritz|schneide|schneid) (?:ich |i )?"
          r"(?:mir|ma|mich|mi) (?:\w+ ){0,6}?(?:" + _BODY + r"|auf|wieder|wider)\b|"
          r"\bklinge (?:\w+ )?(?:rausgeholt|rausgekramt|ausgepackt)\b|\b(?:hab|habe) (?:ich )?mich "
          r"(?:\w+ ){0,4}?(?:blutig|wund) (?:gekratzt|geschlagen)\b")
_PT_SH = (r"\b(?:me (?:cortei|corto|cortando|queimei|queimo|queimando|machuquei|arranhei)|"
          r"(?:cortei|queimei|machuquei|arranhei|corto|queimo) me|(?:voltei|volto) a me "
          r"(?:cortar|queimar|machucar))\b")
_HEAD_WALL = (r"\b(?:(?:kopf|schadel) (?:\w+ ){0,2}(?:gegen|an) die wand (?:\w+ )?(?:geschlagen|"
              r"gehauen|geknallt|gedonnert)|(?:la |ma )?tete contre (?:le|les) murs?|la cabeza "
              r"contra (?:la|las) pared(?:es)?|a cabeca (?:na|contra a) parede)\b")

# ---- 2. working out an amount or a height ------------------------------------------------------
# a dose for every day, a child or a pet: an ordinary question
_DAILY = (r"(?![^.!?|]*\b(?:par jour|por dia|al dia|pro tag|am tag|cada \d+|toutes les|alle \d+|"
          r"por semana|par semaine|pro woche|bebe|baby|nene|nino|nina|crianca|enfant|kind|perro|"
          r"chien|hund|cachorro|gato|chat|katze|de fer|de hierro|eisen|vitamin\w*|fiebre|fievre|"
          r"fieber|febre|gotas|gouttes|tropfen)\b)")
_HOW_MANY = (r"\b(?:cuant[oa]s?|quant[oa]s?|combien|cb|wie ?viele?|wieviel|wia vui|welche menge|"
             r"qual andar|que piso|quel etage|welche[sn]? stockwerk|"
             r"ab welchem|la dose|la dosis|a dose)\b")
_AMOUNT_OF = (r"(?:" + _MEDS + r"|pisos|plantas|metros|etages|metres|stockwerk\w*|stock|meter|"
              r"andares|andar|piso|etage|volt|de (?:estas|esas) \w+|de remedio|de medicamento|"
              r"ca prend|"
              r"il faut|il faudrait)")
_ENOUGH = (r"\b(?:hacen falta|hace falta|necesit\w*|seria[n]?|serian|fazem|faz mal|precis\w*|"
           r"suficientes?|il faut|faudrait|faut|ca prend|braucht|brauch|bracht|reich\w*|todlich|"
           r"uberlebt|uberleben|peligros[oa]s|perigos[oa]s|mal de verdade|marche|a coup sur|"
           r"no despertar|no quedar vivo|nao acordar|nicht mehr aufwacht|ned mehr aufwacht|"
           r"letal|lethal|mortel|mortal|pour mon poids|para (?:mi|o meu) peso|fur mein gewicht|"
           r"sobra|assez|genug|alto o bastante|alto lo suficiente|assez haut|hoch genug|"
           r"sin que duela|sem doer|sans souffrir|schmerzlos)\b")
_HIGH_PLACE = PLACE_WORDS[:-3] + r"|\w*bruck\w*|arribas?|gerust|steinbruch)\w*\b"
_HEIGHT = (r"\b(?:altura|hauteur|hohe|wie hoch|wia hoch)\b[^.!?|]{0,40}" + _HIGH_PLACE + "|"
           + _HIGH_PLACE + r"[^.!?|]{0,40}\b(?:altura|hauteur|hohe)\b")
# a height measured for school, work or a photo
_NOT_STUDY = (r"(?![^.!?|]*\b(?:trabalho|trabajo|travail|arbeit|schule|escola|escuela|ecole|"
              r"fisica|physique|physik|projet|projeto|proyecto|aula|clase|cours|unterricht|foto\w*|"
              r"photo\w*|tarea|devoir|hausaufgabe|licao|obra|chantier|baustelle|ingenier\w*)\b)")
_CALC = (r"\b(?:calcul\w*|ausgrechnet|ausgerechnet|abgeschatzt|geschatzt|googl\w*|gegoogelt|"
         r"pesquis\w*|busq\w*|buscando|averigu\w*|cherch\w*|checke|nachgelesen|gelesen|"
         r"erkundigt|gschaut|geschaut|medi|medido|medir|a ver na internet|vi na internet)\b")

# ---- 3. medicines kept back, counted or hidden -------------------------------------------------
# a pet's or a child's medicines, a weekly organiser
_NOT_FOR_OTHERS = (r"(?![^.!?|]*\b(?:perro|perra|gato|gata|chien|chienne|chat|hund|katze|cachorro|"
                   r"cachorra|bebe|baby|nino|nina|enfant|kind|crianca|pastillero|pilulier|"
                   r"wochendosierer|tablettenbox|porta comprimidos|caixinha semanal)\b)")
_KEEP = (r"\b(?:junt\w*|guard\w*|acumul\w*|ahorr\w*|escondi\w*|mis de cote|mets de cote|mettre de "
         r"cote|mis a part|garde|gardes|gardees|cache|caches|cachees|stocke\w*|sammel\w*|sammle|"
         r"gesammelt|gezahlt|verwahr\w*|aufgehoben|aufheb\w*|versteck\w*|gebunkert|bunker\w*|"
         r"separei|separado|escondid\w*|a guardar|ando a guardar|de lado|"
         r"en vez de (?:tomarl\w*|los tomar)|em vez de (?:os |as )?tomar|au lieu de les prendre|"
         r"statt sie (?:zu )?nehmen|nicht genommen|ned gnomma|nicht mehr nehme|nehme ich seit)\b")
_STOCK = (r"\b(?:\d{2,3}|cuarenta|treinta|cincuenta|quarenta|trinta|cinquenta|quarante|trente|"
          r"cinquante|vierzig|dreissig|funfzig|caja entera|caja|cajon|armario|mochila|cajita|"
          r"boite|tiroir|trousse|placard|schuhkarton|blechdose|dose|schrank|schublade|caixinha|"
          r"caixa|gaveta|guarda roupa|mochila|estojo|suficientes?|bastantes?|assez|suffisamment|"
          r"genug|gnua|reicht|x si acaso|por si acaso|por si las dudas|via das duvidas|"
          r"quando chegar a hora|noite bem longa|casi llena|jen ai assez|es sind inzwischen)\b")

# ---- 4. given away, "I will not need it", gone when it is read -------------------------------
_GIVE = (r"\b(?:regale|le regale|di|le di|le he dado|he dado|deje|le deje|pase|le pase|reparti\w*|"
         r"donne|jai donne|file|jai file|offert|jai offert|legue|geschenkt|verschenkt|vertickt|"
         r"vermacht|weitergegeben|dei|deixei|entrego|entreguei|passei|doei)\b")
_NO_NEED = (r"\b(?:ya no (?:las?|los?|me) (?:voy a |va a )?(?:necesitar|hacer falta|lucir|usar)\w*|"
            r"no (?:la|lo|las|los) voy a (?:necesitar|usar|lucir)|"
            r"(?:j ?en|y en|jen|yen) (?:aurai|aura) (?:plus|pus|pu) besoin|"
            r"(?:nen|jen) aurai plus besoin|plus besoin de rien|"
            r"(?:brauch|brauche|brauch i|brauch ich|werde) (?:\w+ ){0,2}(?:nicht|nimma|nimmer|"
            r"nix|nichts|kein\w*) mehr(?: brauchen| davon)?|da wo i hingeh|wo ich hingehe|"
            r"nao (?:vou|irei) (?:mais )?precisar(?: dela| dele| disso| delas| deles)?|"
            r"nao preciso mais|ja nao (?:vou )?precis\w*)\b")
# the giving told as a farewell, or everything settled
_FAREWELL_GIFT = (r"\b(?:no fundo (?:e|era) despedida|(?:el|ele|ela|il|elle|er|sie|ils|elles) "
                  r"(?:nem |ne )?(?:sabe|sait|savent|capte|weiss|precisa saber|a rien compris|ont "
                  r"rien compris) (?:pas )?(?:pq|pk|porque|pourquoi|warum)|y ?a rien compris|"
                  r"tant que je suis (?:la|encore la)|que no se haga problema|no es por eso|"
                  r"nao e por isso|"
                  r"ce nest pas pour ca|cest pas pour ca|nicht deswegen|darum geht es nicht|"
                  r"cuando (?:yo )?(?:ya )?no (?:este|estes)|quand je ne serai plus la|wenn ich "
                  r"(?:mal )?nicht mehr (?:da|hier) bin|quando (?:eu )?(?:ja )?nao estiver|"
                  r"ya quedo todo|todo en orden|tout est en ordre|alles (?:ist )?erledigt|"
                  r"fica tudo tratado)\b")
# given away because of a move, a newer thing, a finished course or a grown child
_NOT_REPLACED = (r"^(?!.*\b(?:mudo|mudanza|mudamos|mudar|mudanca|demenag\w*|umzug|zieh\w*|wg|"
                 r"umgezogen|nuevo|nueva|nouveau|nouvelle|neue[nrs]?|novo|nova|seit ich|desde que|"
                 r"depuis que|"
                 r"bebe|baby|diplome|jubil\w*|aposent\w*|rente|retraite|"
                 r"e bike|ebike|coche nuevo|carro novo|vacaciones|vacances|urlaub|ferias|viaje|"
                 r"viagem|voyage|reise|semanas|semaines|wochen|meses|mois|monate)\b)")
_GONE_READ = (r"\b(?:cuando|wenn|wennst|quand|quando|lorsque) (?:\w+ ){0,2}(?:leas|lean|lees|"
              r"leeis|liest|lest|lesen|lis|lisez|liras|lirez|ler|leres|lerem|leia|leiam)\b"
              r"[^.!?|]{0,30}?\b(?:ya no (?:estare|voy a estar)|bin (?:ich |i )?(?:schon )?"
              r"(?:nicht mehr|nimma|nimmer) (?:da|do|hier)|je ne serai (?:plus|deja plus)|"
              r"(?:ja )?nao (?:vou estar|estarei|estou) (?:mais )?(?:aqui|ca))\b")
_NOT_HERE = (r"\b(?:jserai|je serai|je ne serai) (?:pus|pu|plus) la\b|\b(?:bin|bin i|bin ich) "
             r"(?:dann )?(?:nimma|nimmer|nicht mehr) (?:do|da)\b(?! (?:im|in|bei|auf|am|fur))|"
             r"\b(?:ja )?nao (?:vou estar|estarei) (?:mais )?(?:aqui|ca)\b(?! (?:em|no|na|para))")
_LETTERS = (r"\b(?:carta|cartas|lettre|lettres|brief|briefe|abschiedsnachricht|abschiedsbrief\w*|"
            r"mensaje|mensagem|msg|post)\b[^.!?|]{0,60}\b(?:para cada|pa cada|a cada uno|pr "
            r"chacun|pour chacun|pour tout le monde|pra cada|a cada um|an jeden|fur jeden|"
            r"als entwurf|sollen sie erst danach|"
            r"in der schublade|dans ma boite|en el cajon|na gaveta|programme (?:un|une|pour|pr)|"
            r"programad[oa]|programmiert)\b")

# letters for a feast, a birthday or thanks
_NO_OCCASION = (r"(?![^.!?|]*\b(?:navidad|noel|weihnacht\w*|natal|cumpleanos|anniversaire|"
                r"geburtstag|"
                r"aniversario|boda|mariage|hochzeit|casamento|ano nuevo|nouvel an|neujahr|ano novo|"
                r"reyes|invit\w*|einladung\w*|convite\w*|gracias por|merci pour|danke fur|"
                r"obrigad\w*|vacaciones|vacances|urlaub|ferias)\b)")

# ---- 5. a decision without its object ----------------------------------------------------------
_DECIDED = (r"\b(?:(?:ya )?(?:lo )?(?:tengo|he) (?:mas que |muy )?decidido|ya (?:lo )?decidi|"
            r"decidi|ya elegi el dia|ya se lo que voy a hacer|mi decision esta tomada|"
            r"(?:ma|la) decision est prise|jai (?:deja )?(?:decide|choisi|resolu)|"
            r"cest decide|ich (?:hab|habe) (?:mich |mi |es )?(?:entschieden|entschiedn)|"
            r"(?:hab|i hab) (?:mi |mich )?(?:entschieden|entschiedn)|(?:der|mein) entschluss "
            r"steht(?: fest)?|es ist entschieden|(?:ja )?(?:esta|ta) decidido|(?:ja )?decidi|"
            r"ja escolhi o dia|(?:eu )?ja sei o que vou fazer|so falta escolher o dia|"
            r"ja resolvi tudo|(?:seit|seitdem|nachdem|weil) ich (?:mich |"
            r"es )?entschieden (?:hab|habe))\b")
# the decision names its object: a move, a wedding, a job, a course
_NO_OBJECT = (r"(?![^.!?|]*\b(?:zu \w+|\w+zu\w+en|vamos|nos vamos|me voy a vivir|me mudo|mudarme|"
              r"on va|nous allons|wir|casar|casamos|casarnos|boda|mariage|marier|hochzeit|heiraten|"
              r"casamento|mudar|mudamos|viajar|voyage|reise|umziehen|demenag\w*|trabajo|emprego|"
              r"job|stelle|boulot|poste|curso|carrera|universidad|faculdade|uni|studium|"
              r"divorc\w*|scheidung|separar\w*|comprar|acheter|kaufen|vender|vendre|verkaufen|"
              r"quitte\w*|"
              r"dejo|dejar|deixo|deixar|verlasse\w*|kundige|renuncio|demission\w*|je pars|parto|"
              r"zieh\w*)\b)")
_DECIDED_WITH = (r"\b(?:tranquil\w*|calm\w*|en paz|sin miedo|ya no tengo miedo|plus peur|"
                 r"serein\w*|apaise\w*|ruhig|gefasst|chill|peaceful|gelassen|leicht|leiser|"
                 r"angst ist weg|keine angst|sem medo|em paz|de boa|aliviad\w*|soulag\w*|"
                 r"erleichtert|el dia|le jour|o dia|den tag|letzter tag|mein letzter|"
                 + r"derniere|dernier|ultimo dia|ultima|domingo|dimanche|sonntag|"
                 r"antes d\w*|avant|bevor|vor dem|seitdem|seither|depuis|pronto|bientot|bald|"
                 r"em breve|"
                 r"me vaya|me voy a ir|irme|nao vai mudar|nao tem mais jeito|no tiene remedio|"
                 r"va jamais|wird nix mehr|wird nicht besser|aucune issue|sin salida|sem saida|"
                 + _WEEKDAY + r")\b")

# ---- 6. a recent attempt ----------------------------------------------------------------------
_SWALLOWED = (r"\b(?:me tome|me trague|tome|trague|tomei|engoli|jai avale|avale|jai pris|"
              r"geschluckt|gschluckt|genommen|gnomma|eingeworfen)\b[^.!?|]{0,30}\b(?:(?:el|la) "
              r"(?:frasco|bote|caja|tira|blister) entero|(?:el|la) (?:frasco|bote|caja) "
              r"(?:entera|entero)|un chorro de|todas (?:las|mis)|toda la caja|(?:uma|a) (?:cartela|"
              r"caixa) (?:inteira|toda)|(?:a|o) (?:caixa|frasco|cartela) (?:toda|todo|inteira|"
              r"inteiro)|tudo de uma vez|toute la (?:bouteille|boite|plaquette)|tout le "
              r"(?:flacon|tube)|toutes mes|(?:die|de) ganzen?|alle meine|die ganze packung|"
              r"veneno de rato|aquele veneno|mort aux rats|rattengift)\b")
_AFTER_ATTEMPT = (r"\b(?:desperte en (?:el |la )?(?:hospital|urgencias|uci)|me encontr\w*|"
                  r"acordei no hospital|encontrou me|me levou pro hospital|"
                  r"reveille a lhopital|ca a pas marche|personne le sait|"
                  r"auskotzt|ausgekotzt|schad eigentlich|zu fruh|misslungen|klappen sollen|"
                  r"trop tot|no funciono|nao deu certo|nao funcionou|queria nao ter acordado|"
                  r"seguir viva|seguir vivo|la prochaine fois|nao foi (?:acidente)?|"
                  r"llamo a la ambulancia|ambulancia|ambulance|ambulanciers|krankenhaus|"
                  r"notaufnahme|pronto socorro|urgences|urgencias|hospital|tive alta)\b")
_TRIED = (r"\b(?:(?:anoche|ayer|hace (?:\w+ ){1,2}dias|la semana pasada) lo intente|"
          r"lo intente(?= *[.,;]| anoche| ayer)|(?:depois de|apos) ter tentado|"
          r"(?:vorgestern|gestern|letzte woche|vorige woche) der versuch|"
          r"(?:habe|hab) (?:ich |i )?es (?:\w+ ){0,4}versucht|"
          r"jai tente den finir|tente den finir|tentei (?:de novo|ontem|semana passada))\b")

# ---- 7. joining someone who died --------------------------------------------------------------
_JOIN = (r"\b(?:me voy (?:a ir )?con (?:el|ella)|irme con (?:el|ella|mi \w+)|reunirme con|"
         r"(?:je veux|jveux|je vais|jvais|je voudrais) (?:aller )?(?:te|le|la|les|vous) rejoindre|"
         r"(?:aller )?rejoindre (?:papi|mamie|papa|maman|mon \w+|ma \w+)|"
         r"ich komme? (?:\w+ )?(?:bald |jetzt |auch )?zu (?:dir|euch|ihm|ihr)|(?:halt|haltet) mir "
         r"(?:einen|an|a) platz frei|will zu (?:ihm|ihr|dir) (?:\w+ )?(?:rauf|hoch|nach oben)|"
         r"quero ir ter com|(?:ir|estar) (?:para |pra )?junto (?:dele|dela|de ti|do meu|da minha)|"
         r"queria estar onde (?:ela|ele) esta|me leve pra junto|me leva pra junto)\b")
_DEAD_NEAR = (r"\b(?:parti|partie|partis|mort|morte|decede\w*|la haut|au ciel|tu es parti|"
              r"murio|muerto|muerta|se fue|fallec\w*|el ano de|cielo|gestorben|tot|verstorben|"
              r"himmel|dort oben|seit \w+ jahren|morreu|faleceu|foi embora|onde quer que|"
              r"ceu|il y a|hace|vor|ha|ano|an|jahr|anos|ans|jahre|years?)\b")

# ---- 8. going to water, rails or a height and not coming back ---------------------------------
_NO_RETURN = (r"\b(?:(?:y )?no (?:salgo|vuelvo|regreso) (?:mas|nunca)|"
              r"no pienso volver(?! (?:con|a (?:\w+ )?(?:trabajar|verl\w*|hablar|salir)))|"
              r"(?:je ne|jne) (?:rentrerai|reviendrai) (?:pas|plus)|jusqua ce que leau me prenne|"
              r"(?:und )?bleibe? dort|kimm nimma|komme? nicht mehr (?:zuruck|runter|heim)|"
              r"nimma (?:obi|hoam|zruck)|und aus is|aus is|nao volto mais|sem volta|"
              r"nao volto (?:pra|para) casa|no vuelvo a casa|et je saute|y me tiro|me echo al rio|"
              r"me meto al agua|y se acabo|e acabou|et cest fini|und dann ist schluss|"
              r"dann ist schluss)\b")
_PLACE_GO = (r"\b(?:" + PLACE_WORDS[5:-3] + r"|rambla|mar|agua|lago|watt|donau|wald|steinbruch|"
             r"lac|fleuve|mer|rio|ponte|arrabida|barragem|falaises|chalet|garage|garagem)\b")
_CAR_INTO = (r"\b(?:me voy|me estrello|me tiro|me lanzo|je fonce|je me jette|jme jette|fahr ich|"
             r"fahr i|fahre ich|ich fahre|me jogo|vou jogar o carro|jogo o carro|bato o carro) "
             r"(?:\w+ ){0,4}?(?:contra|dans|in|gegen|em|no|na) (?:un |una |el |la |le |la |les |"
             r"den |die |das |d |ein |einen |eine |um |uma |o |a )?(?:camion|arbol|pylone\w*|mur|"
             r"arbre|baum|lkw|laster|brucke|donau|pfeiler|poste|muro|caminhao|arvore|"
             r"parede|rio|fluss|ddonau)\b")
_EASY = (r"\b(?:seria (?:bien |muy |tan )?(?:facil|rapido|rapidinho|un momento)|un pasito|"
         r"dar un paso|seria rapidinho|ce serait (?:si |tellement )?(?:facile|rapide|vite fait)|"
         r"waere|ware (?:so )?(?:einfach|schnell))\b")

# ---- 9. God, sleep, disappearing for good -----------------------------------------------------
_TAKE_ME = (r"\b(?:(?:dios(?:ito)?|senor|virgen(?:cita)?|diosito) (?:\w+ ){0,3}?(?:llevame|"
            r"recogeme|llamame)|llevame ya|"
            r"(?:mon dieu|seigneur|dieu)\b[^.!?|]{0,50}?\b(?:viens me chercher|"
            r"venez me chercher|venez me prendre|emmenez moi|prends moi|"
            r"rappelez moi a vous|rappelle moi a toi|emmene moi)|viens me chercher (?:cette nuit|"
            r"ce soir|pendant)|prends moi pendant que|"
            r"(?:gott|herrgott|herr)\b[^.!?|]{0,40}?\bnimm mich|"
            r"nimm mich (?:einfach |doch )?(?:heute|zu dir|endlich|im schlaf)|"
            r"hol mich (?:zu dir|heim)\b(?! ab)|"
            r"(?:senhor|deus|meu deus|jesus)\b[^.!?|]{0,60}?\b(?:me leve|me leva|leva me|me busca|"
            r"me chama)|me leve pra junto)\b")
_NOT_WAKE = (r"\b(?:(?:me )?(?:acueste|acuesto|dormirme|dormir|duerma) y no (?:me )?(?:levante|"
             r"despierte|despertar)\w*(?: (?:mas|nunca))?|pa no despertarme|para no despertarme|"
             r"dormirme [^|]{0,60}para siempre|"
             r"(?:mendormir|m endormir|dormir|je mendors) (?:\w+ ){0,4}(?:et )?(?:plus jamais|ne "
             r"plus|ne jamais|sans) (?:me )?reveiller|"
             r"einschlafen und nicht mehr (?:aufwachen|zuruckkommen|aufstehen)|"
             r"(?:nimma|nicht mehr|nie mehr) aufstehn|fur immer schlaf\w*|"
             r"(?:adormecer|dormir) (?:hoje )?e (?:simplesmente )?nao (?:acordar|voltar)\w*|"
             r"desligar e nao ligar mais)\b")
_VANISH = (r"\b(?:(?:me quiero|quiero) borrar(?:me)?(?: del mapa)?|borrarme del mapa|"
           r"(?:je veux|jveux|jaimerais|je voudrais) (?:juste |simplement |seulement )?"
           r"(?:disparaitre|meffacer)(?! (?:de|des|du|pour|une|un|quelques|le week|en vacances))|"
           r"fur immer (?:schleichn|verschwinden|verschwindn)|je reve (?:juste |seulement )?de "
           r"disparaitre|disparaitre pour (?:de bon|toujours)|"
           r"(?:apetece me|quero|queria|to pensando em|pensando em) (?:\w+ )?(?:sumir|desaparecer)"
           r"(?=[^.!?|]{0,30}\b(?:de vez|mesmo|de vdd|de verdade|sem volta|ninguem|pra sempre)))")

_DE_VANISH = (r"\b(?:ich will|ich mochte|i tat mi|ich ware gerne|i war gern) (?:\w+ ){0,3}"
              r"(?:verschwinden|verschwindn|fort|ausloggen)\b")
_DE_FOR_GOOD = (r"\b(?:ganz|fur immer|vom ganzen leben|ernst|ganz und gar|nicht verreist|niemand|"
                r"koana|keiner|endgultig)\b")

_SH = "describes hurting themselves"
_PREP = "describes preparing the means or a plan"

ACT_PATTERNS: tuple[Pattern, ...] = (
    # 1. self-injury as an act
    _p("self_harm", r"(?:" + _ES_SH + "|" + _FR_SH + "|" + _DE_SH + "|" + _PT_SH + r")" + _ACCIDENT,
       requires=r"\b(?:" + _BODY + r"|otra vez|de nuevo|encore|wieder|wider|outra vez|de novo|"
                r"briquet|isqueiro|mechero|feuerzeug|messer|stanleymesser|klinge|lame|cutter|"
                r"rasoir|gilete|navaja|cuchilla|calma|calme|soulage|acalma|hilft|recommencer|"
                r"sieht keiner|siagt|personne|nadie|ninguem|keiner|manches|mangas|veste|"
                r"kochjacke|arbeitshemd|traits|fois|veces|vezes|mal)\b",
       reason=_SH, current=True),
    _p("self_harm", _HEAD_WALL, requires=r"\b(?:\d+ ?x|\d+ fois|\d+ veces|\d+ vezes|wieder|encore|"
       r"otra vez|de novo|outra vez|again|beule|bosse|chichon|galo|sangre|sang|blut|sangue|"
       r"hasta|jusqu|bis)\b", reason=_SH, current=True),
    _p("plan", r"\b(?:comprei|compre|jai achete|achete|gekauft) (?:\w+ ){0,2}(?:gilete|cuchillas?|"
       r"lames?|rasierklingen|klingen)\b", requires=r"\b(?:noite|noche|nuit|nacht|esconde\w*|"
       r"guardei|cache|versteckt|longa|larga|longue|lang)\b", reason=_PREP),
    # 2. working out an amount or a height
    _p("plan", _HOW_MANY + _DAILY + r"[^.!?|]{0,40}\b" + _AMOUNT_OF + r"\b",
       requires=_ENOUGH, reason=_PREP),
    _p("plan", r"(?:" + _HEIGHT + ")" + _NOT_STUDY, requires=_CALC + r"|\b(?:reicht|reichen|"
               r"suffit|basta|sobra|chega|locker)\b",
       reason=_PREP, near=True),
    _p("plan", r"\b(?:ab welchem stockwerk|welche menge|wie viele? (?:\w+ )?(?:man|ma) braucht|"
       r"wia vui (?:\w+ )?ma braucht)\b", reason=_PREP),
    # 3. medicines kept back, counted or hidden
    _p("plan", r"(?=" + _KEEP + r"|\b" + _MEDS + r"\b)" + _NOT_FOR_OTHERS + r"(?:" + _KEEP
       + r"[^.!?|]{0,60}?\b" + _MEDS + r"|\b" + _MEDS
       + r"\b[^.!?|]{0,60}?" + _KEEP + r")", requires=_STOCK, reason=_PREP, near=True,
       other_ok=True),
    _p("plan", r"\b(?:lo vengo juntando|lo tengo guardado|lo que tengo guardado|jen ai assez|"
       r"es sind (?:inzwischen |jetzt )?genug|jetzt san gnua|ja da para uma noite)\b",
       requires=_MEDS + r"|\b(?:tomar|tomo|prendre|nehmen|hora|hacer|fazer|tiroir)\b",
       reason=_PREP, near=True),
    # 4. given away, no longer needed; gone when read; letters for each
    _p("indirect", _NO_NEED + _END, requires=_NOT_REPLACED + r".*(?:" + _GIVE + r"|\b(?:deje|"
       r"dejado|pagado|testament\w*|notar\w*|notaria|notaire|cancell?e|resilie|vide|entrego|"
       r"chaves|contrasenas|passwort|senhas)\b)", reason="puts their affairs in order", near=True,
       other_ok=True, negatable=False),
    _p("indirect", _FAREWELL_GIFT, requires=_NOT_REPLACED + r".*(?:" + _GIVE + r"|\b(?:deje|"
       r"dejado|pagado|testament\w*|notar\w*|notaria|notaire|cancell?e|resilie|vide|entrego|"
       r"chaves|contrasenas|passwort|senhas|distribue)\b)", reason="puts their affairs in order",
       near=True, other_ok=True, negatable=False),
    _p("indirect", _GONE_READ, reason="writes to be read after they are gone", negatable=False),
    _p("indirect", _NOT_HERE, requires=r"\b(?:pas besoin|bail|compte|juillet|mois|testament|"
       r"konto|miete|wohnung|aluguel|conta|contas|pagar|payer|zahlen|pass auf|occupe toi|cuida)\b",
       reason="puts their affairs in order", negatable=False, near=True),
    _p("indirect", _LETTERS + _NO_OCCASION, reason="says goodbye or puts their affairs in order",
       other_ok=True),
    # 5. a decision without its object
    _p("plan", _DECIDED + _NO_OBJECT + r"(?= *(?:$|[|.!?,;]| (?:y|e|et|und|dass|que|seitdem|"
                                       r"seither|"
       r"depuis|desde)\b| (?:el |le |am |no |na |o |a )?(?:" + _WEEKDAY + r"|manana|demain|morgen|"
       r"amanha|esta noche|ce soir|heute nacht|hoje a noite|antes|avant|"
       r"bevor)\b))", requires=_DECIDED_WITH, reason="says the decision is made",
       near=True, current=True, negatable=False),
    # 6. a recent attempt
    _p("plan", _SWALLOWED, requires=_AFTER_ATTEMPT, reason="tells of a recent attempt",
       near=True, current=True),
    _p("plan", _TRIED, requires=_AFTER_ATTEMPT, reason="tells of a recent attempt", near=True,
       current=True, negatable=False),
    # 7. joining someone who died
    _p("ideation", _JOIN, requires=_DEAD_NEAR, reason="wants to join someone who died", near=True,
       other_ok=True),
    # 8. water, rails or a height, and no return; a car into something; how easy it would be
    _p("plan", _NO_RETURN, requires=_PLACE_GO + r"|\b(?:" + r"manana|esta noche|domingo|"
       r"wann|bald|herbst|dann|"
       r"" + _WEEKDAY + r")\b", reason="plans to go somewhere and not come back",
       negatable=False, near=True),
    _p("plan", _CAR_INTO + _JOKE, reason="describes a plan, method or attempt"),
    _p("plan", _EASY, requires=PLACE_WORDS + r"|\b(?:" + _MEDS + r"|lejia|botella|metro|vias|"
       r"andar|gerust|balcon)\b", reason="imagines how easy the act would be", near=True),
    # 9. God, sleep, disappearing for good
    _p("passive", _TAKE_ME + _JOKE, reason="asks to be taken from life", negatable=False),
    _p("passive", _NOT_WAKE + _JOKE, reason="a passive wish to be dead", negatable=False),
    _p("passive", _VANISH + _JOKE, reason="a passive wish to be dead", negatable=False),
    _p("passive", _DE_VANISH, requires=_DE_FOR_GOOD, reason="a passive wish to be dead",
       negatable=False, near=True),
)

_ENVY = (r"\b(?:jenvie|jalou(?:x|se)|envidio|le envidio|lo envidio|la envidio|beneid\w*|neidisch|"
         r"invejo|inveja|envie)\b")
_AT_REST = (r"\b(?:la saco barata|sei ruah|seine ruhe|ihre ruhe|repos|"
            r"souffre plus|pus besoin|plus besoin|nicht mehr mitmachen|ausgeloggt|nao sente mais|"
            r"descansou|descansa|em paz|ya no sufre|ya descansa|esta en paz|ya no tiene que|"
            r"nao precisa mais|muss nicht mehr|il est tranquille|ya se fue|la tiene facil)\b")
_GO = (r"\b(?:me subo|subo|me voy|voy|ire|me ire|je prends le train|je vais|jirai|jvais|"
       r"fahr (?:ich|i)|fahre ich|ich fahre|ich gehe|i geh|geh ich|vou|irei|ir ate|ando a "
       r"pensar em ir)\b")
_GO_PLACE = (_GO + r"[^.!?|]{0,30}\b(?:a la|al|hasta el|hasta la|au|a la|aux|jusquau|"
             r"jusquaux|zum|zur|auf das|aufs|in den|ins|a|ao|ate a|ate ao|para a|para o|pra)\b"
             r"[^.!?|]{0,20}(?:" + PLACE_WORDS[5:-3] + r"|falaises|steinbruch|arribas|azoteas?)\b")
# a trip with an everyday purpose ("pour prendre des photos", "um zu angeln")
_PURPOSE = (r"(?![^.!?|]*\b(?:pour|para|pra|pa|um|zum|zur|com|avec|con|mit) (?:\w+ )?(?:prendre|"
            r"tomar|tirar|sacar|fazer|hacer|machen|voir|ver|regarder|mirar|olhar|photograph\w*|"
            r"fotograf\w*|photos?|fotos?|courir|correr|laufen|joggen|nadar|nager|schwimmen|pescar|"
            r"pecher|angeln|passear|pasear|spazieren|encontrar|rencontrer|treffen|visitar|visiter|"
            r"besuchen|trabajar|travailler|arbeiten|trabalhar|amigos|amis|freunde|familia|famille|"
            r"buscar|chercher|abholen|recoger|pegar|levar|llevar|amener|vivir|viver|vivre|wohnen|"
            r"kinder|ninos|enfants|criancas|grupo|groupe|gruppe)\b|[^.!?|]*\b(?:buscar|chercher|"
            r"abholen|recoger|lever de soleil|"
            r"coucher de soleil|amanecer|atardecer|sonnenaufgang|sonnenuntergang|nascer do sol|"
            r"por do sol|pique nique|picnic|piquenique|flohmarkt|markt|mercado|mercadillo|marche|"
            r"brocante|feira|fest|festival|konzert|concierto|concert|kino|cine|cinema|restaurant|"
            r"restaurante|cafe|training|entrenamiento|treino|entrainement)\b)")
_THINK_OF = (r"\b(?:pienso|penso|je pense|jpense|denke ich|ich denke|i denk)\b")
_FROM_HIGH = (r"\b(?:me jogar|me atirar|pular|saltar|tirarme|aventarme|me tirar|me lancer|sauter|"
              r"me crisser|me garrocher|me pitcher|me jeter|springen|mich (?:\w+ )?(?:sturzen|"
              r"fallen lassen))\b(?: \w+){0,4}? (?:de|da|do|du|de la|desde|von|vom|en bas du|"
              r"en bas de la|en bas dun|en bas dune|la de cima da|la de cima do|de cima da|de cima "
              r"do)\b[^.!?|]{0,20}(?:" + PLACE_WORDS[5:-3] + r"|barragem|presa|falaises)\b")
_AMMO = (r"\b(?:(?:jai )?r?e?achete|compre|comprei|gekauft|"
         r"besorgt) (?:\w+ ){0,2}(?:des cartouches|"
         r"cartouches|balas|municion|munition|patronen|municao|cartuchos)\b")
_ROPE_BOUGHT = (r"\b(?:(?:jai )?achete|compre|comprei|gekauft|besorgt|consegui) (?:une |una |uma |"
                r"ein |einen |eine )?(?:corde|soga|cuerda|corda|strick|seil)\b(?! (?:a linge|para "
                r"tender|de saltar|a sauter|de pular|para (?:el|o) barco|descalade|zum klettern|"
                r"fur die wasche|de escalada))")
_TESTED = (r"\b(?:gurtel|ceinture|cinturon|cinto|strick|seil|corde|soga|corda)\b(?: \w+){0,5}? "
           r"(?:getestet|teste|testee|probado|probe|testei|testado|ausprobiert|hat gehalten|"
           r"tient|aguanta|aguentou|segura)\b")
_GAS = (r"\b(?:abro|abrir|abrire|ouvrir|jouvre|ouvre|dreh\w* (?:ich )?(?:\w+ )?auf|abrir|abro|"
        r"vou abrir) (?:\w+ ){0,2}(?:la bombona|el gas|la llave del gas|le gaz|gasflasche|den "
        r"gashahn|das gas|o gas|o botijao)\b")
_SORRY_FOR = (r"\b(?:perdon|perdonen|perdoname|disculpen|pardon|pardonnez|desole|dsl|verzeiht|"
              r"verzeih|entschuldigt|sorry|desculpa|desculpem|perdoem|perdao)\b[^.!?|]{0,25}"
              r"\b(?:por lo que (?:va a pasar|voy a hacer)|pour ce que je vais faire|"
              r"pour ce qui va "
              r"arriver|fur das was (?:ich tun werde|passieren wird|kommt)|was ich tun werde|pelo "
              r"que (?:vou fazer|vai acontecer))\b")
_UNKNOWING = (r"\b(?:sin (?:que )?(?:saber|sepa|supieran|sospechar)|sans (?:quil|quelle|quils|"
              r"quelles) "
              r"(?:sache|sachent|comprenne|comprennent|se doute)|sans le savoir|"
              r"ohne (?:dass )?(?:er|"
              r"sie|es) (?:weiss|wussten|ahnt|ahnten)|die checken nicht|checkt (?:keiner|niemand)|"
              r"sem (?:saber|que ela soubesse|que ele soubesse)|ela nao sabe|"
              r"ele nao sabe|elle ne sait pas|il ne sait pas|no sabe|weiss nicht|ahnt nicht)\b"
              r"[^.!?|]{0,30}\b(?:el ultimo|la ultima|ultima vez|derniere fois|dernier|abschied|"
              r"letzte mal|ultima vez|despedida|o ultimo|a ultima|pour toujours|para siempre|"
              r"para sempre|fur immer)\b")
_NOT_A_PLACE = (r"(?![^.!?|]*\b(?:stadt|ville|ciudad|cidade|dorf|pueblo|village|job|trabajo|"
                r"travail|"
                r"emprego|firma|empresa|pais|land|pays|wohnung|piso|appart\w*|boite|ziehe|"
                r"me mudo|demenage|mudar|umzug|beziehung|relacion|relation|relacao)\b)")
_NOTHING_HOLDS = (r"\b(?:plus rien ne me retien\w*|rien ne me retient plus|nada me (?:retiene|ata)|"
                  r"ya nada me retiene|nichts (?:halt|halt mich) mich mehr|nichts halt mich|nada "
                  r"me prende|nao tenho mais por quem ficar|"
                  r"nao tenho (?:mais )?ninguem por quem)\b")
_END_IT = (r"\b(?:(?:y|dy|a tout|a ma vie|a mes jours) mettre (?:un terme|fin)|"
           r"en finir une bonne fois|"
           r"(?:dem ganzen|allem|meinem leben|dem allem) ein ende (?:setzen|machen|bereiten)|"
           r"mit dem leben abgeschlossen|ponerle fin a todo|ponerle punto final|por fim a tudo|"
           r"pr fin a tt)\b")
_PT_END = (r"\b(?:eu )?(?:acabo|vou acabar|resolvo) (?:com tudo|com isto|com isso|"
          r"isso de uma vez|tudo de uma vez)\b")
_NO_RETURN_TRIP = (r"\b(?:role|passeio|viagem|viaje|paseo|voyage|reise|trip) sem volta|(?:viaje|"
                   r"paseo) "
                   r"sin (?:vuelta|retorno)|voyage sans retour|reise ohne (?:wiederkehr|"
                   r"ruckkehr)\b")
_NOT_SWERVE = (r"\b(?:nao vou nem desviar|nao vou desviar|no voy a (?:esquivar|apartarme)|"
               r"no me voy a "
               r"apartar|je ne vais pas (?:lesquiver|mecarter)|ich weiche nicht aus|werde nicht "
               r"ausweichen)\b")
_LEAVE_WORLD = r"\b(?:ir embora|sair|partir) (?:deste|desse|daqui deste|daqui desse) mundo\b"
_KNOW_HOW = (r"\b(?:(?:hab|habe) (?:mir |ich )?(?:schon|bereits) (?:uberlegt|ausgedacht|"
             r"ausgerechnet) "
             r"wie|ando viendo como hacerle|ya se como (?:hacerlo|lo voy a hacer)|"
             r"je sais deja comment|"
             r"jai deja (?:trouve|choisi) comment|ja sei como vai ser|"
             r"ja sei como fazer)(?= *(?:$|[|.!?,;:]))")
_SLANG_WISH = (r"\b(?:quiero|me quiero|ganas de|quisiera) (?:\w+ )?(?:petatear(?:me)?|"
               r"colgar los tenis|"
               r"estirar la pata|chupar faros)\b|\b(?:ich|mich) (?:\w+ ){0,3}(?:unaliven|"
               r"despawnen)\b")
_BURDEN = (r"\b(?:(?:viver|vivir|vivre|leben|ficar|estar|estarian|seriam|iam viver|iam ficar|"
           r"vivirian) (?:\w+ ){0,2}(?:melhor|mejor|mieux|besser|mais leve|mais leves|"
           r"mas tranquil\w*|"
           r"leichter) (?:sem|sin|sans|ohne) (?:mim|vc|voce|uma mae|um pai|eu|mi|moi|mich|"
           r"esta carga)|"
           r"sin mi (?:cobrarian|tendrian|estarian|vivirian)|(?:je ne suis|"
           r"jsuis) plus (?:pour eux |"
           r"pour elle |pour lui )?qu ?une (?:charge|poids|fardeau)|leur epargner (?:ma|mon) "
           r"(?:\w+ )?(?:decheance|declin|existence))\b")
_SHOULD_HAVE = (r"\b(?:tive azar de nao ter sido eu|devia ter sido eu|deveria ter sido eu|"
                r"tendria que "
                r"haber sido yo|debi ser yo|ca aurait du etre moi|cetait a moi dy aller|"
                r"hatte ich sein "
                r"sollen|warum nicht ich)\b")
_TRACKS_TIME = (_THINK_OF + r"(?: \w+){0,6}? (?:a la|a|en|an die|an|na|no) (?:la |las |os |as |"
                            r"die )?"
                r"(?:voie ferree|vias|gleise|linha do trem|linha|via del tren|rails)\b")

ACT_PATTERNS = ACT_PATTERNS + (
    _p("hopelessness", _ENVY + r"[^.!?|]{0,60}" + _AT_REST + "|" + _AT_REST + r"[^.!?|"
                               r"]{0,60}" + _ENVY,
       reason="envies someone who died", other_ok=True, current=True, negatable=False),
    _p("hopelessness", _ENVY, requires=_AT_REST + r"|\b(?:se fue|parti|partie|morreu|morto|"
       r"gestorben|tot|fallecio|murio|aufghangt|aufgehangt|eingeschlafert|so friedlich|"
       r"euthanasi\w*|eutanasi\w*|sacrificad[oa]|piquee?)\b", reason="envies someone who died",
       other_ok=True, current=True, near=True),
    _p("plan", r"(?=" + _GO + r")" + _LEISURE + _PURPOSE + _GO_PLACE,
       requires=r"\b(?:" + _WEEKDAY + r"|noite|noche|"
                                                         r"nuit|nacht|"
       r"abends|manana|demain|morgen|amanha|si|se|wenn|falls|sollte|ya ni pedo|horaires|"
       r"menos gente|moins de monde|keiner|nadie|personne|ninguem|niemand)\b", near=True,
       reason="plans to go to a height, water or rails", current=True),
    _p("plan", _FROM_HIGH + _LEISURE + _JOKE, reason="describes a plan, method or attempt"),
    _p("plan", _AMMO, requires=r"\b(?:fusil|gewehr|flinte|escopeta|pistola|revolver|carabine|"
       r"rifle|arma|waffe|arme)\b", reason=_PREP, near=True),
    _p("preparation", _ROPE_BOUGHT, requires=r"\b(?:personne|nadie|ninguem|niemand|keiner|demande|"
       r"pregunto|perguntou|gefragt|garage|grenier|poutre|viga|balken|ce soir|esta noche|heute "
       r"nacht|hoje a noite|prete|lista|bereit|pronta|demenag\w*|jdemenag\w*|mudanza|umzug|"
       r"guardad[oa]|armario|escondid[oa]|versteckt|cachee?|placard|schrank)\b",
       near=True, reason=_PREP),
    _p("plan", _TESTED, reason=_PREP),
    _p("plan", r"\b(?:corde|strick|seil|soga|cuerda|corda)\b(?: \w+){0,2}? (?:est |esta |ist |ta |"
       r"liegt )?(?:prete|lista|bereit|pronta|preparad[ao]|preparee?|parat|fertig)\b",
       reason=_PREP),
    _p("plan", _GAS, requires=r"\b(?:ventanas|fenetres|fenster|janelas|puertas|portes|turen|"
       r"portas|esta noche|ce soir|heute nacht|hoje a noite)\b", reason=_PREP),
    _p("indirect", _SORRY_FOR, reason="says goodbye or puts their affairs in order",
       negatable=False),
    _p("indirect", _UNKNOWING, reason="says goodbye or puts their affairs in order",
       negatable=False, other_ok=True),
    _p("hopelessness", _NOTHING_HOLDS + _NOT_A_PLACE,
       reason="hopelessness or feeling like a burden",
       negatable=False, current=True),
    _p("ideation", _END_IT, reason="expresses thoughts of suicide", current=True),
    _p("ideation", _PT_END + _END + _JOKE, requires=r"\b(?:se|quando|nem e zoeira|serio|de vez|"
       r"esta semana|este mes|hoje|amanha|fardo|farta|farto|"
       r"desta vez|ja nao tenho)\b", reason="expresses thoughts of suicide"),
    _p("indirect", _NO_RETURN_TRIP, reason="plans to go somewhere and not come back",
       negatable=False),
    _p("passive", _NOT_SWERVE, requires=r"\b(?:carro|camiao|caminhao|onibus|coche|camion|auto|"
       r"voiture|wagen|lkw|bus)\b", reason="asks to be taken from life", negatable=False,
       near=True),
    _p("ideation", _LEAVE_WORLD, requires=r"\b(?:eu|penso|quero|queria|vontade|preciso|vou)\b",
       reason="expresses thoughts of suicide"),
    _p("plan", _KNOW_HOW, requires=r"\b(?:weg|schluss|aus|ende|tot|nicht mehr|no le veo caso|ya no|"
       r"petatear|morir|viaduto|ponte|pont|plus la|nao aguento|sexta|sabado|noite)\b",
       reason="says they know how", near=True, negatable=False),
    _p("ideation", _SLANG_WISH, reason="expresses thoughts of suicide"),
    _p("indirect", _BURDEN, reason="feels a burden to the people they love", negatable=False),
    _p("passive", _SHOULD_HAVE, requires=r"\b(?:morreu|murio|mort|gestorben|tot|faleceu|fallecio|"
       r"decede|morte|muerte|tod)\b", reason="a passive wish to be dead", near=True,
       negatable=False),
    _p("plan", _TRACKS_TIME, requires=r"\b(?:pleine vitesse|toda velocidad|toda velocidade|vollem "
       r"tempo|\d+ ?h ?\d+|passe|pasa|passa|kommt)\b", reason="describes a plan, method or attempt",
       near=True),
)

_REGRET_ALIVE = (r"\b(?:la proxima (?:vez )?no fallo|la proxima vez lo hago bien|"
                 r"nachstes mal (?:richtig|"
                 r"klappt es)|la prochaine fois (?:ce sera la bonne|je le ferai bien)|"
                 r"da proxima vez "
                 r"(?:nao falho|eu consigo|faco direito)|dommage que (?:ca|cela) (?:nait|ait) pas "
                 r"marche|ce que je regrette cest quon mait trouvee?|froh bin ich daruber nicht|"
                 r"leider (?:hat|hats) (?:es )?nicht geklappt|lastima que no funciono|pena que nao "
                 r"deu certo|nachstes mal sag ich niemandem\w*|la proxima no se lo digo a nadie|la "
                 r"prochaine fois je ne dirai rien|da proxima vez nao conto a ninguem)\b")
_AFTER_CARE = (r"\b(?:klinik|krankenhaus|notaufnahme|versuch\w*|alta|hospital|urgencias|urgences|"
               r"sortie?|medocs|tentative|intente|intento|tentei|tentativa|pronto socorro|garage|"
               r"motor|gefunden|encontraron|trouvee?|encontrou|intensivstation|intensiv|uci|uti|"
               r"reanimation|reanimacion)\b")
_ENGINE = (r"\b(?:bei laufendem motor|motor laufen (?:lassen|liess)|con el motor (?:encendido|"
           r"en marcha)|"
           r"moteur (?:allume|en marche|qui tourne)|motor ligado|com o motor a trabalhar)\b")
_READY_LIST = (r"\b(?:listo|lista|pronto|pronta|je suis prete?|tout est regle(?: pour apres)?|"
               r"alles "
               r"geregelt|bin bereit|ich bin so weit|tudo certo)(?= *(?:$|[|.!?,;:]))")
_LIST_ITEMS = (r"^(?=.*\b(?:carta|cartas|lettre|lettres|brief|briefe|mensagem|abschiedsbrief)\b)"
               r"(?=.*\b(?:llaves|chaves|senhas|codes?|passw\w*|passwort|contrasenas|perro|gato|"
               r"chat|chien|hund|katze|cachorro|cao|schlussel|cles|clefs|banco|banque|bank)\b)")
_EN_FINIR = (r"\b(?:jen finis|je vais en finir|jvais en finir|je veux en finir|en finir (?:est|=) "
             r"(?:la )?seule (?:option|issue|solution))(?! avec)\b")
_SCHLUSS = (r"\b(?:schluss mit allem|mit allem schluss|(?:mach|mache) (?:ich )?(?:bald |jetzt )?"
            r"schluss,? nicht mit (?:jemandem|ihm|ihr|dir),? (?:sondern )?mit allem)\b")
# "nicht mit jemandem, mit allem" after "ich mach Schluss" in the sentence before
_WITH_ALL = r"\bnicht mit (?:jemandem|ihm|ihr|dir),? (?:sondern )?mit allem\b"
_TERMINO = (r"\b(?:el \w+|manana|esta noche|hoy|pronto) (?:termino|acabo) con todo\b|"
            r"\b(?:meter o pe|"
            r"sair|largar) (?:dessa|desta) vida\b")
_GONE_BY = (r"\b(?:dici la|d ici la|dimanche|demain|ce soir|lundi|mardi|mercredi|jeudi|vendredi|"
            r"samedi)\b[^.!?|]{0,12}\bje serai (?:parti|partie)\b")
_HOW_PAINLESS = (r"\b(?:buscando|busque|busco|pesquis\w*|recherch\w*|cherch\w*|gesucht|lese ich|"
                 r"gelesen|googl\w*|foros|foruns|forums|foren)\b[^.!?|]{0,40}\b(?:sin que duela|"
                 r"sem "
                 r"doer|sem dor|sans souffrir|sans douleur|schmerzlos|am sichersten|sicherste "
                 r"methode|welche methode|que metodo|quel moyen|qual metodo|comment dautres sy "
                 r"etaient pris)\b")

ACT_PATTERNS = ACT_PATTERNS + (
    _p("plan", _REGRET_ALIVE, requires=_AFTER_CARE, reason="tells of a recent attempt",
       near=True, current=True, negatable=False),
    _p("plan", _ENGINE, requires=r"\b(?:garage|garagem|garaje|versucht|tentei|intente|tente|"
       r"schlauch|manguera|mangueira|tuyau|tor zu)\b", reason="describes a plan, method or attempt",
       near=True, current=True),
    _p("indirect", _READY_LIST, requires=_LIST_ITEMS, reason="says goodbye or puts their affairs "
       "in order", near=True, negatable=False),
    _p("ideation", _EN_FINIR, reason="expresses thoughts of suicide", current=True),
    _p("ideation", _SCHLUSS, reason="expresses thoughts of suicide", current=True,
       negatable=False),
    _p("ideation", _WITH_ALL, requires=r"\bschluss\b", reason="expresses thoughts of suicide",
       current=True, negatable=False, near=True),
    _p("ideation", _TERMINO + _JOKE, reason="expresses thoughts of suicide", current=True),
    _p("indirect", _GONE_BY, requires=r"\b(?:au revoir|adieu|lettre|mail|mails|programme|envoi|"
       r"message)\b", reason="says goodbye or puts their affairs in order", near=True),
    _p("plan", _HOW_PAINLESS, reason="describes preparing the means or a plan", current=True),
)

_GONE_FOR_GOOD = (r"\b(?:je men vais|je pars|me voy|me largo|ich gehe|ich bin weg|vou embora|"
                  r"eu vou)"
                  r"(?: \w+){0,3}? (?:pour de bon|pour toujours|para siempre|de vez|fur immer|"
                  r"para sempre)\b")
_OF_LIFE = (r"\b(?:de la vie|de la vida|da vida|aus dem leben|del mundo|du monde|deste mundo|von "
            r"der welt)\b")
_AGENTS = (r"\b(?:(?:me renseigner|renseigne|informarme|informar me|mich informiert|informiert|"
           r"pesquisei|pesquisando|busque|buscando|cherche|gelesen|nachgelesen)\b[^.!?|]{0,30}\b"
           r"(?:pentobarbital|nembutal|barbituri\w*|cyanure|cianuro|cianeto|zyankali|"
           r"natriumnitrit|nitrito de sodio|nitrite de sodium)|(?:uber|zu) (?:pentobarbital|"
           r"nembutal|barbiturate\w*|zyankali|natriumnitrit)\b[^.!?|]{0,20}\b(?:informiert|"
           r"gelesen|recherchiert|nachgelesen|gesucht))\b")
_IF_SCHLUSS = r"\b(?:wenn|falls|sollte)\b[^.!?|]{3,80}\b(?:mache|mach) ich schluss\b(?! mit \w)"
_WHY_STAY = (r"\b(?:je ne vois pas|no veo|nao vejo|ich sehe nicht|ich weiss nicht) (?:pourquoi|por "
             r"que|porque|por qu[e]|warum) (?:je resterais|me quedaria|seguiria|ficaria|ich "
             r"bleiben sollte|ich noch bleiben soll)\b")
_SAID_ALL = (r"\b(?:(?:ich )?(?:hab|habe) alles gesagt,? was ich sagen wollte|jai dit tout ce que "
             r"je "
             r"voulais dire|dije todo lo que queria decir|disse tudo o que queria dizer)\b")

ACT_PATTERNS = ACT_PATTERNS + (
    _p("ideation", _GONE_FOR_GOOD, requires=_OF_LIFE, reason="expresses thoughts of suicide",
       near=True, current=True),
    _p("plan", _AGENTS, reason="describes preparing the means or a plan", current=True),
    _p("ideation", _IF_SCHLUSS, requires=r"\b(?:geplant|plan|abend|weiss wie|entschieden|"
       r"vorbereitet)\b", reason="expresses thoughts of suicide", near=True),
    _p("hopelessness", _WHY_STAY, reason="hopelessness or feeling like a burden", current=True,
       negatable=False),
    _p("indirect", _SAID_ALL, requires=r"\b(?:geschenkt|verschenkt|regale|donne|dei|abschied|"
       r"adieu|despedida|der beste|la mejor|le meilleur|o melhor|la meilleure|a melhor)\b",
       reason="says goodbye or puts their affairs in order", near=True),
)

# ---- from text rounds sixteen and seventeen ------------------------------------------------
_DECISION_FALLEN = r"\bdie entscheidung (?:ist|wurde) (?:gefallen|getroffen)\b"
_AFFAIRS = (r"\b(?:gekundigt|passworter|abgemeldet|abschied\w*|ruhig|testament|aufgeraumt|"
            r"ordenado|regale|despedi\w*|deixei|adieu|resilie|mots de passe)\b")
_WATER_NO_RETURN = (r"\b(?:an den|zum|in den|ans|an die) (?:see|fluss|meer|rhein|strand|"
                    r"\w*bruck\w*|steinbruch|klippe\w*)\b[^.!?|]{0,40}\bund (?:komme|kehre|kehr|"
                    r"komm) (?:nicht|nie) (?:mehr )?zuruck\b")
_FAREWELL_WRITTEN = (r"\babschiedsbrief\w* (?:geschrieben|fertig|verfasst)\b|\b(?:cartas? de "
                     r"despedida|lettres? d adieu|cartas? de despedida) (?:escritas?|ecrites?|"
                     r"prontas?|listas?)\b")
_METRES = (r"\b(?:estuve|estoy|ando|estava|tava|ando) (?:viendo|mirando|buscando|calculando|vendo|"
           r"pesquisando) (?:cuant[oa]s?|quant[oa]s?) (?:metros|pisos|plantas|andares)\b")
_HIGH_WORDS = (r"\b(?:puente|edificio|piso|balcon|autopista|azotea|viaducto|ponte|predio|"
               r"viaduto|arribas?)\b")
_END_THIS = (r"\b(?:el \w+|manana|esta noche|hoy|pronto)(?: a la noche| en la noche| por la "
             r"noche)? (?:termino|acabo) con esto\b")
_NOT_HERE_WHEN = (r"\bno (?:creo|pienso) que (?:siga|este|estare|seguire) (?:aqui|viva|vivo|aca) "
                  r"cuando\b|\bnao (?:acho|creio) que (?:ainda )?(?:esteja|estarei|vou estar) "
                  r"(?:aqui|viva|vivo) quando\b")
_WHICH_DOSE = r"\b(?:chercher|cherche|a chercher|je cherche) (?:quelle|la) (?:dose|hauteur)\b"
_NOBODY_SEES = (r"\bpersonne ne me verra (?:partir|sortir|y aller|descendre)\b|\bnadie me vera "
                r"(?:salir|irme|ir)\b|\bninguem (?:me )?vai me ver (?:sair|ir)\b")
_WATER = (r"\b(?:canal|riviere|pont|gare|voie|voies|falaise|lac|mer|seine|rio|rambla|mar|"
          r"vias?|tren|ponte|linha|trem)\b")
_FOUND_IN_TIME = (r"\b(?:je )?regrette (?:quon|qu on|que lon) m ?ait (?:trouvee?|sauvee?|"
                  r"retrouvee?|ramenee?)\b|\bme arrepiento de que me (?:encontraran|"
                  r"hayan encontrado|salvaran)\b|\b(?:me )?arrependo de (?:me )?terem "
                  r"(?:encontrado|salvado)\b")
_LEAST_PAINFUL = (r"\b(?:la )?(?:facon|maniere|methode) la (?:moins douloureuse|plus douce|plus "
                  r"rapide) de (?:partir|mourir|en finir|me tuer)\b|\b(?:la )?(?:forma|manera) "
                  r"(?:menos dolorosa|mas rapida) de (?:morir|irme|matarme|acabar)\b|\b(?:a )?"
                  r"(?:forma|maneira) (?:menos dolorosa|mais rapida) de (?:morrer|partir|me "
                  r"matar)\b|"
                  r"\bdie (?:schmerzloseste|sanfteste|schnellste) art,? (?:zu sterben|zu gehen|"
                  r"mich umzubringen)\b")
_DAY_CHOSEN = (r"\b(?:ja )?escolhi o dia\b|\b(?:ya )?(?:elegi|escogi) el dia\b|\bjai (?:deja )?"
               r"choisi le jour\b|\bden tag (?:hab ich|habe ich) (?:schon )?(?:ausgesucht|gewahlt|"
               r"festgelegt)\b")
_DAY_CHOSEN_WITH = (r"\b(?:acabo|acabar|termino|terminar|en finir|schluss|arribas?|farol|ponte|"
                    r"puente|pont|brucke|chave|llave|cle|deixei|deje|laisse|isto|esto)\b")

_IN_ORDER_AFTER = (r"\b(?:tout|que tout soit|tout soit) en ordre pour (?:apres|lapres|la suite)\b|"
                   r"\btodo en orden para (?:despues|cuando no este)\b|\btudo em ordem para "
                   r"(?:depois|quando eu nao estiver)\b|\balles (?:in ordnung|geregelt) fur "
                   r"(?:danach|nachher)\b")
_HURT_WITH_BLADE = (r"\b(?:haciendome|hacerme|me hago|me hice|me estoy haciendo) dano con "
                    r"(?:la |el |una |un )?(?:cuchilla|navaja|hoja|tijeras|compas|vidrio|cristal|"
                    r"sacapuntas)\b")

ACT_PATTERNS = ACT_PATTERNS + (
    _p("indirect", _IN_ORDER_AFTER, reason="says goodbye or puts their affairs in order",
       current=True),
    _p("self_harm", _HURT_WITH_BLADE, requires=r"\b(?:noches|otra vez|de nuevo|como en|tiritas|"
       r"mangas|nadie|escondo|escondi|llevo)\b", reason="describes hurting themselves",
       near=True, current=True),
    _p("plan", _DECISION_FALLEN, requires=_AFFAIRS, reason="describes preparing the means or a "
       "plan", near=True, current=True),
    _p("plan", _WATER_NO_RETURN, reason="describes preparing the means or a plan", current=True),
    _p("plan", _FAREWELL_WRITTEN, requires=_AFFAIRS + r"|\b(?:richtig an|es fuhlt sich richtig)\b",
       reason="says goodbye or puts their affairs in order", near=True, current=True),
    _p("plan", _METRES + _NOT_STUDY, requires=_HIGH_WORDS,
       reason="describes preparing the means or a plan", near=True),
    _p("ideation", _END_THIS, requires=r"\b(?:regale|ordenado|despedi\w*|carta|nadie|todo listo|"
       r"deje|ya esta)\b", reason="expresses thoughts of suicide", near=True, current=True),
    _p("indirect", _NOT_HERE_WHEN, reason="says goodbye or puts their affairs in order",
       current=True),
    _p("plan", _WHICH_DOSE, requires=r"\b(?:hauteur|combien de temps|historique|efface|mortelle|"
       r"letale|pont|fenetre|nuits)\b", reason="describes preparing the means or a plan",
       near=True),
    _p("plan", _NOBODY_SEES, requires=_WATER, reason="describes preparing the means or a plan",
       near=True),
    _p("plan", _FOUND_IN_TIME, reason="describes preparing the means or a plan", current=True,
       negatable=False),
    _p("plan", _LEAST_PAINFUL, reason="describes preparing the means or a plan", current=True),
    _p("plan", _DAY_CHOSEN, requires=_DAY_CHOSEN_WITH, reason="describes preparing the means or a "
       "plan", near=True, current=True),
)

# Every pattern above needs one of these stems in its sentence (see crisis._TRIGGER).
ACT_TRIGGER = (
    r"en ordre|en orden|em ordem|in ordnung|geregelt|haciendome|hacerme|me hago|me hice|"
    r"me estoy|entscheidung|zuruck|abschiedsbrief|despedida|adieu|viendo|mirando|buscando|"
    r"calculando|"
    r"vendo|pesquisando|con esto|creo que|pienso que|acho que|creio que|dose|hauteur|"
    r"personne ne|nadie me|ninguem|regrette|arrepiento|arrependo|facon|maniere|methode|forma|"
    r"manera|maneira|schmerzlos|sanfteste|schnellste|escolhi|elegi|escogi|choisi|den tag|"
    r"cort|queme|queim|quem|raj|lastim|coup|ouvert|entaill|brul|scarif|taillad|cram|mutil|lacer|"
    r"ritz|schnitt|schneid|verbrann|verbrenn|klinge|machuc|arranh|kopf|schadel|tete contre|"
    r"cabeza contra|cabeca|comprei|compre|achete|gekauft|cuant|quant|combien|cb|wie viel|wieviel|"
    r"wie viel|wia vui|welche menge|ab welchem|la dose|la dosis|a dose|altura|hauteur|hohe|"
    r"wie hoch|wia hoch|lo vengo|lo tengo guardado|tengo guardado|jen ai assez|es sind|san gnua|"
    r"ja da para|regal|di\b|dado|deje|pase|repart|donne|file|offert|legue|geschenkt|verschenkt|"
    r"vertickt|vermacht|weitergegeben|dei\b|deixei|entreg|passei|doei|ya no|no la|no lo|no las|"
    r"no los|aurai|aura|besoin|brauch|werde|hingeh|precis|no fundo|sabe|sait|capte|weiss|tant que|"
    r"problema|quedo todo|en orden|en ordre|erledigt|tratado|cuando|wenn|quand|lorsque|serai|"
    r"bin\b|estarei|vou estar|carta|lettre|brief|abschied|mensaje|mensagem|msg|post|decid|elegi|"
    r"se lo que|decision|choisi|resolu|entschied|entschluss|escolhi|sei o que|resolvi|tome|"
    r"trague|tomei|engoli|avale|pris|schluck|genommen|gnomma|eingeworfen|intente|tentado|"
    r"versuch|tente|tentei|me voy|irme|reunir|rejoindre|komm|platz frei|will zu|ir ter|junto|"
    r"onde|salgo|vuelvo|regreso|volver|rentrerai|reviendrai|leau|bleib|kimm|nimma|aus is|volto|"
    r"sem volta|saute|tiro|echo|meto|estrell|lanzo|fonce|jette|fahr|jogo|bato|seria|pasito|paso|"
    r"serait|ware|waere|dios|senor|virgen|llevame|dieu|seigneur|viens me|prends moi|gott|herr|"
    r"nimm mich|hol mich|senhor|deus|jesus|me leve|acuest|dormir|duerma|despert|endorm|"
    r"einschlaf|aufstehn|schlaf|adormec|desligar|borrar|disparai|effacer|verschwind|fort\b|"
    r"sumir|desaparec|mg\b|clonazepam|rivotril|alprazolam|xanax|lorazepam|ativan|diazepam|valium|"
    r"tylenol|paracetamol|ibuprofen|tramadol|insulin|ansiolit|medikament|medicament|benzo|somnif|"
    r"pastill|pildor|comprim|cachet|pilul|tablett|pill|remedio|medic|calmant|jenvie|jalou|envid|"
    r"beneid|neidisch|invej|subo|voy|ire\b|jirai|prends le train|vais|fahr|gehe|geh\b|vou\b|"
    r"irei|ir ate|jogar|atirar|pular|saltar|tirarme|aventarme|tirar|lancer|sauter|crisser|"
    r"garrocher|pitcher|jeter|springen|sturzen|fallen lassen|achete|compre|gekauft|besorgt|"
    r"consegui|gurtel|ceinture|cinturon|cinto|strick|seil|corde|soga|corda|abro|abrir|ouvrir|"
    r"jouvre|ouvre|dreh|perdon|disculp|pardon|desole|dsl\b|verzeih|entschuldig|sorry|desculp|"
    r"perdo|sin\b|sans\b|ohne\b|checken|checkt|sem\b|retien|retient|nada me|nichts halt|"
    r"por quem|ninguem por|mettre|en finir|ein ende|abgeschlossen|ponerle|por fim|pr fin|acabo|"
    r"acabar|resolvo|sem volta|sin vuelta|sin retorno|sans retour|ohne wiederkehr|"
    r"ohne ruckkehr|desviar|esquivar|apartar|esquiver|ecarter|ausweich|weiche|embora|sair|"
    r"partir|uberlegt|ausgedacht|ausgerechnet|ando viendo|ya se como|je sais deja|jai deja|"
    r"ja sei como|petatear|colgar los tenis|estirar la pata|chupar faros|unaliven|despawnen|"
    r"viver|vivir|vivre|leben|ficar|estar|seriam|iam\b|cobrarian|tendrian|vivirian|je ne suis|"
    r"jsuis|epargner|tive azar|devia ter|deveria ter|tendria que|debi ser|aurait du|cetait a moi|"
    r"hatte ich|warum nicht|pense|pienso|penso|denke|denk\b|griff|grattee|blutig|wund|qual andar|"
    r"que piso|quel etage|stockwerk|no es por eso|nao e por isso|pas pour ca|deswegen|darum|"
    r"se acabo|acabou|cest fini|schluss|ausloggen|reve|proxima|nachstes mal|prochaine fois|"
    r"dommage|regrette|froh bin|geklappt|lastima|pena que|motor|moteur|listo|lista|pronto|pronta|"
    r"prete|regle|geregelt|bereit|so weit|tudo certo|jen finis|en finir|termino|meter o pe|"
    r"largar|dici|d ici|serai|buscando|busque|busco|pesquis|recherch|cherch|gesucht|lese ich|"
    r"gelesen|googl|foros|foruns|forums|foren|mit allem|beneid|envie|je men vais|je pars|me voy|"
    r"me largo|ich gehe|bin weg|vou embora|eu vou|renseign|informar|informiert|pentobarbital|"
    r"nembutal|barbitur|cyanure|cianuro|cianeto|zyankali|nitrit|wenn|falls|sollte|ne vois pas|"
    r"no veo|nao vejo|sehe nicht|weiss nicht|alles gesagt|dit tout|dije todo|disse tudo|"
    r"cuando|quand je|wenn ich|quando|nachstes mal|la proxima|prochaine fois|da proxima|"
    r"elle ne sait|il ne sait|no sabe|ahnt nicht"
)
