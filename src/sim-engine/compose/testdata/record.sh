#!/usr/bin/env bash
# record.sh -- record what a real docker CLI 28 answers to the compose files of loader/
#
#   flock /tmp/dockerd.lock bash src/sim-engine/compose/testdata/record.sh          # loader.golden
#   bash src/sim-engine/compose/testdata/record.sh config                           # config.golden
#
# Runs each line of loader.sh (or config.sh) with bash in loader/ and writes loader.golden
# (or config.golden) in the fixtures' transcript format: `$ <command>`, what it printed,
# and `[exit N]` when the status is not 0.
#
# loader.sh deploys against a Docker daemon that is NOT in a swarm (every valid file then
# ends with "this node is not a swarm manager"); load.test.ts compares it normalized as the
# real-Docker fixtures are. config.sh runs `docker stack config`, which never talks to a
# daemon (no lock needed); config.test.ts compares it byte for byte, except that the
# folder the files were in, which `docker stack config` prints in absolute paths, is
# written as <DIR> here (the simulator's files are in /root).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
name=${1:-loader}
if [ "$name" = loader ]; then
  [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = inactive ] || { echo "record.sh: leave the swarm first" >&2; exit 2; }
fi
out=$HERE/$name.golden tmp=$(mktemp)
: > "$out"
while IFS= read -r line || [ -n "$line" ]; do
  [[ "$line" =~ ^[[:space:]]*$ || "$line" =~ ^[[:space:]]*# ]] && continue
  printf '$ %s\n' "$line" >> "$out"
  ( cd "$HERE/loader" && bash -c "$line" ) < /dev/null > "$tmp" 2>&1
  rc=$?
  [ "$name" = config ] && sed -i "s#$HERE/loader#<DIR>#g" "$tmp"
  cat "$tmp" >> "$out"
  [ -s "$tmp" ] && [ "$(tail -c1 "$tmp" | od -An -c | tr -d ' ')" != '\n' ] && echo >> "$out"
  [ $rc -ne 0 ] && echo "[exit $rc]" >> "$out"
done < "$HERE/$name.sh"
rm -f "$tmp"
echo "wrote $out"
