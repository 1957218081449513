#!/usr/bin/python3
"""The learned peer issue 29 measures the classifier against: TF-IDF over words (1-2) and characters (2-5, within
words) with a logistic regression per theme, trained with scikit-learn. Only to measure: nothing here ships.
Writes `classify`-shaped predictions ({"id", "themes"}) for bench/oof-figures.py; prints no text.

  bench/peer.py --train FILE[:WEIGHT] [--train ...] --test FILE --output PRED.jsonl [--c C]
  bench/peer.py --train FILE --out-of-fold PRED.jsonl [--folds 5] [--c C]

A theme is given when its probability is at least 0.5; when none is, the likeliest. Debian: apt-get install
python3-sklearn (run with /usr/bin/python3).
"""
import argparse
import json

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from theme_scores import THEMES, read


def fit_predict(train_rows, weights, test_rows, c):
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, lowercase=True)
    texts = [r["text"] for r in train_rows]
    x = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    xt = hstack([word.transform([r["text"] for r in test_rows]),
                 char.transform([r["text"] for r in test_rows])]).tocsr()
    probabilities = np.zeros((len(test_rows), len(THEMES)))
    for k, theme in enumerate(THEMES):
        y = np.array([theme in r["themes"] for r in train_rows])
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit(x, y, sample_weight=weights)
        probabilities[:, k] = model.predict_proba(xt)[:, 1]
    predictions = []
    for row, p in zip(test_rows, probabilities):
        themes = [THEMES[k] for k in np.argsort(-p) if p[k] >= 0.5] or [THEMES[int(np.argmax(p))]]
        predictions.append({"id": row["id"], "themes": themes,
                            "probabilities": {t: round(float(v), 4) for t, v in zip(THEMES, p)}})
    return predictions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", action="append", required=True)
    parser.add_argument("--test")
    parser.add_argument("--output")
    parser.add_argument("--out-of-fold")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=10.0)
    args = parser.parse_args()
    rows, weights = [], []
    for spec in args.train:
        path, _, weight = spec.partition(":")
        part = [r for r in read(path) if not r.get("heldOut")]
        rows += part
        weights += [float(weight or 1)] * len(part)
    weights = np.array(weights)
    if args.out_of_fold:
        predictions = [None] * len(rows)
        for tune, test in KFold(args.folds, shuffle=True, random_state=29).split(rows):
            for i, p in zip(test, fit_predict([rows[i] for i in tune], weights[tune], [rows[i] for i in test], args.c)):
                predictions[i] = p
        path = args.out_of_fold
    else:
        predictions = fit_predict(rows, weights, read(args.test), args.c)
        path = args.output
    with open(path, "w", encoding="utf-8") as f:
        for p in predictions:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
