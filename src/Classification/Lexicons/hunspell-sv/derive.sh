#!/usr/bin/env bash
# Derives sv-words.txt.gz, the Swedish word list the classifier loads at start-up, from Debian's Hunspell dictionary.
# Needs apt (Debian bookworm sources), dpkg-deb and python3; writes only into this folder and a temporary one.
#   src/Classification/Lexicons/hunspell-sv/derive.sh
# Steps: fetch hunspell-sv (the sv_SE dictionary, 1:7.5.0-1) and hunspell-tools (unmunch, 1.7.1-1) as .deb files,
# unpack them, expand every stem with its affixes (unmunch), then keep each word form lower-cased and folded to ASCII
# (å/ä/ö → a/o, as the classifier's analysis folds them) when it is letters a-z only and at least 5 long (the typo rule
# the list guards reads no shorter word), sorted, one a line, gzip -9 -n (no timestamp, so the file is reproducible).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download hunspell-sv=1:7.5.0-1 hunspell-tools=1.7.1-1
# The exact packages the shipped list came from (README.md says where else to find them once bookworm is archived).
sha256sum -c - <<'SUMS'
e2c2f3a66d27089e3593c3834fb878cb54d97c3b53d0e29ed403b58bb4e00986  hunspell-sv_1%3a7.5.0-1_all.deb
57491c75616f2ca0def2f336421b7b3dbe96d2ec34c9f662a83699dab8b938af  hunspell-tools_1.7.1-1_amd64.deb
SUMS
for deb in ./*.deb; do dpkg-deb -x "$deb" x; done
x/usr/bin/unmunch x/usr/share/hunspell/sv_SE.dic x/usr/share/hunspell/sv_SE.aff 2>/dev/null > expanded.txt
python3 - expanded.txt > words.txt <<'PY'
import re
import sys
import unicodedata

plain = re.compile("[a-z]{5,}")
words = set()
with open(sys.argv[1], encoding="utf-8") as expanded:
    for line in expanded:
        word = line.strip().split("/")[0].lower()
        decomposed = unicodedata.normalize("NFD", word)
        folded = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        if plain.fullmatch(folded):
            words.add(folded)
sys.stdout.write("".join(w + "\n" for w in sorted(words)))
PY
gzip -9 -n -c words.txt > "$here/sv-words.txt.gz"
echo "$(wc -l < words.txt) words, $(stat -c %s "$here/sv-words.txt.gz") bytes: $here/sv-words.txt.gz"
