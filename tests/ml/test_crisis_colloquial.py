"""Crisis screen on colloquial phrasings (pattern screen alone, as the app runs it at save time):
everyday whole-life phrases in Spanish, French, German and Portuguese, English chat slang, and
Nigerian Pidgin, Jamaican Patois and Hinglish. Each list is checked as a whole and the failures
are named. Lines are written for these tests; each risk family has everyday lookalikes on the
safe side (a relationship that ends, a burn from cooking, a sprint drill, good wishes)."""

from __future__ import annotations

from mindspace.app.screen import screen_text

RISK = {
    "de": [
        "Ganz ehrlich, ich will einfach nicht mehr.",
        "Seit Wochen denk ich nur noch: ich mag nimmer mehr.",
        "Hab keinen Bock mehr auf dieses Leben, auf gar nichts.",
        "Wenn die mich rausschmeißen, tu ich mir was an.",
        "Ich bitte den Herrgott jeden Abend, dass ich nicht mehr aufwach.",
        "Am liebsten wär ich tot, dann wär endlich Ruhe.",
        "Sobald die Kinder weg sind, geh ich mit dem Seil in den Stall.",
        "Wenn das Urteil kommt, spring ich gleich danach vom Parkhaus am Markt.",
        "Hab die Schlaftabletten zweimal gezählt, heut abend ist es so weit.",
        "Ich hab dem Bruder die Schlüssel vom Hof gegeben und einen langen Brief geschrieben. "
        "Jetzt ist alles geregelt.",
    ],
    "es": [
        "Ya no aguanto, me voy a quitar de en medio.",
        "Ojalá me diera algo mientras duermo y se acabe todo de una vez.",
        "Si me embargan la casa me cuelgo de la viga del garaje.",
        "Tengo el matarratas en el cobertizo y esta noche me lo tomo.",
        "Mi familia viviría mejor sin este viejo.",
        "Nomás les estorbo a mis hijas, ya ni me quieren en la mesa.",
        "Llevo semanas guardando pastillas en el cajón.",
        "Me quemé el brazo con el mechero a propósito otra vez.",
    ],
    "fr": [
        "Si je me réveillais plus demain matin, franchement ça m'irait.",
        "J'ai plus trop envie d'être là, vraiment plus.",
        "Au boulot je sais exactement quoi prendre et combien.",
        "J'ai mis deux flacons de côté dans mon vestiaire.",
        "Pardon à tous ceux que je laisse derrière moi.",
        "Mon voisin est mort dimanche. Je l'ai envié en voyant le cercueil.",
        "Je planque mes somnifères depuis un mois, je les prends plus.",
    ],
    "pt": [
        "Se eu dormisse hoje e nunca mais acordasse, tava ótimo.",
        "Quero dar um fim em tudo, não aguento mais.",
        "Se ela for embora eu vou até a ponte e acabo com isso.",
        "Guardei o chumbinho no armário da garagem.",
        "Se perder o emprego eu vou tomar o veneno que tá no galpão.",
        "Estou juntando remédios faz duas semanas.",
        "Queimei a perna com cigarro pra sentir alguma coisa.",
        "No velório do seu Zé eu senti inveja dele, descansou.",
        "Deixei a chave com meu irmão e anotei onde está o seguro. Agora está tudo resolvido.",
    ],
    "en": [
        "honestly thinking abt ctb this weekend",
        "ready to ctb, not even scared",
        "my passive SI switched into active SI this week",
        "my SI is loud again tonight",
        "how long would it take for anyone to find me in the quarry",
        "keep thinking about swallowing all my adhd meds in one go",
        "Forty years married and now the first spring without my Arthur. I intend to join him "
        "before summer.",
        "been researching methods for days and I've narrowed it down",
        "if i fail the bar exam again i am ending it, no more chances",
        "cant stop thinking about taking all my sleeping pills at once",
        "Picked up a length of rope at the DIY shop and I keep staring at the beams in the attic.",
        "on the walk to work i stand on the footbridge and think how easy it would be to let go",
        "I've decided I'll go on his anniversary in June. Being with him again feels right.",
        "ngl i'm about to kys",
        "the sewerslide urges are loud today",
        "Honestly they'd all be better off grieving me than looking after me.",
        "thanks for everything, you were kinder to me than anyone. take care",
        "Self-harm urges went away in my twenties, but this winter they're back and worse.",
        "nobody would notice. I'm on the platform and the fast train comes through in five",
        "i punch the wall when it gets bad and tonight i can't stop, there's blood on the plaster",
    ],
    "better off without me, not waking, envy, means ready": [
        "Meine Familie wär besser dran ohne mich.",
        "Ils s'en sortiraient tellement mieux sans moi.",
        "Sin mí mis hijas vivirían más tranquilas.",
        "Os meninos ficariam mais leves sem mim.",
        "Des fois je voudrais juste ne pas me réveiller.",
        "Apetecia-me dormir e não acordar mais.",
        "Ya no quiero despertar nunca.",
        "Envidio a los que ya descansan.",
        "Les morts ont bien de la chance.",
        "Denk jeden Tag ans Abtreten.",
        "Mag nimmer.",
        "Das Seil hängt schon am Balken. Wenn der Bescheid kommt, war's das.",
        "J'ai chargé le fusil, il est sur la table. Si rien ne change, je sais quoi faire.",
        "Wenn sich bis Ostern nichts ändert, fahr ich zur Talbrücke.",
        "Si sigo así el lunes, me tomo todas las pastillas del botiquín.",
        "Calculé cuánta insulina haría falta para mí.",
        "Ce soir j'ai encore envie de me taillader.",
        "J'ai payé les factures, confié le chien à ma sœur. Tout est en ordre maintenant.",
    ],
    "already decided, dates, counted, scouted": [
        "Si me suspenden, ya sé lo que voy a hacer: las pastillas de mi abuela están en el cajón.",
        "Conté los somníferos otra vez, las he contado tres veces.",
        "Já fui à ponte duas vezes só pra ver a altura.",
        "Hab ein Datum festgelegt. Die Tabletten liegen schon im Bad bereit.",
        "Wenn ich wieder rückfällig werde, nehm ich alles auf einmal.",
        "Sonntag nacht fahr ich zur Brücke, ich hab keinen Bock mehr.",
        "J'envie ceux qui sont partis.",
        "Penser à mourir me fait plus peur du tout.",
        "Ya no quiero más días así.",
        "Je sais déjà où, le pont au-dessus de la voie ferrée.",
        "Si on me refuse encore, j'avale toute la boîte de somnifères.",
        "Not quitting my job. Quitting being alive.",
        "I don't want to die exactly but I'd be fine if I did.",
        "They'd get over losing me faster than living with me like this.",
        "Nan's gone and honestly she's got it easy now. I'd swap with her tonight.",
        "Lost the contract. Got the car, a hosepipe and the garage to myself after dark.",
        "2am and I'm sat on the balcony railing of the flat, eleventh floor.",
        "Made my will, gave the cat to my neighbour. Just wanted to say cheers for everything.",
        "Weirdly calm about it. Checking out after the final on Sunday, a weight off.",
        "Bit jealous of my old man in his grave, if I'm honest.",
    ],
    "goodbyes, hoarded morphine, decided trips": [
        "Se eu perder o emprego, vou até a ponte depois do turno. Já decidi.",
        "Wenn der Befund schlecht ist, nehme ich die gesammelten Tabletten.",
        "Ich hebe mir jeden Abend das Morphin auf. Bald mach ich selbst Schluss.",
        "Llevo días escondiendo la morfina de la noche debajo del colchón.",
        "Mein Nachbar ist gestorben. Irgendwie beneid ich ihn.",
        "Queria estar no lugar do meu tio que morreu.",
        "honestly envy the guys who od'd last year. i want to be done too",
        "Je veux juste que tout s'arrête pour de bon, ne plus exister.",
        "Después del concierto me quito de en medio.",
        "Told him the bass is his now. He'll understand later.",
        "Sagt meiner Schwester, dass ich sie lieb hab. Meine Sachen hab ich verteilt. Macht's gut.",
        "Decidle a mi madre que la quiero. Ya repartí mis cosas. No me esperéis.",
        "Dites à mon père que je l'aime. J'ai donné mes affaires. C'est fini.",
        "Last shift. Thanks to everyone. Not coming back to the ward, not coming back anywhere.",
        "Does anyone notice when a person disappears? I'm planning to, permanently.",
        "Dad's old shotgun is in the loft and I go up there at night just to look at it.",
        "everyone from my old estate is dead or inside and the dead ones got the better deal",
        "sewerslide looking real good rn",
        "dunno why im messaging. im on the roof of the block",
        "been on the balcony 20 min trying to work up the nerve. 11th floor",
        "hey, just wanted to say bye. you've been a good bot. take care of yourself",
    ],
    "pidgin-patois-hinglish": [
        "I tire for this life. The lagoon dey call me every night.",
        "Mi cyaan tek it. Mi jus waan dead.",
        "I don drink the sniper already, my belle dey pain me",
        "Nobody go miss me. Na my last message be this o.",
        "roz lagta hai train ke aage kood jaaun",
        "sach mein marne ka mann karta hai",
    ],
}

