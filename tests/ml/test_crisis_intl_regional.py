"""Crisis screen on regional and situational phrasings in Spanish, French, German and
Portuguese (pattern screen alone, as the app runs it at save time). Lines are written for these
tests, per family: conditional plans for a place or a weapon if something goes wrong, Swiss,
Bavarian and Austrian German, Québécois and Belgian French, Mexican Spanish and Brazilian
Portuguese, counting the pills it would take, goodbyes that leave nobody any work. On the safe
side: hyperbole about trivial things with a joke or relief marker, everyday trips to bridges and
roofs, dialect small talk, idioms, resolved past, someone else, negation and grief."""

from __future__ import annotations

import pytest

from mindspace.app.screen import screen_text

RISK = [
    # A conditional plan: bad news, then a place, scouted or decided
    ('es',
     'Si mañana me llega la carta del banco, esa noche me voy al puente del río. Ya fui a ver el '
     'sitio.'),
    ('es',
     'Si me deja por el otro, subo a la azotea del edificio de la esquina; ya miré por dónde se '
     'entra.'),
    ('es', 'Si nos quitan la finca, la escopeta está en el granero. Ya lo tengo decidido.'),
    ('es',
     'Cuando me den el resultado, si sale mal, me tiro a las vías del tren. Ya tengo escogido el '
     'lugar.'),
    ('fr',
     "Si on me licencie lundi, je monte sur le toit de l'immeuble. J'ai déjà vérifié que la "
     'porte reste ouverte.'),
    ('fr',
     "Si je perds la garde des petits, j'irai au viaduc en pleine nuit. J'ai repéré l'endroit la "
     'semaine dernière.'),
    ('fr', "Si le tribunal dit non, le fusil est au grenier. C'est décidé dans ma tête."),
    ('fr', 'Si les résultats sont mauvais, je file aux falaises. Tout est prévu.'),
    ('de',
     'Falls der Befund schlecht ist, geh ich nachts zur Brücke. Die Stelle hab ich mir schon '
     'ausgesucht.'),
    ('de',
     'Wenn sie mich verlässt, fahr ich zu den Gleisen hinterm Bahnhof. Ich weiß schon genau, wo.'),
    ('de',
     'Wenn sie mir den Hof wegnehmen, das Gewehr steht im Schuppen. Für mich ist das '
     'entschieden.'),
    ('de',
     'Sollte die Klage scheitern, steig ich aufs Dach vom Hochhaus. Hab mir alles genau '
     'angeschaut.'),
    ('pt', 'Se ela me largar, vou até a ponte de madrugada. Já fui lá ver o lugar.'),
    ('pt', 'Se eu for demitido na segunda, subo no telhado do prédio. Já vi como se sobe.'),
    ('pt', 'Se o banco tomar o sítio, a espingarda está no galpão. Já está decidido.'),
    ('pt', 'Se o exame der ruim, vou pra linha do trem. Já escolhi o ponto.'),
    # Regional German (Swiss, Bavarian, Austrian)
    ('de', 'I bin für alle bloß no a Last. Ohne mi hättens as leichter.'),
    ('de', 'Ich bi nume no e Belaschtig für mini Familie.'),
    ('de', 'Gestern hab i mi wieder gritzt, am Arm, dass es koaner siecht.'),
    ('de', "I hab mi wieder g'schnitten, mit da Klinge vom Rasierer."),
    ('de', "Mei Uhr hab i dem Buam vermacht und an Abschiedsbrief gschriebn. Jetzt passt's."),
    ('de', "Da Sepp hat's überstanden. I beneid'n drum, ehrlich."),
    ('de', 'Der Gedanke, mi umzbringa, macht ma koa Angst mehr. Er beruhigt mi.'),
    ('de', "Am Samstag, wenn d'Kinder beim Papa san, mach i's. Die Tabletten hab i scho beinand."),
    ('de', 'I mag nimmer lebn. Es is ois zvui.'),
    ('de', "I wött nüme läbe, es isch alles z'vill."),
    # Quebec, Belgian and colloquial French
    ('fr', "J'aimerais ça m'endormir pis pu jamais me réveiller, tsé."),
    ('fr', "Je vais me jeter à l'eau sous le pont dimanche soir, une fois pour toutes."),
    ('fr', 'Je serais un poids en moins pour tout le monde si je partais pour de bon.'),
    ('fr', "J'ai compté combien de cachets il me faudrait. Tout est dans la pharmacie de ma mère."),
    ('fr', "J'ai pu l'goût de rien, pis j'pense à en finir, criss."),
    ('fr', "Je vais aller me noyer au lac samedi, personne va s'en rendre compte."),
    # Mexican and colloquial Spanish, Brazilian Portuguese
    ('es', 'Ya no quiero seguir, neta. Nomás soy un estorbo pa todos.'),
    ('es', 'Ya no le hallo sentido, nomás quiero dormirme y ya no despertar.'),
    ('es', 'Llevo semanas juntando pastillas y las escondo en una caja de zapatos.'),
    ('es', 'Ya sé cuántas pastillas me hacen falta, las tengo guardadas en el cajón.'),
    ('pt', 'Percebi que pensar em me matar não me dá mais medo. Virou uma coisa calma.'),
    ('pt', 'Já sei quantos comprimidos preciso, tô guardando faz semanas.'),
    ('pt', 'A ideia de acabar com tudo já não me assusta, até me acalma.'),
    ('de',
     'Ich habe mein Passwort meiner Schwester gegeben, den Hund zu den Nachbarn gebracht und '
     'alles aufgeräumt, damit niemand mit mir Arbeit hat.'),
    ('es',
     'Le dejé las claves del banco a mi hermana, llevé al gato con la vecina y dejé todo limpio '
     'para que nadie tenga que ocuparse de mis cosas.'),
    # second set, other wording: more
    ('es',
     'Si el juez me quita a los niños, agarro el coche y me voy al acantilado. Ya tengo elegido '
     'el sitio.'),
    ('es',
     'Cuando mi mujer se vaya con su madre el sábado, me subo al último piso del edificio. Ya '
     'revisé la puerta de la azotea.'),
    ('fr',
     "Si le médecin confirme, je vais aller au pont de chemin de fer cette nuit-là. J'ai déjà "
     "choisi l'endroit."),
    ('fr', "Si ça rate encore, j'irai sur les rails derrière la gare. Tout est réglé."),
    ('de',
     'Falls die Bank den Kredit ablehnt, fahre ich zum Staudamm. Den Platz hab ich mir schon '
     'ausgesucht.'),
    ('de', "Wenn sie wieder geht, geh ich nachts zu den Bahngleisen. Hab's mir schon überlegt."),
    ('pt', 'Caso eu perca a guarda, vou para o viaduto de noite. Já escolhi o ponto.'),
    ('pt', 'Se o resultado da biópsia vier ruim, subo na laje do prédio. Já está decidido.'),
    ('de', 'I bin für mei Familie nur no a Belastung, ehrlich.'),
    ('de', 'Ohne mi wärn die andern vui bessa dran.'),
    ('de', 'Gestern Nacht hab i mi wieder gritzt, bis es blutet hat.'),
    ('de', 'I mog nimma lebn, es is alls zvui.'),
    ('de', 'Der Gedanke, mi umzbringen, beruhigt mi jetzt.'),
    ('de', "Heit Nacht mach i's. Die Tabletten hab i scho gsammelt."),
    ('fr', "J'voudrais m'endormir pis pu jamais me réveiller."),
    ('fr', 'Je vais aller me noyer dans le fleuve samedi.'),
    ('fr', 'Ça ferait une bouche à nourrir en moins si je partais.'),
    ('fr', "J'ai calculé combien de cachets il me faudrait pour ne plus me réveiller."),
    ('es', 'Nomás soy una carga pa mi jefa, mejor me voy.'),
    ('es', 'Ya calculé cuántas pastillas harían falta.'),
    ('pt', 'Pesquisei quantos comprimidos seriam precisos.'),
    ('pt', 'A vontade de morrer já não me assusta mais.'),
    # third set: older rural and religious writers, young slang writers
    ('es', 'Le pido a Dios cada noche que me recoja ya, no aguanto más este cuerpo ni esta pena.'),
    ('es', 'Si el banco me embarga la casa, cuelgo la soga en el establo. Ya tengo todo pensado.'),
    ('es', 'bro ya no doy más, quiero desaparecer del mapa para siempre'),
    ('es', 'Tengo la cuchilla escondida en el estuche, anoche me corté otra vez.'),
    ('fr', "Seigneur, rappelle-moi à toi, je n'en peux plus de cette vie."),
    ('fr',
     'Si la coopérative me lâche, je prends le fusil et je vais au bois. Ma décision est prise.'),
    ('fr', "jsp frr j'ai plus envie de vivre, je veux juste disparaître pour de bon"),
    ('fr', "Hier soir je me suis encore scarifiée, personne n'a rien vu."),
    ('de', 'Herrgott, hol mich endlich zu dir, ich mag nimmer.'),
    ('de',
     'Wenn der Hof versteigert wird, nehm ich den Strick aus der Scheune. Es ist beschlossen.'),
    ('de', 'digga ich hab kein bock mehr zu leben, ehrlich'),
    ('de', 'Hab mich gestern wieder geritzt, diesmal tiefer.'),
    ('pt', 'Peço a Deus todo dia que me leve, não aguento mais.'),
    ('pt', 'Se tomarem a roça, eu pego a espingarda e vou pro mato. Já tá decidido.'),
    ('pt', 'mano não aguento mais viver, queria sumir pra sempre'),
    ('pt', 'Me cortei de novo ontem à noite, escondi com a manga comprida.'),
    # fourth set, French and German plain diarists: burden, goodbye, envy, calm, self-harm,
    # a time and a method, slang, prayer, a scouted place
    ('fr',
     "Des fois je me dis que ce serait plus simple pour tout le monde si je n'étais plus là."),
    ('fr',
     "J'ai donné ma guitare à mon neveu et j'ai écrit une lettre à chacun. Tout est en ordre."),
    ('fr',
     "Mon oncle est parti l'an dernier et franchement je l'envie, lui il est tranquille "
     'maintenant.'),
    ('fr', "L'idée de mourir ne me fait plus peur, elle me calme même."),
    ('fr', 'Je me suis brûlée avec mon briquet hier soir, exprès.'),
    ('fr', 'Dimanche, quand tout le monde sera chez mamie, je le ferai. Les cachets sont prêts.'),
    ('fr', "wsh j'en peux plus, j'vais m'foutre en l'air ce soir"),
    ('fr', 'Je prie pour ne pas me réveiller demain matin.'),
    ('fr', 'Je suis un fardeau pour mes enfants, ils seraient mieux sans moi.'),
    ('fr', "J'ai repéré le pont de l'autoroute, samedi soir j'y vais."),
    ('de', 'Manchmal denk ich, es wär für alle leichter, wenn ich einfach nicht mehr da wär.'),
    ('de',
     'Hab meinem Neffen die Gitarre geschenkt und jedem einen Brief geschrieben. Jetzt ist alles '
     'geregelt.'),
    ('de', 'Die Oma hat es hinter sich, ich beneide sie richtig.'),
    ('de', 'Der Gedanke ans Sterben macht mir keine Angst mehr, er beruhigt mich sogar.'),
    ('de', 'Hab mich gestern Abend absichtlich mit dem Feuerzeug verbrannt.'),
    ('de', 'Am Sonntag, wenn alle bei Oma sind, mach ich es. Die Tabletten liegen bereit.'),
    ('de', 'Alter ich hab kein Bock mehr auf alles, ich bring mich heut um'),
    ('de', 'Ich bete jeden Abend, dass ich morgen nicht mehr aufwache.'),
    ('de', 'Ich bin nur noch eine Last für meine Kinder, ohne mich wären sie besser dran.'),
    ('de', 'Ich hab mir die Autobahnbrücke schon angeschaut, Samstagnacht geh ich hin.'),
    # fifth set, Spanish and Portuguese: better dead, burden, goodbye, envy, calm, a day and
    # pills, slang, prayer
    ('es', 'Ya no le encuentro caso a seguir, mejor me muero de una vez.'),
    ('es', 'Sin mí mis hijos estarían más tranquilos, solo les doy problemas.'),
    ('es', 'Dejé cartas para todos y regalé mi moto. Ya está todo en orden.'),
    ('es', 'Mi compadre ya descansa y yo aquí sufriendo, le tengo envidia.'),
    ('es', 'Pensar en matarme ya no me asusta, hasta me tranquiliza.'),
    ('es', 'El domingo cuando no haya nadie en casa lo hago, las pastillas ya las tengo.'),
    ('es', 'neta ya me quiero morir, no aguanto nada'),
    ('es', 'Le ruego a Diosito que ya me lleve con él.'),
    ('pt', 'Sem mim minha família ia ficar em paz, eu só dou trabalho.'),
    ('pt', 'Deixei uma carta pra cada um e dei meu violão pro meu sobrinho. Tá tudo resolvido.'),
    ('pt', 'Meu tio já descansou e eu aqui, tenho inveja dele.'),
    ('pt', 'Domingo quando todo mundo sair eu faço. Os remédios já tão guardados.'),
    ('pt', 'mano quero morrer sério, não aguento mais nada'),
    ('pt', 'Me cortei de novo no banheiro ontem, ninguém viu.'),
    ('fr', "J'ai plus la force, je veux juste crever et qu'on me foute la paix."),
    ('de', 'Ich will einfach nur noch sterben, ich kann nicht mehr.'),
    # sixth set, older rural and religious German and French writers
    ('de', 'Der Herrgott soll mich endlich holen, ich hab genug gelebt und bin nur noch im Weg.'),
    ('de',
     'Hab gestern den Strick in der Scheune aufgehängt. Morgen früh, bevor die Frau aufwacht.'),
    ('de', "Seit ich weiß, wie ich's mach, bin ich ganz ruhig."),
    ('de', 'Wär ich doch einfach nicht mehr aufgewacht heut früh.'),
    ('de', 'bro ich schwör ich kann nicht mehr, will mich einfach wegballern'),
    ('de', 'Ich hab schon überlegt, welche Brücke hoch genug ist.'),
    ('de', 'Niemand würde mich vermissen, wenn ich weg wäre.'),
    ('de',
     'Meine Schwester bekommt den Schmuck, mein Bruder das Auto. Ich hab alles aufgeschrieben.'),
    ('fr', "Le bon Dieu peut venir me chercher, je suis prête, je n'ai plus rien à faire ici."),
    ('fr', "J'ai accroché la corde dans la grange hier. Demain matin, avant que ma femme se lève."),
    ('fr', 'Depuis que je sais comment je vais faire, je suis calme.'),
    ('fr', "Si seulement je ne m'étais pas réveillée ce matin."),
    ('fr', "frère j'te jure j'en peux plus, j'ai envie de me faire sauter la cervelle"),
    ('fr', "J'ai déjà regardé quel pont est assez haut."),
    ('fr', 'Personne ne remarquerait si je disparaissais pour de bon.'),
    ('fr', "Ma sœur aura les bijoux, mon frère la voiture. J'ai tout écrit."),
    # seventh set, young writers: slang, a bridge, should just disappear, saved pills
    ('fr', "sérieux j'ai trop envie de crever, plus rien n'a de sens"),
    ('fr', 'Je pense de plus en plus à sauter du pont près de chez moi.'),
    ('fr', 'Je me dis souvent que je devrais juste disparaître, ce serait plus simple.'),
    ('fr', "J'ai mis de côté les somnifères de ma mère, il y en a assez maintenant."),
    ('de', 'ey ich will nicht mehr leben, alles ist scheiße'),
    ('de', 'Ich denk immer öfter dran, von der Brücke zu springen.'),
    ('de', 'Ich sollte einfach verschwinden, das wäre für alle besser.'),
    ('de', 'Ich hab die Schlaftabletten von meiner Mutter gesammelt, es reicht jetzt.'),
    ('es', 'wey ya no quiero vivir, todo me vale'),
    ('es', 'Cada vez pienso más en tirarme del puente cerca de casa.'),
    ('pt', 'tô pensando cada vez mais em pular da ponte aqui perto'),
    ('pt', 'Guardei os remédios da minha mãe, já tem o suficiente.'),
]

