#!/usr/bin/python3
"""Checks that the database seam holds: no source file in src/ but the
SQLite driver includes sqlite3.h or calls SQLite's API, so core, the CLI
and the window reach the database only through sf-db.h (docs/store.md).

    check-seam.py SOURCE_ROOT
"""

import os
import re
import sys

ALLOWED = {os.path.join("src", "core", "sf-db-sqlite.c")}
PATTERN = re.compile(r"#\s*include\s*<sqlite3\.h>|\bsqlite3_[a-z_0-9]+\s*\(")


def main():
    root = sys.argv[1]
    problems = []
    for folder, _, names in os.walk(os.path.join(root, "src")):
        for name in sorted(names):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            if relative in ALLOWED:
                continue
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    if PATTERN.search(line):
                        problems.append(f"{relative}:{number}: {line.strip()}")
    for problem in problems:
        print(problem)
    if problems:
        print("SQLite's API used outside src/core/sf-db-sqlite.c: go through sf-db.h")
        return 1
    print("the seam holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
