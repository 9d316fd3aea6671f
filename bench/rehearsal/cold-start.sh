#!/usr/bin/env bash
# Cold start of the rehearsal host: `fixxit rehearsal up` from an empty root, K times, each followed by `down`.
# Prints the wall time of each up (CLI start included), its own "up in" figure and the part timings it logs, and the
# load average, so docs/benchmarks/rehearsal.md can state what the machine was doing. Needs root. Not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
root="${2:-$PWD/.rehearsal-bench}"
dotnet build src/Fixxit.Cli -v q -nologo --disable-build-servers >/dev/null
cli=(dotnet src/Fixxit.Cli/bin/Debug/net10.0/fixxit.dll)
for i in $(seq 1 "$runs"); do
  "${cli[@]}" rehearsal down --root "$root" >/dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  out=$("${cli[@]}" rehearsal up --root "$root")
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  echo "run $i: wall ${wall} s, load ${load}"
  echo "$out" | tr -s ' \n' ' ' | grep -oE '(sshd on 22|pebble on|caddy on|dev at|certificate for [a-z.]+)[^[]*\[[0-9.]+ s\]|up in [0-9.]+ s' | sed -E 's/^(sshd on 22|pebble on|caddy on|dev at|certificate for [a-z.]+).*(\[[0-9.]+ s\])/  \1 \2/; s/^up in/  up in/'
done
"${cli[@]}" rehearsal down --root "$root" >/dev/null
