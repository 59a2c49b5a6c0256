#!/usr/bin/env python3
"""Consistency check for the hand-annotated gold sets (eval/gold, eval/heldout).

Usage: python3 eval/check.py DIR|FILES...   (eval/gold or eval/heldout; the raw file is ../data/wuwei-2024.txt)

Checks, per file:
  * the file parses as YAML and has the keys passage, from_line, to_line, entities, relationships;
  * every entity has a known kind and the keys that kind needs; names hold no ASCII space / U+3000;
  * no duplicate entity (same kind + name, or same EVENT line) and no alias claimed by two
    entities of the same kind;
  * EVENT lines lie inside from_line..to_line and the raw line is not blank;
  * every relationship has a known type, endpoints of the allowed kinds, and both endpoints
    refer to an entity listed in the same file (KIND:name, EVENT:<line>, HONOR:<name>);
  * HELD_POSITION has title/start/end keys; HONORED has year;
  * no duplicate relationship;
  * for any folder but eval/gold: no file's line range overlaps a line range of eval/gold/*.yaml.
Warns (does not fail) when neither the name nor any alias of a non-event entity occurs in the
raw line range once spaces, U+3000, U+2002/3, U+2026, U+FFFD and line breaks are removed
(expected for names normalized by the annotator, e.g. 古浪 towns given the suffix 镇).
Prints record counts per file and in total (entities per kind, relationships per type).
Exit status 1 if any error was found.
"""
import collections
import datetime
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "data", "wuwei-2024.txt")

KINDS = {"PERSON", "ORGANIZATION", "PLACE", "EVENT", "PROJECT", "HONOR"}
PLACE_TYPES = {"PROVINCE", "CITY", "DISTRICT", "COUNTY", "TOWN", "TOWNSHIP", "SUBDISTRICT",
               "VILLAGE", "COMMUNITY", "SITE", "NATURAL", "OTHER"}
REL = {  # type -> (allowed from kinds, allowed to kinds)
    "PARTICIPATED_IN": ({"PERSON", "ORGANIZATION"}, {"EVENT"}),
    "OCCURRED_IN": ({"EVENT"}, {"PLACE"}),
    "INVOLVES": ({"EVENT"}, {"PROJECT"}),
    "LOCATED_IN": ({"PROJECT", "ORGANIZATION"}, {"PLACE"}),
    "OWNED_BY": ({"PROJECT"}, {"ORGANIZATION"}),
    "HELD_POSITION": ({"PERSON"}, {"ORGANIZATION"}),
    "PART_OF": ({"PLACE", "ORGANIZATION"}, {"PLACE", "ORGANIZATION"}),
    "HONORED": ({"PERSON", "ORGANIZATION"}, {"HONOR"}),
}
DATE_RE = re.compile(r"^2\d{3}(-\d{2}(-\d{2})?)?$")


