#!/usr/bin/env bash
# Usage: check-translations.sh SRCROOT TMPDIR
#
# Extracts the messages of the current sources (the files in po/POTFILES.in, with the same xgettext
# arguments as the sagsfordeling-pot target) into TMPDIR, merges each po/<lang>.po of po/LINGUAS
# with them, and fails when a message is untranslated or fuzzy, or when msgfmt --check finds an
# error (a format string that does not match its translation, a bad header, ...).
# po/ itself is not modified. To bring a catalogue up to date:
#   ninja -C build sagsfordeling-update-po   then translate the new messages in po/<lang>.po
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SRCROOT TMPDIR" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=po/xgettext-args.sh
. "$here/xgettext-args.sh"

srcroot=$(cd "$1" && pwd)
tmp=$2
domain=sagsfordeling
export LC_ALL=C

rm -rf "$tmp"
mkdir -p "$tmp"
tmp=$(cd "$tmp" && pwd)

potfiles_entries "$srcroot/po/POTFILES.in" > "$tmp/POTFILES"
if [ -s "$tmp/POTFILES" ]; then
  xgettext "${XGETTEXT_ARGS[@]}" --package-name="$domain" --force-po \
    --directory="$srcroot" --files-from="$tmp/POTFILES" --output="$tmp/$domain.pot"
else
  # Nothing to translate yet: an empty template.
  xgettext --language=C --force-po --package-name="$domain" --output="$tmp/$domain.pot" /dev/null
fi

status=0
while IFS= read -r lang; do
  po="$srcroot/po/$lang.po"
  merged="$tmp/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: po/$lang.po is listed in po/LINGUAS but does not exist" >&2
    status=1
    continue
  fi

  msgmerge --quiet --previous --output-file="$merged" "$po" "$tmp/$domain.pot"

  if ! msgfmt --check --statistics --output-file=/dev/null "$merged" 2> "$tmp/$lang.msgfmt"; then
    echo "$lang: msgfmt --check failed:" >&2
    sed 's/^/  /' "$tmp/$lang.msgfmt" >&2
    status=1
    continue
  fi
  stats=$(tail -n 1 "$tmp/$lang.msgfmt")
  echo "$lang: $stats"

  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" |
                 sed -n 's/^msgid "\(..*\)"$/\1/p')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" |
          sed -n 's/^msgid "\(..*\)"$/\1/p')
  if [ -n "$untranslated" ]; then
    echo "$lang: untranslated messages:" >&2
    printf '%s\n' "$untranslated" | sed -e 's/^/  /' -e '40{s/.*/  …/;q}' >&2
    status=1
  fi
  if [ -n "$fuzzy" ]; then
    echo "$lang: fuzzy messages (check the translation, then remove the fuzzy flag):" >&2
    printf '%s\n' "$fuzzy" | sed 's/^/  /' >&2
    status=1
  fi
  # Belt and braces: whatever msgattrib shows, msgfmt's own count decides.
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac

  obsolete=$(msgattrib --only-obsolete --no-wrap "$merged" | grep -c '^#~ msgid ' || true)
  if [ "$obsolete" -gt 0 ]; then
    echo "$lang: note: $obsolete messages in po/$lang.po are no longer in the sources (harmless)"
  fi
done < <(potfiles_entries "$srcroot/po/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d')

if [ "$status" -ne 0 ]; then
  echo "Update: ninja -C build $domain-update-po, then translate po/<lang>.po (no fuzzy entries)." >&2
fi
exit "$status"
