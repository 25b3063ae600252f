"""Crisis screen on the indirect and colloquial forms of risk in Spanish, French, German and
Portuguese, and on the everyday forms that must stay quiet (pattern screen alone, as the app
runs it at save time). Lines are written for these tests: passive wishes, burden, goodbyes
without the word death, envy of the dead, calm acceptance, plans across two sentences,
self-harm acts and urges, slang and regional forms; idioms, hyperbole, grief, media, study,
resolved past, worry about someone else and negation on the safe side."""

from __future__ import annotations

import pytest

from mindspace.app.screen import screen_text
from mindspace.ml.crisis import CrisisDetector, normalise

RISK = {
    "es": [
        # passive wishes
        "Ojalá no despertarme mañana, la verdad.",
        "Quisiera dormirme y ya no despertar nunca.",
        "Ojalá me atropelle un camión de camino al trabajo y se acabe todo.",
        "Todas las noches le pido a Dios que me recoja.",
        # burden
        "Sin mí les iría mucho mejor a todos.",
        "Soy un estorbo para mi familia, solo doy problemas.",
        # goodbye without death
        "Le regalé mi bici a mi sobrino. Ya está todo en orden.",
        "Gracias por todo, de verdad. Cuiden a mi gata, no es culpa de nadie.",
        # envy of the dead
        "En el entierro de mi abuelo le tuve envidia, él ya no sufre.",
        # calm acceptance
        "Ya no me da miedo la muerte, pensar en matarme me da paz.",
        # plans with a method or a place
        "Tengo escondidas las pastillas de mi madre, el viernes cuando no haya nadie.",
        "Ayer fui al puente de la autopista a mirar. El domingo vuelvo y me tiro.",
        # self-harm
        "Me volví a cortar los brazos anoche con una cuchilla.",
        "Me quemé la muñeca con el mechero a propósito.",
        # slang and regional
        "Me quiero morir, neta, ya no aguanto esta vida.",
        "Estoy pensando en quitarme de en medio, boludo, en serio.",
        "No le veo sentido a la vida, para qué seguir.",
        "No quiero seguir viviendo así, no tengo fuerzas.",
    ],
    "fr": [
        "J'aimerais ne plus jamais me réveiller.",
        "Ce serait tellement plus simple de m'endormir et que tout s'arrête.",
        "J'ai plus envie de rien, même plus de me lever.",
        "Ils seraient plus heureux sans moi, je coûte trop à tout le monde.",
        "Je ne sers à rien, je suis un boulet pour ma famille.",
        "J'ai laissé une lettre à ma sœur et donné mon vélo à mon voisin. Tout est réglé.",
        "Merci pour tout, vraiment. Prenez soin de mon chien.",
        "Au cimetière j'ai envié ma tante. Elle, au moins, ne souffre plus.",
        "La pensée d'en finir ne me fait plus peur, elle me calme.",
        "J'ai caché des comprimés dans mon sac depuis un mois, samedi je les prends tous.",
        "J'ai repéré le viaduc. Demain soir je saute.",
        "Je me suis encore coupé les poignets hier soir avec une lame.",
        "L'envie de me scarifier est revenue ce soir.",
        "Je vais me foutre en l'air, j'en peux plus de cette vie.",
        "Des fois je me dis que je vais me flinguer, pour de vrai.",
        "Je ne vois aucun avenir pour moi.",
    ],
    "de": [
        "Ich will einfach nicht mehr aufwachen.",
        "Am liebsten würde ich einschlafen und nie wieder aufwachen.",
        "Jeden Abend hoffe ich, dass Gott mich endlich zu sich holt.",
        "Ohne mich hätten es alle leichter, ich bin nur eine Last.",
        "Ich falle allen nur zur Last.",
        "Hab meinem Neffen die Gitarre geschenkt. Jetzt ist alles geregelt.",
        "Danke für alles, ihr wart immer gut zu mir. Kümmert euch um meinen Hund.",
        "Bei der Beerdigung von meinem Onkel hab ich ihn beneidet. Der hat es hinter sich.",
        "Der Gedanke, mich umzubringen, macht mir keine Angst mehr.",
        "Hab alle Schlaftabletten von Oma gesammelt. Am Samstag, wenn ich allein bin.",
        "Ich war heute auf der Brücke und hab runtergeschaut. Morgen spring ich.",
        "Hab mir gestern wieder die Arme geritzt.",
        "Ich hab so einen Drang, mich zu ritzen.",
        "Keinen Bock mehr auf das Leben, echt.",
        "Ich würd mich am liebsten abknallen.",
        "Mein Leben hat einfach keinen Sinn mehr.",
        "Ich mag nimmer leben, es ist alles zu viel.",
    ],
    "pt": [
        "Queria dormir e não acordar mais.",
        "Todo dia peço a Deus que me leve logo.",
        "Só queria sumir pra sempre.",
        "Eles estariam bem melhor sem mim, eu só dou trabalho.",
        "Sou um peso pra todo mundo.",
        "Dei minha guitarra pro meu irmão. Agora está tudo organizado.",
        "Valeu por tudo, gente. Cuidem do meu cachorro, não é culpa de ninguém.",
        "No velório da minha tia senti inveja dela. Ela pelo menos descansou.",
        "Já não tenho medo de morrer, pensar nisso até me acalma.",
        "Tenho os comprimidos guardados no armário, sábado quando eu estiver sozinha.",
        "Fui até a ponte hoje e fiquei olhando a água. Amanhã volto e me jogo.",
        "Voltei a me cortar ontem à noite.",
        "Me cortei nos braços de novo com a gilete.",
        "Tô pensando em me matar, de verdade.",
        "Vou acabar com tudo isso, já decidi.",
        "Não vejo futuro nenhum pra mim.",
        "Estou farta de viver, não aguento mais.",
    ],
}

