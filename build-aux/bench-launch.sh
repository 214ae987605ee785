#!/bin/bash
# Launch to the first drawn graph on the seeds, beside a bare GTK 4 window
# with a drawing area, under the same display (issue #16: within 1.2x).
#
#   build-aux/bench-launch.sh [BUILD_DIR] [RUNS] [CORPUS]
#
# Without $DISPLAY it starts its own Xvfb.  Runs each program RUNS times
# (default 5), alternating, and prints every run and the medians, with the
# default GSK renderer and with GSK_RENDERER=cairo.  Figures only.
#
# With CORPUS (a folder: `python3 ../shared/tools/gen_corpus.py 10000 DIR`)
# it times the first graph on it instead (issue #16: 5 s with an empty
# cache, 1.5 s with a warm one, under 500 MB): cold runs start without the
# cache folder ($XDG_CACHE_HOME/dossier, here a temporary one), warm runs
# after a run that filled it; then one run of each that waits for the whole
# load, with its stages.  The machine's load is printed beside.
set -eu
build=${1:-_build}
runs=${2:-5}
corpus=${3:-}
bench=$build/tests/bench

export GSETTINGS_SCHEMA_DIR=$build/data DOSSIER_LOCALEDIR=$build/po
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- "$0" "$build" "$runs" "$corpus"
fi

median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

run_one () {  # program -> "WALL CPU PEAK", ms and MB at the first frame (with the graph)
  DOSSIER_BENCH_T0=$(date +%s%6N) "$@" |
    sed -n 's/^\(bare GTK window: first frame\|  first frame with the graph\)[^0-9]*\([0-9]\+\) ms.*cpu *\([0-9]\+\) ms, peak *\([0-9]\+\) MB.*/\2 \3 \4/p'
}

medians () {  # label, then "WALL CPU PEAK" lines
  local label=$1; shift
  local w c p
  w=$(printf '%s\n' "$@" | cut -d' ' -f1 | median)
  c=$(printf '%s\n' "$@" | cut -d' ' -f2 | median)
  p=$(printf '%s\n' "$@" | cut -d' ' -f3 | median)
  printf '  %-22s wall %5s ms  cpu %5s ms  peak %4s MB   (runs: %s)\n' "$label" "$w" "$c" "$p" \
    "$(printf '%s\n' "$@" | cut -d' ' -f1 | paste -sd' ')"
  last_wall=$w last_cpu=$c
}

echo "Load of the machine: $(uptime | sed 's/.*load/load/'), $(nproc) cores"

if [ -n "$corpus" ]; then
  cache=$(mktemp -d)
  trap 'rm -rf "$cache"' EXIT
  export XDG_CACHE_HOME=$cache
  echo "First graph on $corpus ($(find "$corpus" -name '*.txt' | wc -l) articles), $runs runs, medians:"
  cold=() warm=()
  for i in $(seq "$runs"); do
    rm -rf "$cache/dossier"
    cold+=("$(run_one "$bench/bench-launch" "$corpus")")
  done
  DOSSIER_BENCH_SETTLE=1 "$bench/bench-launch" "$corpus" > /dev/null
  for i in $(seq "$runs"); do
    warm+=("$(run_one "$bench/bench-launch" "$corpus")")
  done
  medians "cold (empty cache)" "${cold[@]}"
  medians "warm" "${warm[@]}"
  echo "  (targets: cold 5000 ms, warm 1500 ms, peak under 500 MB)"
  echo "Stages of one cold run, to the end of the whole load:"
  rm -rf "$cache/dossier"
  DOSSIER_BENCH_SETTLE=1 DOSSIER_BENCH_T0=$(date +%s%6N) "$bench/bench-launch" "$corpus"
  echo "Stages of one warm run, to the end of the whole load:"
  DOSSIER_BENCH_SETTLE=1 DOSSIER_BENCH_T0=$(date +%s%6N) "$bench/bench-launch" "$corpus"
  echo "Load of the machine: $(uptime | sed 's/.*load/load/')"
  exit 0
fi

# Wall time is what a person sees; the process's CPU time hardly changes
# with the load of a shared machine, so both are printed.
for renderer in default cairo; do
  if [ $renderer = cairo ]; then export GSK_RENDERER=cairo; else unset GSK_RENDERER; fi
  bare=() app=()
  for i in $(seq "$runs"); do
    bare+=("$(run_one "$bench/bench-bare-window")")
    app+=("$(run_one "$bench/bench-launch")")
  done
  echo "renderer $renderer ($runs runs, medians):"
  medians "bare GTK window" "${bare[@]}"
  bw=$last_wall bc=$last_cpu
  medians "Dossier on the seeds" "${app[@]}"
  echo "  ratio                  wall $(awk "BEGIN { printf \"%.2f\", $last_wall / $bw }")  cpu $(awk "BEGIN { printf \"%.2f\", $last_cpu / $bc }")"
done

echo "Stages of one Dossier launch (default renderer):"
unset GSK_RENDERER
DOSSIER_BENCH_CORE=1 DOSSIER_BENCH_T0=$(date +%s%6N) "$bench/bench-launch"
echo "Load of the machine: $(uptime | sed 's/.*load/load/')"