SAFE = [
    # Hyperbole about trivial things
    ('es', 'Si vuelvo a escuchar esa canción en el súper me tiro por la ventana, jajaja.'),
    ('es',
     'Si me ponen otra reunión a las ocho me pego un tiro, lo juro. Menos mal que es viernes.'),
    ('es', 'Como tenga que ver otra hoja de Excel hoy me mato. Mañana libre, por fin.'),
    ('fr', "Si j'entends encore une fois ce jingle, je me jette par la fenêtre, mdr."),
    ('fr', "Encore une réunion de deux heures, j'ai failli me pendre avec le câble du projecteur."),
    ('fr',
     "Si ma prof me donne encore un devoir, je me tire une balle. Heureusement c'est les "
     'vacances.'),
    ('de',
     'Wenn ich noch einmal dieses Lied im Radio höre, spring ich vom Balkon. Zum Glück ist bald '
     'Feierabend.'),
    ('de', 'Noch eine Sitzung heute und ich erschieß mich, haha.'),
    ('de', 'Wenn der Drucker noch mal streikt, bring ich mich um. Gott sei Dank ist Wochenende.'),
    ('pt', 'Se eu tiver que ouvir essa música de novo eu me jogo da janela kkkk'),
    ('pt', 'Mais uma planilha hoje e eu me mato, juro. Ainda bem que sexta chegou.'),
    ('pt', 'Se meu chefe mandar mais um áudio eu me atiro da ponte, rsrs.'),
    # Conditional going to places, everyday
    ('es',
     'Si mañana hace buen tiempo, me voy al puente a ver el atardecer. Ya fui a mirar la hora.'),
    ('es', 'Si me dan la beca, me voy a vivir junto al río. Ya fui a ver el piso.'),
    ('fr',
     "Si la réponse est positive, on ira aux falaises d'Étretat pour fêter ça. J'ai déjà repéré "
     'un resto.'),
    ('fr', "Si je rate le train, je prendrai le pont à pied. J'ai repéré le chemin."),
    ('de',
     'Wenn es am Freitag nicht regnet, fahr ich zur Talbrücke zum Fotografieren. Ich war schon '
     'dort und hab mir die Stelle angesehen.'),
    ('de',
     'Wenn die Prüfung klappt, gehen wir aufs Dach vom Hochhaus in die Bar. Hab mir das schon '
     'genau überlegt.'),
    ('pt', 'Se o resultado vier bom, vou até o viaduto ver os fogos. Já fui lá ver a vista.'),
    ('pt', 'Se o banco aprovar, a espingarda de caça vai pro galpão novo. Já está decidido.'),
    # Regional German, everyday
    ('de', 'I bin heut a bissl müd, aber passt scho.'),
    ('de',
     "Der Opa hat's hinter sich, die Operation is guad verlaufn. I beneid'n um sei Gelassenheit."),
    ('de', 'I hab mi beim Zwiebelschneiden gschnitten, aua.'),
    ('de', 'Mei Oma hat ma ihr Radl vermacht, i hab ihr an Dankesbrief gschriebn.'),
    ('de', 'I mag nimmer lernen heut, morgen wieder.'),
    ('de', 'Ich bi nume no müed vom Schaffe.'),
    # Resolved past, someone else, negation, grief
    ('es', 'Hace tres años quería desaparecer. Hoy celebré el cumple de mi hijo y me siento vivo.'),
    ('fr', "Il y a deux ans, je voulais disparaître. Aujourd'hui je suis fière d'être encore là."),
    ('de',
     'Vor zwei Jahren wollte ich nicht mehr leben. Heute bin ich dankbar, dass ich noch da bin.'),
    ('pt',
     'Há dois anos eu queria sumir. Hoje comemorei o aniversário da minha filha e estou bem.'),
    ('fr', "Mon frère m'a dit qu'il voulait se jeter à l'eau, j'ai appelé le 3114 avec lui."),
    ('de',
     'Mein Kumpel meinte, er ist für alle nur noch eine Last. Ich hab ihn zum Arzt gebracht.'),
    ('es', 'Nunca pensé en matarme, solo estaba muy cansado.'),
    ('pt', 'Minha avó morreu em paz, e eu sinto uma saudade enorme.'),
    ('fr', "J'ai compté les cachets de mamie pour remplir son pilulier de la semaine."),
    ('es', 'Guardo las pastillas del perro en el cajón de la cocina.'),
    # second set, other wording: more
    ('es', 'Si vuelvo a ver ese anuncio en la tele me tiro por el balcón, jaja.'),
    ('es',
     'Si mi suegra vuelve a opinar de mi cocina, me pego un tiro. Menos mal que se va mañana.'),
    ('fr', "Si j'entends encore ce reggaeton dans le métro, je me jette sous le train, ptdr."),
    ('fr',
     "Encore un mail du patron à 22h, j'ai failli me jeter par la fenêtre. Heureusement demain "
     "c'est samedi."),
    ('de',
     'Wenn ich dieses Werbelied noch einmal höre, spring ich von der Brücke. Zum Glück ist bald '
     'Urlaub.'),
    ('de', 'Noch ein Meeting und ich häng mich auf, lol.'),
    ('pt', 'Se a professora passar mais um trabalho eu me jogo da ponte kkkkk'),
    ('pt', 'Mais uma reunião dessas e eu me mato, sério rsrs.'),
    ('es', 'Si apruebo el examen, me voy a la playa el sábado. Ya miré los trenes.'),
    ('fr',
     "Si le temps le permet, je monte sur le toit de la cathédrale pour la vue. J'ai déjà "
     'réservé.'),
    ('de',
     'Wenn der Zug pünktlich ist, geh ich noch zur Brücke zum Sonnenuntergang. Hab mir die '
     'Stelle schon angesehen.'),
    ('pt', 'Se der tempo, vou até a ponte ver o pôr do sol. Já vi o horário.'),
    ('de', 'I bin a bissl a Last für mei Rucksack, so vui Zeug.'),
    ('de', 'Ohne mi hättens beim Umzug länger braucht.'),
    ('de', 'Die Kinder ham ins Holz gritzt, was für a Sauerei.'),
    ('de', 'I mag nimmer warten, i will endlich Urlaub.'),
    ('de', "Mach i's heut oder morgen? Die Steuererklärung halt."),
    ('fr', 'Je vais me noyer dans les révisions cette semaine.'),
    ('fr', "Je me suis jetée à l'eau et je lui ai parlé, enfin !"),
    ('es', 'Guardé las contraseñas del wifi en una libreta para que nadie tenga que preguntarme.'),
    ('de', 'Ich hab die Passwörter meiner Mutter aufgeschrieben, damit sie nicht immer anruft.'),
    ('es', 'Nomás soy un estorbo en la cocina cuando mi abuela cocina, jaja.'),
    ('pt', 'Quantos comprimidos preciso por dia? Tenho que perguntar ao médico.'),
    ('fr', "Je sais combien de cachets il me faut par jour, le pharmacien me l'a expliqué."),
    # third set: errands to bridges and roofs, prayers, jokes about trivial things
    ('es', 'Si mañana llueve, me quedo en casa y limpio las ventanas. Ya compré el producto.'),
    ('es', 'Si gano la lotería, me compro un piso con balcón frente al mar. Ya miré precios.'),
    ('es', 'Le pido a Dios que cuide a mis nietos en el viaje.'),
    ('fr',
     "Si le chantier finit tôt, je monte sur le toit réparer les tuiles. C'est prévu depuis "
     'lundi.'),
    ('fr', "Si Paul vient samedi, on ira pêcher sous le pont. J'ai déjà acheté les appâts."),
    ('fr', 'Seigneur, merci pour cette belle journée avec mes petits-enfants.'),
    ('de',
     'Wenn das Wetter hält, fahr ich morgen zum Staudamm radeln. Hab die Strecke schon geplant.'),
    ('de',
     'Falls der Zug ausfällt, geh ich zu Fuß über die Brücke. Hab mir den Weg schon angeschaut.'),
    ('de', 'Herrgott, war das heut ein schöner Sonntag in der Kirch.'),
    ('pt',
     'Se a obra atrasar, subo no telhado pra trocar as telhas. Já está decidido com o pedreiro.'),
    ('pt', 'Se chover, vou até a ponte buscar minha filha de carro. Já vi o caminho.'),
    ('pt', 'Peço a Deus que abençoe a colheita deste ano.'),
    ('es', 'Si mi equipo pierde otra vez la final me tiro al río, jajaja'),
    ('fr', 'Si je dois réécouter ce podcast, je me jette dans la Seine, mdr.'),
    ('de', 'Wenn ich noch eine Mail vom Chef krieg, spring ich in den Fluss, haha.'),
    ('pt', 'Se eu ouvir essa música de novo, me jogo no rio kkk'),
    # fourth set: the same words in everyday entries
    ('fr', "Ce serait plus simple si je n'étais pas là demain, la réunion tombe mal."),
    ('fr', "J'ai donné ma vieille guitare à mon neveu, il était ravi."),
    ('fr', "L'idée de mourir de rire devant ce film, franchement."),
    ('fr', 'Je me suis brûlée en sortant le gratin du four.'),
    ('fr', 'Dimanche, quand tout le monde sera chez mamie, je ferai le ménage.'),
    ('fr', 'Je suis crevée, je vais me coucher et ne pas me réveiller avant midi.'),
    ('fr', "Mon oncle est mort l'an dernier, il me manque tellement."),
    ('fr', "Ce jeu vidéo m'a tuer, j'ai perdu trois fois au même boss mdr."),
    ('de', 'Ich bin morgen nicht da, die Sitzung muss ohne mich laufen.'),
    ('de', 'Hab meinem Neffen die Gitarre geschenkt, er hat sich riesig gefreut.'),
    ('de', 'Hab mich beim Grillen am Feuerzeug verbrannt, halb so wild.'),
    ('de', 'Am Sonntag, wenn alle bei Oma sind, mach ich den Keller sauber.'),
    ('de', 'Ich bin so müde, ich schlaf bis morgen Mittag durch.'),
    ('de', 'Die Oma ist letztes Jahr gestorben, ich vermisse sie sehr.'),
    ('de', 'Das Spiel bringt mich noch um, schon wieder verloren, haha.'),
    ('de', 'Ich hab die Brücke für unser Hochzeitsfoto schon angeschaut, Samstag gehen wir hin.'),
    ('fr', 'Le gâteau pour dimanche ? Je le ferai. Les ingrédients sont prêts.'),
    ('de', 'Die Steuer? Mach ich. Die Unterlagen liegen bereit.'),
    ('es', '¿La cena del sábado? Lo haré yo. Ya tengo todo listo.'),
    ('pt', 'O bolo? Eu faço. Os ingredientes estão prontos.'),
    ('fr', "J'ai repéré un super resto près du pont, j'y vais samedi avec Léa."),
    ('de', 'Ich hab mir die alte Brücke für die Fotos angeschaut, Samstag geh ich hin.'),
    ('es', 'Ya escogí el puente para la sesión de fotos, voy el sábado.'),
    ('pt', 'Já escolhi a ponte pro ensaio de fotos, vou lá no sábado.'),
    ('de',
     'Es wär für alle leichter, wenn ich morgen nicht mehr da wär, der Umzug ist eh fast fertig.'),
    ('fr', 'Je prie pour ne pas me réveiller en retard demain.'),
    ('fr', "Ma sœur est partie vivre au Canada, je l'envie tellement, elle est tranquille là-bas."),
    ('fr', "On va se foutre en l'air le week-end avec ce match, on a aucune chance."),
    # fifth set: dying of hunger or laughter, grief, prayers for patience
    ('es', 'Me muero de hambre, ¿qué hay de cenar?'),
    ('es',
     'Si me toca otra vez guardia el domingo, me muero. Menos mal que tengo vacaciones pronto.'),
    ('es', 'Mi abuelo murió en paz, rodeado de todos nosotros.'),
    ('es', 'Le pido a Dios que me dé paciencia con los niños.'),
    ('pt', 'Morri de rir com esse vídeo kkkk'),
    ('pt', 'Se meu time cair de novo eu me mato kkkkk'),
    ('pt', 'Minha avó descansou, foi em paz. Sinto muita falta.'),
    ('pt', 'Peço a Deus que me dê forças pra terminar a obra.'),
    ('fr', 'Je suis morte de fatigue après ce déménagement.'),
    ('fr', 'Si je rate encore le bus je vais crever de froid, mdr.'),
    ('de', "Ich sterbe vor Hunger, gibt's bald Essen?"),
    ('de', 'Wenn ich noch einmal diese Schlager höre, sterb ich, haha.'),
    ('es', 'Mejor me muero de risa que de aburrimiento en esa clase.'),
    ('es', 'Sin mí la fiesta habría estado más tranquila, me fui temprano.'),
    ('es', '¿La mudanza? Lo hago, no te preocupes, tengo la furgoneta.'),
    ('es', 'Solo le doy trabajo a mi madre cuando me enfermo, pobre.'),
    ('pt', 'Antes morrer de calor na praia do que de frio aqui.'),
    # sixth set: harvests, swings and washing lines, hikes, moving house
    ('de', 'Der Herrgott hat uns heuer eine gute Ernte geschenkt.'),
    ('de', 'Hab den Strick für die Schaukel in der Scheune aufgehängt, die Enkel freuen sich.'),
    ('de', 'Seit ich weiß, wie man Sauerteig macht, bin ich ganz ruhig beim Backen.'),
    ('de', 'Ich hab schon überlegt, welche Brücke wir beim Stadtlauf nehmen.'),
    ('de', 'Meine Schwester bekommt meinen alten Laptop, ich hab mir einen neuen gekauft.'),
    ('fr', 'Le bon Dieu nous a donné une belle récolte cette année.'),
    ('fr', "J'ai accroché la corde à linge dans la grange hier."),
    ('fr', "J'ai déjà regardé quel pont on prend pour la randonnée."),
    ('fr', "Ma sœur aura mon vieux vélo, je m'en suis acheté un neuf."),
    ('fr', 'Personne ne remarquerait si je partais plus tôt de la réunion.'),
    ('fr', "Je n'ai plus rien à faire ici, je rentre à la maison."),
    ('de', 'Ich hab genug gelebt in dieser lauten Stadt, wir ziehen aufs Land.'),
    ('es', 'Ya viví bastante en Madrid, ahora me toca la costa.'),
    ('de', 'Ich bin nur im Weg in der Küche, sagt meine Frau.'),
    # seventh set: pick-ups, rooms after building work, idioms, pharmacy returns
    ('de', 'Gott soll mich bewahren vor noch so einem Winter, haha.'),
    ('de', 'Hol mich endlich ab, ich steh schon seit zehn Minuten am Bahnhof!'),
    ('de', 'Mein Sohn bekommt den Keller, meine Tochter das Dachzimmer, wenn wir umbauen.'),
    ('fr', 'Mon fils aura la chambre du haut, ma fille la petite, après les travaux.'),
    ('es', 'Mi hijo se queda con el cuarto grande y mi hija con el pequeño cuando nos mudemos.'),
    ('fr', 'Je pense de plus en plus à sauter le pas et changer de boulot.'),
    ('de', 'Ich sollte einfach verschwinden, bevor mein Chef die Liste sieht, haha.'),
    ('es', 'Cada vez pienso más en tirarme a la piscina y pedirle una cita.'),
    ('pt', 'Tô pensando em pular o almoço hoje, tô sem fome.'),
    ('fr', "J'ai mis de côté les somnifères périmés pour les rapporter à la pharmacie."),
    ('fr', 'Je devrais juste disparaître de ce groupe WhatsApp, ce serait plus simple, mdr.'),
    ('de', 'Ich sollte lieber verschwinden, bevor es regnet, das wäre besser für die Wäsche.'),
]

