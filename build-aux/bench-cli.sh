#!/usr/bin/env bash
# bench-cli.sh: the whole `dossier-cli extract` run as a user waits for it.
#
#   build-aux/bench-cli.sh [BUILD_DIR] [N…]      (default: _build, 2000 10000)
#
# For each N, generates N articles and times, whole process (/usr/bin/time:
# wall clock, CPU time user + sys and peak resident memory):
#   extract --json with --jobs 1 and with every core, extract without JSON,
#   and the names pass of the sharded recipe.
# The corpus comes from ../shared/tools/gen_corpus.py (the issues' figures)
# when it is there or $BENCH_GEN names it, else from tests/gen (seed 7); it
# is kept in $BENCH_DIR (default /tmp/dossier-bench-cli).  $BENCH_RUNS
# (default 1) repeats each run.
# MB/s is article text read per second of wall clock; MB/cpu-s per second
# of CPU time, which says more when other processes share the cores.
# Prints figures, never fails on them; the targets are printed beside them.
set -euo pipefail

build=${1:-_build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 10000)
cli="$build/app/cli/dossier-cli"
gen="$build/tests/gen/dossier-gen-corpus"
dir=${BENCH_DIR:-/tmp/dossier-bench-cli}
cores=$(nproc)
runs=${BENCH_RUNS:-1}
pygen=${BENCH_GEN:-$(dirname "$0")/../../shared/tools/gen_corpus.py}

for tool in "$cli" /usr/bin/time; do
  [ -x "$tool" ] || { echo "bench-cli: $tool is missing (build first; apt-get install time)" >&2; exit 1; }
done

export XDG_CACHE_HOME="$dir/cache"   # never the user's cache
mkdir -p "$dir"

# run LABEL N MB ARGS…: one timed run, one line of figures.
run () {
  local label=$1 n=$2 mb=$3
  shift 3
  local out status=0
  for ((r = 0; r < runs; r++)); do
    status=0
    /usr/bin/time -o "$dir/time" -f '%e %U %S %M' "$cli" "$@" > /dev/null 2> "$dir/stderr" || status=$?
    [ "$status" -eq 0 ] || { echo "$label: dossier-cli failed ($status):" >&2; head -3 "$dir/stderr" >&2; }
    out=$(tail -1 "$dir/time")
    # CPU time says what the machine did when others share its cores.
    echo "$out" | awk -v l="$label" -v n="$n" -v mb="$mb" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
      '{ cpu = $2 + $3;
         printf "%-24s %6d art %5.1f MB  wall %6.2f s %6.1f MB/s  cpu %6.2f s %6.1f MB/cpu-s  peak %5.0f MB  load %s\n",
                l, n, mb, $1, ($1 > 0 ? mb / $1 : 0), cpu, (cpu > 0 ? mb / cpu : 0), $4 / 1024, load }'
  done
}

printf 'dossier-cli on generated corpora (%s), %d cores, load average %s\n' \
  "$([ -f "$pygen" ] && echo gen_corpus.py || echo tests/gen)" "$cores" "$(cut -d' ' -f1 /proc/loadavg)"
for n in "${sizes[@]}"; do
  if [ -f "$pygen" ]; then
    corpus="$dir/gen-corpus-$n"
    [ -d "$corpus" ] || python3 "$pygen" "$n" "$corpus"
  else
    corpus="$dir/corpus-$n"
    if [ ! -d "$corpus" ]; then
      [ -x "$gen" ] || { echo "bench-cli: $gen is missing (build first)" >&2; exit 1; }
      "$gen" --count "$n" --seed 7 "$corpus" > /dev/null
    fi
  fi
  mb=$(du -bc "$corpus"/*.txt | tail -1 | awk '{ printf "%.2f", $1 / 1e6 }')

  run "extract --json -j 1" "$n" "$mb" extract --json --no-cache --jobs 1 "$corpus"
  run "extract --json -j $cores" "$n" "$mb" extract --json --no-cache --jobs "$cores" "$corpus"
  run "extract (text) -j $cores" "$n" "$mb" extract --no-cache --jobs "$cores" "$corpus"
  run "extract --jsonl -j $cores" "$n" "$mb" extract --jsonl --no-cache --jobs "$cores" "$corpus"
  run "names -j $cores" "$n" "$mb" names --output "$dir/names-$n.gaz" --jobs "$cores" "$corpus"
done

cat <<'EOF'
targets (issue 17): 2,000 articles >= 20 MB/s on one core; 10,000 articles (44 MB)
--json < 5 s with peak < 300 MB; extract without JSON < 4 s.
EOF
