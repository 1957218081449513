#!/usr/bin/env python3
"""Per-theme F1 and macro-F1 (as `evaluate` scores them) of predictions against gold labels, on a chosen part of a
labelled file. Reads ids and theme lists only, never text; prints Markdown rows.

  bench/oof-figures.py GOLD.jsonl NAME=PRED.jsonl [NAME=PRED.jsonl ...] [--exclude-tune-of OTHER.jsonl]
      [--exclude-ids-in OTHER.jsonl] [--split test|tune]

PRED is `classify` output ({"id","themes"}) or `train --out-of-fold` output ({"id","predicted"}). With
--exclude-tune-of, ids in the tune part (70 %, FNV-1a split) of OTHER are left out: the texts a model trained on
OTHER's tune part never saw. With --exclude-ids-in, every id of OTHER is left out (texts a model trained on OTHER
saw). --split keeps only GOLD's own test or tune part.
"""
import sys

from theme_scores import THEMES, macro_f1, read, theme_f1s


def fnv1a(s):
    h = 2166136261
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def main(argv):
    exclude = set()
    if "--exclude-tune-of" in argv:
        i = argv.index("--exclude-tune-of")
        exclude = {r["id"] for r in read(argv[i + 1]) if fnv1a(r["id"]) % 10 >= 3}
        argv = argv[:i] + argv[i + 2:]
    if "--exclude-ids-in" in argv:
        i = argv.index("--exclude-ids-in")
        exclude |= {r["id"] for r in read(argv[i + 1])}
        argv = argv[:i] + argv[i + 2:]
    split = None
    if "--split" in argv:
        i = argv.index("--split")
        split = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    gold = {r["id"]: r["themes"] for r in read(argv[0])
            if split is None or (fnv1a(r["id"]) % 10 < 3) == (split == "test")}
    ids = [i for i in gold if i not in exclude]
    print(f"{len(ids)} texts" + (f" ({len(gold) - len(ids)} left out)" if exclude else ""))
    print("| predictions | macro-F1 | " + " | ".join(THEMES) + " |")
    print("|---|---|" + "---|" * len(THEMES))
    for arg in argv[1:]:
        name, path = arg.split("=", 1)
        pred = {r["id"]: r.get("predicted", r.get("themes")) for r in read(path)}
        f1s = theme_f1s(ids, gold, pred)
        macro = macro_f1(f1s)
        print(f"| {name} | **{macro:.3f}** | " + " | ".join("–" if f is None else f"{f:.3f}" for f in f1s) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
