#!/usr/bin/env bash
# test-install.sh: install the build into a scratch DESTDIR, check that every
# file an installed Dossier needs is there, and run the installed dossier-cli
# on the installed seeds and gazetteer.
#
# Copyright 2026 The Dossier authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-install.sh MESON BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR
#
# BINDIR, DATADIR and LOCALEDIR are absolute (prefix included), as in
# meson.build.  Prints TAP on stdout.

set -u

meson=$1 builddir=$2 srcdir=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7
app_id=io.github.dossier.Dossier

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
check () {
  local what=$1
  shift
  # Only TAP goes to stdout: the command's own output goes to the log.
  if "$@" >&2; then ok "$what"; else not_ok "$what"; fi
}

dest=$(mktemp -d "${TMPDIR:-/tmp}/dossier-destdir.XXXXXX") || exit 1
trap 'rm -rf "$dest"' EXIT

# The build is up to date: meson test has just built it.
if ! "$meson" install -C "$builddir" --destdir "$dest" --no-rebuild >"$dest.log" 2>&1; then
  cat "$dest.log" >&2
  rm -f "$dest.log"
  echo "Bail out! meson install --destdir failed"
  exit 1
fi
rm -f "$dest.log"

bin=$dest$bindir
share=$dest$datadir
pkgdata=$share/dossier

check "dossier is installed" test -x "$bin/dossier"
check "dossier-cli is installed" test -x "$bin/dossier-cli"

# The seeds and the gazetteer are installed unchanged.
same_tree () {
  local from=$1 to=$2 pattern=$3 f count=0
  for f in "$from"/$pattern; do
    [ -e "$f" ] || continue
    cmp -s "$f" "$to/$(basename "$f")" || { echo "# differs or missing: $to/$(basename "$f")"; return 1; }
    count=$((count + 1))
  done
  [ $count -gt 0 ]
}
check "the five seeds are installed" same_tree "$srcdir/seeds" "$pkgdata/seeds" '*.txt'
check "five seeds, no more" test "$(ls "$pkgdata/seeds" | grep -c '\.txt$')" -eq 5
check "the gazetteer is installed" same_tree "$srcdir/data/gazetteer" "$pkgdata/gazetteer" '*.gaz'

check "desktop entry" test -s "$share/applications/$app_id.desktop"
check "AppStream metainfo" test -s "$share/metainfo/$app_id.metainfo.xml"
check "scalable icon" test -s "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon" test -s "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "GSettings schema" test -s "$share/glib-2.0/schemas/$app_id.gschema.xml"
check "French catalogue" test -s "$dest$localedir/fr/LC_MESSAGES/dossier.mo"

# The D-Bus service starts the binary where it will live, not in DESTDIR.
check "D-Bus service names the installed binary" \
  grep -q -x "Exec=$bindir/dossier --gapplication-service" "$share/dbus-1/services/$app_id.service"
check "desktop entry launches dossier" grep -q -x "Exec=dossier %U" "$share/applications/$app_id.desktop"

if command -v glib-compile-schemas >/dev/null 2>&1; then
  check "installed schema compiles" glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "installed desktop entry validates" desktop-file-validate "$share/applications/$app_id.desktop"
fi

# Run the installed CLI away from the source tree.  The compiled-in prefix
# does not exist under DESTDIR, so the data folders come from the
# environment, pointed at the installed copies.
out=$dest/extract.json
err=$dest/extract.err
(
  cd "$dest" &&
  env DOSSIER_DATA_DIR="$pkgdata/gazetteer" DOSSIER_SEEDS_DIR="$pkgdata/seeds" \
    "$bin/dossier-cli" extract --json >"$out" 2>"$err"
)
status=$?
[ -s "$err" ] && sed 's/^/# stderr: /' "$err"
check "installed dossier-cli extract --json exits 0" test $status -eq 0
check "it prints JSON" test -s "$out"

# jq 1.6 exits 0 on empty input, whatever the filter: refuse that first.
json () { test -s "$out" && jq -e "$@" "$out"; }

if command -v jq >/dev/null 2>&1; then
  check "the JSON parses" json 'type == "object"'
  check "it read the five installed seeds" \
    json --arg d "$pkgdata/seeds/" '(.articles | length) == 5 and all(.articles[]; .path | startswith($d))'
  for pair in Oracle:company TikTok:company ByteDance:company Microsoft:company "Donald Trump:person"; do
    name=${pair%:*} type=${pair##*:}
    check "it found $name ($type)" \
      json --arg n "$name" --arg t "$type" 'any(.entities[]; .name == $n and .type == $t)'
  done
else
  # Without jq, look for the same facts in the text.
  check "it read the installed seeds" grep -q -F "$pkgdata/seeds/" "$out"
  for name in Oracle TikTok ByteDance Microsoft "Donald Trump"; do
    check "it found $name" grep -q -F "\"$name\"" "$out"
  done
fi

echo "1..$n"
# The verdict is in the TAP lines; meson test reports "not ok" as FAIL.
exit 0