# English hyperbole and everyday lines the pattern screen used to read as risk, and the
# plain statements next to them that must still be read
EN_SAFE = [
    "My tax return is such a mess I'm considering faking my own death and moving to a farm.",
    "Ran my first half marathon and honestly thought I was going to die at mile ten.",
    "If I hear that advert jingle one more time I'll throw myself off the balcony.",
    "If I have to sit through another budget meeting I will walk into the sea.",
    "Night shift in A&E. Saw my first overdose come in and helped with the naloxone.",
    "Had the gas station sushi. If I don't make it, tell my plants I loved them. Kidding.",
]
EN_RISK = [
    "I'm going to throw myself off the roof tonight.",
    "I took an overdose last night and nobody knows.",
    "I think I am going to die by my own hand soon.",
    "I will walk into the sea this weekend and not come back.",
    "If I don't make it through tonight, tell the kids I loved them.",
]


@pytest.mark.parametrize(("lang", "text"), RISK)
def test_regional_risk_forms_open_the_support_panel(lang: str, text: str) -> None:
    result = screen_text(text)
    assert result.opens_support_panel, (lang, text)
    assert result.reasons


@pytest.mark.parametrize(("lang", "text"), SAFE)
def test_regional_everyday_forms_stay_quiet(lang: str, text: str) -> None:
    assert screen_text(text).level == "none", (lang, text)


@pytest.mark.parametrize("text", EN_SAFE)
def test_english_hyperbole_and_clinical_lines_stay_quiet(text: str) -> None:
    assert screen_text(text).level == "none", text


@pytest.mark.parametrize("text", EN_RISK)
def test_english_plain_statements_next_to_them_are_read(text: str) -> None:
    assert screen_text(text).opens_support_panel, text


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Si mañana me vuelven a echar de casa me tiro del puente, ya lo tengo pensado."),
    ("fr", "Si je rate encore, je me jette sous un train."),
    ("de", "Wenn sie mich wieder verlässt, spring ich von der Brücke. Das ist entschieden."),
    ("pt", "Se eu perder o emprego de novo eu me mato, não é brincadeira."),
])
def test_a_serious_condition_or_a_decision_is_not_hyperbole(lang: str, text: str) -> None:
    assert screen_text(text).opens_support_panel, (lang, text)
