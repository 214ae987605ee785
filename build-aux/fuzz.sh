#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer in a separate build dir, then runs each
# for a bounded time from the seed corpora.
#
#   build-aux/fuzz.sh [SECONDS] [TARGET...]
#   build-aux/fuzz.sh --ci
#
# --ci is CI's gate: every target for a fixed number of inputs from a fixed
# random seed and a fresh corpus (about 15 s each here), so that CI turns
# red when the code changes, not by the luck of a timed run; SECONDS (120)
# is then only a cap against a hang.
#
# SECONDS is per target (default 30).  TARGETs: article date extract
# gazetteer curation export (default: all).  Long runs, for example an hour
# on the extractor with both cores:
#
#   FUZZ_ARGS="-jobs=2 -workers=2" build-aux/fuzz.sh 3600 extract
#
# Each target keeps its growing corpus in tests/fuzz/corpus-<target>/
# (ignored by git), so later runs start where earlier ones stopped.  A
# crash is saved under $BUILD_DIR/fuzz-artifacts/<target>/; copy it to
# tests/fuzz/regressions/<target>/ (name ending ".open" until fixed) so
# that the core suite replays it.  Exits non-zero when any target crashed.
#
# Environment: BUILD_DIR (default _build-fuzz), FUZZ_ARGS (extra libFuzzer
# options), CC (default clang).
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${BUILD_DIR:-_build-fuzz}
ci=false
if [ "${1:-}" = "--ci" ]; then
  ci=true
  shift
  set -- 120 "$@"
fi
seconds=${1:-30}
shift || true
all_targets=(article date extract gazetteer curation export manifest)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
export CC=${CC:-clang}

# clang's fuzzer runtime lives in libclang-rt-14-dev on Debian 12.
if ! command -v "$CC" >/dev/null ||
   [ ! -f "$("$CC" -print-resource-dir 2>/dev/null)/lib/linux/libclang_rt.fuzzer-x86_64.a" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: clang libclang-rt-14-dev"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}")

export DOSSIER_DATA_DIR="$top/data/gazetteer"
export G_SLICE=always-malloc
# Slow unwinding at malloc sees through GLib and json-glib (built without
# frame pointers), which the leak suppressions need to match.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:print_stacktrace=1:allocator_may_return_null=1:fast_unwind_on_malloc=0:malloc_context_size=20"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cat tests/lsan.supp tests/fuzz/lsan-fuzz.supp > "$build/lsan-fuzz.supp"
export LSAN_OPTIONS="suppressions=$top/$build/lsan-fuzz.supp:print_suppressions=0"
# Known, still open bugs (see the file) are not reported again.
DOSSIER_FUZZ_KNOWN_BUGS=$(grep -v '^#' tests/fuzz/known-bugs 2>/dev/null | tr '\n' ' ' || true)
export DOSSIER_FUZZ_KNOWN_BUGS

# Inputs libFuzzer starts from: hand-written seeds, fixed regressions (not
# the ".open" ones, which would stop the run at once), and the articles,
# fixtures or gazetteer files the target reads.
stage_seeds () {
  local target=$1 dir=$2
  rm -rf "$dir"
  mkdir -p "$dir"
  for src in "tests/fuzz/seeds/$target" "tests/fuzz/regressions/$target"; do
    [ -d "$src" ] || continue
    find "$src" -type f ! -name '*.open' ! -name README.md -exec cp -t "$dir" {} +
  done
  case $target in
    article|date|extract)
      cp -t "$dir" seeds/*.txt
      if [ -d tests/fixtures ]; then
        find tests/fixtures -type f -name '*.txt' -size -256k -print0 |
          while IFS= read -r -d '' f; do cp "$f" "$dir/fixture-$(echo "$f" | md5sum | cut -c1-12).txt"; done
      fi
      ;;
    gazetteer)
      cp -t "$dir" data/gazetteer/*.gaz
      ;;
  esac
}

max_len () {
  case $1 in
    article) echo 65536 ;;
    extract) echo 16384 ;;
    date|gazetteer|curation) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

# Inputs per target for --ci, from the speeds measured under the sanitizers.
ci_runs () {
  case $1 in
    article) echo 6000 ;;
    date) echo 20000 ;;
    extract) echo 500 ;;
    gazetteer) echo 3000 ;;
    curation) echo 2500 ;;
    export) echo 600 ;;
    manifest) echo 3000 ;;
  esac
}

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus="tests/fuzz/corpus-$target"
  seeds="$build/fuzz-seeds/$target"
  artifacts="$build/fuzz-artifacts/$target/"
  log="$build/fuzz-$target.log"
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
  mkdir -p "$corpus" "$artifacts"
  stage_seeds "$target" "$seeds"

  budget=()
  if $ci; then
    # A fresh corpus too: what earlier runs found must not change the inputs.
    corpus="$build/fuzz-ci-corpus/$target"
    rm -rf "$corpus"
    mkdir -p "$corpus"
    budget=("-seed=1" "-runs=$(ci_runs "$target")")
    echo "== fuzz-$target for $(ci_runs "$target") inputs, seed 1 (log: $log)"
  else
    echo "== fuzz-$target for ${seconds}s (log: $log)"
  fi
  status=0
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz-$target" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -max_len="$(max_len "$target")" -print_final_stats=1 \
    -artifact_prefix="$artifacts" "${dict[@]}" "${budget[@]}" ${FUZZ_ARGS:-} \
    "$corpus" "$seeds" >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  units=$(find "$corpus" -type f | wc -l)
  line=$(printf '%-10s %4ss  runs %-9s exec/s %-6s cov %-6s corpus %s' \
         "$target" "$seconds" "${runs:-?}" "${speed:-?}" "${cov:-?}" "$units")
  if [ $status -ne 0 ]; then
    line="$line  CRASH (status $status)"
    failed+=("$target")
    grep -E '(==ERROR|^SUMMARY|runtime error|-CRITICAL|ERROR \*\*|Test unit written)' "$log" | head -8 | sed 's/^/    /' || true
  fi
  summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashed: ${failed[*]}; inputs in $build/fuzz-artifacts/<target>/"
  echo "replay one: $build/tests/fuzz/fuzz-<target> <file>; keep it as tests/fuzz/regressions/<target>/<name>.open"
  exit 1
fi
