#!/bin/bash
# Launch to the first drawn graph on the seeds, beside a bare GTK 4 window
# with a drawing area, under the same display (issue #16: within 1.2x).
#
#   build-aux/bench-launch.sh [BUILD_DIR] [RUNS]
#
# Without $DISPLAY it starts its own Xvfb.  Runs each program RUNS times
# (default 5), alternating, and prints every run and the medians, with the
# default GSK renderer and with GSK_RENDERER=cairo.  Figures only.
set -eu
build=${1:-_build}
runs=${2:-5}
bench=$build/tests/bench

export GSETTINGS_SCHEMA_DIR=$build/data DOSSIER_LOCALEDIR=$build/po
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- "$0" "$build" "$runs"
fi

median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

run_one () {  # program -> "WALL CPU", ms to the first frame (with the graph)
  DOSSIER_BENCH_T0=$(date +%s%6N) "$@" |
    sed -n 's/^\(bare GTK window: first frame\|  first frame with the graph\)[^0-9]*\([0-9]\+\) ms.*cpu *\([0-9]\+\) ms.*/\2 \3/p'
}

# Wall time is what a person sees; the process's CPU time hardly changes
# with the load of a shared machine, so both are printed.
for renderer in default cairo; do
  if [ $renderer = cairo ]; then export GSK_RENDERER=cairo; else unset GSK_RENDERER; fi
  bare=() app=()
  for i in $(seq "$runs"); do
    bare+=("$(run_one "$bench/bench-bare-window")")
    app+=("$(run_one "$bench/bench-launch")")
  done
  bw=$(printf '%s\n' "${bare[@]}" | cut -d' ' -f1 | median)
  bc=$(printf '%s\n' "${bare[@]}" | cut -d' ' -f2 | median)
  aw=$(printf '%s\n' "${app[@]}" | cut -d' ' -f1 | median)
  ac=$(printf '%s\n' "${app[@]}" | cut -d' ' -f2 | median)
  echo "renderer $renderer ($runs runs, medians):"
  echo "  bare GTK window      wall $bw ms  cpu $bc ms"
  echo "  Dossier on the seeds wall $aw ms  cpu $ac ms"
  echo "  ratio                wall $(awk "BEGIN { printf \"%.2f\", $aw / $bw }")  cpu $(awk "BEGIN { printf \"%.2f\", $ac / $bc }")"
done

echo "Stages of one Dossier launch (default renderer):"
unset GSK_RENDERER
DOSSIER_BENCH_CORE=1 DOSSIER_BENCH_T0=$(date +%s%6N) "$bench/bench-launch"
