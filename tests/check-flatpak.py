#!/usr/bin/env python3
"""Checks the Flatpak manifest as far as can be done without its runtime.

    check-flatpak.py MANIFEST APP_ID

The runtime cannot be downloaded here, so the Flatpak is not built in CI. This checks what a
build would rely on: the manifest is JSON for this app id, on a numbered GNOME runtime with its
SDK, with the minimum of permissions (IPC, Wayland with X11 fallback, DRI, and the network for a
shared database on a PostgreSQL server: files come and go through the file chooser portal,
notifications through the notification portal), building this checkout with meson and running
the tests that need no display, after the libraries the runtime lacks (libxlsxwriter, libpq),
each built from source at a pinned commit. Where flatpak-builder is
installed, `flatpak-builder --show-manifest` must read it without a warning (it exits 0 even on
a bad manifest).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

manifest_path, app_id = sys.argv[1], sys.argv[2]
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

check(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is not org.gnome.Sdk")
check(str(manifest.get("runtime-version", "")).isdigit(),
      f"runtime-version {manifest.get('runtime-version')!r} is not a GNOME release number")
check(manifest.get("command") == "sagsfordeling", "the command is not sagsfordeling")
# The network: for a shared database on a PostgreSQL server
check(sorted(manifest.get("finish-args", [])) ==
      sorted(["--share=ipc", "--share=network", "--socket=wayland", "--socket=fallback-x11",
              "--device=dri"]),
      f"finish-args are not the minimum: {manifest.get('finish-args')}")

# The libraries the runtime lacks, then the app, last
modules = manifest.get("modules", [])
check(len(modules) >= 1 and modules[-1].get("name") == "sagsfordeling",
      "expected the app as the last module")
# What the runtime lacks is built from source first, each at a pinned commit:
# libxlsxwriter (the HR workbook) and libpq (PostgreSQL's client library)
dependencies = {m.get("name"): m for m in modules[:-1]}
check(set(dependencies) == {"libxlsxwriter", "libpq"}, f"the modules before the app are {sorted(dependencies)}")
for name, dependency in dependencies.items():
    sources = dependency.get("sources", [])
    check(len(sources) == 1 and sources[0].get("type") in ("git", "archive"),
          f"{name} is not built from its source")
    if sources and sources[0].get("type") == "git":
        check(len(sources[0].get("commit", "")) == 40, f"{name}'s source is not pinned to a commit")
    if sources and sources[0].get("type") == "archive":
        check(len(sources[0].get("sha256", "")) == 64, f"{name}'s archive has no sha256")
if modules:
    module = modules[-1]
    check(module.get("buildsystem") == "meson", "the app is not built with meson")
    sources = module.get("sources", [])
    check(len(sources) == 1 and sources[0].get("type") == "dir" and sources[0].get("path") == "..",
          "the app is not built from this checkout")
    if sources:
        for folder in (".git", "build", ".flatpak-builder", "build-debian13"):
            check(folder in sources[0].get("skip", []), f"{folder} is not skipped")
    check(module.get("run-tests") is True, "the build runs no tests")
    check(any("--no-suite gui" in c for c in module.get("test-commands", [])),
          "the build's tests are not the ones that need no display")

builder = shutil.which("flatpak-builder")
if builder:
    # It leaves a .flatpak-builder folder where it runs
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)],
                                capture_output=True, text=True, check=False, cwd=scratch)
    check(result.returncode == 0, f"flatpak-builder --show-manifest exited {result.returncode}")
    check(result.stderr.strip() == "", f"flatpak-builder --show-manifest warned: {result.stderr.strip()}")
    try:
        check(json.loads(result.stdout).get("id") == app_id, "flatpak-builder read another id")
    except ValueError:
        problems.append("flatpak-builder --show-manifest printed no JSON")
else:
    print("flatpak-builder is not installed: the manifest was checked as JSON only")

for problem in problems:
    print(f"{manifest_path}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
