#!/usr/bin/env python3
"""Check a phrase glossary (规范提法) for the canonical-phrase rule.

usage: check-phrases.py [--schema SCHEMA] [--user] [FILE]

FILE defaults to Sources/RendaData/Resources/phrases.json and SCHEMA to
schemas/phrases.schema.json, both relative to the repository root (the parent
of this script's directory).

Checks:
  1. the file validates against the JSON Schema (draft 2020-12);
  2. ids are unique;
  3. canonical, accepted, wrong and series members contain no whitespace
     (nor U+200B / U+FEFF);
  4. no wrong form equals a canonical or accepted form of any entry;
  5. no form (canonical or accepted) is listed by two entries;
  6. series: members joined by the separator equal the canonical form (a pure
     series) or occur inside it (an embedded series);
  7. for the built-in file (unless --user): "about" and "version" are present and
     every entry has "accepted", "wrong" and "source".

Prints the counts by category and exits 0 when every check passes, 1 when one
fails, 2 on a usage error, an unreadable or malformed file, or an invalid schema.
"""

import json
import os
import re
import sys
from collections import Counter, OrderedDict

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError:  # pragma: no cover
    sys.stderr.write("check-phrases.py: the Python package 'jsonschema' is not installed\n")
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILE = os.path.join(ROOT, "Sources", "RendaData", "Resources", "phrases.json")
DEFAULT_SCHEMA = os.path.join(ROOT, "schemas", "phrases.schema.json")
CATEGORIES = ["theory", "meetings", "institutions", "slogans", "npc-terms"]
BAD_CHARS = re.compile(r"[\s\u200b\ufeff]")


def load(path, what):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle, object_pairs_hook=OrderedDict)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        sys.stderr.write(f"check-phrases.py: {path}: cannot read {what}: {error}\n")
        sys.exit(2)


def location(error):
    parts = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return "$" + parts


def forms_of(entry):
    """The forms an entry declares correct: its canonical form and accepted forms."""
    yield "canonical", entry.get("canonical")
    for form in entry.get("accepted", []) or []:
        yield "accepted", form


def parse_args(argv):
    schema_path = DEFAULT_SCHEMA
    file_path = None
    user = False
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        if arg in ("-h", "--help"):
            sys.stdout.write(__doc__)
            sys.exit(0)
        elif arg == "--schema":
            if not args:
                sys.stderr.write("check-phrases.py: --schema needs a path\n")
                sys.exit(2)
            schema_path = args.pop(0)
        elif arg == "--user":
            user = True
        elif arg.startswith("-"):
            sys.stderr.write(f"check-phrases.py: unknown option {arg}\n")
            sys.exit(2)
        elif file_path is None:
            file_path = arg
        else:
            sys.stderr.write("usage: check-phrases.py [--schema SCHEMA] [--user] [FILE]\n")
            sys.exit(2)
    return schema_path, file_path or DEFAULT_FILE, user


def main(argv):
    schema_path, file_path, user = parse_args(argv)
    schema = load(schema_path, "schema")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        sys.stderr.write(f"check-phrases.py: {schema_path}: invalid schema: {error.message}\n")
        return 2
    document = load(file_path, "glossary")
    absolute = os.path.abspath(file_path)
    name = os.path.relpath(absolute, ROOT) if absolute.startswith(ROOT + os.sep) else file_path
    problems = []

    # 1. schema
    validator = Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        problems.append(f"{location(error)}: {error.message}")

    phrases = document.get("phrases") if isinstance(document, dict) else None
    if not isinstance(phrases, list):
        phrases = []
    entries = [(i, p) for i, p in enumerate(phrases) if isinstance(p, dict)]

    def where(i, entry):
        return f"$.phrases[{i}] ({entry.get('id', '?')})"

    # 7. built-in requirements
    if not user:
        for key in ("about", "version"):
            if not isinstance(document, dict) or key not in document:
                problems.append(f"$: the built-in file needs \"{key}\"")
        for i, entry in entries:
            for key in ("accepted", "wrong", "source"):
                if key not in entry:
                    problems.append(f"{where(i, entry)}: a built-in entry needs \"{key}\"")

    # 2. unique ids
    seen_ids = {}
    for i, entry in entries:
        ident = entry.get("id")
        if ident in seen_ids:
            problems.append(f"{where(i, entry)}: id \"{ident}\" is also used by $.phrases[{seen_ids[ident]}]")
        else:
            seen_ids[ident] = i

    # 3. no whitespace in any form
    for i, entry in entries:
        fields = [("canonical", entry.get("canonical"))]
        fields += [("accepted", f) for f in entry.get("accepted", []) or []]
        fields += [("wrong", f) for f in entry.get("wrong", []) or []]
        series = entry.get("series") if isinstance(entry.get("series"), dict) else {}
        fields += [("series member", f) for f in series.get("members", []) or []]
        for field, form in fields:
            if isinstance(form, str) and BAD_CHARS.search(form):
                problems.append(f"{where(i, entry)}: {field} {form!r} contains whitespace")

    # 4./5. wrong forms and duplicate correct forms across entries
    owner = {}
    for i, entry in entries:
        canonical = entry.get("canonical")
        for field, form in forms_of(entry):
            if not isinstance(form, str):
                continue
            if field == "accepted" and form == canonical:
                continue  # repeating the canonical form in "accepted" is allowed
            if form in owner and owner[form][0] != i:
                j, other_field = owner[form]
                problems.append(
                    f"{where(i, entry)}: {field} form \"{form}\" is already the {other_field} form of "
                    f"{where(j, phrases[j])}")
            else:
                owner.setdefault(form, (i, field))
    for i, entry in entries:
        for form in entry.get("wrong", []) or []:
            if form in owner:
                j, field = owner[form]
                problems.append(
                    f"{where(i, entry)}: wrong form \"{form}\" is the {field} form of {where(j, phrases[j])}")

    # 6. series
    pure = embedded = 0
    for i, entry in entries:
        series = entry.get("series")
        if not isinstance(series, dict):
            continue
        members = series.get("members") or []
        separator = series.get("separator")
        canonical = entry.get("canonical") or ""
        if not (isinstance(separator, str) and all(isinstance(m, str) for m in members)):
            continue
        joined = separator.join(members)
        if joined == canonical:
            pure += 1
        elif joined and joined in canonical:
            embedded += 1
        else:
            problems.append(
                f"{where(i, entry)}: series members joined by \"{separator}\" give \"{joined}\", "
                f"which is neither the canonical form nor part of it")

    # report
    counts = Counter(entry.get("category") for _, entry in entries)
    print(f"{name}: {len(entries)} phrases")
    for category in CATEGORIES + sorted(c for c in counts if c not in CATEGORIES and isinstance(c, str)):
        if counts.get(category):
            print(f"  {category:<13}{counts[category]:>4}")
    n_accepted = sum(len(e.get("accepted", []) or []) for _, e in entries)
    n_wrong = sum(len(e.get("wrong", []) or []) for _, e in entries)
    print(f"  series: {pure + embedded} ({pure} pure, {embedded} embedded); "
          f"accepted forms: {n_accepted}; wrong forms: {n_wrong}")
    if problems:
        for problem in problems:
            print(f"{name}: {problem}")
        print(f"{name}: {len(problems)} problem(s)")
        return 1
    print(f"{name}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
