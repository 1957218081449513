"""Labelled files and their per-theme F1, shared by the bench scripts, so every figure they print is the same
macro-F1 as `evaluate`'s: the mean over the themes the gold labels have (a theme no gold tip has is left out)."""
import json

THEMES = ["drugs", "traffic", "burglary", "other"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def theme_f1s(ids, gold, predicted):
    """Per theme in THEMES order, F1 of predicted against gold (id → theme collection) over ids; None without support."""
    f1s = []
    for t in THEMES:
        tp = sum(1 for i in ids if t in gold[i] and t in predicted[i])
        fp = sum(1 for i in ids if t not in gold[i] and t in predicted[i])
        fn = sum(1 for i in ids if t in gold[i] and t not in predicted[i])
        f1s.append(None if tp + fn == 0 else 2 * tp / (2 * tp + fp + fn))
    return f1s


def macro_f1(f1s):
    present = [f for f in f1s if f is not None]
    return sum(present) / len(present)
