#!/usr/bin/env python3
"""An independent implementation of DOMAIN.md, checked against the CLI's report.

    check-report.py CLI GENERATOR WORKDIR

Generates a data set with build-aux/generate-dataset.py (a different seed and size from the
benchmark's), imports it through the CLI, changes some settings, and compares every figure of
`report --format json` on several dates with figures computed here straight from the database
file, written from DOMAIN.md and nothing in src/. Standard library only.
Run by `meson test check-report`; it prints what it compared and every difference.
"""

import calendar
import datetime
import json
import math
import os
import sqlite3
import subprocess
import sys

EPS = 1e-9


def add_months(day, months):
    """Calendar months; the 31st becomes the last day of a shorter month."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def date_or_none(text):
    return datetime.date.fromisoformat(text) if text else None


def in_range(day, start, end):
    return (start is None or start <= day) and (end is None or day <= end)


def expected(db_path, ref):
    db = sqlite3.connect(db_path)
    settings = {key: float(value) for key, value in db.execute("SELECT key, value FROM setting")}
    full = settings.get("full-time-hours", 37)
    weights = {
        "enkel": settings.get("weight-enkel", 0.5),
        "kompleks": settings.get("weight-kompleks", 1.0),
        "saerligt-kompliceret": settings.get("weight-saerligt-kompliceret", 2.0),
    }
    new_hire_factor = settings.get("new-hire-factor", 0.7)
    new_hire_months = int(settings.get("new-hire-months", 6))
    near = settings.get("near-threshold", 0.9)
    settings["near"] = near

    areas = {row[0]: row[1:] for row in db.execute("SELECT id, key, ds_high FROM area")}
    teams = {}
    for tid, name, area_id, cap in db.execute("SELECT id, name, area_id, cap FROM team"):
        key, ds_high = areas[area_id]
        teams[tid] = {"name": name, "area": key, "base_norm": cap if cap else ds_high, "members": []}

    reductions = {}
    for cw, hours, start, end in db.execute(
            "SELECT caseworker_id, hours, valid_from, valid_to FROM reduction"):
        if in_range(ref, date_or_none(start), date_or_none(end)):
            reductions[cw] = reductions.get(cw, 0) + hours

    people = {}
    for (pid, initials, name, team_id, hours, start, kind, a_from, a_to, factor, end) in db.execute(
            "SELECT id, initials, name, team_id, weekly_hours, start_date, absence_kind,"
            " absence_from, absence_to, individual_factor, end_date FROM caseworker"):
        start = date_or_none(start)
        end = date_or_none(end)
        absent = bool(kind) and in_range(ref, date_or_none(a_from), date_or_none(a_to))
        started = start is None or start <= ref
        left = end is not None and ref > end
        if absent or not started or left:
            availability = 0.0
        else:
            availability = min(max((hours - reductions.get(pid, 0)) / full, 0.0), 1.0)
        new_hire = start is not None and ref < add_months(start, new_hire_months)
        experience = new_hire_factor if new_hire else 1.0
        base = teams[team_id]["base_norm"]
        people[pid] = {
            "initials": initials, "name": name, "team_id": team_id, "absent": absent or left,
            "availability": availability, "experience": experience, "individual_factor": factor,
            "adjusted_norm": base * availability * experience * factor,
            "open_cases": 0, "weighted_load": 0.0,
        }
        teams[team_id]["members"].append(pid)

    # Planned hires: like a caseworker with no cases from the start date, not before.
    for hid, team_id, hours, start in db.execute(
            "SELECT id, team_id, weekly_hours, start_date FROM planned_hire"):
        start = date_or_none(start)
        if start > ref:
            continue
        availability = min(max(hours / full, 0.0), 1.0)
        experience = new_hire_factor if ref < add_months(start, new_hire_months) else 1.0
        people[("hire", hid)] = {
            "initials": None, "team_id": team_id, "absent": False, "availability": availability,
            "experience": experience, "individual_factor": 1.0,
            "adjusted_norm": teams[team_id]["base_norm"] * availability * experience,
            "open_cases": 0, "weighted_load": 0.0,
        }
        teams[team_id]["members"].append(("hire", hid))

    uncovered = {tid: [0, 0.0] for tid in teams}
    for t in teams.values():
        t["demand"] = 0.0
    for complexity, start, closed, primary, cover in db.execute(
            "SELECT complexity, start_date, closed_date, caseworker_id, cover_id FROM casefile"):
        start, closed = date_or_none(start), date_or_none(closed)
        if (start is not None and start > ref) or (closed is not None and closed <= ref):
            continue
        weight = weights[complexity]
        # The forecast's demand: by the primary caseworker's team, covered or not
        teams[people[primary]["team_id"]]["demand"] += weight
        if cover:
            who = cover
        elif people[primary]["absent"]:
            uncovered[people[primary]["team_id"]][0] += 1
            uncovered[people[primary]["team_id"]][1] += weight
            continue
        else:
            who = primary
        people[who]["open_cases"] += 1
        people[who]["weighted_load"] += weight

    for p in people.values():
        norm, load = p["adjusted_norm"], p["weighted_load"]
        p["utilisation"] = load / norm if norm > 0 else None
        if norm <= 0:
            p["status"] = "over" if load > 0 else "within"
        elif load / norm > 1 + EPS:
            p["status"] = "over"
        elif load / norm > near + EPS:
            p["status"] = "near"
        else:
            p["status"] = "within"

    for tid, t in teams.items():
        members = [people[pid] for pid in t["members"]]
        t["load"] = sum(m["weighted_load"] for m in members)
        t["capacity"] = sum(m["adjusted_norm"] for m in members)
        t["fte_available"] = sum(m["availability"] * m["experience"] * m["individual_factor"]
                                 for m in members)
        t["fte_needed"] = t["load"] / t["base_norm"]
        with_capacity = [m for m in members if m["adjusted_norm"] > 0]
        t["compliance"] = (sum(1 for m in with_capacity if m["status"] != "over") / len(with_capacity)
                           if with_capacity else None)
        availability = sum(m["availability"] for m in members)
        t["cases_per_fte"] = (sum(m["open_cases"] for m in members) / availability
                              if availability > 0 else None)
        t["uncovered_cases"] = uncovered[tid][0]
        t["members_count"] = len(members)
        t["utilisation"] = t["load"] / t["capacity"] if t["capacity"] > 0 else None
    return {k: v for k, v in people.items() if v["initials"] is not None}, teams


def status_of(load, norm, near):
    if norm <= 0:
        return "over" if load > 0 else "within"
    if load / norm > 1 + EPS:
        return "over"
    if load / norm > near + EPS:
        return "near"
    return "within"


def month_start(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def expected_forecast(db_path, ref, months):
    """DOMAIN.md's forecast, from the figures of each point's day."""
    db = sqlite3.connect(db_path)
    settings = {key: float(value) for key, value in db.execute("SELECT key, value FROM setting")}
    weights = {
        "enkel": settings.get("weight-enkel", 0.5),
        "kompleks": settings.get("weight-kompleks", 1.0),
        "saerligt-kompliceret": settings.get("weight-saerligt-kompliceret", 2.0),
    }
    history = int(settings.get("forecast-history-months", 6))
    lead = int(settings.get("hiring-lead-months", 3))
    near = settings.get("near-threshold", 0.9)
    team_of = dict(db.execute("SELECT id, team_id FROM caseworker"))
    window = (month_start(ref, -history), month_start(ref, 0))
    inflow = {}
    for complexity, start, closed, primary in db.execute(
            "SELECT complexity, start_date, closed_date, caseworker_id FROM casefile"):
        tid = team_of[primary]
        start, closed = date_or_none(start), date_or_none(closed)
        if start is not None and window[0] <= start < window[1]:
            inflow[tid] = inflow.get(tid, 0.0) + weights[complexity]
        if closed is not None and window[0] <= closed < window[1]:
            inflow[tid] = inflow.get(tid, 0.0) - weights[complexity]
    result = {}
    for k in range(1, months + 1):
        day = month_start(ref, k)
        _, teams = expected(db_path, day)
        for tid, t in teams.items():
            net = inflow.get(tid, 0.0) / history
            demand = max(0.0, t["demand"] + k * net)
            fte_needed = demand / t["base_norm"] if t["base_norm"] > 0 else None
            point = {
                "date": day.isoformat(), "demand": demand, "capacity": t["capacity"],
                "utilisation": demand / t["capacity"] if t["capacity"] > 0 else None,
                "fte_available": t["fte_available"], "fte_needed": fte_needed,
                "gap": fte_needed - t["fte_available"] if fte_needed is not None else None,
                "status": status_of(demand, t["capacity"], near),
            }
            entry = result.setdefault(t["name"], {"net_inflow": net, "hire_by": None, "points": []})
            entry["points"].append(point)
            if entry["hire_by"] is None and point["status"] == "over":
                entry["hire_by"] = max(ref, month_start(day, -lead)).isoformat()
    return result


def compare_forecast(got, want):
    problems = []
    for team in got["teams"]:
        w = want[team["team"]]
        if not close(team["net_inflow"], w["net_inflow"]):
            problems.append(f"{team['team']} net_inflow: {team['net_inflow']}, expected {w['net_inflow']}")
        if team["hire_by"] != w["hire_by"]:
            problems.append(f"{team['team']} hire_by: {team['hire_by']}, expected {w['hire_by']}")
        for gp, wp in zip(team["points"], w["points"]):
            for key in ("date", "status"):
                if gp[key] != wp[key]:
                    problems.append(f"{team['team']} {wp['date']} {key}: {gp[key]}, expected {wp[key]}")
            for key in ("demand", "capacity", "utilisation", "fte_available", "fte_needed", "gap"):
                if not close(gp[key], wp[key]):
                    problems.append(f"{team['team']} {wp['date']} {key}: {gp[key]}, expected {wp[key]}")
    if len(got["teams"]) != len(want):
        problems.append(f"{len(got['teams'])} teams forecast, {len(want)} expected")
    return problems


def compare_trend(got, db_path):
    """Each computed point of a trend against the figures of its day."""
    problems = []
    for point in got["points"]:
        day = datetime.date.fromisoformat(point["date"])
        people, teams = expected(db_path, day)
        by_name = {t["name"]: t for t in teams.values()}
        for team in point["teams"]:
            want = by_name[team["name"]]
            for key in ("capacity", "load", "fte_available", "fte_needed", "utilisation", "uncovered_cases",
                        "compliance", "cases_per_fte"):
                if not close(team[key], want[key]):
                    problems.append(f"{point['date']} {team['name']} {key}: {team[key]}, expected {want[key]}")
        load = sum(t["load"] for t in teams.values())
        if not close(point["municipality"]["load"], load):
            problems.append(f"{point['date']} municipality load: {point['municipality']['load']}, expected {load}")
    return problems


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def compare(report, people, teams):
    problems = []
    by_initials = {p["initials"].casefold(): p for p in people.values()}
    if len(report["caseworkers"]) != len(people):
        problems.append(f"{len(report['caseworkers'])} caseworkers reported, {len(people)} expected")
    for got in report["caseworkers"]:
        want = by_initials[got["initials"].casefold()]
        for key in ("open_cases", "weighted_load", "availability", "experience", "individual_factor",
                    "adjusted_norm", "utilisation"):
            if not close(got[key], want[key]):
                problems.append(f"{got['initials']} {key}: report {got[key]}, expected {want[key]}")
        if got["status"] != want["status"]:
            problems.append(f"{got['initials']} status: report {got['status']}, expected {want['status']}")
    by_name = {t["name"].casefold(): t for t in teams.values()}
    for got in report["teams"]:
        want = by_name[got["name"].casefold()]
        if got["members"] != want["members_count"]:
            problems.append(f"{got['name']} members: report {got['members']}, expected {want['members_count']}")
        for key in ("base_norm", "fte_available", "fte_needed", "capacity", "load", "uncovered_cases",
                    "compliance", "cases_per_fte"):
            if not close(got[key], want[key]):
                problems.append(f"{got['name']} {key}: report {got[key]}, expected {want[key]}")
    return problems


def main():
    cli, generator, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "check.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    ref = "2026-03-31"
    subprocess.run([sys.executable, generator, "--caseworkers", "240", "--teams", "48",
                    "--cases", "7000", "--seed", "20260331", "--reference-date", ref, work],
                   check=True, stdout=subprocess.DEVNULL)
    roster = os.path.join(work, "roster.csv")
    cases = os.path.join(work, "cases.csv")
    for command, path in (("import-roster", roster), ("import-cases", cases)):
        subprocess.run([cli, "--database", db, command, path], check=True, stdout=subprocess.DEVNULL)

    # Edge cases the generator does not make, written straight into the file: reductions
    # that begin or end around the dates below, absences with an end, starts exactly six
    # calendar months before a date (31 August → 28 February), starts after the date.
    with sqlite3.connect(db) as con:
        con.executescript("""
            UPDATE reduction SET valid_from = '2026-01-01', valid_to = '2026-03-31' WHERE id % 3 = 0;
            UPDATE reduction SET valid_from = '2026-04-01' WHERE id % 3 = 1;
            UPDATE caseworker SET absence_from = '2026-03-01', absence_to = '2026-03-30'
              WHERE absence_kind IS NOT NULL AND id % 2 = 0;
            UPDATE caseworker SET start_date = '2025-09-30' WHERE id % 17 = 0;
            UPDATE caseworker SET start_date = '2025-08-31' WHERE id % 19 = 0;
            UPDATE caseworker SET start_date = '2026-05-01' WHERE id % 23 = 0;
            UPDATE caseworker SET end_date = '2026-03-31' WHERE id % 29 = 0;
            UPDATE caseworker SET end_date = '2026-06-30' WHERE id % 31 = 0;
            INSERT INTO planned_hire (team_id, weekly_hours, start_date)
              SELECT id, 37, '2026-04-01' FROM team WHERE id % 5 = 0;
            INSERT INTO planned_hire (team_id, weekly_hours, start_date)
              SELECT id, 18.5, '2026-09-30' FROM team WHERE id % 7 = 0;
        """)

    failures = 0
    checks = 0
    # Defaults, then other weights, hours and thresholds; dates around the reference date,
    # month ends (the new-hire boundary of a start on the 31st) and a year later.
    dates = ["2026-03-31", "2026-02-28", "2026-08-31", "2027-03-31", "2025-12-01"]
    setting_sets = [
        {},
        {"weight-enkel": "0.4", "weight-saerligt-kompliceret": "2.5", "full-time-hours": "37.5",
         "new-hire-factor": "0.6", "new-hire-months": "9", "near-threshold": "0.85"},
    ]
    for settings in setting_sets:
        for key, value in settings.items():
            subprocess.run([cli, "--database", db, "settings", key, value], check=True,
                           stdout=subprocess.DEVNULL)
        for day in dates:
            out = subprocess.run([cli, "--database", db, "report", "--date", day, "--format", "json"],
                                 check=True, capture_output=True, text=True).stdout
            report = json.loads(out)
            people, teams = expected(db, datetime.date.fromisoformat(day))
            problems = compare(report, people, teams)
            checks += 1
            statuses = {}
            for p in people.values():
                statuses[p["status"]] = statuses.get(p["status"], 0) + 1
            print(f"# {day} {settings or 'defaults'}: {len(people)} caseworkers {statuses}, "
                  f"{len(problems)} differences")
            for problem in problems[:20]:
                print("#   " + problem)
            if problems:
                failures += 1
    # The forecast and a trend, on the last settings
    for ref_text, months in (("2026-03-31", 12), ("2026-01-15", 6)):
        ref_day = datetime.date.fromisoformat(ref_text)
        out = subprocess.run([cli, "--database", db, "forecast", "--date", ref_text, "--months", str(months),
                              "--format", "json"], check=True, capture_output=True, text=True).stdout
        problems = compare_forecast(json.loads(out), expected_forecast(db, ref_day, months))
        checks += 1
        print(f"# forecast from {ref_text}, {months} months: {len(problems)} differences")
        for problem in problems[:20]:
            print("#   " + problem)
        failures += 1 if problems else 0
    out = subprocess.run([cli, "--database", db, "trend", "--from", "2025-12-01", "--to", "2026-07-31",
                          "--step", "month", "--format", "json"], check=True, capture_output=True, text=True).stdout
    problems = compare_trend(json.loads(out), db)
    checks += 1
    print(f"# monthly trend: {len(problems)} differences")
    for problem in problems[:20]:
        print("#   " + problem)
    failures += 1 if problems else 0
    print(f"{checks - failures} of {checks} reports match")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
