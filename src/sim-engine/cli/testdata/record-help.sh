#!/usr/bin/env bash
# Re-record the goldens the CLI tests compare against, from a real docker CLI:
#   help/<path-with-dashes>.golden   `docker <path> --help` (stdout), for every command
#   errors/<case>.{args,stdout,stderr,status}   runDocker's error paths (see error-cases.txt)
#
# Usage: DOCKER=/path/to/docker src/sim-engine/cli/testdata/record-help.sh [OUT_DIR]
#
# The daemon is made unreachable on purpose: docker hides flags and commands the daemon
# it reaches does not support (an older API version, another OS type), so a recording
# made next to a real daemon depends on that daemon. With no daemon docker shows
# everything (it assumes experimental features), which is what the tree holds.
# stdin is /dev/null so that help wraps at 80 columns.
set -euo pipefail

DOCKER=${DOCKER:-docker}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
export DOCKER_HOST=unix:///nonexistent/docker.sock
export HOME=/root
unset DOCKER_CONFIG DOCKER_CONTEXT DOCKER_HIDE_LEGACY_COMMANDS DOCKER_CLI_EXPERIMENTAL || true

mkdir -p "$OUT/help" "$OUT/errors"

record() { # record PATH... : docker PATH --help into help/docker-PATH.golden
  local name
  name=$(IFS=-; echo "docker${*:+-$*}")
  "$DOCKER" "$@" --help </dev/null >"$OUT/help/$name.golden"
  echo "$name"
}

walk() { # walk PATH... : record PATH and every command its help lists
  local section="" line entry
  record "$@"
  while IFS= read -r line; do
    case "$line" in
      "Management Commands:" | "Swarm Commands:") section=management ;;
      "Common Commands:" | "Commands:") section=leaf ;;
      "") section="" ;;
      "  "*)
        [ -n "$section" ] || continue
        entry=${line#  }
        entry=${entry%% *}
        entry=${entry%\*} # plugins are decorated with a star
        if [ "$section" = management ]; then walk "$@" "$entry"; else record "$@" "$entry"; fi
        ;;
    esac
  done <"$OUT/help/$(IFS=-; echo "docker${*:+-$*}").golden"
}

walk
# hidden commands, which no listing shows
record system dial-stdio

# error paths: each line of error-cases.txt is a case name and the arguments
while read -r name args; do
  case "$name" in "" | "#"*) continue ;; esac
  # shellcheck disable=SC2086 # the arguments are split on spaces on purpose
  set -- $args
  if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi >"$OUT/errors/$name.args"
  set +e
  "$DOCKER" "$@" </dev/null >"$OUT/errors/$name.stdout" 2>"$OUT/errors/$name.stderr"
  echo $? >"$OUT/errors/$name.status"
  set -e
  echo "errors/$name"
done <"$HERE/error-cases.txt"
