#!/usr/bin/env bash
# record.sh -- record what a real docker CLI 28 answers to the compose files of loader/
#
#   flock /tmp/dockerd.lock bash src/sim-engine/compose/testdata/record.sh
#
# Runs each line of loader.sh with bash in loader/ against a Docker daemon that is NOT in
# a swarm (every valid file then ends with "this node is not a swarm manager"), and writes
# loader.golden in the fixtures' transcript format: `$ <command>`, what it printed, and
# `[exit N]` when the status is not 0. load.test.ts runs loader.sh through the simulator
# and compares (normalized as the real-Docker fixtures are).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
[ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = inactive ] || { echo "record.sh: leave the swarm first" >&2; exit 2; }
out=$HERE/loader.golden tmp=$(mktemp)
: > "$out"
while IFS= read -r line || [ -n "$line" ]; do
  [[ "$line" =~ ^[[:space:]]*$ || "$line" =~ ^[[:space:]]*# ]] && continue
  printf '$ %s\n' "$line" >> "$out"
  ( cd "$HERE/loader" && bash -c "$line" ) < /dev/null > "$tmp" 2>&1
  rc=$?
  cat "$tmp" >> "$out"
  [ -s "$tmp" ] && [ "$(tail -c1 "$tmp" | od -An -c | tr -d ' ')" != '\n' ] && echo >> "$out"
  [ $rc -ne 0 ] && echo "[exit $rc]" >> "$out"
done < "$HERE/loader.sh"
rm -f "$tmp"
echo "wrote $out"
