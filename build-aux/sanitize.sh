#!/usr/bin/env bash
# Builds Dossier with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer in a separate build dir and runs the whole test
# suite there (the GUI suite under Xvfb when there is no display), then one
# dossier-cli run on the seeds, leak-checked.
#
#   build-aux/sanitize.sh [MESON TEST ARGS...]     e.g. --suite core
#   build-aux/sanitize.sh --ci                     what CI runs: all but the
#       "slow" suite (test-extractor, test-layout, test-export and
#       test-pathological take minutes each under ASan on two cores)
#
# Environment: BUILD_DIR (default _build-asan), CC (default cc, i.e. gcc).
# Leaks inside GTK, fontconfig, Graphviz and the like are suppressed in
# tests/lsan.supp; never add Dossier's own code there.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${BUILD_DIR:-_build-asan}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$build"

# Halt on the first error of any kind, with a stack.  Slow unwinding at
# malloc sees through GLib and GTK (built without frame pointers), which
# the suppressions need to match.  G_SLICE=always-malloc lets ASan see
# GLib's slice allocations (GLib 2.74 still has its own allocator).
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=30:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export G_SLICE=always-malloc
# Tells tests what runs under the sanitizers (see test-gui-window).
export DOSSIER_SANITIZED=1
export G_DEBUG=gc-friendly

with_display () {
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- "$@"
  fi
}

args=("$@")
if [ "${1:-}" = "--ci" ]; then
  args=(--no-suite slow)
fi

# Sanitized programs run several times slower.
with_display meson test -C "$build" --print-errorlogs --timeout-multiplier 5 "${args[@]}"

# One CLI run on the seeds: no leak, no error, valid output.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== dossier-cli extract --json seeds"
"$build/app/cli/dossier-cli" extract --json seeds >"$tmp/extract.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/extract.json"
echo "== dossier-cli export -o seeds.svg seeds"
"$build/app/cli/dossier-cli" export -o "$tmp/seeds.svg" seeds
echo "sanitizer run passed"
