"""Context words for the crisis screen in Spanish, French, German and Portuguese (data only).

:mod:`mindspace.ml.crisis_patterns` joins these to its English context tables, so the same
checks apply to every language: who the subject is ("mi hermano", "ma sœur", "mein Bruder",
"minha amiga" -> someone else, not the writer), whether an event is past ("quise", "wollte",
"tentei"), recent ("anoche", "hier soir", "gestern", "ontem"), long ago ("cuando era niña",
"quand j'étais ado", "das ist Jahre her", "na adolescência"), over ("hoy estoy bien",
"contente d'être restée", "froh, dass ich noch da bin", "que bom que fiquei") or back again
("otra vez", "de nouveau", "schon wieder", "de novo"). Text is normalised first (lower case,
no accents, French elisions joined: "j'étais" -> "jetais").
"""

from __future__ import annotations

FIRST_PERSON = frozenset({
    "yo", "mi", "mis", "conmigo",  # es ("me" is shared with English)
    "je", "moi", "mon", "ma", "mes", "jai", "jetais", "jen", "jy",  # fr
    "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner",  # de
    "eu", "mim", "meu", "minha", "meus", "minhas", "comigo",  # pt
})

THIRD_PERSON = frozenset({
    # pronouns ("el"/"il" as "he" are left out: "el" is also "the" in Spanish)
    "ella", "ellos", "ellas", "elle", "ils", "elles", "lui", "er", "ele", "ela", "eles", "elas",
    # "someone"
    "alguien", "quelquun", "jemand", "alguem",
    # es
    "hermano", "hermana", "amigo", "amiga", "amigos", "amigas", "madre", "padre", "mama",
    "papa", "hijo", "hija", "primo", "prima", "vecino", "vecina", "novio", "novia", "abuelo",
    "abuela", "tio", "tia", "companero", "companera", "esposo", "esposa", "marido", "compa",
    "cuate", "jefe", "jefa", "alumno", "alumna", "paciente", "protagonista", "personaje",
    "prota", "pelicula", "peli", "serie", "novela", "cancion", "noticia", "noticias",
    # fr
    "frere", "soeur", "ami", "amie", "pote", "copain", "copine", "mere", "pere", "fils",
    "fille", "voisin", "voisine", "cousine", "oncle", "tante", "mari", "collegue", "patron",
    "eleve", "personnage", "heroine", "roman", "chanson",
    # de
    "bruder", "schwester", "freund", "freundin", "mutter", "vater", "sohn", "tochter",
    "kumpel", "nachbar", "nachbarin", "onkel", "kollege", "kollegin", "chef", "chefin",
    "figur", "heldin", "buch", "lied",
    # pt
    "irmao", "irma", "mae", "pai", "filho", "filha", "vizinho", "vizinha", "namorado",
    "namorada", "avo", "colega", "personagem", "filme", "livro", "musica",
    "aluno", "aluna", "alunos", "alunas", "schuler", "schulerin",
    # someone's words reported in the third person ("disse que" is also "I said": left out)
    "falou", "dijo", "escribio", "comento", "comentou", "contou", "menciono", "mencionou",
})

PAST_CUES = frozenset({
    "quise", "quiso", "intente", "intento", "pense", "tuve", "estaba", "estuve", "hice",
    "trate", "voulais", "voulu", "pensais", "avais", "etais", "essaye", "tente", "wollte",
    "wollten", "dachte", "versuchte", "hatte", "lag", "tentei", "pensei", "tive", "estava",
    "fiz", "tentou",
})

PRESENT_CUES = frozenset({
    "quiero", "estoy", "soy", "voy", "tengo", "veux", "suis", "vais", "bin", "mochte", "will",
    "quero", "estou", "vou", "sou", "tenho",
})

RECENT = (
    r"|\b(?:anoche|ayer|hoy|esta noche|esta manana|otra vez|de nuevo|hier|ce soir|ce matin|"
    r"aujourd ?hui|a nouveau|de nouveau|gestern|heute|heute nacht|schon wieder|erneut|ontem|"
    r"hoje|esta noite|de novo|outra vez|todo el dia|toute la journee|den ganzen tag|o dia (?:todo|"
    r"inteiro)|esta semana|cette semaine|diese woche|essa semana|esta semana|ultimamente|"
    r"dernierement|in letzter zeit|estos dias|ces jours ci|ces temps ci|nestes dias)\b"
)

