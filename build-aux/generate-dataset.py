#!/usr/bin/python3
"""Writes a deterministic, realistic data set for Sagsfordeling's benchmarks.

    build-aux/generate-dataset.py OUTDIR [--caseworkers 3000] [--teams 600] [--cases 100000] [--seed 1]

Writes OUTDIR/roster.csv and OUTDIR/cases.csv in the import formats of the
README.  The shape follows DS' 2023 survey: teams spread over the 13 case
areas, each caseworker's number of cases drawn around the survey's national
average for the area (with its spread), hours mostly 37 with part-time and
reductions (TR, education, projects), 3 % absent (half of them covered),
new hires, a few individual factors, 5 % of cases closed.  Only the
standard library, so anyone can run it.
"""

import argparse
import datetime
import os
import random

# key: (DS upper, survey average 2023) from data/case-areas.json
AREAS = {
    "boern-familie": (30, 31),
    "boern-handicap": (35, 34),
    "voksen-handicap": (70, 75),
    "voksen-psykiatri": (65, 75),
    "jobparate-over-30": (55, 49),
    "aktivitetsparate-over-30": (50, 48),
    "job-uddannelsesparate-under-30": (50, 47),
    "aktivitetsparate-under-30": (45, 49),
    "sygedagpenge": (50, 57),
    "jobafklaring": (45, 48),
    "ressourceforloeb": (40, 39),
    "fleksjob": (45, 136),
    "integration": (50, 59),
}
FIRST = ["Anne", "Mette", "Søren", "Louise", "Rasmus", "Pia", "Jonas", "Hanne", "Nadia", "Christian",
         "Trine", "Karim", "Emma", "Lars", "Camilla", "Mads", "Sofie", "Anders", "Julie", "Peter"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
        "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Møller"]
KINDS = ["enkel", "kompleks", "Særligt kompliceret"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--caseworkers", type=int, default=3000)
    parser.add_argument("--teams", type=int, default=600)
    parser.add_argument("--cases", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reference-date", default="2026-01-15")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    ref = datetime.date.fromisoformat(args.reference_date)
    os.makedirs(args.outdir, exist_ok=True)
    keys = list(AREAS)
    team_area = [keys[t % len(keys)] for t in range(args.teams)]
    team_cap = [rng.choice(["", "", "", str(AREAS[a][0] - 5)]) for a in team_area]

    people = []
    with open(os.path.join(args.outdir, "roster.csv"), "w", encoding="utf-8", newline="") as out:
        out.write("team;omraade;team_norm;initialer;navn;timer;reduktion_timer;reduktion_aarsag;"
                  "startdato;fravaer;individuel_faktor;faktor_begrundelse\r\n")
        for i in range(args.caseworkers):
            team = i % args.teams
            hours = rng.choices(["37", "37", "37", "37", "32", "30", "28,5"], k=1)[0]
            reduction, reason = "", ""
            roll = rng.random()
            if roll < 0.08:
                reduction, reason = "4", "TR"
            elif roll < 0.15:
                reduction, reason = "3,7", "Efteruddannelse"
            elif roll < 0.18:
                reduction, reason = "7,4", "Projekt"
            if roll < 0.06:
                start = ref - datetime.timedelta(days=rng.randrange(1, 180))     # new hires
            else:
                start = ref - datetime.timedelta(days=rng.randrange(180, 9000))
            absent = "Langtidssygemeldt" if rng.random() < 0.03 else ""
            factor, why = ("0,8", "Delvis tilbagevenden") if rng.random() < 0.03 else ("", "")
            initials = f"X{i:04d}"
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            out.write(f"Team {team:03d};{team_area[team]};{team_cap[team]};{initials};{name};{hours};"
                      f"{reduction};{reason};{start.strftime('%d-%m-%Y')};{absent};{factor};{why}\r\n")
            people.append((initials, team, absent))

    # Cases per person around the area's survey average, scaled so the total is args.cases.
    weights = [max(0.0, rng.gauss(AREAS[team_area[t]][1], AREAS[team_area[t]][1] * 0.2))
               for (_, t, _) in people]
    total = sum(weights)
    counts = [int(w * args.cases / total) for w in weights]
    for k in range(args.cases - sum(counts)):
        counts[k % len(counts)] += 1

    team_members = {}
    for idx, (initials, team, absent) in enumerate(people):
        if not absent:
            team_members.setdefault(team, []).append(initials)

    with open(os.path.join(args.outdir, "cases.csv"), "w", encoding="utf-8", newline="") as out:
        out.write("sagsnummer;initialer;kompleksitet;startdato;daekkes_af;lukket\r\n")
        serial = 0
        for idx, (initials, team, absent) in enumerate(people):
            for _ in range(counts[idx]):
                serial += 1
                kind = rng.choices(KINDS, weights=[3, 5, 2], k=1)[0]
                start = ref - datetime.timedelta(days=rng.randrange(1, 1500))
                cover = ""
                if absent and rng.random() < 0.5 and team_members.get(team):
                    cover = rng.choice(team_members[team])
                closed = ""
                if rng.random() < 0.05:
                    closed = (start + datetime.timedelta(days=rng.randrange(1, 400))).isoformat()
                out.write(f"SAG-{serial:07d};{initials};{kind};{start.isoformat()};{cover};{closed}\r\n")


if __name__ == "__main__":
    main()
