#!/usr/bin/env bash
# Build-speed benchmark: the release `handbook` binary against Hugo and against
# a bare libcmark loop (the "floor"), on synthetic corpora of N articles made by
# ../shared/bench/gen_corpus.py.
#
# usage: Benchmarks/compare.sh [N ...]        default sizes: 1000 10000
#        SIZES="100 300" RUNS=2 Benchmarks/compare.sh
#        OUT_DIR=/var/tmp Benchmarks/compare.sh 1000 > report.md
#
# For each size it
#   - generates the corpus once (seed 42) and builds it once with each tool
#     under GNU time (peak RSS; a failing build stops the script),
#   - times full builds of handbook, Hugo and the libcmark floor in one
#     hyperfine run (output deleted before each run),
#   - times two handbook rebuilds into the existing output: with nothing
#     changed, and after appending a sentence to one article.
# Then it prints the Markdown report on stdout (progress goes to stderr).
# The default sizes take a while: about 20 handbook builds of 10,000 articles,
# each about 13 s on a 2-CPU machine (about 8 minutes in all).
#
# Environment:
#   SIZES="1000 10000"  corpus sizes (arguments take precedence)
#   SEED=42             corpus seed
#   RUNS=5              hyperfine --min-runs (hyperfine also runs for >= 3 s)
#   HANDBOOK=PATH       handbook binary (default .build/release/handbook, built
#                       first with `make release`'s command, which links the Swift
#                       runtime statically and is a no-op when up to date)
#   BENCH=DIR           the shared bench folder (default: ROOT/../shared/bench)
#   OUT_DIR=DIR         where every tool writes its output (default /dev/shm
#                       when writable, else the work folder)
#   WORK=DIR            work folder for corpora and results (default: a new
#                       temporary folder, deleted on exit)
#   KEEP=1              keep the temporary folders
#
# Missing tools (hugo, hyperfine, GNU time, python3, libcmark) are installed
# with apt-get.
set -euo pipefail

log() { echo "== $*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$here/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
[ -f "$BENCH/gen_corpus.py" ] || die "no gen_corpus.py in BENCH=$BENCH"
BENCH=$(cd "$BENCH" && pwd)
seed=${SEED:-42}
runs=${RUNS:-5}
if [ $# -gt 0 ]; then sizes=("$@"); else read -r -a sizes <<<"${SIZES:-1000 10000}"; fi
for n in "${sizes[@]}" "$seed" "$runs"; do
  case "$n" in '' | *[!0-9]*) echo "not a number: '$n' (see usage at the top of $0)" >&2; exit 2 ;; esac
done

# --- tools -------------------------------------------------------------------
apt_updated=0
apt_install() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  log "installing with apt-get: $*"
  if ! "${sudo[@]}" apt-get install -y "$@" >&2; then
    [ "$apt_updated" = 0 ] || return 1
    apt_updated=1
    "${sudo[@]}" apt-get update >&2
    "${sudo[@]}" apt-get install -y "$@" >&2
  fi
}
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
# The floor dlopens libcmark.so, which comes with libcmark-dev.
{ command -v pkg-config >/dev/null && pkg-config --exists libcmark; } || missing+=(libcmark-dev pkg-config)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# The real interpreter: a pyenv-style shim on PATH would add ~0.1 s to every floor run.
python=$(python3 -c 'import sys; print(sys.executable)')

if [ -n "${HANDBOOK:-}" ]; then
  [ -x "$HANDBOOK" ] || die "HANDBOOK=$HANDBOOK is not an executable file"
  handbook=$(cd "$(dirname "$HANDBOOK")" && pwd)/$(basename "$HANDBOOK")
else
  handbook=$ROOT/.build/release/handbook
  log "building $handbook"
  (cd "$ROOT" && swift build -c release --static-swift-stdlib --product handbook >&2)
fi
templates=$ROOT/Templates

# --- folders -----------------------------------------------------------------
if [ -n "${WORK:-}" ]; then work=$WORK; mkdir -p "$work"; own_work=0
else work=$(mktemp -d "${TMPDIR:-/tmp}/handbook-compare.XXXXXX"); own_work=1; fi
work=$(cd "$work" && pwd)
if [ -n "${OUT_DIR:-}" ]; then out_root=$OUT_DIR
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then out_root=/dev/shm
else out_root=$work; fi
mkdir -p "$out_root"
out=$(mktemp -d "$out_root/handbook-compare-out.XXXXXX")
out_fs=$(df -PT "$out" | awk 'NR == 2 { print $2 }')
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $work and $out" >&2
  else
    rm -rf "$out"
    if [ "$own_work" = 1 ]; then rm -rf "$work"; fi
  fi
}
trap cleanup EXIT
results=$work/results
rm -rf "$results"
mkdir -p "$results"
log "work folder: $work"
log "output folder: $out ($out_fs)"

# Hugo writes a lock file and caches into the site folder: use a copy.
site=$work/hugo_site
rm -rf "$site"
cp -r "$BENCH/hugo_site" "$site"
export HUGO_CACHEDIR=$work/hugo_cache

q() { printf '%q' "$1"; }
line() { local IFS=' '; printf '%s' "${*@Q}"; }   # quoted command line for hyperfine

