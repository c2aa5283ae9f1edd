#!/usr/bin/env bash
# test/fidelity/multi/record.sh -- re-record the multi-node fixtures on a real swarm of three.
#
#   bash test/fidelity/multi/record.sh                       # every scenario
#   bash test/fidelity/multi/record.sh 03-drain-and-node-down   # some of them
#   bash test/fidelity/multi/record.sh --check [NN-name ...]  # record into a temporary folder and
#                                                        # diff (normalized) against the goldens
#
# Each test/fidelity/multi/scenarios/NN-name/script.sh runs on the shared oracle's multi-node
# lab: three real Docker engines node1..node3, each in its own network namespace at
# 10.99.0.11-13 (../shared/oracle/multinode.sh), driven by ../shared/oracle/record-multi.sh,
# whose line forms the scripts use (`@nodeK CMD`, `$(@nodeK CMD)`, `lab stop|start nodeK`,
# `# nodes: N`; src/node/transcript.ts replays the same forms). The transcripts go to
# golden/NN-name.txt; make-golden28.mjs then writes golden28/ where Docker Engine 28 (or a
# kernel with IPVS) prints something else than the recording lab.
#
# Setting up a machine (once; as root, with what ../record.sh needs: docker.io's dockerd 20.10,
# the docker CLI 28, jq, curl, and the stand-in images of base-images.sh in ORACLE_CACHE):
#
#   apt-get install -y iproute2 util-linux
#
# The lab uses its own sockets, data roots and network namespaces, but bringing it up and down
# adds and removes a veth (mnlab0, 10.99.0.1/24) in the machine's own namespace: on a machine
# whose dockerd others use, set LOCK=/path/to/their/lock and those two steps run under flock.
# The lab is left down at the end (KEEP_LAB=1 keeps it up for the next run).
#
# Nothing in the project's build, run or tests reads ../shared: only this script does.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
ORACLE=${ORACLE:-../shared/oracle}
case "$ORACLE" in /*) ;; *) ORACLE="$ROOT/$ORACLE" ;; esac
export ORACLE_CACHE=${ORACLE_CACHE:-/tmp/oracle-cache}
SCEN=$HERE/scenarios
GOLDEN=$HERE/golden
LOCK=${LOCK:-}

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi

die() { echo "multi/record.sh: $*" >&2; exit 2; }

for tool in record-multi.sh multinode.sh normalize.mjs; do
  [ -x "$ORACLE/$tool" ] || [ -f "$ORACLE/$tool" ] || die "no $tool at $ORACLE (set ORACLE=/path/to/shared/oracle)"
done
[ -d "$ORACLE_CACHE/images" ] || die "no stand-in images in $ORACLE_CACHE (run: ORACLE_CACHE=$ORACLE_CACHE $ORACLE/base-images.sh)"
case "$(docker version --format '{{.Client.Version}}' 2>/dev/null)" in
  28.*) ;;
  *) die "the docker CLI must be 28.x (found $(docker version --format '{{.Client.Version}}' 2>/dev/null))" ;;
esac

# -o: the lock's descriptor is closed before the command runs, so the nodes' dockerd and
# containerd, which `up` starts in the background, do not inherit it and hold the lock for
# as long as the lab lives
locked() { if [ -n "$LOCK" ]; then flock -o "$LOCK" "$@"; else "$@"; fi; }

names=()
if [ $# -gt 0 ]; then
  for s in "$@"; do
    s=${s%/}; s=${s##*/}
    [ -f "$SCEN/$s/script.sh" ] || die "no scenario $s"
    names+=("$s")
  done
else
  for d in "$SCEN"/*/; do [ -f "$d/script.sh" ] && names+=("$(basename "$d")"); done
fi

out=$GOLDEN
if [ $check -eq 1 ]; then out=$(mktemp -d); fi
mkdir -p "$out"

locked bash "$ORACLE/multinode.sh" up 3 >/dev/null || die "the lab did not come up"
finish() { [ -n "${KEEP_LAB:-}" ] || locked bash "$ORACLE/multinode.sh" down >/dev/null; }
trap finish EXIT

bash "$ORACLE/record-multi.sh" -s "$SCEN" -o "$out" "${names[@]}" || die "recording failed"

if [ $check -eq 1 ]; then
  status=0
  # the lab's host names (node1..node3) are the simulator's too: nothing to mask (HOSTNAME empty)
  for s in "${names[@]}"; do
    if diff <(HOSTNAME= node "$ORACLE/normalize.mjs" < "$GOLDEN/$s.txt") \
            <(HOSTNAME= node "$ORACLE/normalize.mjs" < "$out/$s.txt") > "$out/$s.diff"; then
      echo "same      $s"
    else
      echo "DIFFERENT $s  (see $out/$s.diff)"; status=1
    fi
  done
  exit $status
fi

v() { DOCKER_HOST=unix:///var/run/docker-node1.sock docker version --format "$1"; }
cat > "$GOLDEN/recorded-on.json" <<EOF
{
  "hosts": ["node1", "node2", "node3"],
  "addresses": ["10.99.0.11", "10.99.0.12", "10.99.0.13"],
  "client": "$(v '{{.Client.Version}}')",
  "server": "$(v '{{.Server.Version}}')",
  "serverApi": "$(v '{{.Server.APIVersion}}')",
  "curl": "$(curl --version | head -1 | cut -d' ' -f2)",
  "kernel": "$(uname -r)"
}
EOF
node "$HERE/make-golden28.mjs" || die "make-golden28.mjs failed"
