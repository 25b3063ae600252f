"""Crisis screen on acts and preparations told without a risk word, in Spanish, French, German and
Portuguese (pattern screen alone, as the app runs it at save time; `crisis_patterns_acts`). Lines
are written for these tests, one or more per family and language; the safe side uses the same
surface ingredients in everyday contexts (moving house, a decided job change, climbing, a
pharmacy question, a barbecue, prayers for health, idioms)."""

from __future__ import annotations

import pytest

from mindspace.app.screen import screen_text
from mindspace.ml.crisis import CrisisDetector
from tests.ml.crisis_checks import assert_prefilter_finds_every_match

RISK = [
    # self-injury told as an act, in any tense
    ("es", "Anoche me estuve quemando el brazo con el encendedor otra vez, nadie lo sabe."),
    ("fr", "Je me suis encore entaillée la cuisse hier soir, ça me calme."),
    ("de", "Hab mir heute in der Pause mit dem Cutter wieder den Unterarm aufgeschnitten."),
    ("de", "Ich ritze mir wieder die Arme auf, jeden Abend."),
    ("pt", "Queimei-me de novo com o isqueiro, ninguém percebeu."),
    ("de", "Hab wieder den Kopf gegen die Wand geschlagen, 6x, bis es wehtat."),
    # working out an amount or a height
    ("es", "Estuve calculando cuántas pastillas de estas harían falta para no despertar."),
    ("fr", "J'ai regardé combien de comprimés il faudrait pour quelqu'un de mon poids."),
    ("de", "Ich hab nachgeschaut, wie viele Tabletten man braucht, damit es tödlich ist."),
    ("pt", "Pesquisei quantos comprimidos seriam suficientes. Apaguei tudo depois."),
    ("fr", "J'ai calculé la hauteur du viaduc hier. Ça suffit largement."),
    ("pt", "Medi a altura da ponte com o celular. Dá e sobra."),
    # medicines kept back, counted or hidden
    ("es", "Llevo un mes guardando las pastillas de dormir en una caja escondida en el armario."),
    ("fr", "Je mets de côté mes somnifères depuis janvier, j'en ai assez maintenant."),
    ("de", "Ich sammle die Schlaftabletten in einer Dose im Schrank. Es sind jetzt genug."),
    ("pt", "Estou juntando os remédios de dormir na gaveta, já tenho uns cinquenta."),
    # given away, not needed any more; gone when read
    ("es", "Le regalé mi guitarra a mi sobrino. Ya no la voy a necesitar."),
    ("de", "Die Angel hab ich meinem Neffen geschenkt, ich brauch sie nicht mehr."),
    ("pt", "Dei a bicicleta pro meu primo, não vou mais precisar dela."),
    ("fr", "Quand tu liras ceci, je ne serai plus là. Ce n'est pas ta faute."),
    ("de", "Wenn du das liest, bin ich nicht mehr da. Pass auf die Katze auf."),
    # a decision named without its object, with calm or a day
    ("es", "Ya lo tengo decidido. Estoy tranquila desde entonces."),
    ("fr", "C'est décidé, et je suis étrangement calme. Ce sera dimanche."),
    ("de", "Der Entschluss steht fest. Seitdem bin ich ganz ruhig."),
    ("pt", "Já está decidido e estou em paz. Vai ser no sábado."),
    # a recent attempt
    ("es", "El martes me tomé la caja entera de pastillas y desperté en urgencias."),
    ("pt", "Tomei a cartela inteira semana passada e acordei no hospital."),
    ("fr", "J'ai avalé toute la boîte de somnifères, ça a pas marché."),
    ("de", "Vorgestern hab ich es mit den Tabletten versucht. Es ist misslungen."),
    # joining someone who died
    ("fr", "Papa, tu es parti il y a un an. Je veux te rejoindre."),
    ("es", "Se cumple un año de que murió Andrés y me voy a ir con él pronto."),
    ("pt", "Minha mãe faleceu em março e eu quero ir para junto dela."),
    # water, rails or a height and not coming back; a car into something
    ("es", "El sábado me voy al mar, me meto al agua y no salgo más."),
    ("de", "Sonntag geh ich in den See hinaus und bleibe dort."),
    ("fr", "Demain je fonce dans un arbre avec la voiture, c'est décidé."),
    ("pt", "Quero me jogar de cima do viaduto e acabar com isso."),
    # God, sleep, disappearing for good
    ("es", "Diosito, llévame ya, no aguanto más."),
    ("fr", "Seigneur, je vous en prie, venez me chercher cette nuit."),
    ("de", "Lieber Gott, nimm mich einfach heute Nacht zu dir."),
    ("pt", "Senhor, me leve pra junto de ti, não aguento mais."),
    ("fr", "J'aimerais m'endormir ce soir et ne plus jamais me réveiller."),
    ("de", "Ich möchte einfach einschlafen und nicht mehr aufwachen."),
    # envy of the dead; burden; nothing holds me; ending it
    ("fr", "J'envie mon oncle, lui au moins il ne souffre plus depuis qu'il est parti."),
    ("pt", "Meus filhos iam viver melhor sem mim, só dou trabalho."),
    ("fr", "Plus rien ne me retient ici depuis l'enterrement."),
    ("de", "Ich werde dem Ganzen ein Ende setzen, bevor der Winter kommt."),
    ("fr", "Pardon pour ce que je vais faire, maman."),
    ("es", "Perdón por lo que va a pasar, los quiero a todos."),
    ("de", "Hab mir schon überlegt wie. Bald ist Schluss."),
    # regret at surviving; an engine in a closed garage; a checklist of goodbyes
    ("es", "Me dieron el alta del hospital ayer. La próxima no fallo."),
    ("de", "Seit drei Tagen raus aus der Klinik nach dem Versuch. Nächstes Mal richtig."),
    ("de", "Ich setze mich in die Garage, Tor zu, bei laufendem Motor."),
    ("pt", "✓ carta pra minha irmã ✓ senhas anotadas ✓ o gato com a vizinha. pronto."),
    ("fr", "Si je rate encore l'examen, j'en finis."),
    ("de", "Ich mach bald Schluss. Nicht mit ihm, mit allem."),
    ("fr", "J'ai programmé les mails d'adieu pour lundi. D'ici là je serai parti."),
    ("es", "Llevo días buscando en foros cómo hacerlo sin que duela."),
    # gone for good, "not from the job: from life"; an agent read up on; nothing said next time
    ("fr", "Si le contrat tombe à l'eau, je m'en vais pour de bon. Pas du boulot, de la vie."),
    ("de", "Ich habe mich heute über Pentobarbital informiert, nicht für die Praxis."),
    ("de", "Wenn das Gericht gegen mich entscheidet, mache ich Schluss. Der Abend ist geplant."),
    ("pt", "Voltei da UTI na segunda. Da próxima vez não conto a ninguém."),
    ("es", "Le dejé a mi hermano las claves del banco, que él se encargue cuando yo no esté."),
    # a decision taken with affairs settled; water and no return; farewell letters; heights
    ("de", "Die Entscheidung ist gefallen. Passwörter aufgeschrieben, Vertrag gekündigt."),
    ("de", "Am Freitag fahre ich an den See und komme nicht mehr zurück."),
    ("de", "Abschiedsbriefe geschrieben, Wohnung aufgeräumt. Ich bin ganz ruhig."),
    ("es", "Estuve mirando cuántos metros tiene el puente del río."),
    ("es", "Le regalé la bici a mi primo, ya está todo ordenado. El sábado termino con esto."),
    ("es", "No creo que siga aquí cuando mi hermana vuelva de Chile."),
    ("fr", "Je passe mes soirées à chercher quelle dose, quelle hauteur de pont."),
    ("fr", "Il y a la rivière au bout du chemin. Personne ne me verra partir samedi."),
    ("fr", "Je regrette qu'on m'ait trouvée à temps."),
    ("fr", "J'ai lu sur la façon la moins douloureuse de partir."),
    ("pt", "Já escolhi o dia. Vou à ponte e acabo com isto."),
    ("fr", "J'ai dit à ma sœur où sont les papiers, que tout soit en ordre pour après."),
    ("es", "Llevo dos noches haciéndome daño con la cuchilla, nadie lo sabe."),
]

