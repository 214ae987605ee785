#!/usr/bin/env python3
# check-gazetteer.py: lints the gazetteer files of a folder.
#
# Copyright 2026 The Dossier authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/check-gazetteer.py [DIR]
#
# Reports, and exits 1 on: a form (name or alias, folded about as the
# loader folds) that two different actors claim, which the loader settles
# silently (the later file wins); a leads= that names no entry's canonical
# name; a line the loader would refuse.  Prints the entries per file.

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "gen-countries-gaz.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

TYPES = {"company", "media", "person", "government"}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "gazetteer")
    owners = {}     # folded form -> {canonical: "file:line"}
    canonicals = set()
    leads = []      # (where, name)
    problems = []

    for name in sorted(os.listdir(folder)):
        if not name.endswith(".gaz"):
            continue
        n = 0
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                where = "%s:%d" % (name, i)
                fields = line.split("\t")
                if len(fields) < 2 or fields[0] not in TYPES or not fields[1].strip():
                    problems.append(where + ": not type<TAB>name")
                    continue
                n += 1
                canonical = fields[1]
                canonicals.add(canonical)
                forms = [canonical]
                if len(fields) > 2:
                    forms += [a.strip().lstrip("~@") for a in fields[2].split("|")]
                for form in forms:
                    if form:
                        owners.setdefault(gen.fold(form), {}).setdefault(canonical, where)
                if len(fields) > 3:
                    for prop in fields[3].split(";"):
                        prop = prop.strip()
                        if prop.startswith("leads="):
                            leads.append((where, prop[6:].strip()))
                        elif prop and not prop.startswith("title="):
                            problems.append(where + ": unknown field " + prop)
        print("%-16s %5d entries" % (name, n))

    for form, who in sorted(owners.items()):
        if len(who) > 1:
            problems.append("form '%s' claimed by %s" % (
                form, ", ".join("%s (%s)" % kv for kv in sorted(who.items()))))
    for where, name in leads:
        if name not in canonicals:
            problems.append(where + ": leads=" + name + " names no entry")

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
