#!/usr/bin/env python3
"""Measures Sagsfordeling on a PostgreSQL server against the server's own floor.

On the large data set (build-aux/generate-dataset.py), medians of --runs runs:

  import   sagsfordeling-cli import-roster + import-cases into a new, set-up
           database against psql's \\copy of the same two files into bare
           tables                                                   (target <= 2x)
  floor    psql's \\copy of the same files into tables with the keys the data
           needs (keys, indexes and foreign keys built after the copy): the
           cheapest sound load, which the import is also set against
  report   sagsfordeling-cli report --format json against one bare aggregate
           query sent with psql                                     (target <= 2x)
  gui      the window's start-up to its first frame on the server against the
           same on the SQLite file                                  (target <= 1.5x)

then the same three with --delay-ms of latency each way (2 ms a round trip by
default), and the round trips each of them takes, with a CLI edit
(plan-hire, less the same program listing the planned hires).

The latency and the count come from a small proxy in this script: it forwards
TCP connections on 127.0.0.1 to the server's Unix socket, holds every chunk
for --delay-ms before passing it on, and counts a round trip each time the
client speaks after the server has answered.  (`tc qdisc … netem` in a network
namespace of one's own does the same in the kernel where the sch_netem module
is there; the proxy needs nothing but Python.)  The proxy's own cost is shown
by a run through it without delay.

A throwaway cluster is started with build-aux/pg-cluster (or give --host DIR,
the socket directory of a running server whose superuser you are).  Needs psql
(Debian: postgresql-client) and, for the GUI, xvfb-run.

    /usr/bin/python3 build-aux/benchmark-server.py --runs 5
"""

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchmark  # noqa: E402  (run, compare, verdict: the same method as the SQLite figures)

AGGREGATE = benchmark.AGGREGATE


class DelayProxy:
    """127.0.0.1:port → the server's Unix socket, each chunk held for delay
    seconds, round trips counted."""

    def __init__(self, socket_path, delay):
        self.socket_path = socket_path
        self.delay = delay
        self.round_trips = 0
        self.loop = asyncio.new_event_loop()
        started = threading.Event()
        self.thread = threading.Thread(target=self._serve, args=(started,), daemon=True)
        self.thread.start()
        started.wait()

    def _serve(self, started):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        started.set()
        self.loop.run_forever()

    async def _client(self, client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_unix_connection(self.socket_path)
        state = {"server_spoke": True}
        await asyncio.gather(self._pump(client_reader, server_writer, state, True),
                             self._pump(server_reader, client_writer, state, False),
                             return_exceptions=True)

    async def _pump(self, reader, writer, state, from_client):
        queue = asyncio.Queue()

        async def deliver():
            while True:
                due, data = await queue.get()
                if data is None:
                    break
                wait = due - self.loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if from_client and state["server_spoke"]:
                    self.round_trips += 1
                state["server_spoke"] = not from_client
                queue.put_nowait((self.loop.time() + self.delay, data))
        finally:
            queue.put_nowait((0, None))
            await sender

    def take_round_trips(self):
        n, self.round_trips = self.round_trips, 0
        return n


def psql(uri, *commands, database=None):
    argv = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri]
    for command in commands:
        argv += ["-c", command]
    benchmark.run(argv)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "src", "cli", "sagsfordeling-cli"))
    parser.add_argument("--gui", default=os.path.join(HERE, "..", "build", "src", "gui", "sagsfordeling"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay-ms", type=float, default=1.0, help="latency each way (default 1)")
    parser.add_argument("--host", help="the socket directory of a running server (default: start one)")
    parser.add_argument("--keep", help="use and keep this folder for the data")
    args = parser.parse_args()

    for program in ("psql",):
        if shutil.which(program) is None:
            sys.exit(f"benchmark-server: {program} is needed (apt-get install postgresql-client)")
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and "SF_BENCHMARK_XVFB" not in os.environ:
        os.environ["SF_BENCHMARK_XVFB"] = "1"
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                               sys.executable, os.path.abspath(__file__)] + sys.argv[1:])

    cli = os.path.abspath(args.cli)
    gui = os.path.abspath(args.gui)
    work = args.keep or tempfile.mkdtemp(prefix="sf-bench-")
    os.makedirs(work, exist_ok=True)
    roster = os.path.join(work, "roster.csv")
    cases = os.path.join(work, "cases.csv")
    sqlite_db = os.path.join(work, "sf.db")
    cluster = None
    if args.host:
        host = args.host
    else:
        cluster = tempfile.mkdtemp(prefix="sf-pg.", dir="/tmp")
        subprocess.run([os.path.join(HERE, "pg-cluster"), "start", cluster], check=True,
                       stdout=subprocess.DEVNULL)
        host = cluster
    try:
        measure(args, cli, gui, work, roster, cases, sqlite_db, host)
    finally:
        if cluster:
            subprocess.run([os.path.join(HERE, "pg-cluster"), "stop", cluster], check=False)
        if not args.keep:
            shutil.rmtree(work)


