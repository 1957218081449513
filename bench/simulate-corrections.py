#!/usr/bin/env python3
"""Simulated staff corrections (no real ones exist yet): every tip of a resident file as an `export-corrections` line,
its gold themes as the correction and the classifier's themes (from `classify` output) as the original, as if staff had
reviewed each tip. Writes to stdout; keep the output out of the repository (it holds tip text).

  dotnet src/Cli/bin/Debug/net10.0/Grastorp.Intake.Cli.dll classify < tests/data/resident-tips.tune.jsonl > /tmp/said.jsonl
  bench/simulate-corrections.py tests/data/resident-tips.tune.jsonl /tmp/said.jsonl > /tmp/corrections.jsonl
"""
import json
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


said = {r["id"]: r["themes"] for r in read(sys.argv[2])}
changed = 0
for tip in read(sys.argv[1]):
    if tip.get("heldOut"):
        sys.exit(f"tip {tip['id']} is held out: never simulate corrections from a test set")
    original = said[tip["id"]]
    changed += sorted(original) != sorted(tip["themes"])
    print(json.dumps({"id": "sim-" + tip["id"], "text": tip["text"], "themes": tip["themes"],
                      "originalThemes": original, "week": "2026-W49"}, ensure_ascii=False))
print(f"{changed} of the simulated corrections change the classifier's themes", file=sys.stderr)
