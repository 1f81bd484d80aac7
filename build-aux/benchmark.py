#!/usr/bin/python3
"""Measures Sagsfordeling against the floor SQLite itself sets (issue 8).

    build-aux/benchmark.py [--cli build/src/cli/sagsfordeling-cli] [--runs 5] [--keep DIR]

Generates the large-municipality data set (3,000 caseworkers in 600 teams,
100,000 cases: build-aux/generate-dataset.py), then times, as the median of
--runs runs each:

  import   sagsfordeling-cli import-roster + import-cases into a new database
           against the sqlite3 shell's .import of the same two files into
           bare tables                                   (target: at most 3x)
  report   sagsfordeling-cli report --format json for everyone against one
           bare sqlite3 aggregate query over the same data (target: at most 2x)
  memory   the report's peak resident memory              (target: under 150 MB)

and prints the ratios.  Needs python3 and the sqlite3 shell (Debian: sqlite3).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

AGGREGATE = """
SELECT w.id, count(*),
       sum(CASE c.complexity WHEN 'enkel' THEN 0.5 WHEN 'kompleks' THEN 1.0 ELSE 2.0 END)
  FROM casefile c JOIN caseworker w ON w.id = coalesce (c.cover_id, c.caseworker_id)
 WHERE c.closed_date IS NULL OR c.closed_date > '2026-01-15'
 GROUP BY w.id;
"""


def run(argv, **kwargs):
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, **kwargs)


def median_time(prepare, command, runs):
    times = []
    for _ in range(runs):
        prepare()
        start = time.perf_counter()
        command()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(argv):
    """Peak resident set size of one run of argv, in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run(argv)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "src", "cli", "sagsfordeling-cli"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="use and keep this folder for the data")
    args = parser.parse_args()

    if shutil.which("sqlite3") is None:
        sys.exit("benchmark: the sqlite3 shell is needed (apt-get install sqlite3)")
    cli = os.path.abspath(args.cli)
    work = args.keep or tempfile.mkdtemp(prefix="sf-bench-")
    os.makedirs(work, exist_ok=True)
    roster = os.path.join(work, "roster.csv")
    cases = os.path.join(work, "cases.csv")
    db = os.path.join(work, "sf.db")
    bare = os.path.join(work, "bare.db")
    run([sys.executable, os.path.join(HERE, "generate-dataset.py"), work])

    def remove(path):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    env = dict(os.environ, LC_ALL="C.UTF-8")
    sf_import = median_time(lambda: remove(db),
                            lambda: (run([cli, "--database", db, "import-roster", roster], env=env),
                                     run([cli, "--database", db, "import-cases", cases], env=env)),
                            args.runs)
    sqlite_import = median_time(lambda: remove(bare),
                                lambda: run(["sqlite3", bare, ".mode csv", ".separator ;",
                                             ".import " + roster + " roster", ".import " + cases + " cases"]),
                                args.runs)

    report = [cli, "--database", db, "report", "--format", "json", "--date", "2026-01-15"]
    sf_report = median_time(lambda: None, lambda: run(report, env=env), args.runs)
    sqlite_report = median_time(lambda: None, lambda: run(["sqlite3", db, AGGREGATE]), args.runs)
    memory = peak_rss_mb(report)

    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores, {os.uname().release}")
    print(f"import  {sf_import:7.3f} s   sqlite3 .import {sqlite_import:7.3f} s   "
          f"ratio {sf_import / sqlite_import:5.2f}  (target <= 3)")
    print(f"report  {sf_report:7.3f} s   sqlite3 query   {sqlite_report:7.3f} s   "
          f"ratio {sf_report / sqlite_report:5.2f}  (target <= 2)")
    print(f"report peak memory {memory:6.1f} MB  (target < 150)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
