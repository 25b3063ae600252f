"""Crisis screen on the indirect and colloquial forms of risk in Spanish, French, German and
Portuguese, and on the everyday forms that must stay quiet (pattern screen alone, as the app
runs it at save time). Lines are written for these tests: passive wishes, burden, goodbyes
without the word death, envy of the dead, calm acceptance, plans across two sentences,
self-harm acts and urges, slang and regional forms; idioms, hyperbole, grief, media, study,
resolved past, worry about someone else and negation on the safe side."""

from __future__ import annotations

import pytest

from mindspace.app.screen import screen_text
from mindspace.ml.crisis import CrisisDetector
from tests.ml.crisis_checks import assert_prefilter_finds_every_match

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


# More lines in other registers: older writers, chat spelling, regional forms, long entries.
RISK_MORE = {
    "es": [
        "No aguanto más, esta noche me tomo el bote entero de clonazepam.",
        "Ya escribí las cartas. Mañana temprano, antes de que se despierten, lo hago.",
        "Lo único que quiero es dormir y que no haya mañana.",
        "Cada vez que paso por las vías pienso en tirarme.",
        "Para qué seguir, si todos estarían más tranquilos si yo no estuviera.",
        "Me rayé los brazos con un compás en clase, nadie se dio cuenta.",
        "Ya no le tengo miedo a la muerte, la espero como a una amiga.",
        "Me siento un cacho de mierda, ojalá me muriera de una vez.",
        "Tengo ganas de hacerme daño otra vez, me pican los brazos.",
        "Si repruebo otra vez, me mato, ya lo tengo decidido.",
        "A veces fantaseo con no existir, con que todo se apague.",
        "Estoy harta de vivir así, quiero que todo termine.",
        "Desde que murió Paco no encuentro consuelo. He guardado las pastillas del corazón y "
        "cuando pase la Navidad me las tomaré todas.",
        "Hoy limpié la casa, pagué las deudas y dejé los papeles del banco a la vista. Así nadie "
        "tendrá que preocuparse por nada cuando yo falte.",
        "ya no kiero estar aki, nadie me pela, mejor me muero",
        "toy harta de todo, el finde me tiro del puente y ya",
        "Me he vuelto a hacer cortes en los muslos, esta vez más hondo.",
        "Le pido a la Virgen que me lleve pronto con mi marido.",
        "Ayer estuve mirando cuánta altura tiene la azotea del edificio. Es suficiente.",
        "Tengo claro que no voy a llegar a fin de año. Ya está decidido.",
        "Nadie me echaría de menos si me fuera para siempre.",
        "Estoy cansado de luchar, solo quiero descansar para siempre.",
        "Trabajo, casa, niños, otra vez trabajo. Nadie ve nada. Esta semana compré una cuerda en "
        "la ferretería y la escondí en el maletero. Después hice la cena como siempre.",
        "Me encantaría dormirme y no volver a abrir los ojos.",
        "Si mañana no me despierto, mejor para todos.",
        "Estoy pensando seriamente en acabar con mi vida.",
        "Me quiero ir de este mundo, ya no encajo en ninguna parte.",
        "Boludo, no doy más, me voy a matar.",
        "Me arranco la piel de los brazos hasta sangrar cuando me agobio.",
        "Me da igual vivir o morir, la verdad.",
    ],
    "fr": [
        "Ce soir je vide la boîte de somnifères, j'en ai marre.",
        "J'ai écrit à chacun une lettre. Demain matin ce sera terminé.",
        "Je voudrais m'endormir pour ne plus jamais me réveiller.",
        "Chaque fois que je prends le métro je pense à sauter sous la rame.",
        "Tout le monde serait soulagé si je n'étais plus là.",
        "Je me suis encore brûlée avec une cigarette, exprès.",
        "La mort ne me fait plus peur du tout, je l'attends presque.",
        "Ça sert à rien de continuer, je veux que tout s'arrête.",
        "J'ai tellement envie de me faire du mal ce soir.",
        "Si je rate encore, je me jette sous un train.",
        "Je n'ai plus aucune raison de rester en vie.",
        "Chuis tannée, j'veux juste crever.",
        "Depuis le départ de Jeanne, je n'ai plus goût à rien. J'ai mis de côté mes cachets pour "
        "le cœur et je les prendrai tous après Noël.",
        "J'ai tout réglé chez le notaire et laissé les papiers bien en vue. Personne n'aura à "
        "s'occuper de rien quand je ne serai plus là.",
        "jsp jveux plus être là, personne calcule, autant crever",
        "chui à bout, ce week-end je saute du pont et basta",
        "Je me suis refait des entailles sur les cuisses, plus profondes cette fois.",
        "Je prie le Bon Dieu de venir me chercher pour retrouver mon mari.",
        "Je ne passerai pas l'hiver, c'est décidé.",
        "Personne ne remarquerait si je partais pour de bon.",
        "Je suis fatiguée de me battre, je veux juste dormir pour toujours.",
        "Y'a pas d'issue, je vois pas comment m'en sortir autrement qu'en me tuant.",
        "Boulot, maison, enfants, encore le boulot. Personne ne voit rien. Cette semaine j'ai "
        "acheté une corde et je l'ai cachée dans le coffre. Après j'ai fait le dîner comme "
        "d'habitude.",
        "J'aimerais tant m'endormir et ne plus jamais rouvrir les yeux.",
        "Si demain je ne me réveille pas, tant mieux pour tout le monde.",
        "Je pense sérieusement à mettre fin à ma vie.",
        "Je veux quitter ce monde, je n'ai ma place nulle part.",
        "Tabarnak, j'en peux pu, j'vais me tuer.",
        "Je m'arrache la peau des bras jusqu'au sang quand ça déborde.",
        "Vivre ou mourir, ça m'est égal maintenant.",
    ],
    "de": [
        "Heute Nacht schlucke ich die ganze Packung Schlaftabletten.",
        "Die Abschiedsbriefe sind geschrieben. Morgen früh ist es vorbei.",
        "Ich will einfach nur schlafen und nie mehr aufwachen.",
        "Jedes Mal am Bahnsteig denke ich daran, vor den Zug zu springen.",
        "Alle wären erleichtert, wenn ich nicht mehr da wäre.",
        "Hab mich wieder mit der Zigarette verbrannt, absichtlich.",
        "Der Tod macht mir keine Angst mehr, ich warte fast darauf.",
        "Es hat alles keinen Zweck mehr, ich will, dass es aufhört.",
        "Ich hab so Lust, mir wehzutun.",
        "Wenn ich die Prüfung nicht schaffe, bring ich mich um.",
        "Ich hab keinen Grund mehr, am Leben zu bleiben.",
        "I mag nimma, i wü nur no sterben.",
        "Seit Gertrud tot ist, hat nichts mehr Sinn. Ich hebe meine Herztabletten auf und nach "
        "Weihnachten nehme ich sie alle.",
        "Ich habe beim Notar alles geregelt und die Papiere sichtbar hingelegt. Niemand muss sich "
        "um etwas kümmern, wenn ich nicht mehr bin.",
        "kb mehr auf alles, will nur noch tot sein",
        "bin komplett durch, am wochenende spring ich von der brücke",
        "Ich hab mir wieder die Oberschenkel aufgeschnitten, diesmal tiefer.",
        "Ich bitte den lieben Gott jeden Tag, mich zu meinem Mann zu holen.",
        "Den nächsten Winter erlebe ich nicht mehr, das steht fest.",
        "Es würde keiner merken, wenn ich für immer weg wäre.",
        "Ich bin so müde vom Kämpfen, ich will nur noch für immer schlafen.",
        "Ich sehe keinen anderen Ausweg mehr, als mich umzubringen.",
        "Arbeit, Haushalt, Kinder, wieder Arbeit. Keiner merkt was. Diese Woche hab ich ein Seil "
        "gekauft und im Kofferraum versteckt. Danach hab ich wie immer gekocht.",
        "Ich würde so gern einschlafen und die Augen nie wieder öffnen.",
        "Wenn ich morgen nicht aufwache, ist es für alle besser.",
        "Ich denke ernsthaft darüber nach, mein Leben zu beenden.",
        "Ich will weg von dieser Welt, ich passe nirgends hin.",
        "Oida, i pack des nimma, i bring mi um.",
        "Ich kratze mir die Haut an den Armen auf, bis es blutet.",
        "Ob ich lebe oder sterbe, ist mir inzwischen egal.",
    ],
    "pt": [
        "Hoje à noite tomo a cartela inteira de rivotril.",
        "As cartas já estão escritas. Amanhã cedo acaba tudo.",
        "Só queria dormir e não acordar nunca mais.",
        "Toda vez que passo na ponte penso em pular.",
        "Todo mundo ficaria aliviado se eu não estivesse mais aqui.",
        "Me queimei com o isqueiro de propósito de novo.",
        "A morte não me assusta mais, quase espero por ela.",
        "Não adianta mais continuar, quero que tudo acabe.",
        "Tô com muita vontade de me machucar hoje.",
        "Se eu reprovar de novo, eu me mato.",
        "Não tenho mais motivo nenhum pra continuar vivo.",
        "Tô de saco cheio da vida, queria morrer logo.",
        "Desde que a Lurdes partiu não tenho gosto por nada. Guardei os comprimidos do coração e "
        "depois do Natal tomo-os todos.",
        "Resolvi tudo no notário e deixei os papéis à vista. Ninguém vai ter de tratar de nada "
        "quando eu já não estiver cá.",
        "ngm liga pra mim, n quero mais tá aqui, melhor morrer",
        "to no limite, fds eu pulo da ponte e pronto",
        "Voltei a fazer cortes nas coxas, mais fundos desta vez.",
        "Peço a Nossa Senhora que me leve para junto do meu marido.",
        "Não passo deste inverno, já está decidido.",
        "Ninguém ia notar se eu sumisse de vez.",
        "Tô cansada de lutar, só quero descansar pra sempre.",
        "Não vejo outra saída a não ser me matar.",
        "Trabalho, casa, filhos, trabalho de novo. Ninguém vê nada. Essa semana comprei uma corda "
        "e escondi no porta-malas. Depois fiz o jantar como sempre.",
        "Adoraria dormir e nunca mais abrir os olhos.",
        "Se amanhã eu não acordar, melhor pra todo mundo.",
        "Tô pensando seriamente em tirar minha vida.",
        "Quero ir embora deste mundo, não me encaixo em lugar nenhum.",
        "Mano, não dá mais, vou me matar.",
        "Arranco a pele dos braços até sangrar quando fico mal.",
        "Tanto faz viver ou morrer, sinceramente.",
    ],
}