def measure(args, cli, gui, work, roster, cases, sqlite_db, host):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    admin = f"postgresql:///postgres?host={host}"
    benchmark.run([sys.executable, os.path.join(HERE, "generate-dataset.py"), work])
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(sqlite_db + suffix):
            os.remove(sqlite_db + suffix)
    benchmark.run([cli, "--database", sqlite_db, "import-roster", roster], env=env)
    benchmark.run([cli, "--database", sqlite_db, "import-cases", cases], env=env)

    with open(roster, encoding="utf-8") as f:
        roster_columns = f.readline().strip().split(";")
    with open(cases, encoding="utf-8") as f:
        case_columns = f.readline().strip().split(";")

    def bare_tables(uri):
        psql(admin, "DROP DATABASE IF EXISTS sfbare WITH (FORCE)", "CREATE DATABASE sfbare")
        psql(uri, "CREATE TABLE roster (%s)" % ", ".join(f'"{c}" text' for c in roster_columns),
             "CREATE TABLE cases (%s)" % ", ".join(f'"{c}" text' for c in case_columns))

    # The cheapest load of the same files with the keys the data needs, as a database
    # administrator would write it by hand: typed columns, each caseworker's initials the key
    # and the team indexed; a case's id and case number keys, its caseworker and cover
    # foreign keys and indexes as the case table has them; every key, index and foreign key
    # built once after the copy, in one transaction (cheaper than keeping them during it).
    def keyed_tables(uri):
        psql(admin, "DROP DATABASE IF EXISTS sfkeyed WITH (FORCE)", "CREATE DATABASE sfkeyed")
        roster_types = {"startdato": "date"}
        case_types = {"startdato": "date", "lukket": "date"}
        psql(uri, "CREATE TABLE roster (%s)" % ", ".join(
                 f'"{c}" {roster_types.get(c, "text")}' for c in roster_columns),
             "CREATE TABLE cases (id bigint GENERATED ALWAYS AS IDENTITY, %s)" % ", ".join(
                 f'"{c}" {case_types.get(c, "text")}' for c in case_columns))

    def copy_keyed(uri):
        psql(uri, "SET datestyle = 'ISO, DMY'", "BEGIN",
             f"\\copy roster FROM '{roster}' WITH (FORMAT csv, DELIMITER ';', HEADER true)",
             "\\copy cases (%s) FROM '%s' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
             % (", ".join(f'"{c}"' for c in case_columns), cases),
             'ALTER TABLE roster ADD PRIMARY KEY ("initialer")',
             'CREATE INDEX ON roster ("team")',
             'ALTER TABLE cases ADD PRIMARY KEY (id)',
             'ALTER TABLE cases ADD UNIQUE ("sagsnummer")',
             'CREATE INDEX ON cases ("initialer")',
             'CREATE INDEX ON cases ("daekkes_af") WHERE "daekkes_af" IS NOT NULL',
             'ALTER TABLE cases ADD FOREIGN KEY ("initialer") REFERENCES roster ("initialer")',
             'ALTER TABLE cases ADD FOREIGN KEY ("daekkes_af") REFERENCES roster ("initialer")',
             "COMMIT")

    def set_up(uri):
        psql(admin, "DROP DATABASE IF EXISTS sfbench WITH (FORCE)", "CREATE DATABASE sfbench")
        benchmark.run([cli, "--database", uri, "server-setup"], env=env)

    def import_both(uri):
        benchmark.run([cli, "--database", uri, "import-roster", roster], env=env)
        benchmark.run([cli, "--database", uri, "import-cases", cases], env=env)

    def copy_both(uri):
        psql(uri, f"\\copy roster FROM '{roster}' WITH (FORMAT csv, DELIMITER ';', HEADER true)",
             f"\\copy cases FROM '{cases}' WITH (FORMAT csv, DELIMITER ';', HEADER true)")

    report_args = ["report", "--format", "json", "--date", "2026-01-15"]
    schemas = os.path.join(os.path.dirname(gui), "..", "..", "data")
    gui_env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none", GDK_BACKEND="x11",
                   SF_BENCHMARK_EXIT_AFTER_FIRST_FRAME="1", GSETTINGS_SCHEMA_DIR=os.path.abspath(schemas))
    have_gui = bool(os.environ.get("DISPLAY")) and os.path.exists(gui)

    def start(database):
        return lambda: benchmark.run([gui, "--database", database], env=gui_env, stderr=subprocess.DEVNULL)

    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    version = subprocess.run(["psql", "-X", "-At", "-d", admin, "-c", "SHOW server_version"],
                             capture_output=True, text=True).stdout.strip()
    print(f"machine: {cpu or os.uname().machine}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"kernel {os.uname().release}, PostgreSQL {version}; {time.strftime('%Y-%m-%d %H:%M %Z')}; "
          f"medians of {args.runs} runs", flush=True)

    def figures(label, uri_of, proxy=None):
        ours_uri, bare_uri = uri_of("sfbench"), uri_of("sfbare")
        (sf_import, sf_cpu), (copy, copy_cpu) = benchmark.compare(
            (lambda: set_up(ours_uri), lambda: import_both(ours_uri)),
            (lambda: bare_tables(bare_uri), lambda: copy_both(bare_uri)),
            args.runs)
        ratio = sf_import / copy
        print(f"{label} import  {sf_import:7.3f} s   psql \\copy     {copy:7.3f} s   ratio {ratio:5.2f}  "
              f"(target <= 2)  {benchmark.verdict(ratio, 2)}   [CPU of the clients {sf_cpu:.3f} s / {copy_cpu:.3f} s]",
              flush=True)
        (keyed, _), (copy, _) = benchmark.compare(
            (lambda: keyed_tables(uri_of("sfkeyed")), lambda: copy_keyed(uri_of("sfkeyed"))),
            (lambda: bare_tables(bare_uri), lambda: copy_both(bare_uri)),
            args.runs)
        print(f"{label} floor   psql \\copy with the keys {keyed:7.3f} s = {keyed / copy:5.2f} x the bare copy; "
              f"the import is {sf_import / keyed:5.2f} x it", flush=True)
        report = [cli, "--database", ours_uri] + report_args
        benchmark.run(report, env=env)
        (sf_report, _), (bare_report, _) = benchmark.compare(
            (lambda: None, lambda: benchmark.run(report, env=env)),
            (lambda: None, lambda: psql(ours_uri, AGGREGATE)),
            args.runs)
        ratio = sf_report / bare_report
        print(f"{label} report  {sf_report:7.3f} s   bare aggregate {bare_report:7.3f} s   ratio {ratio:5.2f}  "
              f"(target <= 2)  {benchmark.verdict(ratio, 2)}", flush=True)
        if have_gui:
            start(ours_uri)()           # the first start of a day records the history
            start(sqlite_db)()
            (gui_server, _), (gui_file, _) = benchmark.compare(
                (lambda: None, start(ours_uri)), (lambda: None, start(sqlite_db)), args.runs)
            ratio = gui_server / gui_file
            print(f"{label} gui     {gui_server:7.3f} s   SQLite file    {gui_file:7.3f} s   ratio {ratio:5.2f}  "
                  f"(target <= 1.5)  {benchmark.verdict(ratio, 1.5)}", flush=True)
        else:
            print(f"{label} gui     skipped: needs a display or xvfb-run, and the GUI build")
        if proxy is None:
            return
        # Round trips, one run each
        proxy.take_round_trips()
        set_up(ours_uri)
        proxy.take_round_trips()
        benchmark.run([cli, "--database", ours_uri, "import-roster", roster], env=env)
        n_roster = proxy.take_round_trips()
        benchmark.run([cli, "--database", ours_uri, "import-cases", cases], env=env)
        n_cases = proxy.take_round_trips()
        benchmark.run(report, env=env)
        n_report = proxy.take_round_trips()
        benchmark.run([cli, "--database", ours_uri, "plan-hires"], env=env)
        n_list = proxy.take_round_trips()
        benchmark.run([cli, "--database", ours_uri, "plan-hire", "--team", "Team 000", "--hours", "37",
                       "--start", "2027-01-01"], env=env)
        n_edit = proxy.take_round_trips()
        line = (f"{label} round trips: import-roster {n_roster}, import-cases {n_cases}, report {n_report}, "
                f"an edit (plan-hire {n_edit} less plan-hires {n_list}) {n_edit - n_list}")
        if have_gui:
            start(ours_uri)()
            proxy.take_round_trips()
            start(ours_uri)()
            line += f", GUI start-up {proxy.take_round_trips()}"
        print(line, flush=True)

    socket_path = os.path.join(host, ".s.PGSQL.5432")
    figures("loopback (Unix socket)", lambda name: f"postgresql:///{name}?host={host}")
    user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
    for delay in (0.0, args.delay_ms / 1000):
        proxy = DelayProxy(socket_path, delay)
        label = f"TCP via proxy, {2 * delay * 1000:g} ms round trip"
        figures(label, lambda name: f"postgresql://{user}@127.0.0.1:{proxy.port}/{name}?sslmode=disable", proxy)


if __name__ == "__main__":
    main()