DISTANT = (
    r"|\b(?:\w+ ){0,2}jahre? her\b|\b(?:y a|ca fait|cela fait) (?:\w+ ){0,2}ans\b(?! que\b)|"
    r"\bcuando (?:yo )?era (?:\w+ )?(?:nin[oa]|joven|adolescente|pequen[oa]|chic[oa]|"
    r"chaval\w*|estudiante)\b|\bde (?:joven|adolescente|nin[oa]|pequen[oa]|chic[oa])\b|"
    r"\ben mi (?:adolescencia|juventud|infancia)\b|"
    r"\bquand (?:j ?etais|jetais) (?:\w+ )?(?:petite?|ado|jeune|adolescente?|au lycee|au "
    r"college|etudiante?|gamine?)\b|\ba l ?epoque\b|\blepoque\b|\bdans ma jeunesse\b|"
    r"\bals (?:ich )?(?:kind|teenager|jugendliche\w*|schuler\w*|student\w*)\b|\bals ich "
    r"(?:\w+ ){0,2}(?:jung|war)\b|\bin meiner jugend\b|\bdamals\b|"
    r"\bquando (?:eu )?era (?:\w+ )?(?:crianca|adolescente|jovem|nova|novo|pequen[oa])\b|"
    r"\bna (?:adolescencia|juventude|infancia)\b|\b(?:a los|con) \d\d?(?: anos)?\b|"
    r"\ba \d\d? ans\b|\bmit \d\d?\b(?! (?:uhr|euro|km|prozent|minuten|stunden|jahren? (?:warte|"
    r"bin)))|\baos \d\d? (?:anos)?\b|"
    r"\b(?:en|em|im|im jahr|in|de) (?:19|20)\d\d\b"
)

RESOLVED = (
    r"|\b(?:(?:hoy|ahora|ya) (?:\w+ )?(?:estoy|me siento) (?:\w+ )?(?:bien|mejor|feliz|"
    r"content[oa]|tranquil[oa]|estable)|me alegro (?:\w+ )?de (?:haberme quedado|seguir "
    r"(?:aqui|viv[oa])|estar (?:aqui|viv[oa])|no haberlo hecho)|(?:que bien|menos mal) que "
    r"(?:me quede|sigo aqui|no lo hice)|doy gracias|gracias a dios por no|que lejos he "
    r"llegado|lo supere|celebro que estoy bien|"
    r"je vais (?:bien|mieux)|(?:contente?|heureuse?|heureux|fiere?) (?:\w+ )?d ?etre (?:restee?|"
    r"encore la|en vie|toujours la|la)|chemin parcouru|ca va mieux|je men suis sortie?|"
    r"(?:froh|dankbar|glucklich),? (?:\w+ )?(?:dass|das) ich (?:noch )?(?:da bin|geblieben bin|"
    r"lebe|noch lebe)|dankbar fur jeden tag|(?:heute|jetzt) bin ich (?:\w+ )?(?:stabil|froh|"
    r"dankbar|glucklich)|geht (?:es )?mir (?:\w+ )?(?:gut|besser)|uberwunden|wie weit ich "
    r"gekommen bin|"
    r"(?:hoje|agora) (?:\w+ )?(?:estou|to|sou) (?:\w+ )?(?:bem|feliz|melhor|otim[oa]|formad[oa]|"
    r"voluntari[oa])|feliz de ter ficado|que bom que (?:eu )?fiquei|agradeco (?:a deus )?por|"
    r"superei|orgulho de (?:mim|quem eu sou)|(?:sou|estou|to) (?:muito |tao )?feliz|estou bem|"
    r"to bem|"
    r"soy (?:muy )?feliz|estoy bien|je suis (?:tres )?heureuse?|bin (?:\w+ )?glucklich|"
    r"geht es mir gut)\b"
)

RELAPSE = (
    r"|\b(?:otra vez|de nuevo|volvi a|he vuelto a|han vuelto|volvieron|recai\w*|"
    r"de nouveau|a nouveau|rechute|reviennent|sont revenu\w*|encore une fois|"
    r"schon wieder|wieder da|sind (?:\w+ )?zuruck|kommen zuruck|ruckfall|"
    r"de novo|outra vez|voltei a|voltaram|recaida|recai)\b"
)
