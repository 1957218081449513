#!/usr/bin/env python3
"""What a blend of the shipped classifier's decisions with the learned peer's probabilities (bench/peer.py) would
score, before anyone builds it. Reads ids, theme lists and probabilities only, never text; prints one line per gold
file.

  bench/blend-figures.py PEER.jsonl OURS.jsonl GOLD.jsonl [GOLD.jsonl ...]

OURS is `classify` output or `train --out-of-fold` output; PEER is bench/peer.py output (with "probabilities").
Two rules, each over a grid:
- keep/add: a theme the classifier gave stays unless the peer is below KEEP; one it did not give is added when the
  peer is at least ADD; other only when no theme is left (the product's rule: other only alone).
- blend w: score = w * peer + (1 - w) * (1 if the classifier gave it, else 0) for every theme, other included; the
  themes scoring at least 0.5, else the best (other may come with a theme: the outside authors' labelling).
"""
import sys

from theme_scores import THEMES, macro_f1, read, theme_f1s


def score(ids, gold, predicted):
    return macro_f1(theme_f1s(ids, gold, predicted))


def keep_add(ours, peer, keep, add):
    given = {t for t in THEMES[:3] if (peer[t] >= keep if t in ours else peer[t] >= add)}
    return given or {"other"}


def blend(ours, peer, w):
    score = {t: w * peer[t] + (1 - w) * (1.0 if t in ours else 0.0) for t in THEMES}
    return {t for t in THEMES if score[t] >= 0.5} or {max(THEMES, key=score.get)}


def main(argv):
    peer = {r["id"]: r["probabilities"] for r in read(argv[0])}
    ours = {r["id"]: set(r.get("predicted", r.get("themes"))) for r in read(argv[1])}
    for path in argv[2:]:
        gold = {r["id"]: set(r["themes"]) for r in read(path)}
        ids = [i for i in gold if i in ours and i in peer]
        cells = [f"classifier {score(ids, gold, {i: ours[i] for i in ids}):.3f}"]
        for keep, add in [(0.1, 0.9), (1 / 6, 5 / 6), (0.2, 0.8)]:
            f1 = score(ids, gold, {i: keep_add(ours[i], peer[i], keep, add) for i in ids})
            cells.append(f"keep {keep:.2f}/add {add:.2f} {f1:.3f}")
        for w in [0.6, 0.7]:
            cells.append(f"blend {w} {score(ids, gold, {i: blend(ours[i], peer[i], w) for i in ids}):.3f}")
        cells.append(f"peer {score(ids, gold, {i: blend(set(), peer[i], 1.0) for i in ids}):.3f}")
        print(f"{path.split('/')[-1]} ({len(ids)}): " + " | ".join(cells))


if __name__ == "__main__":
    main(sys.argv[1:])