SAFE = [
    # self-injury words in accidents, cooking and old scars
    ("es", "Me corté el dedo cocinando otra vez, qué torpe."),
    ("fr", "Je me suis brûlée avec le four en sortant le gratin."),
    ("de", "Hab mir beim Rasieren wieder geschnitten, nervig."),
    ("pt", "Me queimei sem querer com a panela, passei pomada."),
    # amounts and heights in study, care and hiking
    ("es", "Le pregunté a la farmacéutica cuántas gotas necesita el bebé para la fiebre."),
    ("fr", "Combien de comprimés de fer il faut prendre par jour ? Je demanderai au médecin."),
    ("de", "Wie hoch ist die Brücke? Wir wollen dort nächste Woche Fotos machen."),
    ("pt", "Calculei a altura da ponte para o trabalho de física, deu 64 metros."),
    # medicines counted for a pill organiser
    ("es", "Guardé las pastillas de la semana en el pastillero de mi abuela, todo listo."),
    ("de", "Die Tabletten für die Woche hab ich in die Dose sortiert, 14 Stück."),
    # giving things away when moving house
    ("es", "Le regalé el sofá a mi vecina porque me mudo y ya no lo voy a necesitar en el piso "
     "nuevo."),
    ("fr", "J'ai donné mes vieux livres de fac à la bibliothèque, j'en aurai plus besoin après le "
     "diplôme."),
    ("de", "Hab das alte Fahrrad verschenkt, ich brauch es nicht mehr seit ich das E-Bike hab."),
    ("pt", "Dei minhas roupas de bebê pra minha cunhada, não vou mais precisar."),
    # decisions about work and moves
    ("es", "Ya lo tengo decidido: me voy a vivir a Valencia y estoy tranquila."),
    ("fr", "J'ai décidé de quitter ce boulot et je me sens calme. Lundi je le dis au chef."),
    ("de", "Ich hab mich entschieden, die Stelle anzunehmen. Seitdem bin ich ruhig."),
    ("pt", "Já está decidido, vamos casar em maio e estou em paz."),
    # trips to the sea, rails and heights
    ("es", "El sábado me voy al mar con los niños, a ver el atardecer."),
    ("fr", "Demain j'irai au pont pour prendre des photos du lever de soleil."),
    ("de", "Sonntag fahr ich zum See zum Schwimmen, endlich Sommer."),
    ("pt", "Sexta vou até a ponte correr com o grupo."),
    # prayers for health and for the dead; idioms
    ("es", "Diosito, cuida a mi abuela que está en el hospital."),
    ("de", "Lieber Gott, pass auf Oma auf, wo immer sie jetzt ist."),
    ("pt", "Senhor, me dá força para a prova de amanhã."),
    ("fr", "Seigneur, veillez sur papa au ciel."),
    ("es", "Me quiero morir de la risa con este video."),
    ("pt", "Morri de rir com a minha irmã hoje."),
    # envy of a holiday, a burden of work, a rope for climbing, a gas bottle for a barbecue
    ("fr", "J'envie ma sœur, elle au moins elle est en vacances à la mer."),
    ("es", "Compré una cuerda de escalada nueva para el sábado."),
    ("pt", "Abri o gás da churrasqueira e acendi o carvão."),
    ("de", "Ich werde dem Projekt ein Ende setzen und mir ein neues Hobby suchen."),
    ("fr", "Pardon pour le retard, le train était bloqué."),
    ("de", "Nichts hält mich mehr in dieser Stadt, ich ziehe nach Hamburg."),
    # the same words in everyday life
    ("es", "Lista la maleta, las llaves y la carta de recomendación. ¡Mañana empiezo!"),
    ("de", "Heute mach ich früher Schluss mit der Arbeit und fahre zum See."),
    ("fr", "J'en finis avec ce dossier ce soir, promis."),
    ("pt", "Meu aluno falou que queria sumir; conversei com a orientadora e com a família."),
    ("es", "Busqué en foros cómo quitar la humedad de la pared sin que se note."),
    ("es", "Dejé las llaves con la vecina para cuando no esté: dos semanas de vacaciones."),
    ("de", "Wenn er sich nicht meldet, mache ich Schluss mit ihm."),
    ("fr", "Je m'en vais pour de bon de cette boîte, j'ai signé ailleurs."),
    # someone else; a time that is over
    ("es", "Mi prima se estuvo cortando hace años; hoy está bien y estudia medicina."),
    ("pt", "Há cinco anos tomei a cartela inteira. Hoje faço terapia e estou bem."),
    ("pt", "Há um ano pensava em acabar com tudo. Hoje corro e estou bem."),
    # the same words in everyday plans
    ("de", "Die Entscheidung ist gefallen: wir ziehen nach Leipzig."),
    ("es", "Estuve mirando cuántos metros tiene el puente para el trabajo de física."),
    ("fr", "Je cherche la dose de sirop pour mon fils, il a de la fièvre."),
    ("pt", "Já escolhi o dia do casamento: 12 de junho."),
    ("es", "Me hice daño con el cuchillo cortando cebolla."),
]


@pytest.mark.parametrize(("lang", "text"), RISK)
def test_acts_and_preparations_open_the_support_panel(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.opens_support_panel, (lang, text)
    assert result.reasons


@pytest.mark.parametrize(("lang", "text"), SAFE)
def test_the_same_ingredients_in_everyday_life_stay_quiet(lang: str, text: str) -> None:
    assert screen_text(text).level == "none", (lang, text)


def test_the_sentence_prefilter_keeps_every_match_of_these_families() -> None:
    assert_prefilter_finds_every_match(CrisisDetector(), (text for _, text in RISK + SAFE))
