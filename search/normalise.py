"""French text normalisation, the same for every engine and every database.

Lower case, accents folded, elisions dropped (« l'accompagnement » → « accompagnement »), stop
words dropped, Snowball French stemming (« outils » → « outil », « démarches » → « demarch »).
SQLite FTS5 and PostgreSQL both index the *output* of this module (PostgreSQL with the `simple`
configuration), so a query finds the same documents on both; Elasticsearch applies the same
steps with its own `french` analyzer chain (see search.engines.elasticsearch.ANALYSIS).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Articles and pronouns that elide before a vowel: l', d', qu', j', n', s', t', m', c',
# jusqu', lorsqu', puisqu', quoiqu' (the list of Elasticsearch's French elision filter).
ELISIONS = ("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu")
ELISION_RE = re.compile(r"\b(?:{})['’ʼ](?=\w)".format("|".join(ELISIONS)), re.IGNORECASE)
TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Short, frequent words that carry no meaning for a search (folded: no accents).
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "eux",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "m",
        "n",
        "s",
        "t",
        "y",
        "ete",
        "etre",
        "est",
        "sont",
    ]
)

_stemmer = snowballstemmer.stemmer("french")


def _fold_char(char):
    """One (lower-case) character without accents or ligatures: « é » → « e », « œ » → « oe »."""
    char = char.replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


class _FoldTable(dict):
    """code point → its folded text, computed the first time a character is met. Folding a
    text character by character is exact: NFKD decomposes each character on its own and only
    reorders combining marks, which folding drops. One str.translate instead of a Python loop
    over every character (the index's tokenising spent most of its time there)."""

    def __missing__(self, code):
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable({code: chr(code) for code in range(128)})


def fold(text):
    """Lower case without accents or ligatures: « Œuvre Numérique » → « oeuvre numerique »."""
    return text.lower().translate(_FOLD_TABLE)


PLURAL_RE = re.compile(r"^(\w{3,}?)[sx]$")


@lru_cache(maxsize=100_000)
def stem(word):
    """Snowball French, after dropping a plural -s/-x: Snowball alone stems « conseillers » to
    « conseiller » but « conseiller » to « conseil ». (Elasticsearch: the `plural` filter.)"""
    return _stemmer.stemWord(PLURAL_RE.sub(r"\1", word))


def words(text):
    """The folded words of a text, elisions removed, stop words kept (for phrases)."""
    return TOKEN_RE.findall(fold(ELISION_RE.sub("", text or "")))


def tokens(text):
    """The index terms of a text: folded, stop words dropped, stemmed."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def normalise(text):
    """The index terms as one string, what FTS5 and tsvector store."""
    return " ".join(tokens(text))
