#!/usr/bin/env bash
# test/fidelity/record.sh -- re-record the real-Docker fixtures of the engine core.
#
#   npm run fixtures:record                      # every scenario
#   bash test/fidelity/record.sh 04-ps 19-networks   # some of them
#   bash test/fidelity/record.sh --check         # record into a temporary folder and diff
#                                                # (normalized) against the committed golden files
#
# Each test/fidelity/scenarios/NN-name/script.sh is run, line by line, against a real
# Docker Engine and written to test/fidelity/golden/NN-name.txt (format: see README.md).
# Afterwards test/fidelity/make-golden28.mjs rewrites the lines where Docker Engine 28
# prints something else than the recording daemon into test/fidelity/golden28/. The help
# scenario is also recorded against ping28.mjs (a stub answering /_ping as Engine 28 does),
# into test/fidelity/ping28/, because the CLI's help depends on the daemon's API version.
#
# Setting up a machine to record (once per machine; Debian/Ubuntu, as root):
#
#   apt-get update && apt-get install -y docker.io busybox-static jq curl iproute2 nodejs
#   dockerd > /tmp/dockerd.log 2>&1 &
#   ORACLE_CACHE=/tmp/oracle-cache ../shared/oracle/base-images.sh     # ~20 s
#
# The shared oracle tools (record.sh, normalize.mjs, base-images.sh and the stand-in
# images they build) live outside this repository, in ../shared/oracle next to the
# checkout; point ORACLE at them if they are elsewhere. ORACLE_CACHE must be the cache
# base-images.sh filled (default /tmp/oracle-cache). There is no registry on these
# machines: base-images.sh loads stand-ins that carry the real images' config and
# history. The docker CLI must be 28.x (the fixtures were recorded with 28.2.2 against
# dockerd 20.10.24); a docker0 bridge must exist (see ensure_docker0 below).
#
# Nothing in the project's build, run or tests reads ../shared: only this script does.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ORACLE=${ORACLE:-../shared/oracle}
case "$ORACLE" in /*) ;; *) ORACLE="$ROOT/$ORACLE" ;; esac
export ORACLE_CACHE=${ORACLE_CACHE:-/tmp/oracle-cache}
SCEN=$HERE/scenarios
GOLDEN=$HERE/golden

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi

die() { echo "record.sh: $*" >&2; exit 2; }

[ -x "$ORACLE/record.sh" ] || die "no oracle at $ORACLE (set ORACLE=/path/to/shared/oracle; setup steps are at the top of this file)"
[ -d "$ORACLE_CACHE/images" ] || die "no stand-in images in $ORACLE_CACHE (run: ORACLE_CACHE=$ORACLE_CACHE $ORACLE/base-images.sh)"
docker info >/dev/null 2>&1 || die "no Docker daemon answers (start one: dockerd > /tmp/dockerd.log 2>&1 &)"
case "$(docker version --format '{{.Client.Version}}' 2>/dev/null)" in
  28.*) ;;
  *) die "the docker CLI must be 28.x (found $(docker version --format '{{.Client.Version}}' 2>/dev/null))" ;;
esac

# A second dockerd started on the same machine with --bridge=none deletes the docker0
# link of the first one (moby removeDefaultBridgeInterface); every container on the
# default bridge then fails with "could not find bridge docker0". Put it back.
ensure_docker0() {
  ip link show docker0 >/dev/null 2>&1 && return 0
  local subnet gw
  subnet=$(docker network inspect bridge -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' 2>/dev/null)
  [ -n "$subnet" ] || return 0
  gw=$(docker network inspect bridge -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' 2>/dev/null)
  [ -n "$gw" ] || gw="${subnet%.*/*}.1"
  echo "record.sh: docker0 is missing; recreating it as $gw/${subnet#*/}" >&2
  ip link add docker0 type bridge && ip addr add "$gw/${subnet#*/}" dev docker0 && ip link set docker0 up
}

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