SAFE = {
    "es": [
        "Me muero de ganas de verte el sábado.",
        "Este calor me va a matar, 40 grados y sin aire.",
        "Me muero de risa con los memes de mi hermano jajaja",
        "Hace años quise morir, hoy estoy bien y tengo un trabajo que me gusta.",
        "Mi hermano dice que quiere morirse, mañana lo llevo al médico.",
        "Mi amiga me contó que se corta, estoy muy preocupada por ella.",
        "Le regalé a mi madre un collar por su cumpleaños.",
        "Gracias por todo, chicos, fue una fiesta increíble.",
        "En clase de enfermería vimos las señales de alarma del suicidio.",
        "La protagonista de la novela se tira del puente al final.",
        "Mi abuela murió el año pasado, la echo de menos cada día.",
        "No quiero morir, quiero que esto mejore.",
        "Me corté el dedo cortando cebolla.",
        "Tomo mis pastillas todas las mañanas con el desayuno.",
    ],
    "fr": [
        "Ce boulot me tue, vivement les vacances.",
        "Je suis morte de fatigue après cette semaine.",
        "J'ai peur de ne pas me réveiller à temps demain.",
        "Il y a trois ans je voulais mourir, aujourd'hui je vais bien.",
        "Ma sœur m'a dit qu'elle voulait mourir, on a appelé le médecin.",
        "Merci pour tout, c'était une super soirée.",
        "J'ai donné mes vieux livres à la bibliothèque.",
        "Au cours de pharmaco on a vu les surdoses de paracétamol.",
        "Dans le film, le héros se jette du pont.",
        "Mon grand-père est mort il y a un an, il me manque.",
        "Je ne veux pas mourir, je veux aller mieux.",
        "Je me suis coupée en cuisinant ce midi.",
        "Plutôt mourir que de refaire ce trajet lol",
    ],
    "de": [
        "Ich sterbe vor Hunger, wann gibt's Essen?",
        "Die Hitze bringt mich noch um.",
        "Vor fünf Jahren wollte ich sterben, heute geht es mir gut.",
        "Mein Freund hat gesagt, er will nicht mehr leben. Ich hab ihn zum Arzt begleitet.",
        "Danke für alles, war ein toller Abend.",
        "Hab meiner Schwester mein altes Fahrrad geschenkt.",
        "In der Vorlesung ging es um Suizidprävention bei Jugendlichen.",
        "Im Film springt der Held von der Brücke.",
        "Opa ist letzte Woche gestorben, er fehlt mir sehr.",
        "Ich will nicht sterben, ich will, dass es besser wird.",
        "Hab mich beim Kochen in den Finger geschnitten.",
        "Ich schlafe heute lange und will nicht vor Mittag aufwachen.",
        "Das Projekt hat keinen Sinn mehr, wir fangen neu an.",
    ],
    "pt": [
        "Tô morta de cansaço depois do plantão.",
        "Esse trânsito vai me matar kkkk",
        "Há anos eu quis morrer, hoje estou bem e feliz.",
        "Minha irmã disse que quer morrer, levei ela no CAPS.",
        "Valeu por tudo, foi uma festa incrível.",
        "Dei meus livros antigos pra biblioteca.",
        "Na aula de farmacologia estudamos intoxicação por remédios.",
        "No filme o personagem se joga da ponte.",
        "Meu avô morreu ano passado, sinto muita falta dele.",
        "Não quero morrer, quero ficar bem.",
        "Me cortei sem querer cozinhando.",
        "Queria sumir uns dias pra praia.",
        "Tomo todos os remédios certinho toda manhã.",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, lines in table.items() for text in lines]


@pytest.mark.parametrize(("lang", "text"), _cases(RISK))
def test_risk_forms_open_the_support_panel(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.opens_support_panel, (lang, text)
    assert result.reasons


@pytest.mark.parametrize(("lang", "text"), _cases(SAFE))
def test_everyday_forms_stay_quiet(lang: str, text: str) -> None:
    assert screen_text(text).level == "none", (lang, text)


@pytest.mark.parametrize("text", [
    "Mi hermano quiere morir.", "Ma sœur se scarifie depuis des mois.",
    "Mein Bruder hat sich die Arme geritzt.", "Minha amiga quer se matar.",
])
def test_someone_elses_risk_is_not_the_writers(text: str) -> None:
    result = CrisisDetector().detect(text)
    assert result.level == "none"


@pytest.mark.parametrize("text", [
    "Hace tres años quise matarme. Hoy estoy bien.",
    "Il y a deux ans j'ai voulu en finir. Je vais bien maintenant.",
    "Vor drei Jahren wollte ich nicht mehr leben. Heute bin ich froh, dass ich noch da bin.",
    "Há dois anos tentei me matar. Hoje estou bem.",
])
def test_a_resolved_past_is_not_a_current_signal(text: str) -> None:
    assert CrisisDetector().detect(text).level == "none"


@pytest.mark.parametrize("text", [
    "Hace tres años quise matarme. Ahora ha vuelto, otra vez quiero morirme.",
    "Vor drei Jahren wollte ich nicht mehr leben. Jetzt sind die Gedanken schon wieder da, "
    "ich will nicht mehr leben.",
])
def test_a_relapse_after_a_resolved_past_is_flagged(text: str) -> None:
    assert CrisisDetector().detect(text).level != "none"


def test_one_goodbye_cue_alone_is_ordinary_but_two_are_not() -> None:
    assert screen_text("Gracias por todo, de verdad.").level == "none"
    assert screen_text("Le regalé mi guitarra a mi primo.").level == "none"
    assert screen_text("Le regalé mi guitarra a mi primo. Gracias por todo, de verdad."
                       ).opens_support_panel


def test_a_method_named_in_the_sentence_before_completes_a_plan() -> None:
    assert screen_text("Les enfants adorent le trampoline. Demain je saute.").level \
        == "none"
    assert screen_text("Je suis allée voir le pont. Demain je saute.").opens_support_panel


def test_the_sentence_prefilter_keeps_every_match_of_these_forms() -> None:
    det = CrisisDetector()
    for _, text in _cases(RISK) + _cases(SAFE):
        norm = normalise(text)
        starts, ends = det._sentences(norm)
        fast = [(p.regex.pattern, m.span()) for p, m, _ in det._matches(norm, starts, ends)]
        full = [(p.regex.pattern, m.span())
                for p, m, _ in det._matches(norm, starts, ends, prefilter=False)]
        assert fast == full, text
