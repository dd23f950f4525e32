#!/usr/bin/env python3
"""Validate the files in assets/ (formats, sizes, guard list) and, optionally, list the
entries of the hand-written files that also occur as capitalised words in sample texts.

    python3 assets/scripts/check.py                      # formats + guard list
    python3 assets/scripts/check.py --seeds DIR          # also intersect with DIR/*.txt

Exit status 1 on a format error or a guard-list hit. The seed intersection is printed for a
person to read: generic words ("President", "Department", "Post") are expected there,
names of people, organisations or specific places are not.
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1]
# Same guard list as convert.py, ROT13-encoded so that this file does not match it.
GUARD = re.compile(codecs.decode("gehzc|ormbf|mhpxreoret|ryba zhfx|zne-n-yntb", "rot13"), re.I)

HAND = ["titles.tsv", "org_cues.tsv", "nationalities.tsv", "regions.tsv", "stopwords.txt",
        "triggers.tsv", "modality.tsv", "tone_modifiers.tsv", "place_cues.tsv"]
GENERATED = ["given_names.txt", "surnames.txt", "common_words.txt", "places.tsv"]

NUM = r"-?\d+(\.\d+)?"
SPEC = {
    # file: (number of columns, per-column validators)
    "given_names.txt": (1, [r"[A-Z][A-Za-z]+"]),
    "surnames.txt": (1, [r"[A-Z][A-Za-z]+"]),
    "common_words.txt": (1, [r"[a-z]+"]),
    "stopwords.txt": (1, [r"[A-Z][A-Za-z]*"]),
    "places.tsv": (4, [r".+", r"country|state|city", r"[A-Z]{2}", r"\d+"]),
    "regions.tsv": (2, [r".+", r"continent|region|territory|province|water|landform|country-alias|historical"]),
    "titles.tsv": (2, [r".+", r"honorific|political|business|role|military|religious|legal"]),
    "org_cues.tsv": (3, [r".+", r"head|suffix|media|descriptor", r"[a-z]+"]),
    "place_cues.tsv": (2, [r".+", r"landform|water|district|facility|street"]),
    "nationalities.tsv": (2, [r".+", r"[A-Z]{2}|-"]),
    "triggers.tsv": (4, [r"[^A-Z]+", r"meeting|visit|dinner|donation|support|endorsement|praise|"
                         r"criticism|insult|threat|ban|suspension|lawsuit|investigation|"
                         r"appointment|rivalry|competition|statement|feud|alliance|reconciliation",
                         NUM, r"[^A-Z]+"]),
    "modality.tsv": (2, [r"[^A-Z]+", r"negated|planned|hypothetical|ended|asserted"]),
    "tone_modifiers.tsv": (2, [r"[^A-Z]+", r"\d+(\.\d+)?"]),
    "evaluative.tsv": (2, [r"[a-z]+", r"[+-]"]),
}


def data_rows(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield n, line


def check_formats() -> int:
    errors = 0
    total = 0
    for name, (ncols, cols) in SPEC.items():
        path = ASSETS / name
        raw = path.read_bytes()
        total += len(raw)
        text = raw.decode("utf-8")
        if "\r" in text or not text.endswith("\n"):
            print(f"{name}: CR characters or no final newline"); errors += 1
        keys = {}
        count = 0
        for n, line in enumerate(text.split("\n"), 1):
            if line != line.rstrip() or (line and line != line.lstrip() and not line.startswith("#")):
                print(f"{name}:{n}: leading/trailing whitespace"); errors += 1
        for n, line in data_rows(path):
            count += 1
            parts = line.split("\t")
            if len(parts) != ncols:
                print(f"{name}:{n}: {len(parts)} columns, want {ncols}: {line!r}"); errors += 1
                continue
            for i, (p, pat) in enumerate(zip(parts, cols)):
                if not re.fullmatch(pat, p):
                    print(f"{name}:{n}: column {i + 1} {p!r} does not match {pat}"); errors += 1
            if name == "triggers.tsv" and not -10 <= float(parts[2]) <= 10:
                print(f"{name}:{n}: tone out of range"); errors += 1
            key = parts[0].lower() if name != "places.tsv" else tuple(parts[:3])
            if key in keys and name not in ("places.tsv",):
                print(f"{name}:{n}: duplicate key {parts[0]!r} (line {keys[key]})"); errors += 1
            keys[key] = n
        print(f"ok {name}: {count} rows, {len(raw):,} bytes")
    print(f"total {total:,} bytes")
    return errors


def check_guard() -> int:
    hits = 0
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file() and GUARD.search(path.read_text(encoding="utf-8", errors="replace")):
            print(f"GUARD LIST HIT: {path}"); hits += 1
    return hits


def seed_overlap(seeds: Path) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    text = text.replace("\u2019", "'")
    caps = set(re.findall(r"\b[A-Z][\w'.-]*", text))
    # also multi-word capitalised sequences
    seqs = set(re.findall(r"\b[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*)+", text))
    cand = {c.strip(".'").lower() for c in caps | seqs}
    cand |= {c.lower() for c in caps | seqs}
    for name in HAND:
        entries = [line.split("\t")[0] for _, line in data_rows(ASSETS / name)]
        inter = sorted({e for e in entries if e.lower() in cand})
        # multi-word entries contained in a seed capitalised sequence
        inter += sorted({e for e in entries if " " in e and e not in inter
                         and any(e.lower() in s.lower() for s in seqs)})
        print(f"{name}: {len(inter)} entries also capitalised in seeds: {', '.join(inter)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path)
    args = ap.parse_args()
    errors = check_formats()
    errors += check_guard()
    if args.seeds:
        seed_overlap(args.seeds)
    print("FAILED" if errors else "all checks passed")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
