#!/bin/bash
# Records what the real shells print for each case in behaviour-cases*.txt (cases are
# separated by a line holding only "----"), into behaviour.json. Run on a machine with
# bash 5.2, dash and busybox (apt-get install -y busybox-static):
#   bash src/sim-engine/shell/testdata/record-behaviour.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
box=/tmp/shtest
setup() {
  rm -rf "$box" && mkdir -p "$box/sub" "$box/empty"
  cd "$box" || exit 1
  printf 'alpha\n' > a.txt
  printf 'beta\n' > b.txt
  printf 'one\ntwo\nthree\n' > lines.txt
  printf 'gamma\n' > sub/c.log
  printf 'echo sourced $1\nsrcvar=set\n' > lib.sh
  printf 'echo no shebang "$@"\n' > plain.sh && chmod +x plain.sh
}
# the stand-ins the tests' machine has besides coreutils (see testing/harness.ts)
bin=/tmp/shtest-bin
mkdir -p "$bin"
printf '#!/bin/sh\nfor a; do printf "[%%s]\\n" "$a"; done\n' > "$bin/args"
printf '#!/bin/sh\nwc -c | tr -d " "\n' > "$bin/count"
chmod +x "$bin/args" "$bin/count"
run() { # shell words…, script: a case starting with "#!script" runs as a file with two
  # arguments, "#!stdin" is piped to the shell, anything else is given to -c
  setup
  local script=${!#}
  local shell=("${@:1:$#-1}")
  case $script in
    '#!script'*)
      printf '%s\n' "${script#*$'\n'}" > "$box/s.sh"
      out=$(cd "$box" && env -i PATH=$bin:/usr/bin:/bin HOME=/root "${shell[@]}" s.sh one two 2>&1 </dev/null; echo "[$?]") ;;
    '#!stdin'*)
      out=$(cd "$box" && printf '%s\n' "${script#*$'\n'}" | env -i PATH=$bin:/usr/bin:/bin HOME=/root "${shell[@]}" 2>&1; echo "[$?]") ;;
    *)
      out=$(cd "$box" && env -i PATH=$bin:/usr/bin:/bin HOME=/root "${shell[@]}" -c "$script" 2>&1 </dev/null; echo "[$?]") ;;
  esac
  printf '%s' "$out"
}
python3 - "$here"/behaviour-cases*.txt > /tmp/cases.json <<'PY'
import json, sys
text = '\n----\n'.join(open(f).read().rstrip('\n') for f in sys.argv[1:])
cases = [c.strip('\n') for c in text.split('\n----\n')]
print(json.dumps([c for c in cases if c.strip()]))
PY
n=$(jq length /tmp/cases.json)
{
  echo '['
  for ((i = 0; i < n; i++)); do
    script=$(jq -r ".[$i]" /tmp/cases.json)
    b=$(run bash "$script")
    d=$(run dash "$script")
    y=$(run busybox sh "$script")
    [ $i -gt 0 ] && echo ','
    jq -n --arg s "$script" --arg b "$b" --arg d "$d" --arg y "$y" '{script: $s, bash: $b, dash: $d, busybox: $y}'
  done
  echo ']'
} > "$here/behaviour.json"
rm -rf "$box"
