#!/usr/bin/env python3
"""Generate Sources/RendaData/Resources/places.json from cpca's division CSV.

The places file lists every prefecture-level (地级) and county-level (县级) division
with its province, for the `byline` rule and the hover on a place name. Its source
is the `resources/adcodes.csv` file that the PyPI package `cpca` ships: one row per
division, keyed by its 民政部 six-digit division code (padded to twelve digits), e.g.
`420600000000,襄阳市,...`. A code `PP0000` is a province, `PPCC00` a prefecture and
`PPCCXX` a county-level division under prefecture `PPCC00`.

How to rerun it (pip's files stay outside the repository):

    python3 -m venv /tmp/places-venv
    /tmp/places-venv/bin/pip install cpca==0.5.5
    /tmp/places-venv/bin/python scripts/generate-places.py

or, with any other CSV of the same columns (`adcode,name,...`, e.g. a newer fork's):

    python3 scripts/generate-places.py --csv path/to/adcodes.csv --source "…"

Then validate and test:

    python3 scripts/validate-json.py schemas/glossary.schema.json Sources/RendaData/Resources/places.json
    swift test --filter RendaDataTests

Province short names come from Sources/RendaData/Resources/provinces.json
(`fullName` → `shortName`), so the two files always agree.

What is left out, because it is a grouping row of the code table and not a division:
市辖区, 县 (重庆's county group), 省直辖县级行政区划 and 自治区直辖县级行政区划. Also
left out are rows whose name is not a division name (the old 三沙 codes 西沙群岛,
南沙群岛, 中沙群岛的岛礁及其海域). A county-level division directly under a province
or a municipality (仙桃市, 济源市, 石河子市; 北京's and 重庆's districts and counties)
has `"prefecture": null`.
"""

import argparse
import csv
import importlib.metadata
import importlib.resources
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROVINCES = os.path.join(ROOT, "Sources", "RendaData", "Resources", "provinces.json")
OUTPUT = os.path.join(ROOT, "Sources", "RendaData", "Resources", "places.json")

GROUPING_ROWS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
DIVISION_SUFFIXES = ("市", "区", "县", "旗", "州", "盟", "地区")

VERSION = "1.0.0"

CPCA_ABOUT = (
    "全国地级、县级行政区划及其所属省级行政区，按民政部行政区划代码排序。"
    "由 scripts/generate-places.py 从 PyPI 包 cpca {version} 自带的 resources/adcodes.csv 生成"
    "（该文件按民政部县以上行政区划代码列出各级区划）。cpca 未注明数据日期；据其内容约为 2016 年年中的区划："
    "已有开州区（2016 年 6 月设立），仍有邯郸县（2016 年 9 月撤销）。此后新设或更名的区划（如禄丰市、襄都区）"
    "不在其中。去掉了代码表中的分组行（市辖区、县、省直辖县级行政区划、自治区直辖县级行政区划）和三沙市的旧代码"
    "（西沙群岛等）。province 为 provinces.json 的 shortName；直辖市的区县和省直辖的县级行政区划 prefecture 为 null。"
    "重新生成：pip install cpca=={version}，再运行 python3 scripts/generate-places.py。"
)


def cpca_csv():
    """The path and version of the adcodes.csv that the installed cpca ships."""
    try:
        version = importlib.metadata.version("cpca")
    except importlib.metadata.PackageNotFoundError:
        sys.stderr.write(
            "generate-places.py: the Python package 'cpca' is not installed; "
            "run `pip install cpca==0.5.5` (in a virtual environment outside the repository) "
            "or pass --csv PATH\n"
        )
        sys.exit(2)
    path = importlib.resources.files("cpca.resources").joinpath("adcodes.csv")
    return str(path), version


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "adcode" not in reader.fieldnames or "name" not in reader.fieldnames:
            sys.stderr.write(f"generate-places.py: {path}: expected the columns adcode and name\n")
            sys.exit(2)
        rows = {}
        for row in reader:
            code = row["adcode"].strip()[:6]
            name = row["name"].strip()
            if len(code) != 6 or not code.isdigit() or not name:
                sys.stderr.write(f"generate-places.py: {path}: bad row {row!r}\n")
                sys.exit(2)
            if code in rows and rows[code] != name:
                sys.stderr.write(f"generate-places.py: {path}: code {code} is both {rows[code]} and {name}\n")
                sys.exit(2)
            rows[code] = name
        return rows


def build(rows, short_names):
    places = []
    for code in sorted(rows):
        name = rows[code]
        if code[2:] == "0000" or name in GROUPING_ROWS or not name.endswith(DIVISION_SUFFIXES):
            continue
        province_name = rows.get(code[:2] + "0000")
        if province_name not in short_names:
            sys.stderr.write(f"generate-places.py: {code} {name}: unknown province {province_name!r}\n")
            sys.exit(1)
        province = short_names[province_name]
        if code[4:] == "00":
            places.append({"name": name, "level": "prefecture", "province": province, "prefecture": None})
            continue
        prefecture = rows.get(code[:4] + "00")
        if prefecture in GROUPING_ROWS:
            prefecture = None
        elif prefecture is None:
            sys.stderr.write(f"generate-places.py: {code} {name}: no prefecture row {code[:4]}00\n")
            sys.exit(1)
        places.append({"name": name, "level": "county", "province": province, "prefecture": prefecture})
    return places


def render(about, places):
    """Compact JSON, one place per line: small, and still readable in a diff."""
    def dump(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ["{", f'"about":{dump(about)},', f'"version":{dump(VERSION)},', '"places":[']
    lines.append(",\n".join(dump(place) for place in places))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", help="an adcodes CSV to read instead of the installed cpca's")
    parser.add_argument("--source", help="the `about` text to write when --csv is given (name the source and date)")
    parser.add_argument("--output", default=OUTPUT, help="where to write (default: the RendaData resource)")
    args = parser.parse_args(argv[1:])

    if args.csv:
        if not args.source:
            parser.error("--csv needs --source: the about text must name the data's source and date")
        path, about = args.csv, args.source
    else:
        path, version = cpca_csv()
        about = CPCA_ABOUT.format(version=version)

    with open(PROVINCES, encoding="utf-8") as handle:
        provinces = json.load(handle)["provinces"]
    short_names = {p["fullName"]: p["shortName"] for p in provinces}

    places = build(read_rows(path), short_names)
    with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render(about, places))
    prefectures = sum(1 for p in places if p["level"] == "prefecture")
    print(
        f"generate-places.py: wrote {len(places)} places "
        f"({prefectures} prefecture-level, {len(places) - prefectures} county-level) to {os.path.relpath(args.output)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
