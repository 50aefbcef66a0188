"""Training, saving, loading and predicting with the sentence classifier."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from thucydides.errors import ConfigError, InputError
from thucydides.evaluation.paths import gold_dir
from thucydides.learn import Prediction, SentenceClassifier
from thucydides.learn.data import (
    NONE,
    Example,
    article_examples,
    ngec_examples,
    ngec_penta_examples,
    penta_examples,
    split_sentences,
)
from thucydides.learn.features import FeatureSet, HashedNgrams
from thucydides.learn.prediction import DEFAULT_WEIGHTS
from thucydides.learn.training import TrainConfig, train

#: ConfliBERT PentaClass test macro-F1 of the shipped weights, measured by
#: `scripts/train.py --report` (docs/classifier.md); the floor sits just below it (lowered from
#: 0.67 with penta round 51: CHANGELOG.md, "Sentence classifier: a second round of penta
#: sentences").
CONFLIBERT_PENTA_MACRO_F1_FLOOR = 0.66


def _example(text: str, event: str, mode: str | None, penta: int, group: str) -> Example:
    contexts = ("military",) if penta == 4 else ()
    return Example(text, event, mode, penta, contexts, 1.0, "tiny", group)


TINY = [
    _example("Troops shelled the border town", "ASSAULT", "firearms", 4, "d1"),
    _example("Artillery shelled the town again", "ASSAULT", "firearms", 4, "d2"),
    _example("The ministers signed a trade agreement", "AGREE", None, 1, "d3"),
    _example("Both sides signed an agreement on trade", "AGREE", None, 1, "d4"),
    _example("The weather was mild on Sunday", NONE, None, 0, "d5"),
]


def _tiny_classifier() -> SentenceClassifier:
    return train(TINY[:3], TINY[3:], FeatureSet((HashedNgrams(256),)), TrainConfig(folds=2))


def test_training_twice_gives_identical_weights():
    first, second = _tiny_classifier(), _tiny_classifier()
    for name, head in first.heads.items():
        assert np.array_equal(head.weights, second.heads[name].weights)
        assert head.temperature == second.heads[name].temperature


def test_prediction_has_a_probability_for_every_type(tmp_path: Path):
    path = tmp_path / "weights.npz"
    _tiny_classifier().save(path)
    [pred] = SentenceClassifier.load(path).predict(["Troops shelled the town"])
    assert isinstance(pred, Prediction)
    assert (pred.event, pred.mode, pred.penta) == ("ASSAULT", "firearms", 4)
    assert len(pred.event_probs) == 17
    assert sum(pred.event_probs.values()) == pytest.approx(1.0, abs=1e-3)
    assert len(pred.penta_probs) == 5
    assert pred.confidence == pytest.approx(max(pred.event_probs.values()))


def test_no_sentences_give_no_predictions():
    assert _tiny_classifier().predict([]) == []


def test_unreadable_weights_say_how_to_rebuild(tmp_path: Path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a weights file")
    with pytest.raises(ConfigError, match="make train"):
        SentenceClassifier.load(bad)


def test_shipped_weights_without_the_extra_raise_a_friendly_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ConfigError, match=r"pip install 'thucydides\[learn\]'"):
        SentenceClassifier.load(DEFAULT_WEIGHTS)


def test_sentences_split_at_full_stops_and_paragraphs():
    text = 'He said "no." The army left.\n\nTalks resume on May 3. U.S. officials agreed.'
    assert split_sentences(text) == [
        'He said "no."',
        "The army left.",
        "Talks resume on May 3.",
        "U.S. officials agreed.",
    ]


def _gold_event(note: str, event: str, cameo: str, optional: bool = False) -> dict:
    return {
        "id": "E",
        "event": [event],
        "mode": [],
        "actor": [],
        "recipient": [],
        "reciprocal": False,
        "cameo": [cameo, cameo[:2]],
        "date": None,
        "aux": None,
        "mentions": 1,
        "optional": optional,
        "note": note,
    }


def _gold_doc(doc_id: str, text: str, events: list[dict]) -> str:
    import json

    return json.dumps({"id": doc_id, "text": text, "date": "2024-01-01", "events": events})


def test_article_sentences_take_the_quoted_events_labels(tmp_path: Path):
    text = (
        "Chad urged Sudan to end the fighting at the border. The weather in the capital was "
        "mild and dry for the season. Sudan's army shelled the camp near the border."
    )
    events = [
        _gold_event(
            "'Chad urged Sudan to end the fighting': an appeal (CAMEO 020).", "REQUEST", "020"
        ),
        _gold_event("'shelled the camp' (optional)", "ASSAULT", "195", optional=True),
    ]
    unquoted = [_gold_event("no quote here", "ACCUSE", "111")]
    path = tmp_path / "dev.gold.jsonl"
    path.write_text(_gold_doc("a", text, events) + "\n" + _gold_doc("b", text, unquoted) + "\n")
    got = [(e.group, e.event, e.penta) for e in article_examples(path)]
    # an appeal is a statement (CAMEO 02: penta 0); the unquoted sentence of a document whose
    # events were all placed is "none"; a document with an unplaced event gives no "none"
    assert got == [("a", "REQUEST", 0), ("a", NONE, 0), ("a", "ASSAULT", 4)]


def _penta_row(row_id: str, text: str, cameo: str, label: int) -> str:
    import json

    return json.dumps({"id": row_id, "text": text, "cameo": cameo, "label": label})


def test_penta_sentences_take_their_codes_type_and_class(tmp_path: Path):
    path = tmp_path / "penta.jsonl"
    rows = [
        _penta_row("b1-1", "The minister said talks were going well.", "013", 0),
        _penta_row("p2", "Japan sent tents to Nepal after the quake.", "0233", 0),
        _penta_row("p3", "Rebels declared a truce for the holiday.", "0871", 2),
        _penta_row("p4", "Police fired tear gas at the marchers.", "175", 4),
        _penta_row("p5", "Egypt began pumping gas to Jordan.", "061", 2),
    ]
    path.write_text("\n".join(rows) + "\n")
    got = [(e.group, e.event, e.mode, e.penta, e.source) for e in penta_examples(path)]
    # statements and appeals have no PLOVER type; a code without one of its own takes its root's
    assert got == [
        ("b1", NONE, None, 0, "dev-penta"),
        ("p2", NONE, None, 0, "dev-penta"),
        ("p3", "RETREAT", "ceasefire", 2, "dev-penta"),
        ("p4", "ASSAULT", None, 4, "dev-penta"),
        ("p5", "COOPERATE", None, 2, "dev-penta"),
    ]


def test_a_penta_label_that_is_not_its_codes_class_is_an_input_error(tmp_path: Path):
    path = tmp_path / "penta.jsonl"
    path.write_text(_penta_row("p9", "Police fired tear gas at the marchers.", "175", 3) + "\n")
    with pytest.raises(InputError, match=r"p9.*label 3 is not the penta class 4 of 175"):
        penta_examples(path)


def test_the_project_penta_sentences_are_valid():
    path = Path(__file__).resolve().parents[1] / "samples" / "dev" / "penta.jsonl"
    examples = penta_examples(path)
    # ten writers' batches of 150 (rounds 50 and 51), one cross-validation group each
    assert Counter(e.group for e in examples) == {
        f"p5{r}{w}": 150 for r, writers in (("0", "abcd"), ("1", "efghij")) for w in writers
    }
    # exactly 30 of each class per writer
    assert set(Counter((e.group, e.penta) for e in examples).values()) == {30}


def _span_row(row_id: str, story_text: str, sentence: str, cameo: str, label: int | None) -> str:
    import hashlib
    import json

    start = story_text.index(sentence)
    sha1 = hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]
    row = {"id": row_id, "story": "s1", "start": start, "end": start + len(sentence)}
    return json.dumps({**row, "sha1": sha1, "cameo": cameo, "label": label, "note": ""})


def test_ngec_sentence_labels_read_their_text_from_the_story_file(tmp_path: Path):
    import json

    story = "Rebels shelled the port on Monday. The weather was mild. Oman urged calm."
    train = tmp_path / "train"
    train.mkdir()
    (train / "ngec_synthetic.jsonl").write_text(json.dumps({"id": "s1", "text": story}) + "\n")
    labels = tmp_path / "penta_ngec.jsonl"
    rows = [
        _span_row("p52k-001", story, "Rebels shelled the port on Monday.", "195", 4),
        _span_row("p52k-002", story, "The weather was mild.", "none", None),
        _span_row("p52l-001", story, "Oman urged calm.", "020", 0),
    ]
    labels.write_text("\n".join(rows) + "\n")
    got = [(e.text, e.event, e.penta, e.group) for e in ngec_penta_examples(labels, tmp_path)]
    # a sentence with no codable act is a ``none`` example, as the stories' unrelated sentences
    assert got == [
        ("Rebels shelled the port on Monday.", "ASSAULT", 4, "p52k"),
        ("Oman urged calm.", NONE, 0, "p52l"),
        ("The weather was mild.", NONE, 0, "p52k"),
    ]


def test_a_span_whose_story_text_changed_is_an_input_error(tmp_path: Path):
    import json

    story = "Rebels shelled the port on Monday."
    train = tmp_path / "train"
    train.mkdir()
    (train / "ngec_synthetic.jsonl").write_text(
        json.dumps({"id": "s1", "text": story.replace("port", "fort")}) + "\n"
    )
    labels = tmp_path / "penta_ngec.jsonl"
    labels.write_text(_span_row("p52k-001", story, story, "195", 4) + "\n")
    with pytest.raises(InputError, match=r"penta_ngec.jsonl:1: characters 0-34 of s1 changed"):
        ngec_penta_examples(labels, tmp_path)


def test_the_project_ngec_sentence_labels_match_the_shared_stories():
    gold = gold_dir()
    if gold is None:
        pytest.skip("shared/gold is not available")
    path = Path(__file__).resolve().parents[1] / "samples" / "dev" / "penta_ngec.jsonl"
    examples = ngec_penta_examples(path, gold)
    # six labellers' batches of 160 (round 52), one cross-validation group each
    assert Counter(e.group for e in examples) == {f"p52{w}": 160 for w in "klmnop"}
    # none of them is also one of the stories' own training sentences
    pool = {e.text for e in ngec_examples(gold)}
    assert not pool & {e.text for e in examples}


@pytest.mark.slow
def test_conflibert_penta_macro_f1_stays_above_its_floor():
    gold = gold_dir()
    if gold is None:
        pytest.skip("shared/gold is not available")
    pytest.importorskip("sentence_transformers")
    from thucydides.evaluation.pentaclass import load_pentaclass, score_pentaclass

    items = load_pentaclass(gold / "conflibert" / "cameo_class_test.jsonl")
    preds = SentenceClassifier.load().predict([i.text for i in items])
    report = score_pentaclass([(i.label, p.penta) for i, p in zip(items, preds, strict=True)])
    assert report.macro_f1 is not None
    assert report.macro_f1 >= CONFLIBERT_PENTA_MACRO_F1_FLOOR
