#!/usr/bin/env python3
"""Opens the HR workbook that `sagsfordeling-cli workbook` writes and checks it.

    check-workbook.py CLI WORKDIR

An .xlsx file is a zip of XML: this reads it back with zipfile and xml.etree and checks the
sheets, cell values and their types (numbers are numbers, dates are dates, text is shared
strings), number formats, frozen header rows, column widths, and that text beginning with
= + - @ is stored as text, never as a formula. A second run under a Danish locale must write
the same numbers (with a decimal point in the XML, as the format requires).
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REF = "2026-12-06"

cli, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def run(*args, env=None):
    result = subprocess.run([cli, "--database", os.path.join(work, "w.db"), *args],
                            capture_output=True, text=True, env=env)
    return result


def write(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def excel_serial(iso):
    return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days


# Syg (cap 40): AA with 30 complex cases, BB with 20 complex and 6 simple; Fam (DS' 30): CC with
# none. Names that a spreadsheet would read as formulas if they were written as formulas.
roster = write("roster.csv",
               "team;omraade;team_norm;initialer;navn;timer;startdato\n"
               "Syg;sygedagpenge;40;AA;=1+1;37;2020-03-01\n"
               "Syg;sygedagpenge;40;BB;@SUM(A1:A9);37;2019-01-01\n"
               "Fam;boern-familie;;CC;+45 Cecilie -Carlsen;18,5;2018-05-01\n")
cases = ["sagsnummer;initialer;kompleksitet;startdato"]
cases += [f"A-{i};AA;kompleks;2026-01-01" for i in range(30)]
cases += [f"B-{i};BB;kompleks;2026-01-01" for i in range(20)]
cases += [f"N-{i};BB;enkel;2026-07-15" for i in range(6)]
cases_path = write("cases.csv", "\n".join(cases) + "\n")
changes = write("s.json", '{"name": "=Omfordeling", "changes": ['
                '{"op": "move", "initials": "BB", "team": "Fam"},'
                '{"op": "reassign", "from": "AA", "to": "CC", "complexity": "kompleks", "count": 5}]}')

for args in (("import-roster", roster), ("import-cases", cases_path), ("scenario-save", "--changes", changes)):
    r = run(*args)
    if r.returncode != 0:
        sys.exit(f"{args[0]} failed: {r.stderr}")

env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="")
out = os.path.join(work, "hr.xlsx")
r = run("workbook", "--date", REF, "--scenario", "=omfordeling", out, env=env)
check(r.returncode == 0 and r.stderr == "", f"workbook failed: {r.returncode} {r.stderr}")
# Personnel data: readable by its owner only, whatever the umask
check(os.stat(out).st_mode & 0o777 == 0o600, f"mode {os.stat(out).st_mode & 0o777:o}, not 600")

# Refused: a file not named .xlsx, an unknown scenario, a bad date; nothing written
for args, status in ((("workbook", os.path.join(work, "hr.csv")), 2),
                     (("workbook", "--scenario", "Ingen", os.path.join(work, "x.xlsx")), 1),
                     (("workbook", "--date", "i dag", os.path.join(work, "y.xlsx")), 2),
                     (("workbook",), 2)):
    r = run(*args, env=env)
    check(r.returncode == status, f"{args} exited {r.returncode}, not {status}")
check(sorted(f for f in os.listdir(work) if "xlsx" in f or f.endswith(".csv") and f.startswith("hr")) ==
      ["hr.xlsx"], f"files left behind: {os.listdir(work)}")


def read_book(path):
    z = zipfile.ZipFile(path)
    strings = [("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
               for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    numfmts = {int(n.get("numFmtId")): n.get("formatCode") for n in styles.iter("{%s}numFmt" % NS["m"])}
    xfs = [int(x.get("numFmtId", "0")) for x in styles.find("m:cellXfs", NS).findall("m:xf", NS)]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    book = {}
    order = []
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).iter("{%s}sheet" % NS["m"]):
        name = sheet.get("name")
        root = ET.fromstring(z.read("xl/" + rels[sheet.get("{%s}id" % NS["r"])]))
        cells = {}
        for c in root.iter("{%s}c" % NS["m"]):
            v = c.find("m:v", NS)
            kind = c.get("t", "n")
            fmt = numfmts.get(xfs[int(c.get("s", "0"))], "General") if c.get("s") else "General"
            value = None
            if v is not None:
                value = strings[int(v.text)] if kind == "s" else v.text
            cells[c.get("r")] = (kind, value, fmt, c.find("m:f", NS) is not None)
        book[name] = (root, cells)
        order.append(name)
    return z, book, order


z, book, order = read_book(out)
check(order == ["Caseworkers", "Teams", "Case areas", "Municipality", "Trend", "Forecast", "Scenario"],
      f"sheets: {order}")


def row_of(cells, column, value):
    for ref, cell in cells.items():
        if re.fullmatch(column + r"\d+", ref) and cell[1] == value:
            return int(ref[len(column):])
    return None


def header(cells):
    out = {}
    for ref, cell in cells.items():
        m = re.fullmatch(r"([A-Z]+)1", ref)
        if m:
            out[cell[1]] = m.group(1)
    return out


for name, (root, cells) in book.items():
    pane = root.find(".//m:pane", NS)
    check(pane is not None and pane.get("ySplit") == "1" and pane.get("state") == "frozen",
          f"{name}: the header row is not frozen")
    check(all(not formula for (_, _, _, formula) in cells.values()), f"{name}: a cell holds a formula")
    check(all(cell[0] == "s" for ref, cell in cells.items() if re.fullmatch(r"[A-Z]+1", ref)),
          f"{name}: a header is not text")
    check(root.find(".//m:cols", NS) is not None, f"{name}: no column widths")
    for ref, (kind, value, fmt, _) in cells.items():
        if kind == "n" and value is not None:
            try:
                float(value)
            except ValueError:
                check(False, f"{name}!{ref}: {value!r} is not a number")

# Caseworkers: AA's row, every figure a number with its format, the status beside it
root, cells = book["Caseworkers"]
h = header(cells)
r = row_of(cells, h["Initials"], "AA")
check(r is not None, "AA is not on the Caseworkers sheet")
if r is not None:
    def cell(col):
        return cells.get(f"{h[col]}{r}", (None, None, None, False))
    check(cell("Name")[:2] == ("s", "=1+1"), f"the name =1+1 is not text: {cell('Name')}")
    check(cell("Team")[:2] == ("s", "Syg"), f"team: {cell('Team')}")
    check(cell("Weekly hours")[:2] == ("n", "37"), f"hours: {cell('Weekly hours')}")
    check(cell("Start date")[0] == "n" and float(cell("Start date")[1]) == excel_serial("2020-03-01")
          and cell("Start date")[2] == "dd-mm-yyyy", f"start date: {cell('Start date')}")
    check(cell("Adjusted norm")[:3] == ("n", "40", "#,##0.0"), f"norm: {cell('Adjusted norm')}")
    check(cell("Weighted load")[:3] == ("n", "30", "#,##0.0"), f"load: {cell('Weighted load')}")
    check(cell("Open cases")[:3] == ("n", "30", "#,##0"), f"open cases: {cell('Open cases')}")
    check(cell("Utilisation")[0] == "n" and abs(float(cell("Utilisation")[1]) - 0.75) < 1e-9
          and cell("Utilisation")[2] == "0.0%", f"utilisation: {cell('Utilisation')}")
    check(cell("Status")[:2] == ("s", "Within norm"), f"status: {cell('Status')}")
for initials, name in (("BB", "@SUM(A1:A9)"), ("CC", "+45 Cecilie -Carlsen")):
    rr = row_of(cells, h["Initials"], initials)
    check(rr is not None and cells.get(f"{h['Name']}{rr}", (None,))[:2] == ("s", name),
          f"{initials}'s name {name!r} is not stored as text")
rr = row_of(cells, h["Initials"], "CC")
check(rr is not None and cells.get(f"{h['Weekly hours']}{rr}", (None, None))[:2] == ("n", "18.5"),
      "18,5 hours are not the number 18.5")
# The name column is as wide as its longest name
widths = {int(c.get("min")): float(c.get("width")) for c in root.find(".//m:cols", NS)}
name_col = ord(h["Name"]) - ord("A") + 1
check(widths.get(name_col, 0) >= len("+45 Cecilie -Carlsen"), f"the name column is {widths.get(name_col)} wide")

# Teams: Syg's capacity 80, load 30 + 20 + 6 × 0.5 = 53
root, cells = book["Teams"]
h = header(cells)
r = row_of(cells, h["Team"], "Syg")
check(r is not None and cells[f"{h['Capacity']}{r}"][1] == "80" and
      abs(float(cells[f"{h['Utilisation']}{r}"][1]) - 53 / 80) < 1e-9 and
      cells[f"{h['Status']}{r}"][:2] == ("s", "Within norm"), "Syg's team figures")
check(cells[f"{h['FTE available']}{r}"][2] == "#,##0.00", "FTE is not written with two decimals")

# Municipality: the date as a date, open cases 56
root, cells = book["Municipality"]
h = header(cells)
check(cells[f"{h['Date']}2"][1] == str(excel_serial(REF)) and cells[f"{h['Date']}2"][2] == "dd-mm-yyyy",
      f"municipality date: {cells.get(h['Date'] + '2')}")
check(cells[f"{h['Open cases']}2"][1] == "56", "municipality open cases")

# Trend: the first of each of twelve months, each team and the whole municipality
root, cells = book["Trend"]
h = header(cells)
dates = sorted({int(float(c[1])) for ref, c in cells.items() if re.fullmatch(h["Date"] + r"\d+", ref) and ref != h["Date"] + "1"})
check(dates == [excel_serial(f"{y}-{m:02d}-01") for y, m in
                [(2026, m) for m in range(1, 13)]], f"trend dates: {dates}")
check(max(int(ref[1:]) for ref in cells if ref[0] == "A") == 1 + 12 * 3, "trend rows")

# Forecast: twelve months after the reference date, for 2 teams and the municipality
root, cells = book["Forecast"]
h = header(cells)
check(max(int(ref[1:]) for ref in cells if ref[0] == "A") == 1 + 12 * 3, "forecast rows")
check(cells[f"{h['Date']}2"][1] == str(excel_serial("2027-01-01")), "the forecast's first point")

# Scenario: BB moves from Syg to Fam; AA's utilisation 0.75 → 25/40
root, cells = book["Scenario"]
h = header(cells)
r = row_of(cells, h["Name"], "BB")
check(r is not None and cells[f"{h['Team before']}{r}"][1] == "Syg" and cells[f"{h['Team after']}{r}"][1] == "Fam",
      "BB's move in the comparison")
r = row_of(cells, h["Name"], "AA")
check(r is not None and abs(float(cells[f"{h['Utilisation after']}{r}"][1]) - 25 / 40) < 1e-9 and
      abs(float(cells[f"{h['Change']}{r}"][1]) + 5 / 40) < 1e-9, "AA's utilisation before → after")

# Under a Danish locale the file holds the same numbers (a decimal point, not a comma)
env_da = dict(os.environ, LC_ALL="da_DK.UTF-8", LANG="da_DK.UTF-8", LANGUAGE="da")
out_da = os.path.join(work, "hr-da.xlsx")
r = run("workbook", "--date", REF, "--scenario", "=Omfordeling", out_da, env=env_da)
check(r.returncode == 0, f"workbook under da_DK failed: {r.stderr}")
if r.returncode == 0:
    _, book_da, order_da = read_book(out_da)
    for (name, (_, cells)), name_da in zip(book.items(), order_da):
        cells_da = book_da[name_da][1]
        numbers = {ref: c[1] for ref, c in cells.items() if c[0] == "n"}
        numbers_da = {ref: c[1] for ref, c in cells_da.items() if c[0] == "n"}
        check(numbers == numbers_da, f"{name}: the numbers differ under a Danish locale")

for p in problems:
    print("problem:", p)
if not problems:
    print("the workbook is as expected")
sys.exit(1 if problems else 0)
