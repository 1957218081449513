#!/usr/bin/env python3
"""Writes a labelled JSON Lines file with å/ä/ö (and other Latin diacritics) removed from each tip's text, as residents
type on a keyboard or phone without them: the synthetic check for the spelling dictionary (bench/RESULTS.md).

    python3 bench/strip-diacritics.py tests/data/resident-tips.test.jsonl > /tmp/test.stripped.jsonl

Only "text" changes; ids, labels and the heldOut mark stay, so `train` still refuses a held-out line."""
import json
import sys
import unicodedata


def strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as source:
        for line in source:
            if not line.strip():
                continue
            tip = json.loads(line)
            tip["text"] = strip(tip["text"])
            sys.stdout.write(json.dumps(tip, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
