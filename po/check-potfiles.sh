#!/usr/bin/env bash
# Usage: check-potfiles.sh [--update] SRCROOT
#
# Fails unless po/POTFILES.in lists exactly the source files that have translatable strings
# (C sources and headers under src/, GtkBuilder files under ui/, the desktop file, metainfo and
# GSettings schema under data/), sorted, each once. A file "has translatable strings" when xgettext,
# run with the same keywords as the pot target, extracts a message from it.
# With --update, rewrites po/POTFILES.in to that list instead.
set -euo pipefail

update=false
if [ "${1:-}" = "--update" ]; then
  update=true
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--update] SRCROOT" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=po/xgettext-args.sh
. "$here/xgettext-args.sh"

cd "$1"
export LC_ALL=C
potfiles=po/POTFILES.in
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What should be listed.
dirs=()
for d in src ui data; do
  [ -d "$d" ] && dirs+=("$d/")
done
: > "$tmp/expected"
if [ "${#dirs[@]}" -gt 0 ]; then
  find "${dirs[@]}" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
       -o -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) |
    sort > "$tmp/candidates"
  while IFS= read -r file; do
    rm -f "$tmp/one.pot"
    if ! xgettext "${XGETTEXT_ARGS[@]}" --output="$tmp/one.pot" -- "$file" 2> "$tmp/err"; then
      echo "xgettext failed on $file:" >&2
      cat "$tmp/err" >&2
      exit 1
    fi
    if [ -s "$tmp/one.pot" ]; then
      printf '%s\n' "$file" >> "$tmp/expected"
    fi
  done < "$tmp/candidates"
fi

if $update; then
  {
    echo "# Source files with translatable strings, sorted (LC_ALL=C)."
    echo "# po/check-potfiles.sh checks this list; po/check-potfiles.sh --update . rewrites it."
    cat "$tmp/expected"
  } > "$potfiles"
  echo "wrote $potfiles ($(wc -l < "$tmp/expected") files)"
  exit 0
fi

if [ ! -f "$potfiles" ]; then
  echo "$potfiles is missing" >&2
  exit 1
fi
potfiles_entries "$potfiles" > "$tmp/listed"

status=0
if ! sort -c "$tmp/listed" 2>/dev/null; then
  echo "$potfiles is not sorted (LC_ALL=C sort order)" >&2
  status=1
fi
if [ -n "$(sort "$tmp/listed" | uniq -d)" ]; then
  echo "$potfiles lists a file more than once:" >&2
  sort "$tmp/listed" | uniq -d | sed 's/^/  /' >&2
  status=1
fi
sort -u "$tmp/listed" > "$tmp/listed.sorted"

missing=$(comm -13 "$tmp/listed.sorted" "$tmp/expected")
if [ -n "$missing" ]; then
  echo "$potfiles is missing these files, which have translatable strings:" >&2
  printf '%s\n' "$missing" | sed 's/^/  /' >&2
  status=1
fi

extra=$(comm -23 "$tmp/listed.sorted" "$tmp/expected")
if [ -n "$extra" ]; then
  echo "$potfiles lists files that do not exist or have no translatable strings:" >&2
  printf '%s\n' "$extra" | sed 's/^/  /' >&2
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "Fix: po/check-potfiles.sh --update .   (from the source root)" >&2
else
  echo "$potfiles lists all $(wc -l < "$tmp/expected") files with translatable strings"
fi
exit "$status"
