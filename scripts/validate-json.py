#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema (draft 2020-12).

usage: validate-json.py SCHEMA [FILE|-]

FILE defaults to `-` (standard input). Prints every validation error, with the
path of the offending value, and exits 1 when the document does not validate;
exits 0 when it does. Exits 2 on a usage error, an unreadable or malformed file,
or an invalid schema.
"""

import json
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.validators import validator_for
    from jsonschema.exceptions import SchemaError
except ImportError:  # pragma: no cover
    sys.stderr.write("validate-json.py: the Python package 'jsonschema' is not installed\n")
    sys.exit(2)


def load(path, what):
    try:
        if path == "-":
            return json.load(sys.stdin)
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        name = "<stdin>" if path == "-" else path
        sys.stderr.write(f"validate-json.py: {name}: cannot read {what}: {error}\n")
        sys.exit(2)


def location(error):
    parts = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return "$" + parts


def main(argv):
    if len(argv) not in (2, 3) or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: validate-json.py SCHEMA [FILE|-]\n")
        return 2
    schema_path = argv[1]
    document_path = argv[2] if len(argv) == 3 else "-"
    schema = load(schema_path, "schema")
    try:
        validator_class = validator_for(schema, default=Draft202012Validator)
        validator_class.check_schema(schema)
    except SchemaError as error:
        sys.stderr.write(f"validate-json.py: {schema_path}: invalid schema: {error.message}\n")
        return 2
    document = load(document_path, "document")
    validator = validator_class(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    name = "<stdin>" if document_path == "-" else document_path
    if errors:
        for error in errors:
            print(f"{name}: {location(error)}: {error.message}")
        print(f"{name}: {len(errors)} error(s) against {schema_path}")
        return 1
    print(f"{name}: valid against {schema_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
