#!/usr/bin/env bash
# Generates a synthetic corpus with ../shared/bench/gen_corpus.py and gives it the settings
# every handbook needs but the generator does not write (`emergency:` in handbook.yml).
# Usage: Benchmarks/corpus.sh GEN_CORPUS_PY CONTENT_DIR ARTICLES SEED
set -euo pipefail
gen=$1 content=$2 articles=$3 seed=$4
python3 "$gen" "$content" --articles "$articles" --seed "$seed" --force >/dev/null
grep -q '^emergency:' "$content/handbook.yml" ||
  printf 'emergency:\n  number: "911"\n  urgent: your doctor or an urgent care clinic\n  note: or your local emergency number\n' >>"$content/handbook.yml"