# measure N TOOL CMD...: one build under GNU time; records the peak RSS (KiB), stops on failure.
measure() {
  local n=$1 tool=$2 logfile=$work/build-$2-$1.log
  shift 2
  log "N=$n: one build with $tool"
  rm -rf "${out:?}/$tool"
  if ! /usr/bin/time -f %M -o "$work/rss" "$@" >"$logfile" 2>&1; then
    tail -n 30 "$logfile" >&2
    die "$tool failed to build the $n-article corpus (full log: $logfile; KEEP=1 keeps it)"
  fi
  printf '%s\t%s\n' "$tool" "$(tail -n 1 "$work/rss")" >>"$results/rss-$n.tsv"
}

# --- one size ----------------------------------------------------------------
bench_size() {
  local n=$1
  local content=$work/corpus-$n-seed$seed/Content
  if [ ! -f "$content/handbook.yml" ]; then
    log "N=$n: generating the corpus"
    "$here/corpus.sh" "$BENCH/gen_corpus.py" "$content" "$n" "$seed" >&2
  fi

  local hb=("$handbook" build --content "$content" --templates "$templates" --output "$out/handbook")
  local hugo=(hugo --quiet -s "$site" --contentDir "$content" -d "$out/hugo")
  local floor=("$python" -S "$BENCH/bench_libcmark.py" "$content" "$out/floor")

  # One plain build of each, under GNU time: checks that it succeeds and gives the peak RSS.
  : >"$results/rss-$n.tsv"
  measure "$n" handbook "${hb[@]}"
  measure "$n" hugo "${hugo[@]}"
  measure "$n" floor "${floor[@]}"
  # handbook's summary line, e.g. "Built 1005 pages (300 exercises) into DIR/ with 42 warnings in 812 ms"
  grep '^Built ' "$work/build-handbook-$n.log" | sed 's|into .* with|with|' >"$results/summary-$n.txt" || true

  log "N=$n: full builds (output deleted before each run)"
  hyperfine --warmup 1 --min-runs "$runs" --output=null --export-json "$results/full-$n.json" \
    -n handbook --prepare "rm -rf $(q "$out/handbook")" "$(line "${hb[@]}") >/dev/null 2>&1" \
    -n hugo --prepare "rm -rf $(q "$out/hugo")" "$(line "${hugo[@]}")" \
    -n "libcmark floor" --prepare "rm -rf $(q "$out/floor")" "$(line "${floor[@]}")" >&2

  # Rebuilds into an existing output. The one-file change edits a copy of the
  # corpus, so that the corpus stays as generated for a later size or run.
  local edit_content=$work/corpus-$n-seed$seed-edit/Content article f
  rm -rf "$(dirname "$edit_content")"
  mkdir -p "$(dirname "$edit_content")"
  cp -r "$content" "$edit_content"
  article=
  for f in "$edit_content"/understanding/*.md; do
    [ "$(basename "$f")" = _index.md ] || { article=$f; break; }
  done
  [ -n "$article" ] || die "no article found in $edit_content/understanding"
  echo "${article#"$edit_content"/}" >"$results/edited-$n.txt"
  local nochange=("$handbook" build --content "$content" --templates "$templates" --output "$out/handbook-nochange")
  local edit=("$handbook" build --content "$edit_content" --templates "$templates" --output "$out/handbook-edit")
  rm -rf "${out:?}/handbook-nochange" "${out:?}/handbook-edit"
  "${nochange[@]}" >/dev/null 2>&1 || die "handbook failed to build $content"
  "${edit[@]}" >/dev/null 2>&1 || die "handbook failed to build $edit_content"
  log "N=$n: handbook rebuilds (output left in place; one article edited before each one-file run)"
  hyperfine --warmup 1 --min-runs "$runs" --output=null --export-json "$results/rebuild-$n.json" \
    -n "no-change rebuild" --prepare true "$(line "${nochange[@]}") >/dev/null 2>&1" \
    -n "one-file change" \
    --prepare "printf '\\nThis sentence was appended by the rebuild benchmark.\\n' >> $(q "$article")" \
    "$(line "${edit[@]}") >/dev/null 2>&1" >&2
  rm -rf "$(dirname "$edit_content")"
}

for n in "${sizes[@]}"; do bench_size "$n"; done

# --- report ------------------------------------------------------------------
mem_kib=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
commit=$(git -C "$ROOT" describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)
echo "# handbook vs Hugo build speed"
echo
echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $((mem_kib / 1024 / 1024)) GiB RAM, $(uname -sr)"
echo "- handbook: commit $commit, binary $handbook"
echo "- $(hugo version | cut -d' ' -f1-2); $(hyperfine --version); $(swift --version 2>/dev/null | head -n 1 || echo 'swift: not found'); libcmark $(pkg-config --modversion libcmark); Python $("$python" -c 'import platform; print(platform.python_version())')"
echo "- corpus: gen_corpus.py seed $seed; output on $out_root ($out_fs); hyperfine --warmup 1 --min-runs $runs"
echo
python3 "$here/compare_report.py" "$results" "${sizes[@]}"