def as_date_str(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()[:10]
    return None if v is None else str(v)


def check_file(path, raw_lines):
    errs = []
    ent_count = collections.Counter()
    rel_count = collections.Counter()
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    for k in ("passage", "from_line", "to_line", "entities", "relationships"):
        if k not in doc:
            errs.append(f"missing key {k}")
    lo, hi = doc.get("from_line", 0), doc.get("to_line", 0)
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
        errs.append(f"bad line range {lo}..{hi}")
    keys = set()
    aliases = collections.defaultdict(dict)
    joined = ""
    if raw_lines and isinstance(lo, int) and isinstance(hi, int):
        joined = re.sub(r"[\s\u3000\u2002\u2003\u2026\ufffd]", "", "".join(raw_lines[lo - 1:hi]))
    warns = []
    for e in doc.get("entities") or []:
        kind = e.get("kind")
        if kind not in KINDS:
            errs.append(f"unknown kind {e}")
            continue
        ent_count[kind] += 1
        name = e.get("name")
        if not name or not isinstance(name, str):
            errs.append(f"entity without name {e}")
            continue
        if kind != "EVENT" and (" " in name or "\u3000" in name):
            errs.append(f"space in name {name!r}")
        if kind == "EVENT":
            ln = e.get("line")
            if not isinstance(ln, int) or not (lo <= ln <= hi):
                errs.append(f"event line {ln} outside {lo}..{hi}")
            elif raw_lines and not raw_lines[ln - 1].strip():
                errs.append(f"event line {ln} is blank in the raw file")
            for dk in ("date", "end_date"):
                if dk not in e:
                    errs.append(f"event {ln} lacks {dk}")
                    continue
                d = as_date_str(e[dk])
                if d is not None and not DATE_RE.match(d):
                    errs.append(f"event {ln} bad {dk} {e[dk]!r}")
            if e.get("date") is None:
                errs.append(f"event {ln} has no date")
            key = f"EVENT:{ln}"
        else:
            key = f"{kind}:{name}"
        if kind != "EVENT" and joined:
            forms = [name] + list(e.get("aliases") or [])
            if not any(re.sub(r"[“”\"]", "", f) in re.sub(r"[“”\"]", "", joined) for f in forms):
                warns.append(f"{kind}:{name} - neither name nor alias occurs in the raw range")
        if kind == "PLACE" and e.get("type") not in PLACE_TYPES:
            errs.append(f"place {name} bad type {e.get('type')!r}")
        if key in keys:
            errs.append(f"duplicate entity {key}")
        keys.add(key)
        for a in [name] + list(e.get("aliases") or []):
            if kind == "EVENT":
                break
            if " " in a or "\u3000" in a:
                errs.append(f"space in alias {a!r}")
            other = aliases[kind].get(a)
            if other and other != key:
                errs.append(f"alias {a} claimed by {other} and {key}")
            aliases[kind][a] = key
    seen = set()
    for r in doc.get("relationships") or []:
        t = r.get("type")
        if t not in REL:
            errs.append(f"unknown relationship type {r}")
            continue
        rel_count[t] += 1
        fk, tk = REL[t]
        for end, allowed in (("from", fk), ("to", tk)):
            ref = str(r.get(end))
            kind = ref.split(":", 1)[0]
            if kind not in allowed:
                errs.append(f"{t} {end} kind {kind} not allowed: {r}")
            if ref not in keys:
                errs.append(f"{t} {end} endpoint {ref} not listed as entity")
        if t == "HELD_POSITION":
            for k in ("title", "start", "end"):
                if k not in r:
                    errs.append(f"HELD_POSITION lacks {k}: {r}")
            for k in ("start", "end"):
                d = as_date_str(r.get(k))
                if d is not None and not DATE_RE.match(d):
                    errs.append(f"HELD_POSITION bad {k}: {r}")
        if t == "HONORED" and "year" not in r:
            errs.append(f"HONORED lacks year: {r}")
        sig = (t, str(r.get("from")), str(r.get("to")), str(r.get("title")))
        if sig in seen:
            errs.append(f"duplicate relationship {sig}")
        seen.add(sig)
    return doc, errs, warns, ent_count, rel_count


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    files = []
    for a in argv[1:]:
        files += sorted(glob.glob(os.path.join(a, "*.yaml"))) if os.path.isdir(a) else [a]
    here = os.path.abspath(os.path.dirname(files[0])) if files else HERE
    raw_lines = None
    if os.path.exists(RAW):
        with open(RAW, encoding="utf-8") as f:
            raw_lines = f.read().split("\n")
    total_e, total_r = collections.Counter(), collections.Counter()
    bad = 0
    for path in files:
        doc, errs, warns, ec, rc = check_file(path, raw_lines)
        total_e.update(ec)
        total_r.update(rc)
        n = sum(ec.values()) + sum(rc.values())
        print(f"{os.path.basename(path)}: {doc.get('passage')} [{doc.get('from_line')}-{doc.get('to_line')}]"
              f" entities={sum(ec.values())} relationships={sum(rc.values())} records={n}")
        print("   entities: " + ", ".join(f"{k}={v}" for k, v in sorted(ec.items())))
        print("   relationships: " + ", ".join(f"{k}={v}" for k, v in sorted(rc.items())))
        for e in errs:
            print("   ERROR:", e)
        for w in warns:
            print("   warning:", w)
        bad += len(errs)
    # held-out only: no range may overlap a range of eval/gold/ (the set the extractor was tuned on)
    gold_dir = os.path.join(HERE, "gold")
    if os.path.abspath(gold_dir) != here and os.path.isdir(gold_dir):
        gold_ranges = []
        for g in sorted(glob.glob(os.path.join(gold_dir, "*.yaml"))):
            with open(g, encoding="utf-8") as f:
                gd = yaml.safe_load(f)
            gold_ranges.append((os.path.basename(g), gd.get("from_line"), gd.get("to_line")))
        for path in files:
            with open(path, encoding="utf-8") as f:
                hd = yaml.safe_load(f)
            lo, hi = hd.get("from_line"), hd.get("to_line")
            for gname, glo, ghi in gold_ranges:
                if lo <= ghi and glo <= hi:
                    print(f"   ERROR: {os.path.basename(path)} [{lo}-{hi}] overlaps gold {gname} [{glo}-{ghi}]")
                    bad += 1
        print(f"overlap with eval/gold: checked against {len(gold_ranges)} gold ranges")
    print("TOTAL entities:", sum(total_e.values()), dict(sorted(total_e.items())))
    print("TOTAL relationships:", sum(total_r.values()), dict(sorted(total_r.items())))
    print("TOTAL records:", sum(total_e.values()) + sum(total_r.values()))
    print("errors:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
