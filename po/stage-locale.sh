#!/bin/sh
# Usage: stage-locale.sh OUTDIR DOMAIN MO...
# Copies each <build>/po/<lang>/LC_MESSAGES/DOMAIN.mo to OUTDIR/<lang>/LC_MESSAGES/DOMAIN.mo, so
# that OUTDIR can be given to bindtextdomain() by uninstalled runs and tests.
set -eu

out=$1
domain=$2
shift 2

rm -rf "$out"
mkdir -p "$out"
for mo in "$@"; do
  lang=$(basename "$(dirname "$(dirname "$mo")")")
  mkdir -p "$out/$lang/LC_MESSAGES"
  cp "$mo" "$out/$lang/LC_MESSAGES/$domain.mo"
done
touch "$out"
