#!/usr/bin/env bash
# Writes what the shipped classifier says about every text of the five evaluation sets (themes, confidence, matched
# terms), one JSON line per text, plus the evaluate reports, into DIR. Run it before and after a change that must not
# change results, then `diff -r BEFORE AFTER` (no output = identical). Needs `dotnet build src/Cli` first.
#   bench/classify-snapshot.sh /tmp/before
set -euo pipefail
out=${1:?usage: bench/classify-snapshot.sh DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p "$out"
cli=(dotnet src/Cli/bin/Debug/net10.0/Grastorp.Intake.Cli.dll)
police=${POLICE:-../shared/data/polisen-events.dev.jsonl}
for file in tests/data/resident-tips.tune.jsonl tests/data/resident-tips.test.jsonl tests/data/resident-tips.hard.jsonl "$police"; do
  "${cli[@]}" classify < "$file" > "$out/$(basename "$file" .jsonl).classify.jsonl"
done
for set in tune test hard; do
  "${cli[@]}" evaluate "tests/data/resident-tips.$set.jsonl" > "$out/resident-$set.md"
done
for split in tune test; do
  "${cli[@]}" evaluate "$police" --split "$split" > "$out/police-$split.md"
  Classifier__Model=none "${cli[@]}" evaluate "$police" --split "$split" > "$out/police-$split.lexicon-only.md"
done
grep -H 'macro-F1' "$out"/*.md
