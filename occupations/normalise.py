"""Text normalisation for occupation search: the same function prepares the catalogue and what people type.

Pure Python, no Django imports, so the data migration, the loader and the search share it.
"""

import re
import unicodedata

# German gender-inclusive endings: "Tischler/in", "Tischler/-in", "Tischler*in", "Tischler:in", "Tischler_in",
# the plural "-innen", "Technische/r" and the "(m/w/d)" of job adverts.
_GENDER_SLASH_SUFFIX = re.compile(r"(?<=\w)(?:/-?|\*|:|_)(?:innen|in|r|e|n)\b", re.IGNORECASE)
_BINNEN_I = re.compile(r"(?<=[a-zäöüß])In(?:nen)?\b")
_GENDER_MARKER = re.compile(r"\(\s*[mwdfx](?:\s*/\s*[mwdfx])+\s*\)", re.IGNORECASE)

# Arabic-script letters that people write in several ways: one form each, for query and data alike.
_ARABIC_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef (أ إ آ lose their hamza/madda as combining marks below)
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06cc": "\u064a",  # Persian yeh -> Arabic yeh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06a9": "\u0643",  # Persian keheh -> Arabic kaf
        "\u0640": None,  # tatweel (kashida)
        "\u0131": "i",  # Turkish dotless i
    }
)
_TASHKEEL = re.compile("[\u064b-\u065f\u0670]")
# Apostrophes join the parts of a word ("м'ясник", "Ankara'da"); other punctuation separates words.
_APOSTROPHES = re.compile("['\u2019\u02bc\u2018`\u00b4]")
_SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower-case, accent- and vowel-mark-free words separated by single spaces."""
    if not text:
        return ""
    text = _GENDER_MARKER.sub(" ", text)
    text = _BINNEN_I.sub("", text)
    text = _GENDER_SLASH_SUFFIX.sub("", text)
    text = text.casefold().replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _TASHKEEL.sub("", text)
    text = text.translate(_ARABIC_LETTERS)
    text = _APOSTROPHES.sub("", text)
    return " ".join(_SEPARATORS.split(text)).strip()


_FEMININE_SLASH = re.compile(r"(?<=\w)(?:/-?|\*|:|_)in\b", re.IGNORECASE)
_FEMININE_ADJECTIVE = re.compile(r"(?<=\w)/-?r\b")
_MASCULINE_ADJECTIVE = re.compile(r"(?<=\w)/-?(r)\b")


def gender_forms(text: str) -> list[str]:
    """The masculine and feminine spellings of a gender-inclusive German name ("Technische/r Zeichner/in").

    Someone typing "Tischlerin" or "Technischer Zeichner" must find "Tischler/in" and "Technische/r Zeichner/in";
    the normalised name alone ("tischler", "technische zeichner") does not contain those words.
    """
    if not (_FEMININE_SLASH.search(text) or _FEMININE_ADJECTIVE.search(text)):
        return []
    feminine = _FEMININE_ADJECTIVE.sub("", _FEMININE_SLASH.sub("in", text))
    masculine = _MASCULINE_ADJECTIVE.sub(r"\1", _FEMININE_SLASH.sub("", text))
    return [masculine, feminine]
