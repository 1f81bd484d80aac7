#!/usr/bin/env python3
"""Runs tests/benchmark-gui once on a small municipality, so that a change that breaks it
shows in the suite rather than in the next person's benchmark.

    check-benchmark-gui.py GENERATE CLI BENCHMARK-GUI WORKDIR

GENERATE is build-aux/generate-dataset.py. The data set is small (60 caseworkers, 3,000 cases):
this checks that every interaction runs and prints its figure, not how fast it is (the timing
is build-aux/benchmark.py's, on the large data set).
"""

import os
import re
import shutil
import subprocess
import sys

generate, cli, bench, work = sys.argv[1:5]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
db = os.path.join(work, "small.db")
env = dict(os.environ, LC_ALL="C.UTF-8")

subprocess.run([sys.executable, generate, "--caseworkers", "60", "--teams", "12", "--cases", "3000", work],
               check=True, stdout=subprocess.DEVNULL)
for command, name in (("import-roster", "roster.csv"), ("import-cases", "cases.csv")):
    subprocess.run([cli, "--database", db, command, os.path.join(work, name)], check=True, env=env,
                   stdout=subprocess.DEVNULL)

result = subprocess.run([bench, "--database", db, "--runs", "1"], capture_output=True, text=True,
                        env=env, timeout=600)
if result.returncode != 0:
    sys.exit(f"benchmark-gui failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")

# Every interaction printed a figure: NAME median … ms  max … ms
expected = ["edit-case-store", "edit-person-store", "redraw", "edit-case-call", "edit-case",
            "edit-person-call", "edit-person", "sort-roster", "search-roster", "team-filter",
            "team-filter-cases", "switch-page", "edit-case-all-pages", "edit-person-all-pages",
            "switch-team", "planning-open", "planning-computed", "floor-filter"]
printed = {m.group(1) for m in re.finditer(r"^([a-z-]+)\s+median\s+[0-9.]+ ms", result.stdout, re.M)}
missing = [name for name in expected if name not in printed]
if missing:
    sys.exit(f"benchmark-gui printed no figure for {', '.join(missing)}:\n{result.stdout}")
shutil.rmtree(work)
print(f"benchmark-gui ran every interaction once ({len(printed)} figures)")
