"""Seeded synthetic text: sentences, paragraphs, titles and slugs in Dutch-like words."""

from __future__ import annotations

import random

WORD_TEXT = """
de het een en van in op met voor naar je jij we wij ze hij zij klant klanten team
collega collega's loket telefoon balie winkel gesprek vraag antwoord luisteren
begrijpen vertrouwen grens grenzen glimlach werk dag week uur tijd rust hulp steun
oplossing probleem afspraak dossier formulier regel regels verwachting gevoel
houding toon woorden stilte aandacht samen echt eerlijk rustig snel vaak soms
altijd nooit meestal graag even eerst daarna dan toch ook maar niet wel al nog
is was wordt worden heeft hebben kan kunnen wil willen moet moeten zegt vraagt
merkt kiest helpt leert blijft voelt denkt weet ziet hoort neemt geeft maakt
goed duidelijk open vriendelijk moeilijk lastig boos blij moe druk stil klein
groot nieuw oud eigen andere elke iedere veel weinig meer minder leider teamleider
coach training module cursus praktijk voorbeeld situatie moment ervaring plezier
"""
WORDS = WORD_TEXT.split()


def sentence(rng: random.Random) -> str:
    """A sentence of 8 to 16 words from the word list."""
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    """A paragraph of 3 to 5 sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))


def paragraph_of(rng: random.Random, sentences: int) -> str:
    """A paragraph of exactly ``sentences`` sentences."""
    return " ".join(sentence(rng) for _ in range(sentences))


def words_of(rng: random.Random, count: int) -> str:
    """``count`` words, capitalised: a title or heading."""
    return " ".join(rng.choices(WORDS, k=count)).capitalize()


def prose(rng: random.Random, words: int) -> list[str]:
    """Paragraphs of 3 to 5 sentences, ending with the sentence that reaches ``words`` words."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(sentence(rng))
    paragraphs = []
    while sentences:
        size = rng.randint(3, 5)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return paragraphs


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens, as leerpad's module file names require."""
    kept = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower())
    return "-".join(kept.split())
