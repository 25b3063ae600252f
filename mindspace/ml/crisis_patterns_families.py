"""Phrase families for the crisis screen in Spanish, French, German and Portuguese (data only).

Where :mod:`crisis_patterns_intl` lists phrasings, these tables compose them: a first-person
lead (a wish, a plan, a decision, a conditional: "quiero", "he decidido", "j'ai envie de",
"ich habe beschlossen", "tô a fim de", "apetece-me") followed by any member of a family of
self-directed acts ("matarme", "quitarme la vida", "me foutre en l'air", "mich aufzuhängen",
"me enforcar"), with the pronoun before or after the verb and the present, future and
conditional forms ("me mato", "je me tire une balle", "häng ich mich auf", "eu me enforco").
Also: researching a method, "only the day is left to choose", peace since deciding, passive
wishes not to exist, burden "sin alguien como yo", apologies as goodbyes, regional forms
(Québécois "j'ai pu le goût de vivre", Swiss "nüme läbe"). Same context checks as the other
tables; everyday idioms ("me mato a estudiar", "je me tue à la tâche", "me matar de
trabalhar") are excluded where they are built from the same words.
"""

from __future__ import annotations

from mindspace.ml.crisis_patterns import Pattern, _p
from mindspace.ml.crisis_patterns_forms import PILL_WORDS
from mindspace.ml.crisis_patterns_forms import PLACE_WORDS as _PLACE

_END = r"(?= *(?:$|[|.!?,;:]))"
# a bare first-person verb ends its clause or is followed by a time, "and", or "for real"
_BARE = (r"(?= *(?:$|[|.!?,;:]| (?:hoy|esta noche|manana|ya|y|e|de verdad|en serio|te lo juro|"
         r"lo juro|hoje|amanha|esta noite|serio|ce soir|demain|cette nuit|aujourd ?hui|pour de "
         r"vrai|avec|et|con|com)\b))")
# the shared medicine words and named drugs
_PILLS_ANY = (r"\b(?:" + PILL_WORDS + r"|clonazepam|rivotril|alprazolam|xanax|"
              r"diazepam|valium|lorazepam|lexomil|tranxene|tavor|zolpidem|stilnox|tramadol|"
              r"paracetamol|doliprane|dafalgan|ibuprofen\w*|tilidin|quetiapin\w*|insulin\w*|"
              r"opioid\w*|morfin\w*|morphin\w*|benzo\w*|antidepresiv\w*|antidepresseur\w*|"
              r"antidepressiv\w*|antidepressivo\w*)\b")
_JOKE = (r"(?![^.!?|]{0,30}\b(?:ja(?:ja)+\w*|je(?:je)+|jsjs\w*|xd|lol|mdr|ptdr|kk+|haha\w*|"
         r"rs(?:rs)+)\b)")

# a word between the lead and the act that is not a negation ("quiero no ...", "ich will
# nicht ...", "je veux pas ...", "quero nao ...")
_W_ES = r"(?:(?!no\b|nunca\b|jamas\b)\w+ )"
_W_FR = r"(?:(?!pas\b|plus\b|jamais\b|ne\b|n\b)\w+ )"
_W_DE = r"(?:(?!nicht\b|nie\b|niemals\b|kein\w*\b|vor\b)\w+ )"
_W_PT = r"(?:(?!nao\b|nunca\b|jamais\b)\w+ )"

# ---- Spanish ----------------------------------------------------------------------------
# any lead (a wish, a plan, a decision) before an act against oneself
_ES_LEAD = (r"(?:pens\w* (?:\w+ )?en|quiero|quisiera|voy a|pienso|pense en|pensando en|"
            r"pensar en|tengo ganas de|"
            r"ganas de|necesito|deberia|debo|decidi|he decidido|me decidi a|me gustaria|intentar|"
            r"intente|a punto de|planeo|planeando|estoy por|es hora de|la forma de|la manera de|"
            r"el valor de|valor para|fuerzas para|lo mejor es|podria|puedo|ya toca|me toca)")
# only a wish before dying or not existing ("voy a morir" is also fear or illness)
_ES_WISH = (r"(?:fantaseo con|sueno con|quiero|quisiera|tengo ganas de|ganas de|necesito|me "
            r"gustaria|deseo|solo pido|lo unico que quiero es)")
_ES_ACT = (r"(?:matarme|suicidarme|quitarme la vida|acabar con (?:mi vida|todo|esto)|terminar con "
           r"(?:mi vida|todo)|ahorcarme|colgarme(?! (?:la|el|los|las|del telefono)\b)|tirarme "
           r"(?:a|al|del|de|desde|por)(?! (?:la )?(?:piscina|pileta|alberca)\b| (?:al )?agua\b)|"
           r"aventarme|lanzarme (?:a|al|del|desde|por)|pegarme un tiro|"
           r"darme un tiro|volarme la cabeza|cortarme las venas|envenenarme|desaparecer (?:para "
           r"siempre|del mapa|de una vez|de este mundo)|dejar de existir|irme para siempre|"
           r"irme de este mundo|dejar este mundo)")
_ES_DIE = (r"(?:morir(?:me)?|no despertar(?:me)?|estar muert[oa]|dormir para siempre|no existir)")
_ES_IDIOM = (r"(?! (?:a |de )?(?:la |el )?(?:estudiar|trabajar|risa|la risa|verguenza|hambre|"
             r"sueno|calor|frio|ganas|aburrimiento|envidia|celos|amor|cansancio|entrenar|correr)\b)")

# ---- French -----------------------------------------------------------------------------
_FR_LEAD = (r"(?:je pense (?:\w+ )?a|je veux|jveux|j veux|je voudrais|jvoudrais|jai envie|envie|"
            r"je vais|jvais|je compte|"
            r"je pense|jpense|jai pense|jai decide|je suis decidee?|jaimerais|je devrais|je "
            r"pourrais|je songe|prete?|a deux doigts|je prevois|le courage|la force|tente|lidee|"
            r"je vais finir par|il faut que je)")
_FR_WISH = (r"(?:je veux|jveux|j veux|je voudrais|jvoudrais|jai envie|envie|jaimerais|je souhaite|"
            r"je prefererais)")
