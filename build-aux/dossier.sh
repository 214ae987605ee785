#!/usr/bin/env bash
# Sets up what Dossier needs on Debian 12, builds it, and then either runs
# the app or the whole test suite.  Used by the README and by .ci/run.
#
#   build-aux/dossier.sh run [PATH...]   build and open the seeds (or PATHs)
#   build-aux/dossier.sh test            build and run every test suite
#
# Environment: BUILD_DIR (default _build), MESON_ARGS (extra setup options).
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${BUILD_DIR:-_build}

packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxml2-dev
  libgraphviz-dev graphviz libcairo2-dev libpango1.0-dev libigraph-dev
  desktop-file-utils appstream
  xvfb xauth xdotool dbus-x11 imagemagick fonts-dejavu-core locales librsvg2-common librsvg2-dev
  hunspell-fr hunspell-en-us iso-codes
)

install_missing () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

# The French GUI test needs a French locale (gettext ignores LANGUAGE
# under the C locale).
ensure_french_locale () {
  locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
}

build () {
  if [ ! -f "$build/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson setup "$build" ${MESON_ARGS:-}
  fi
  ninja -C "$build"
}

# GUI programs need a display; without one, run them under Xvfb with a
# private session bus (GTK warns without one).
with_display () {
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- "$@"
  fi
}

cmd=${1:-}
shift || true

case "$cmd" in
  run)
    install_missing
    build
    export GSETTINGS_SCHEMA_DIR="$top/$build/data"
    export DOSSIER_LOCALEDIR="$top/$build/po"
    exec "$build/app/gui/dossier" "$@"
    ;;
  test)
    install_missing
    ensure_french_locale
    build
    with_display meson test -C "$build" --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run [PATH...] | test [MESON TEST ARGS...]" >&2
    exit 2
    ;;
esac