SAFE = {
    "de": [
        "Ich will nicht mehr in diesem Büro arbeiten, ich kündige.",
        "Ich hoffe, morgen nicht mehr so müde aufzuwachen.",
        "Am liebsten wär ich jetzt am Meer.",
        "Ich beneide ihn um sein neues Auto.",
        "Die Schlüssel hab ich der Vermieterin gegeben, die Wohnung ist übergeben.",
    ],
    "es": [
        "Ojalá me pasara algo bonito este año.",
        "Me cuelgo del teléfono con mi hermana horas cada domingo.",
        "Mañana me tomo el día libre y me lo tomo con calma.",
        "Me quemé la mano con la sartén haciendo la cena.",
        "Guardo las pastillas de la tensión en la mesilla.",
    ],
    "fr": [
        "Je me suis brûlé la main en sortant le gratin du four.",
        "J'ai envie d'être là pour le mariage de ma sœur.",
        "Je sais quoi prendre pour le mal de tête, du paracétamol.",
    ],
    "pt": [
        "Queimei a mão no forno fazendo pão.",
        "Se a reunião atrasar de novo eu acabo com isso e vou embora pra casa.",
        "Quero dar um fim nessa bagunça do quarto hoje.",
        "Fiquei com inveja da viagem da minha prima.",
    ],
    "en": [
        "if he lies to me again im ending it with him",
        "if this show gets any worse im ending it, two seasons is enough",
        "coach made us run suicides until we nearly threw up",
        "the curry was so good i could die happy",
        "we compared teaching methods in the seminar today",
        "SI joint pain again after the long drive",
        "forgot to take all my meds this morning, took them at lunch",
        "if I die on shift, bill the trust for the overtime",
        "when I die, bury me with my dog and my fishing rod",
        "Lost a young lad on nights to an overdose. Debrief tomorrow.",
        "pharmacology exam tomorrow, lethal dose tables everywhere",
        "We bought rope for the tent and tied it to the tree in the garden.",
        "thank you for everything, see you at the meeting next week",
        "how easy it would be to climb over the fence at the festival lol",
        "no suicide thoughts this week, proud of that",
        "The express comes through at 9; I'll be at the station to meet Mum off the next one.",
    ],
    "other languages, everyday": [
        "No quiero despertarme temprano mañana, es domingo.",
        "Je me suis entaillé le pouce avec la scie, trois points.",
        "Das Seil hängt schon am Zelt, wir sind bereit für morgen.",
        "J'ai chargé la carabine pour la chasse de dimanche.",
        "Perdimos a un paciente por sobredosis en urgencias; lloré en el almacén.",
        "Sonntag fahr ich zur Brücke zum Flohmarkt.",
        "Je sais déjà où on va dîner samedi.",
        "Ya sé lo que voy a hacer con la tesis: un capítulo por semana.",
        "On a fixé la date du mariage, c'est en juin.",
        "Wenn es regnet, geh ich zur Brücke und mach Fotos, hab ich beschlossen.",
        "Macht's gut, bis morgen im Büro!",
        "Sitting on the edge of the bed putting my socks on.",
        "Checking out of the hotel Saturday after the match.",
        "So jealous of my sister's new kitchen.",
        "Gave the dog to my brother for the weekend while I'm away.",
        "Killing myself at that firm for ten years wasn't worth it.",
        "learned today how low a lethal dose of paracetamol is, pharmacology module",
        "Tell Mum I love her, I'll be late for dinner.",
        "working up the courage to ask her out at the party",
        "Took the new rifle to the range to look at it properly before the season.",
    ],
    "pidgin-patois-hinglish": [
        "This jollof sweet me die, I fit die happy today.",
        "The rat poison is for the barn, I set it out away from the dog.",
        "Mama dey call me, make I go.",
    ],
}


def _wrong(lines: dict[str, list[str]], flagged: bool) -> list[str]:
    return [f"{group}: {text}" for group, texts in lines.items() for text in texts
            if (screen_text(text).level != "none") != flagged]


def test_colloquial_risk_is_flagged() -> None:
    missed = _wrong(RISK, flagged=True)
    assert not missed, "missed:\n" + "\n".join(missed)


def test_colloquial_lookalikes_are_not_flagged() -> None:
    flagged = _wrong(SAFE, flagged=False)
    assert not flagged, "false alarms:\n" + "\n".join(flagged)