_FR_ACT = (r"(?:me tuer|me suicider|me pendre|me jeter (?:du|d|de la|sous|par|devant|dans)|sauter "
           r"(?:du|d|de la|sous|par|dans|devant)|me foutre en l ?air|me flinguer|me buter|me tirer "
           r"une balle|mettre fin a (?:mes jours|ma vie)|en finir(?! avec (?!la vie|ma vie|tout))|"
           r"disparaitre (?:pour toujours|pour de bon|a jamais)|ne plus (?:etre la|exister)|me "
           r"noyer(?! dans (?:le|les|mon|mes|la|l|du|des|de) ?(?:\w+ )?(?:travail|boulot|taf|"
           r"dossiers|devoirs|paperasse|larmes|revisions|series|livres|cours|exams?|examens|"
           r"emails|mails|copies|verre|biere|alcool|chocolat|glace)\b)|m ?ouvrir les veines|me "
           r"laisser mourir|(?:en )?me tuant|(?:en )?me suicidant)")
_FR_DIE = (r"(?:quitter (?:ce monde|cette terre|la vie)|partir de ce monde|crever|mourir|"
           r"etre morte?|ne plus me reveiller|dormir pour toujours)")
_FR_IDIOM = (r"(?! (?:a la tache|au travail|a (?:le|vous|te|leur) dire|(?:de|d) ?(?:rire|honte|"
             r"faim|soif|froid|chaud|fatigue|peur|ennui|envie|jalousie))\b)")

# ---- German -----------------------------------------------------------------------------
_DE_LEAD = (r"(?:denke (?:\w+ )?(?:daruber|druber|darueber) nach|(?:denke|uberlege|will|mochte|"
            r"werde|"
            r"plane) ich (?:daran|dran|druber nach|"
            r"ernsthaft|schon)?|ich (?:will|mochte|wurde|werde|werd|plane|uberlege|"
            r"denke (?:daran|dran|druber "
            r"nach)|hab beschlossen|habe beschlossen|habe entschieden|hab entschieden|bin "
            r"entschlossen|bin kurz davor|bin bereit)|wurd ich|am liebsten|den mut|die kraft|"
            r"beschlossen|entschieden|kurz davor|bereit)")
_DE_WISH = (r"(?:(?:will|mochte) (?:nur noch|einfach nur|einfach)|ich (?:will|mochte|"
            r"wurde (?:gerne|lieber)|wunsche mir|sehne mich danach)|am "
            r"liebsten|wurd ich (?:gerne|lieber))")
_DE_ACT = (r"(?:mich " + _W_DE + r"{0,3}?(?:umzubringen|umbringen|zu toten|toten|aufzuhangen|"
           r"aufhangen|zu erhangen|erhangen|zu erschiessen|erschiessen|zu vergiften|vergiften|"
           r"abzuknallen|abknallen|vor (?:den|einen) zug (?:zu )?werfen|zu ertranken|ertranken)|"
           r"vor (?:den|einen|die) (?:zug|u bahn|s bahn|bahn|lkw) (?:zu )?(?:springen|werfen|"
           r"laufen)|(?:von der|vom|von einer|von einem) (?:\w+ )?(?:brucke|dach|hochhaus|balkon|"
           r"turm|klippe|parkhaus) (?:zu )?(?:springen|sturzen)|mir " + _W_DE + r"{0,3}?das "
           r"leben (?:zu )?nehmen|mein leben (?:zu )?beenden|meinem leben ein ende (?:zu )?"
           r"(?:setzen|machen)|mit allem schluss (?:zu )?machen)")
_DE_DIE = (r"(?:weg von dieser welt|diese welt (?:zu )?verlassen|(?:zu )?sterben|"
           r"tot (?:zu )?sein|nicht mehr (?:zu )?leben|nicht mehr da (?:zu )?"
           r"sein|(?:fur immer|spurlos) (?:zu )?verschwinden)")
_DE_IDIOM = r"(?! vor (?:scham|lachen|langeweile|hunger|hitze|kalte|peinlichkeit|neid)\b)"

# ---- Portuguese -------------------------------------------------------------------------
_PT_LEAD = (r"(?:pens\w* (?:\w+ )?em|vou|quero|queria|penso em|pensei em|pensando em|vontade de|"
            r"preciso|devia|"
            r"deveria|decidi|a ?fim de|afim de|tentar|ia|iria|posso|coragem (?:de|pra|para)|hora "
            r"de|plano de|planejando|pront[oa] (?:pra|para)|apetece me|me apetece|tenho de|tenho "
            r"que|so penso em|vou acabar por)")
_PT_WISH = (r"(?:quero|queria|vontade de|preciso|a ?fim de|afim de|apetece me|me apetece|so "
            r"queria|gostaria de|so penso em)")
_PT_ACT = (r"(?:me matar|matar me|me suicidar|suicidar me|tirar (?:a )?minha (?:propria )?vida|"
           r"me enforcar|enforcar me|me jogar (?:da|do|de|na frente)|me atirar (?:da|do|de|para|"
           r"pra|a frente)|atirar me (?:da|do|de|para|pra)|pular (?:da|do|de|na frente|no|"
           r"na)(?! (?:\w+ )?"
           r"(?:paraquedas|bungee|asa delta|trampolim|piscina|parapente|corda|alegria))|dar "
           r"um tiro (?:na cabeca|em mim)|acabar com (?:a )?minha vida|acabar com (?:isto|isso)"
           r"(?: tudo)?|acabar com tudo|por fim a (?:tudo|minha vida|isto|isso)|sumir (?:de vez|"
           r"pra sempre|para sempre)|desaparecer (?:de vez|pra sempre|para sempre)|me envenenar|"
           r"cortar os pulsos)")
_PT_DIE = (r"(?:ir embora (?:deste|desse|do) mundo|deixar (?:este|esse) mundo|sair (?:deste|"
           r"desse) mundo|morrer|nao acordar|estar mort[oa]|dormir pra sempre|dormir para sempre)")
_PT_IDIOM = (r"(?! (?:de )?(?:rir|estudar|trabalhar|vergonha|fome|sono|calor|frio|saudade|tedio|"
             r"inveja|amor|cansaco|correr|treinar)\b)")

