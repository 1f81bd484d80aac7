#!/bin/sh
# Runs a libFuzzer target for a bounded time from the seed corpus, writing
# new inputs to a temporary folder so the source tree stays clean.
#   run-fuzz.sh TARGET SEED_DIR SECONDS
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$1" -max_total_time="$3" -seed=1 -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
  -print_final_stats=1 -error_exitcode=1 "$work" "$2"
