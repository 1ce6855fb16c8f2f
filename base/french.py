"""French typography the templates and messages need: the elision of « de » before a vowel.

« suggestions de Amandine » reads as a mistake; « suggestions d'Amandine » is right. A name that
starts with an h is left alone (« de Hugo », « de Hélène » are both heard), as is any name
starting with a consonant or a digit.
"""

import unicodedata

_VOWELS = set("aeiouyAEIOUY")


def starts_with_vowel(word):
    word = (word or "").lstrip(" «\"'’")
    if not word:
        return False
    base = unicodedata.normalize("NFD", word[0])[0]
    return base in _VOWELS


def de(name):
    """« de Thomas », « d'Amandine », « d'Élodie »: the preposition and the name, elided."""
    name = str(name)
    return f"d'{name}" if starts_with_vowel(name) else f"de {name}"