FAMILY_PATTERNS: tuple[Pattern, ...] = (
    # a first-person lead and a self-directed act; a wish and dying
    _p("ideation", r"\b" + _ES_LEAD + r" " + _W_ES + r"{0,2}?" + _ES_ACT + r"\b" + _ES_IDIOM
       + _JOKE),
    _p("ideation", r"\b" + _ES_WISH + r" " + _W_ES + r"{0,2}?" + _ES_DIE + r"\b" + _ES_IDIOM
       + _JOKE),
    _p("ideation", r"(?:\bme (?:quiero|quisiera|pienso|gustaria|puedo|podria) (?:\w+ )?(?:matar|"
       r"suicidar|morir|quitar la vida|ahorcar|colgar|tirar (?:a|al|del|de|desde|por)|pegar un "
       r"tiro|envenenar)\b|(?<!que )\bme voy a (?:\w+ )?(?:matar|suicidar|quitar la vida|ahorcar|"
       r"colgar|tirar (?:a|al|del|de|desde|por)|pegar un tiro|envenenar)\b)" + _ES_IDIOM + _JOKE),
    _p("ideation", r"\b(?:yo )?me (?:suicido|quito la vida|ahorco|pego un tiro|doy un tiro|"
       r"matare|suicidare|ahorcare|tirare|envenenare)\b" + _ES_IDIOM + _JOKE),
    # bare "me mato" / "je me tue" only end a clause or come with a time or "for real":
    # "me mato a estudiar", "me mato de trabalhar", "je me tue à la tâche" are idioms
    _p("ideation", r"\b(?:yo |eu )?me mato" + _BARE + r"|\b(?:je|jme|et je) me tue" + _BARE
       + _JOKE),
    _p("ideation", r"(?<!que )\b" + _FR_LEAD + r" " + _W_FR + r"{0,2}?(?:de |d ?|a )?"
       + _FR_ACT + r"\b"
       + _FR_IDIOM + _JOKE),
    _p("ideation", r"\b" + _FR_WISH + r" " + _W_FR + r"{0,2}?(?:de |d ?)?" + _FR_DIE + r"\b"
       + _FR_IDIOM
       + _JOKE),
    _p("ideation", r"\b(?:je|jme|et je) (?:me )?(?:suicide|pends|flingue|bute|noie|tire une "
       r"balle|fous en l ?air)\b" + _FR_IDIOM + _JOKE),
    _p("ideation", r"\b" + _DE_LEAD + r",? " + _W_DE + r"{0,4}?" + _DE_ACT + r"\b" + _DE_IDIOM
       + _JOKE),
    _p("ideation", r"\b" + _DE_WISH + r",? " + _W_DE + r"{0,3}?" + _DE_DIE + r"\b" + _DE_IDIOM
       + _JOKE),
    _p("ideation", r"\b(?:ich )?(?:bring|bringe) (?:ich )?mich (?:\w+ ){0,4}?um" + _END + r"|"
       r"\b(?:ich )?(?:hang|hange) (?:ich )?mich (?:\w+ ){0,4}?auf" + _END + r"|"
       r"\b(?:ich )?(?:erschiess|erschiesse|vergifte) (?:ich )?mich\b|"
       r"\b(?:ich )?(?:nehm|nehme) (?:ich )?mir (?:\w+ ){0,3}?das leben\b|"
       r"\b(?:werf|werfe) (?:ich )?mich (?:\w+ ){0,3}?vor (?:den|einen|die) (?:zug|u bahn|lkw|"
       r"bahn)"),
    _p("ideation", r"\b" + _PT_LEAD + r" " + _W_PT + r"{0,2}?" + _PT_ACT + r"\b" + _PT_IDIOM
       + _JOKE),
    _p("ideation", r"\b" + _PT_WISH + r" " + _W_PT + r"{0,2}?" + _PT_DIE + r"\b" + _PT_IDIOM
       + _JOKE),
    _p("ideation", r"\b(?:eu )?me (?:enforco|suicido|atiro (?:da|do|de|para|pra)|jogo (?:da|"
       r"do|de|na frente))\b" + _PT_IDIOM + _JOKE + r"|\b(?:mato|enforco|atiro) me\b" + _PT_IDIOM),
    # the whole pack of a medicine
    _p("plan", r"\b(?:tomo|tomar|tomarme|me tomo|trago|tragarme|me trago|me voy a tomar|vide|vider|"
       r"avale|avaler|prends|prendre|schlucke|schlucken|nehme|nehm|nehmen|engulo|engolir|tomei|"
       r"engoli|me tome|me trague|jai pris|jai avale) (?:\w+ ){0,3}?(?:(?:el|la|una?|le|toute la|"
       r"tout le|die|das|a|o) (?:\w+ )?(?:bote|caja|frasco|blister|tira|boite|tube|plaquette|"
       r"flacon|packung|schachtel|dose|blister|cartela|caixa|vidro) (?:entera?|enteros?|inteira|"
       r"inteiro|complet[ae]?|ganze)|(?:todo el|toda la|toute la|tout le|die ganze|das ganze|"
       r"a cartela inteira|toda a|todo o) (?:\w+ )?(?:bote|caja|frasco|blister|tira|boite|tube|"
       r"plaquette|flacon|packung|schachtel|dose|cartela|caixa|vidro))\b",
       requires=_PILLS_ANY, near=True),
    # a final time named together with letters or gifts (weak: two cues make a goodbye)
    _p("goodbye_final", r"\b(?:manana|esta noche|el (?:lunes|martes|miercoles|jueves|viernes|"
       r"sabado|domingo))\b[^.!?|]{0,50}\b(?:lo hago|todo (?:se )?acaba|se acaba todo|se termina "
       r"todo|todo termina|sera el final|ya no estare)\b|\b(?:demain|ce soir|cette nuit|samedi|"
       r"dimanche)\b[^.!?|]{0,40}\b(?:ce sera (?:fini|termine)|tout sera fini|tout sarrete|je le "
       r"fais|cest fini|je ne serai plus la)\b|\b(?:morgen|heute nacht|heute abend|am (?:montag|"
       r"dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\b[^.!?|]{0,40}\b(?:ist es vorbei|"
       r"ist alles vorbei|ist schluss|mach ich es|tu ich es|bin ich nicht mehr da)\b|\b(?:amanha|"
       r"hoje a noite|esta noite|no (?:sabado|domingo))\b[^.!?|]{0,40}\b(?:acaba tudo|tudo acaba|"
       r"vai acabar tudo|eu faco|termina tudo|sera o fim|nao estarei mais aqui)\b", weak=True),
    _p("goodbye_letter", r"\bcartas? (?:\w+ ){0,3}?(?:escritas?|prontas?|listas?)\b|\b(?:lettres?|"
       r"mots?) (?:\w+ ){0,3}?(?:ecrite?s?|pretes?)\b|\bbriefe? (?:\w+ ){0,3}?(?:geschrieben|"
       r"fertig)\b|\babschiedsbrief\w*\b", weak=True, other_ok=True),
    # everyone relieved if the writer were gone
    _p("indirect", r"\bsi (?:yo )?(?:ya )?no (?:estuviera|existiera|hubiera nacido)\b|\bsi (?:yo )?"
       r"(?:desapareciera|me muriera|me fuera para siempre)\b|\bsi je (?:n ?etais|"
       r"netais) plus (?:dans|de) (?:leur|sa|ta|votre|ma) vie\b|\bsi je (?:n ?etais|netais) plus "
       r"la\b|\bsi je (?:disparaissais|mourais|n ?existais (?:plus|pas))\b|"
       r"\bwenn ich (?:\w+ )?(?:nicht mehr|weg|tot)(?: \w+){0,4}? (?:ware|waere)\b|"
       r"\bwenn ich (?:nicht "
       r"mehr da|weg|tot|nicht mehr) (?:ware|waere|bin)\b|\bse eu (?:nao estivesse (?:mais )?"
       r"(?:aqui)?|nao existisse|morresse|sumisse|desaparecesse)\b",
       requires=r"\b(?:mejor|tranquil\w*|alivi\w*|feliz|nadie|para que seguir|soulag\w*|mieux|"
       r"heureu\w*|personne|erleichtert|ruhe|besser|glucklich\w*|niemand|aliviad\w*|melhor|ninguem|"
       r"facil|easier|leichter|plus simple)\b", negatable=False),
    # what for, no reason left
    _p("hopelessness", r"\bpara (?:que|que) seguir(?: viviendo| viv[oa]| aqui| asi)?" + _END
       + r"|\b(?:ca|ce|il) (?:ne )?sert a rien de (?:continuer|vivre)\b|\ba quoi bon (?:continuer|"
       r"vivre)\b|\bhat (?:\w+ ){0,2}keinen zweck mehr\b|\bnao adianta (?:mais )?(?:continuar|"
       r"viver|tentar)" + _END + r"|\bpra que continuar\b|\bpara que viver\b", negatable=False),
    _p("passive", r"\b(?:no tengo|no hay|ya no tengo|ya no hay|sin) (?:\w+ ){0,2}?(?:razon|razones|"
       r"motivo|motivos) (?:\w+ ){0,2}?(?:para|de|pa) (?:vivir|seguir|seguir viviendo|seguir "
       r"viv[oa]|estar aqui|seguir aqui|quedarme)\b|\b(?:plus|aucune|pas de|pas d) (?:\w+ ){0,2}?"
       r"raisons? (?:\w+ ){0,2}?(?:de|pour) (?:vivre|rester en vie|continuer|rester la)\b|"
       r"\bkein(?:en)? (?:grund|sinn) mehr,? (?:\w+ ){0,3}?(?:zu leben|am leben zu bleiben|"
       r"weiterzuleben|weiterzumachen|da zu sein)\b|\b(?:nao tenho|nao ha|sem) (?:\w+ ){0,2}?"
       r"(?:motivos?|razao|razoes) (?:nenhum |nenhuma )?(?:\w+ ){0,2}?(?:pra|para|de) (?:viver|"
       r"continuar viv[oa]|continuar|estar aqui|ficar)\b", negatable=False),
    # "I want it all to stop"
    _p("passive", r"\b(?:quiero|necesito|solo quiero) que (?:todo|esto) (?:se )?(?:acabe|termine|"
       r"pare)" + _END + r"|\bje veux (?:juste )?que tout (?:s ?arrete|finisse|soit fini)" + _END
       + r"|\bich will,? (?:dass|das) (?:es|alles) aufhort" + _END + r"|\b(?:quero|preciso|so "
       r"quero) que tudo (?:acabe|termine|pare)" + _END, negatable=False),
    # Bavarian/Austrian "i mag nimma", "i wü nur no sterben"
    _p("ideation", r"\bi (?:mag|mog|wu|wui|will|mecht|mocht) (?:\w+ ){0,3}?(?:sterben|tot sein|"
       r"nimma leben|nimmer leben)\b|\b(?:i|ich) (?:mag|mog) (?:nimma|nimmer|nimmermehr|nume|"
       r"nimme)" + _END, negatable=False),
    # self-harm urges in other words; calm about death
    _p("self_harm", r"\bmir (?:\w+ )?(?:weh zu tun|wehzutun|weh tun|wehtun)\b",
       requires=r"\b(?:lust|drang|will|mochte|muss|bedurfnis|verlangen|gedanke|wieder)\b"),
    _p("ideation", r"\bya no (?:le )?tengo miedo (?:a|de) (?:la muerte|morir(?:me)?)\b",
       negatable=False, current=True),
    # emptying a box of pills; jumping named next to a place
    _p("plan", r"\b(?:vide|vider|vaciar|vacio|vaciarme|leere|leeren|esvaziar|esvazio) (?:\w+ )?"
       r"(?:la|le|une|ma|mon|el|un|mi|die|das|meine|o|a|um|uma) (?:\w+ )?(?:boite|tube|flacon|"
       r"plaquette|bote|frasco|caja|blister|packung|schachtel|dose|cartela|caixa|vidro)\b",
       requires=_PILLS_ANY, near=True),
    _p("plan", r"\b(?:penso em|pensando em|vontade de|quero|vou|pienso en|pensando en|ganas de|"
       r"quiero|voy a|je pense a|envie de|je veux|je vais|daran|dran|will|mochte)(?:,)? (?:\w+ )"
       r"{0,3}?(?:pular|saltar|sauter|springen|zu springen)" + _END, requires=_PLACE, near=True),
    _p("passive", r"\bque no haya (?:un |mas )?manana\b|\bqu ?il n ?y ait (?:pas|plus) de "
       r"demain\b|\bque nao haja (?:um )?amanha\b", negatable=False),
    # "better dead", said plainly (not "rather die than ...")
    _p("passive", r"\b(?:mejor|mas vale) (?:me muero|morirme|morir|estar muert[oa])" + _END
       + r"|\b(?:autant|mieux vaut|plutot) (?:crever|mourir|etre morte?)" + _END
       + r"|\b(?:lieber|besser) tot(?: sein)?" + _END + r"|\b(?:melhor|antes) (?:morrer|estar "
       r"mort[oa])" + _END, negatable=False),
    _p("ideation", r"\b(?:ya )?no quiero (?:mas )?(?:estar|seguir) aqui\b|\b(?:nao|n) quero mais "
       r"(?:ta|estar|ficar) aqui\b|\b(?:jveux|j veux|je veux) plus (?:etre la|vivre)\b",
       negatable=False),
    # resting or sleeping for ever, wished for
    _p("passive", r"\b(?:descansar|dormir) (?:para siempre|eternamente)\b|\b(?:dormir|me reposer) "
       r"pour (?:toujours|de bon)\b|\bfur immer (?:schlafen|einschlafen|ruhen)\b|\b(?:descansar|"
       r"dormir) (?:pra|para) sempre\b", requires=r"\b(?:quiero|quisiera|ojala|solo|je veux|"
       r"jveux|jaimerais|je voudrais|juste|will|mochte|nur noch|quero|queria|so|deseo|"
       r"wunsche)\b", negatable=False),
    # the writer's own death as a date: "I won't see the winter", with a decision
    _p("indirect", r"\bno (?:voy a llegar|llego|llegare) a (?:fin de ano|navidad|mi cumpleanos|el "
       r"verano|el invierno|el ano que viene|la primavera)\b|\bno (?:paso|pasare) de (?:este|esta) "
       r"\w+\b|\bje ne (?:passerai|verrai|feterai) (?:pas|plus) (?:l ?hiver|noel|l ?ete|mon "
       r"anniversaire|la fin de l ?annee|le printemps)\b|\b(?:erlebe|uberlebe) ich nicht mehr\b|"
       r"\bnao (?:passo|passarei) (?:deste|desse|do|da) \w+\b|\bnao (?:passo|passarei|chego|"
       r"chegarei|"
       r"vou chegar) (?:de|a|ao|ate) (?:este|esse|o|a) "
       r"(?:inverno|natal|fim do ano|verao|aniversario|primavera)\b",
       requires=r"\b(?:decidido|decidi\w*|decide\w*|steht fest|beschlossen|entschieden|claro|"
       r"sicher|seguro|certeza)\b", negatable=False),
    # no way out but dying
    _p("ideation", r"\b(?:salida|solucion|opcion|issue|solution|ausweg|losung|option|saida|"
       r"solucao|opcao|autrement)\b[^.!?|]{0,40}\b(?:matarme|suicidarme|quitarme la vida|"
       r"morir(?:me)?|me tuer|(?:qu ?)?en me tuant|me tuant|me suicider|"
       r"(?:qu ?)?en me suicidant|mourir|en finir|mich "
       r"umzubringen|mich zu toten|sterben|mir das leben zu nehmen|me matar|me suicidar|morrer|"
       r"tirar (?:a )?minha vida)\b(?! (?:de|vor|d) ?(?:risa|hambre|rire|faim|lachen|hunger|rir|"
       r"fome|aburrimiento|ennui|langeweile|tedio)\b)"),
    # heights looked up
    _p("plan", r"\b(?:cuanta altura|que altura|lo alto que|cuantos pisos|quelle hauteur|combien "
       r"d ?etages|wie hoch|welche hohe|wie viele stockwerke|qual a altura|quantos andares|a "
       r"altura d)\b", requires=r"\b(?:suficiente|basta|alcanza|assez|suffit|reicht|genug|chega|"
       r"da para|da pra)\b", near=True),
    # cuts on a body part, the writer's own (someone else's is discarded by the subject check)
    _p("self_harm", r"\bcortes (?:en|sobre|por) (?:los|las|el|la|mis|mi) (?:brazos?|muslos?|"
       r"piernas?|munecas?|antebrazos?|tobillos?|barriga|abdomen|caderas?)\b|\b(?:entailles|"
       r"coupures|scarifications) (?:sur|aux|a) (?:les |la |le |mes |ma |mon )?(?:bras|cuisses?|"
       r"poignets?|jambes?|ventre|hanches?)\b|\b(?:arm|arme|oberschenkel|beine?|handgelenke?|"
       r"haut|bauch) (?:\w+ ){0,2}?(?:aufgeschnitten|aufgeritzt|zerschnitten)\b|\bcortes (?:nas|"
       r"nos|no|na|em) (?:meus |minhas )?(?:bracos?|coxas?|pernas?|pulsos?|barriga)\b|\b(?:vuelto|"
       r"volvi) a hacer(?:me)? cortes\b|\brefait des (?:entailles|coupures)\b|\bvoltei a fazer "
       r"cortes\b"),
    # God asked to take the writer
    _p("passive", r"\bprie (?:\w+ ){0,4}?(?:de venir me chercher|de me prendre|de me rappeler|"
       r"qu ?il "
       r"(?:vienne me chercher|me prenne|me rappelle))\b|\bmich (?:\w+ ){0,4}?zu (?:sich|ihm|"
       r"meinem \w+|meiner \w+) zu (?:holen|nehmen)\b", requires=r"\b(?:dieu|seigneur|gott|"
       r"herrgott|herr|jesus|himmel|prie|bete|bitte)\b", negatable=False),
    # pills kept and all taken, with enclitics and compounds ("tomo-os todos", "Herztabletten")
    _p("plan", r"\btomo (?:os|as) (?:todos|todas)\b|\b(?:nehme|nehm|schlucke) ich sie alle\b|\bsie "
       r"alle (?:zu )?(?:nehmen|schlucken)\b|\b(?:hebe|sammle|sammel|horte|bunkere) (?:\w+ )"
       r"{0,3}?\w*tabletten\b", requires=_PILLS_ANY + r"|\w*tabletten\b", near=True),
    # a counterfactual absence nobody would notice
    _p("indirect", r"\bpersonne ne (?:remarquerait|verrait|s ?apercevrait|me regretterait)\b|"
       r"\b(?:keiner|niemand) (?:wurde|wurd) (?:es )?(?:merken|bemerken|mich vermissen)\b|"
       r"\b(?:wurde|"
       r"wurd) (?:es )?(?:keiner|niemand) (?:\w+ )?(?:merken|bemerken|vermissen)\b",
       requires=r"\bsi je (?:partais|disparaissais|mourais|n ?etais plus|netais plus)\b"
       r"(?! (?:\w+ )?(?:plus tot|en avance|avant|de la|du|des|en vacances|en weekend)\b)|"
       r"\bwenn ich (?:\w+ ){0,2}?(?:weg|tot|nicht mehr da|sterben wurde)\b", negatable=False),
    # settled affairs and "when I am gone" (weak goodbye cues)
    _p("goodbye_settled", r"\b(?:pague|he pagado) (?:todas )?(?:las|mis) deudas\b|\bdeje los "
       r"papeles (?:\w+ ){0,3}?(?:a la vista|en orden|preparados)\b|\bjai tout regle\b|\blaisse "
       r"les papiers (?:bien )?en vue\b|\bpapiere (?:\w+ )?(?:sichtbar|bereit)\b|\bresolvi tudo\b|"
       r"\bdeixei os papeis (?:a vista|em ordem)\b", weak=True),
    _p("goodbye_final", r"\bcuando yo (?:falte|ya no este|no este|me vaya)\b|\bquand je ne serai "
       r"plus la\b|\bwenn ich nicht mehr (?:bin|da bin|lebe)\b|\bquando eu (?:ja )?nao estiver "
       r"(?:ca|aqui|mais aqui)\b|\bquando eu (?:partir|faltar)\b", weak=True),
    # eyes never opened again; not waking up would be better
    _p("passive", r"\bno volver a abrir los ojos\b|\bne (?:plus (?:jamais )?|jamais (?:plus )?)"
       r"(?:r?ouvrir) les yeux\b|\b(?:die )?augen nie (?:wieder|mehr) (?:zu )?(?:offnen|"
       r"aufmachen)\b|"
       r"\b(?:nunca mais|nao) (?:abrir|abra) (?:mais )?os olhos\b", negatable=False),
    _p("passive", r"\bsi (?:manana )?(?:ya )?no (?:me )?despierto\b|\bsi (?:demain )?je ne me "
       r"reveille (?:pas|plus)\b|\bwenn ich (?:morgen )?nicht (?:mehr )?aufwache\b|"
       r"\bse (?:amanha )?"
       r"(?:eu )?nao (?:acordar|acordo)\b", requires=r"\b(?:mejor|tant mieux|besser|melhor|mieux|"
       r"nadie|personne|keiner|niemand|ninguem|ojala|egal|igual|tanto faz|schlimm)\b",
       negatable=False),
    # Bavarian/Austrian: "i bring mi um", "i pack des nimma"
    _p("ideation", r"\bi bring(?:e)? mi(?:ch)? um\b"),
    _p("hopelessness", r"\b(?:i|ich) pack (?:des|das|es) (?:nimma|nimmer|nicht mehr)" + _END,
       negatable=False),
    # skin torn or scratched until it bleeds
    _p("self_harm", r"\b(?:hasta sangrar|hasta que sangr\w+|jusqu ?au sang|jusqu ?a saigner|bis es "
       r"blutet|bis es geblutet hat|bis (?:ich|es) blute\w*|ate sangrar|ate sair sangue)\b",
       requires=r"\b(?:me|m|mir|mich|meu|minha|mis|mes|je|ich|eu|yo|meine[nm]?|arranco|"
       r"rasco|arranho|kratze|reisse)\b"),
    # indifferent to living or dying
    _p("passive", r"\b(?:vivir o morir|morir o vivir|vivre ou mourir|mourir ou vivre|lebe oder "
       r"sterbe|leben oder sterben|viver ou morrer|morrer ou viver)\b", requires=r"\b(?:igual|da "
       r"lo mismo|egal|est egal|tanto faz|tant pis|indiferente|wurscht|wurst|schnuppe|importa)\b",
       negatable=False),
    # a rope bought and hidden
    _p("plan", r"\b(?:corde|cuerda|soga|strick|seil|corda)\b", requires=r"\b(?:escond\w+|cachee?|"
       r"cache|versteckt|escondi\w*|en secreto|heimlich|en cachette|guardad[ao])\b", near=True),
    # courage gathered for "it", with a day
    _p("indirect", r"\b(?:juntando|reuniendo|junte|reuni) (?:el )?valor (?:para|de) hacerlo\b|"
       r"\barmarme de valor (?:para|y) hacerlo\b|\b(?:rassemble|trouve|prends|trouver) le courage "
       r"de le faire\b|\b(?:sammle|nehme|sammel) (?:ich )?(?:den|all meinen) mut,? es zu tun\b|"
       r"\b(?:junto|juntando|criando|tomar|tomo) coragem (?:para|pra|de) fazer (?:isso|isto)\b",
       requires=r"\b(?:manana|esta noche|ya|sabado|domingo|dia|demain|ce soir|cest bon|samstag|"
       r"sonntag|so weit|morgen|amanha|sabado|o dia|" + r"lunes|martes|miercoles|jueves|viernes|"
       r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|"
       r"freitag|segunda|terca|quarta|quinta|sexta)\b", near=True, negatable=False),
    # the least painful way to die, looked up
    _p("plan", r"\b(?:forma|manera|modo|metodo|facon|maniere|methode|jeito|maneira|wie man)\b"
       r"[^.!?|]{0,30}\b(?:dolor\w*|douloureu\w*|schmerz\w*|doloros\w*|rapid\w*|schnell\w*|"
       r"facil|facile|segur\w*|sure|sicher\w*)\b[^.!?|]{0,20}\b(?:de morir|de mourir|stirbt|"
       r"sterben|de morrer|de matarse|de se tuer|sich umzubringen|de se matar|de suicid\w*|"
       r"suicid\w*)\b", requires=r"\b(?:busque|buscando|investigue|googlee|mire|cherche|"
       r"regarde|recherche|gesucht|gegoogelt|recherchiert|nachgeschaut|pesquisei|pesquisando|"
       r"procurei|busco|cherche)\b"),
    # an urge to crash the car
    _p("plan", r"\b(?:estrellar(?:me)?|chocar|tirar) (?:\w+ )?(?:el coche|el carro|el auto) "
       r"(?:contra|por)\b|\bestrellarme (?:contra|con el coche)\b|\bfoncer (?:\w+ )?dans un "
       r"(?:mur|arbre|pilier|platane)\b|\bmit dem auto (?:\w+ )?(?:gegen (?:eine|einen|die|den) "
       r"(?:wand|mauer|baum|pfeiler|bruckenpfeiler)|in den gegenverkehr)\b|\b(?:jogar|bater) o "
       r"carro (?:contra|de proposito|num|no)\b", requires=r"\b(?:ganas|envie|lust|vontade|quiero|"
       r"je veux|ich will|quero|tentad\w*|tentation|versuchung|tentacao|me dan|da vontade|"
       r"pienso|je pense|denke|penso)\b", near=True),
    # doing "something" to oneself before long
    _p("self_harm", r"\bhacer(?:me)? (?:una locura|una tonteria|algo) (?:conmigo|contra mi)\b|"
       r"\b(?:avant de|je vais) faire une (?:connerie|betise)\b|\bmir (?:was|etwas) (?:antue|"
       r"antu|antun|anzutun)\b|\bfazer (?:uma )?(?:besteira|loucura|bobagem) comigo\b",
       requires=r"\b(?:tenir|plus|combien|aguantar|aguanto|ich|aguentar|aguento|durchhalte\w*|"
       r"bevor|antes|avant|misma|mismo)\b"),
    # regional: Québécois, Swiss, Austrian/Bavarian
    _p("passive", r"\b(?:jai )?(?:plus|pu|pus|ptus) (?:le )?(?:gout|envie) de vivre\b|\b(?:tanne|"
       r"tannee|ecoeure|ecoeuree|fatigue|fatiguee|epuise|epuisee) de (?:vivre|la vie)\b|"
       r"\bmarre de la vie\b", negatable=False),
    _p("ideation", r"\bich (?:mag|mog|will|wott|cha|kann) (?:\w+ )?(?:nume|numme|nimme|nimmer|"
       r"nimma|nuemme|ned mehr|nid meh) (?:leben|labe|lebe|weiterleben|da sein|si)\b",
       negatable=False),
    # passive wishes not to exist
    _p("passive", r"\b(?:seria|sera|estaria) mejor (?:\w+ )?(?:no haber nacido|no existir|estar "
       r"muert[oa]|no despertar(?:me)?|morirme|desaparecer)\b|\b(?:me gustaria|quisiera|quiero|"
       r"ojala pudiera) (?:\w+ )?(?:desaparecer|no existir|dormir para siempre|estar muert[oa])\b"
       r"(?! (?:un|unos|una|unas|por|a la|al|de vacaciones|del trabajo|de la oficina|un rato|"
       r"del grupo|de redes)\b)", negatable=False),
    _p("passive", r"\b(?:jaurais (?:prefere|aime)|jaimerais|je voudrais|je prefererais) "
       r"(?:\w+ )?ne (?:jamais|pas) (?:etre nee?|avoir existe|exister)\b|\b(?:je souhaite|"
       r"jaimerais|"
       r"je voudrais|envie de) (?:\w+ )?disparaitre\b(?! (?:sous|quelques|en vacances|un moment|"
       r"un peu|de (?:la|ce|cette)|du)\b)", negatable=False),
    _p("passive", r"\bich (?:ware|war) (?:\w+ ){0,2}?(?:tot|nicht mehr da|weg,? fur immer|fur "
       r"immer weg|nie geboren)\b|\bwenn ich (?:\w+ ){0,2}?(?:nie geboren (?:ware|worden ware)|"
       r"tot ware|nicht mehr da ware)\b|\b(?:fur immer|spurlos) (?:zu )?verschwinden\b(?! (?:fur "
       r"(?:ein|eine|zwei|paar)|ins|in den|aus dem buro)\b)", negatable=False),
    _p("passive", r"\b(?:deitar|dormir) e (?:nao )?(?:levantar|acordar) (?:nunca )?mais\b|"
       r"\bdormir (?:pra|para) sempre\b|\b(?:queria|quero|gostaria de) (?:\w+ )?(?:nao existir|"
       r"desaparecer)\b(?! (?:um pouco|uns dias|por uns|por um|de ferias|pra praia|com)\b)",
       negatable=False),
    _p("passive", r"\bpienso (?:\w+ ){0,4}?en (?:la muerte|morir(?:me)?|dejar de existir|no "
       r"existir|mi muerte)\b|\bje pense (?:\w+ ){0,3}?a (?:la mort|mourir|ma mort|disparaitre)\b|"
       r"\bich denke (?:\w+ ){0,3}?(?:an den tod|ans sterben|uber(?:s| das) sterben|an meinen "
       r"tod)\b|\bpenso (?:\w+ ){0,4}?(?:na morte|em morrer|em sumir|em deixar de existir|na "
       r"minha morte)\b"),
    # burden: "without someone like me"
    _p("indirect", r"\bmejor sin (?:alguien|una? \w+) como yo\b|\bmieux sans (?:quelqu ?un|une? "
       r"\w+) comme moi\b|\bohne (?:jemanden|eine? \w+) wie mich\b|\bmelhor sem (?:alguem|uma? "
       r"\w+) como eu\b|\b(?:eu )?so (?:atrapalho|estorvo|incomodo)\b|\bsolo (?:estorbo|molesto)\b",
       negatable=False),
    # researching a method
    _p("plan", r"\bcuant[oa]s (?:\w+ ){0,2}?(?:pastillas|pildoras|medicamentos|calmantes)\b|"
       r"\bcombien (?:de )?(?:cachets|comprimes|medocs|medicaments|pilules|somniferes)\b|\bwie "
       r"?viele (?:\w+ ){0,2}?(?:tabletten|pillen|schlaftabletten|medikamente)\b|\bquant[oa]s "
       r"(?:\w+ ){0,2}?(?:comprimidos|remedios|pilulas)\b",
       requires=r"\b(?:busque|buscando|mire|investigue|googlee|pesquisei|pesquisando|procurei|"
       r"nachgeschaut|gegoogelt|recherchiert|gesucht|regarde|cherche|recherche|googlise)\b.*\b"
       r"(?:morir|matarme|mortal|letal|hacen falta|se necesitan|mourir|mortel|rater|tuer|il faut|"
       r"todlich|reichen|braucht|sterben|morrer|matar|precisos?|precisa|letal)\b"),
    # the decision made: the day is left to choose; calm since deciding
    _p("plan", r"\b(?:solo|nada mas|so|nur noch) (?:me )?falta (?:elegir|escoger|decidir|fijar) "
       r"(?:el|la|o|a) (?:dia|fecha|data)\b(?! (?:de|del|da|do|pra|para)\b)|\bil (?:ne )?reste "
       r"(?:plus )?(?:qu ?a|a) choisir (?:le jour|la date)\b(?! (?:de|du|pour)\b)|\b(?:fehlt|"
       r"bleibt) nur noch (?:der tag|das datum|den tag)\b(?! (?:fur|der|des)\b)"),
    _p("ideation", r"\bdesde que (?:lo )?decidi\w*,? (?:ya |ahora )?(?:estoy|estou|me siento|"
       r"sinto|to|me sinto) (?:\w+ )?(?:en paz|em paz|tranquil[oa]|calm[oa]|seren[oa]|"
       r"alivi\w+)\b|\bdepuis que (?:jai pris ma decision|jai decide|cest decide),? (?:je me sens|"
       r"je suis) (?:\w+ )?(?:calme|en paix|apaisee?|sereine?|soulagee?|tranquille|legere?)\b|"
       r"\bseit (?:ich (?:mich )?entschieden habe|ich weiss,? wie ich es (?:mache|tue)|es "
       r"feststeht),? (?:bin ich|fuhle ich mich) (?:\w+ ){0,2}?(?:ruhig|friedlich|erleichtert|"
       r"gelassen)\b", negatable=False, current=True),
    # hopelessness about the writer's own future
    _p("hopelessness", r"\brien ne (?:va )?(?:jamais )?(?:s ?arranger|changer|s ?ameliorer) pour "
       r"moi\b|\bnada (?:va a )?(?:cambiar|mejorar) (?:nunca )?(?:para mi|en mi vida)\b|\bes wird "
       r"(?:nie|niemals) (?:mehr )?besser\b|\bnunca va a mejorar\b", negatable=False),
    # an apology to everyone reads as a goodbye together with another cue
    _p("goodbye_thanks", r"\b(?:perdon|perdonenme|lo siento) (?:a todos|por todo)\b|\bpardon (?:a "
       r"tous|pour tout)\b|\bdesolee? pour tout\b|\bpardonnez moi\b|\b(?:es tut mir leid|verzeiht "
       r"mir) (?:fur alles|alle)\b|\b(?:perdao|desculpa|desculpem|me perdoem) (?:a todos|por "
       r"tudo)\b", weak=True),
    _p("goodbye_letter", r"\b(?:deje|he dejado|escribi|he escrito|deixei|escrevi)\b[^.!?|]{0,60}"
       r"\bcarta|\b(?:lettre|mot|message)s? (?:pour|a) (?:chacun|chacune|tout le monde|maman|"
       r"papa|ma|mon|mes)\b", weak=True, other_ok=True),
    _p("goodbye_settled", r"\bjai (?:tout )?range (?:toutes )?mes affaires\b|\bmes affaires sont "
       r"(?:en ordre|rangees)\b|\bmeine sachen (?:sind )?(?:geregelt|geordnet|verschenkt)\b",
       weak=True),
    # self-harm acts in other words
    _p("self_harm", r"\b(?:me hice|me hago|hacerme|me he hecho) (?:\w+ )?(?:cortes|heridas|"
       r"quemaduras)\b|\bje me (?:suis )?(?:\w+ )?(?:taillade|tailladee|lacere|laceree|entaille|"
       r"entaillee)\b(?! (?:\w+ ){0,3}?(?:avec|a|sur) (?:la |le |une |un |l )?(?:tronconneuse|scie|"
       r"couteau|cutter|hache|meuleuse|disqueuse|outil|tole|verre|boite))|"
       r"\bje me fais des (?:coupures|entailles|marques)\b|\b(?:me fiz|fiz em mim) "
       r"(?:\w+ )?(?:cortes|feridas|queimaduras)\b"),
)