record() { # names...
  local s
  for s in "$@"; do
    ensure_docker0
    "$ORACLE/record.sh" -s "$SCEN" -o "$out" "$s" || return 1
  done
}

record "${names[@]}" || die "recording failed"

# A docker0 that vanished mid-run spoils a transcript: record those scenarios again.
for s in "${names[@]}"; do
  if grep -q 'could not find bridge docker0' "$out/$s.txt"; then
    echo "record.sh: $s hit a missing docker0; recording it again" >&2
    record "$s"
    grep -q 'could not find bridge docker0' "$out/$s.txt" && die "$s: docker0 keeps disappearing"
  fi
done

# Help output depends on what the daemon's /_ping says (API version, swarm status): the CLI
# hides newer flags and the swarm-manager commands. Record those scenarios once more against
# ping28.mjs, a stub that answers /_ping as Engine 28 does; make-golden28.mjs starts their
# golden28 transcripts from ping28/<name>.txt.
PING28_SCENARIOS="24-cli-help"
transcript() { # dir out -- the oracle's transcript format, no daemon reset
  local dir=$1 out=$2 line rc tmp; tmp=$(mktemp)
  : > "$out"
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*$ ]] && continue
    [[ "$line" =~ ^[[:space:]]*# ]] && continue
    printf '$ %s\n' "$line" >> "$out"
    ( cd "$dir" && timeout 60 bash -c "$line" ) < /dev/null > "$tmp" 2>&1
    rc=$?
    cat "$tmp" >> "$out"
    [ -s "$tmp" ] && [ "$(tail -c1 "$tmp" | od -An -c | tr -d ' ')" != '\n' ] && echo >> "$out"
    [ $rc -ne 0 ] && echo "[exit $rc]" >> "$out"
  done < "$dir/script.sh"
  rm -f "$tmp"
}
ping28_dir=$HERE/ping28
[ $check -eq 1 ] && ping28_dir=$out/ping28
for s in "${names[@]}"; do
  case " $PING28_SCENARIOS " in *" $s "*) ;; *) continue ;; esac
  mkdir -p "$ping28_dir"
  sock=$(mktemp -u /tmp/ping28.XXXXXX.sock)
  node "$HERE/ping28.mjs" "$sock" & stub=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do [ -S "$sock" ] && break; sleep 0.2; done
  DOCKER_HOST=unix://$sock transcript "$SCEN/$s" "$ping28_dir/$s.txt"
  kill "$stub"; wait "$stub" 2>/dev/null; rm -f "$sock"
  echo "recorded $s against ping28.mjs"
done

host=$(hostname)
if [ $check -eq 1 ]; then
  status=0
  for s in "${names[@]}"; do
    if diff <(HOSTNAME=$host node "$ORACLE/normalize.mjs" < "$GOLDEN/$s.txt") \
            <(HOSTNAME=$host node "$ORACLE/normalize.mjs" < "$out/$s.txt") > "$out/$s.diff"; then
      echo "same      $s"
    else
      echo "DIFFERENT $s  (see $out/$s.diff)"; status=1
    fi
    if [ -f "$ping28_dir/$s.txt" ]; then
      if diff "$HERE/ping28/$s.txt" "$ping28_dir/$s.txt" > "$out/$s.ping28.diff"; then
        echo "same      $s (ping28)"
      else
        echo "DIFFERENT $s (ping28; see $out/$s.ping28.diff)"; status=1
      fi
    fi
  done
  exit $status
fi

cat > "$GOLDEN/recorded-on.json" <<EOF
{
  "host": "$host",
  "client": "$(docker version --format '{{.Client.Version}}')",
  "server": "$(docker version --format '{{.Server.Version}}')",
  "serverApi": "$(docker version --format '{{.Server.APIVersion}}')",
  "curl": "$(curl --version | head -1 | cut -d' ' -f2)"
}
EOF
node "$HERE/make-golden28.mjs" || die "make-golden28.mjs failed"