SAFE_MORE = {
    "es": [
        "Hoy me quise morir de la vergüenza cuando me caí en la calle.",
        "Mi tía se quitó la vida hace diez años y hoy fuimos a su tumba.",
        "No pienso matarme por un examen, ya habrá otros.",
        "Este dolor de muelas me está matando, mañana voy al dentista.",
        "Estoy leyendo un libro sobre la prevención del suicidio en adolescentes.",
        "Mi mejor amiga me dijo que quiere desaparecer, la llevé con la psicóloga.",
        "Terminé el proyecto, se acabó todo el estrés, ¡a descansar!",
        "Le dejé una carta a mi novio por nuestro aniversario.",
        "Hace cinco años pensé en suicidarme. Hoy tengo una familia y soy feliz.",
        "Me voy a morir de hambre si no comemos ya.",
        "Quiero desaparecer un rato de redes, me tienen saturada.",
        "Mi mamá me va a matar cuando vea las notas jajaja",
        "Me mato a estudiar toda la semana y saco un 5, qué injusto.",
        "Voy a tirar la toalla con el gimnasio, no es lo mío.",
        "Mañana lo hago, hoy no tengo ganas de limpiar.",
        "Le di las gracias por todo a mi jefa en la despedida. Fue bonito.",
        "Mi abuelo ya descansa, sufrió mucho los últimos meses. Lo extraño.",
        "Tomo todas las pastillas que me mandó el médico, sin saltarme ninguna.",
        "Estoy muerta de cansancio, necesito dormir para siempre jaja",
        "Pensé en la muerte de mi padre toda la tarde, lo echo mucho de menos.",
        "En la peli el chico se tira del puente y sobrevive, qué mal guion.",
        "Mi vecina me contó que su hijo se quiere matar. Le di el teléfono de ayuda.",
        "Ya no tengo miedo a volar, el viaje fue genial.",
        "Prefiero morir antes que volver a ese restaurante.",
        "Si pierde el Barça otra vez me mato jajaja",
        "Hoy pagué todas las deudas y dejé los papeles en orden. ¡Por fin respiro tranquila!",
        "Mi madre dice que ya no quiere vivir sola, vamos a buscarle una residencia.",
        "Ayer subí a la azotea a tender la ropa y vi el atardecer.",
        "Compré una cuerda para tender la ropa en el balcón.",
        "Mañana no me despierto antes de las diez, ¡vacaciones!",
        "Mi abuelo decía que le daba igual vivir o morir, pero amaba a sus nietos.",
    ],
    "fr": [
        "J'ai failli mourir de honte pendant ma présentation.",
        "Mon oncle s'est suicidé il y a quinze ans, on en parle enfin en famille.",
        "Je ne vais pas me tuer pour un partiel raté.",
        "Cette migraine me tue, je vais me coucher.",
        "J'ai lu un article sur la prévention du suicide chez les agriculteurs.",
        "Mon copain dit qu'il veut disparaître, je l'ai emmené voir un médecin.",
        "J'ai envie de disparaître sous la couette tout le week-end.",
        "J'ai écrit une lettre à ma grand-mère pour son anniversaire.",
        "À 16 ans je voulais mourir. Aujourd'hui j'ai 30 ans et je suis heureuse.",
        "Je crève de chaud dans ce bureau.",
        "Je veux disparaître de ce groupe WhatsApp, trop de messages.",
        "Ma mère va me tuer quand elle verra mon bulletin.",
        "Je me tue à la tâche pour ce patron ingrat.",
        "Demain je le fais, promis, ce rangement de garage.",
        "Merci pour tout à mes collègues, c'était mon dernier jour avant la retraite.",
        "Mon grand-père repose enfin, il souffrait tellement. Il me manque.",
        "Je prends tous mes médicaments le matin avec un grand verre d'eau.",
        "J'ai pensé à la mort de ma mère toute la journée, c'est dur.",
        "Dans la série, elle saute du pont mais elle survit.",
        "Ma voisine m'a dit que son fils voulait se suicider, je lui ai donné le numéro du 3114.",
        "Je n'ai plus peur de l'avion depuis ce stage.",
        "Plutôt crever que de manger chez eux encore une fois.",
        "Je vais crever de chaud dans ce train.",
        "J'ai envie de mourir de rire en regardant ce spectacle.",
        "J'ai tout réglé chez le notaire pour la vente de la maison, quel soulagement.",
        "Ma mère dit qu'elle ne veut plus vivre seule, on cherche une maison de retraite.",
        "Ce week-end je saute en parachute, trop hâte !",
        "J'ai acheté une corde à sauter pour le sport.",
        "Demain je ne me réveille pas avant midi, c'est férié !",
    ],
    "de": [
        "Ich bin vor Scham fast gestorben, als ich hingefallen bin.",
        "Mein Onkel hat sich vor fünfzehn Jahren das Leben genommen. Heute waren wir am Grab.",
        "Ich bring mich doch nicht wegen einer Klausur um.",
        "Diese Kopfschmerzen bringen mich um, ich leg mich hin.",
        "Ich habe einen Artikel über Suizidprävention bei Landwirten gelesen.",
        "Mein Freund sagt, er will verschwinden. Ich hab ihn zum Arzt gebracht.",
        "Ich will am Wochenende einfach verschwinden, ab in die Berge.",
        "Ich habe meiner Oma einen Brief zum Geburtstag geschrieben.",
        "Mit 16 wollte ich sterben. Heute bin ich 30 und glücklich.",
        "Ich sterbe vor Hitze in diesem Büro.",
        "Ich will aus dieser WhatsApp-Gruppe verschwinden, zu viele Nachrichten.",
        "Meine Mutter bringt mich um, wenn sie das Zeugnis sieht.",
        "Morgen mach ich es, versprochen, den Keller aufräumen.",
        "Danke für alles an meine Kollegen, heute war mein letzter Arbeitstag.",
        "Opa hat endlich seine Ruhe, er hat so gelitten. Er fehlt mir.",
        "Ich nehme alle meine Tabletten morgens mit einem Glas Wasser.",
        "Ich habe den ganzen Tag an den Tod meiner Mutter gedacht.",
        "In der Serie springt sie von der Brücke, aber sie überlebt.",
        "Meine Nachbarin sagt, ihr Sohn will sich umbringen. Ich hab ihr die Nummer der "
        "Telefonseelsorge gegeben.",
        "Ich habe keine Angst mehr vorm Fliegen.",
        "Lieber sterbe ich, als noch einmal dort zu essen.",
        "Ich könnte sterben vor Lachen bei diesem Video.",
        "Ich hab mich beim Rasieren geschnitten, blöd.",
        "Ich werde sterben, wenn ich noch eine Folge schaue, so müde bin ich lol",
        "Ich habe beim Notar alles für den Hausverkauf geregelt, endlich.",
        "Meine Mutter will nicht mehr allein leben, wir suchen ein Heim.",
        "Am Wochenende spring ich vom Zehnmeterbrett, endlich trau ich mich.",
        "Ich hab ein Seil für die Wäscheleine gekauft.",
        "Morgen wache ich nicht vor zehn auf, endlich Urlaub.",
    ],
    "pt": [
        "Quase morri de vergonha quando caí na rua.",
        "Meu tio se matou há quinze anos. Hoje fomos ao túmulo dele.",
        "Não vou me matar por causa de uma prova.",
        "Essa dor de dente tá me matando, amanhã vou no dentista.",
        "Li um artigo sobre prevenção do suicídio entre agricultores.",
        "Meu namorado disse que quer sumir, levei ele no médico.",
        "Quero sumir no fim de semana, ir pra praia sem celular.",
        "Escrevi uma carta pra minha avó no aniversário dela.",
        "Aos 16 eu queria morrer. Hoje tenho 30 e sou feliz.",
        "Tô morrendo de calor nesse escritório.",
        "Quero sumir desse grupo do WhatsApp, mensagem demais.",
        "Minha mãe vai me matar quando vir o boletim.",
        "Me mato de trabalhar nesse emprego e ninguém reconhece.",
        "Amanhã eu faço, prometo, a faxina da casa.",
        "Obrigada por tudo, colegas, hoje foi meu último dia antes da aposentadoria.",
        "Meu avô finalmente descansou, sofreu muito. Sinto falta dele.",
        "Tomo todos os meus remédios de manhã com um copo de água.",
        "Pensei na morte da minha mãe o dia todo, que saudade.",
        "Na série ela pula da ponte mas sobrevive.",
        "Minha vizinha disse que o filho quer se matar, passei o número do CVV.",
        "Não tenho mais medo de avião depois do curso.",
        "Prefiro morrer a comer lá de novo.",
        "Vou morrer de rir com esse vídeo kkkkk",
        "Me cortei fazendo a barba, que raiva.",
        "Resolvi tudo no cartório para a venda da casa, que alívio.",
        "Minha mãe não quer mais viver sozinha, estamos procurando um lar.",
        "No fim de semana vou pular de paraquedas, que ansiedade boa!",
        "Comprei uma corda pra pular, vou voltar a treinar.",
        "Amanhã não acordo antes das dez, feriado!",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, lines in table.items() for text in lines]


@pytest.mark.parametrize(("lang", "text"), _cases(RISK) + _cases(RISK_MORE))
def test_risk_forms_open_the_support_panel(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.opens_support_panel, (lang, text)
    assert result.reasons


@pytest.mark.parametrize(("lang", "text"), _cases(SAFE) + _cases(SAFE_MORE))
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
    cases = _cases(RISK) + _cases(SAFE) + _cases(RISK_MORE) + _cases(SAFE_MORE)
    assert_prefilter_finds_every_match(CrisisDetector(), (text for _, text in cases))