FAMILY_TRIGGER = (
    r"\b(?:tomo|toma|trag|vide|avale|prend|schluck|nehm|engul|engol|jai pris|bote|caja|frasco|"
    r"blister|boite|packung|schachtel|cartela|caixa|manana|noche|demain|ce soir|cette nuit|"
    r"morgen|heute|amanha|noite|sabado|domingo|samedi|dimanche|samstag|sonntag|cartas?\b|"
    r"lettre|mot\b|mots\b|brief|abschied|estuviera|existiera|nacido|desaparec|muriera|fuera|etais|"
    r"disparaiss|mourais|existais|nicht mehr|weg|tot|estivesse|existisse|morresse|sumisse|"
    r"para que|sert a rien|a quoi bon|zweck|adianta|pra que|razon|motivo|raison|grund|sinn|"
    r"razao|razoes|que todo|que esto|que tout|aufhort|que tudo|i mag|i mog|i wu|i will|"
    r"i mecht|i mocht|nimma|nimmer|weh|miedo|vide|vacia|vacio|leer|esvazi|pular|saltar|sauter|"
    r"springen|haya|ait|haja|valor|courage|mut|coragem|forma|manera|modo|metodo|facon|"
    r"maniere|methode|jeito|maneira|wie man|estrell|chocar|tirar|foncer|auto|jogar|bater|hacer|"
    r"faire|antue|antu|fazer|ojos|yeux|augen|olhos|despierto|reveille|aufwache|acordar|"
    r"acordo|bring|pack|sangr|sang|saigner|blut|vivir|vivre|lebe|leben|viver|corde|cuerda|"
    r"soga|strick|seil|corda|mundo|monde|welt|melhor|mejor|mas vale|autant|mieux vaut|plutot|"
    r"lieber|besser|"
    r"antes|aqui|descansar|pour toujours|pour de bon|schlafen|einschlaf|ruhen|sempre|llegar|"
    r"llego|paso|pasare|passerai|verrai|feterai|erlebe|passo|chego|salida|solucion|opcion|"
    r"issue|solution|ausweg|losung|option|saida|solucao|opcao|autrement|altura|hauteur|"
    r"etages|hoch|hohe|stockwerk|andares|cortes|entailles|coupures|aufgeschnitten|zerschnitten|"
    r"prie|zu sich|zu ihm|tomo|sie alle|hebe|sammle|personne ne|keiner|niemand|deudas|papeles|"
    r"regle|papiers|papiere|resolvi|papeis|cuando yo|quand je|wenn ich|quando eu|mat|suicid|"
    r"quit|acab|termin|ahorc|colg|tir|avent|"
    r"lanz|tiro|volar|vena|envenen|"
    r"desaparec|existir|irme|mor|despert|muert|dorm|mato|pego|doy un|tue|tuer|pend|jet|fout|"
    r"flingu|but|balle|mettre fin|finir|disparai|exist|noy|ouvrir|mour|reveil|umzu|umbring|"
    r"toten|aufzuh|aufh|erhang|erschiess|vergift|abzukn|abkn|zug|ertrank|leben|ende|schluss|"
    r"sterb|tot\b|nicht mehr|verschwind|bring|hang|nehm|werf|suic|enforc|jogar|atir|dar um|"
    r"minha vida|isto|isso|tudo|sumir|pulsos|nao acordar|enforco|jogo|gout|envie de vivre|"
    r"tanne|ecoeure|fatigue|epuise|marre|nume|numme|nimme|nimma|nuemme|ned mehr|nid meh|seria|"
    r"sera|estaria|gustaria|quisiera|quiero|ojala|nee\b|ne jamais|ne pas|souhaite|jaimerais|"
    r"voudrais|envie|ware|war\b|wenn ich|fur immer|einfach|deitar|levantar|acordar|sempre|"
    r"queria|quero|gostaria|pienso|pense|denke|penso|como yo|comme moi|wie mich|como eu|"
    r"atrapalho|estorvo|incomodo|estorbo|molesto|cuant|combien|wie viel|wieviel|quant|falta|reste|"
    r"fehlt|bleibt|desde que|depuis que|seit|rien ne|nada|es wird|nunca|perdon|lo siento|"
    r"pardon|desole|tut mir leid|verzeiht|perdao|desculp|perdoem|deje|dejado|escribi|escrito|"
    r"deixei|escrevi|lettre|mot|message|range|affaires|sachen|me hice|me hago|hacerme|"
    r"me he hecho|taillad|lacere|entaill|me fais|me fiz|fiz em mim)"
)
