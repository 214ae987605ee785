#!/usr/bin/env bash
# check-data.sh: the validators of the `data` test suite.
#
# Copyright 2026 The Dossier authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-data.sh desktop FILE        desktop-file-validate, warnings fail too
#   check-data.sh appstream FILE      appstreamcli validate --no-net --explain
#   check-data.sh schemas DIR         glib-compile-schemas --strict --dry-run
#   check-data.sh po FILE.po          msgfmt --check --statistics, and no
#                                     untranslated or fuzzy message
#   check-data.sh po-coverage SRCDIR FILE.po [required|optional]
#                                     every string listed in SRCDIR/po/POTFILES
#                                     has a translation in FILE.po; when
#                                     optional, a gap is a SKIP, not a FAIL
#
# A missing tool makes the test skip (exit 77, shown as SKIP by meson test)
# rather than vanish: .ci/run installs them all.

set -u

need () {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "SKIP: $1 is not installed" >&2
    exit 77
  fi
}

mode=${1:-}
shift || true

case "$mode" in
  desktop)
    need desktop-file-validate
    out=$(desktop-file-validate "$1" 2>&1)
    status=$?
    [ -n "$out" ] && printf '%s\n' "$out" >&2
    # It exits 0 on warnings; a warning is a defect in our own file.
    if [ $status -ne 0 ] || printf '%s\n' "$out" | grep -q -E ': (warning|error):'; then
      echo "FAIL: $1 is not a valid desktop entry" >&2
      exit 1
    fi
    ;;

  appstream)
    need appstreamcli
    # Exits non-zero on errors and warnings; infos and pedantic notes pass.
    appstreamcli validate --no-net --explain "$1" >&2 || {
      echo "FAIL: $1 is not valid AppStream metainfo" >&2
      exit 1
    }
    ;;

  schemas)
    need glib-compile-schemas
    glib-compile-schemas --strict --dry-run "$1" >&2 || {
      echo "FAIL: the schemas in $1 do not compile" >&2
      exit 1
    }
    ;;

  po)
    need msgfmt
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1)
    status=$?
    printf '%s: %s\n' "$1" "$stats" >&2
    if [ $status -ne 0 ]; then
      echo "FAIL: msgfmt rejects $1" >&2
      exit 1
    fi
    # msgfmt accepts untranslated and fuzzy entries; we do not.
    if printf '%s\n' "$stats" | grep -q -E 'untranslated|fuzzy'; then
      echo "FAIL: $1 has untranslated or fuzzy messages" >&2
      exit 1
    fi
    ;;

  po-coverage)
    need xgettext
    need msgmerge
    need msgattrib
    srcdir=$1
    po=$2
    level=${3:-required}
    tmp=$(mktemp -d) || exit 1
    trap 'rm -rf "$tmp"' EXIT
    # The keywords of meson's i18n 'glib' preset, so that the catalogue is
    # the one `ninja dossier-pot` writes.
    (cd "$srcdir" && xgettext --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --package-name=dossier -f po/POTFILES -o "$tmp/dossier.pot") >&2 || {
      echo "FAIL: xgettext cannot read the files in po/POTFILES" >&2
      exit 1
    }
    # Merge the catalogue into a copy of the translation, as
    # `ninja dossier-update-po` would, then list what is left to translate.
    msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/merged.po" "$po" "$tmp/dossier.pot" >&2 || {
      echo "FAIL: msgmerge cannot read $po" >&2
      exit 1
    }
    todo=$( { msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po"
              msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po"; } |
            grep -E '^msg(ctxt|id) ' | grep -v -x 'msgid ""')
    if [ -n "$todo" ]; then
      printf '%s\n' "$todo" >&2
      count=$(printf '%s\n' "$todo" | grep -c '^msgid ')
      if [ "$level" = optional ]; then
        echo "SKIP: $po has $count untranslated or fuzzy messages (not yet required)" >&2
        exit 77
      fi
      echo "FAIL: $po has $count untranslated or fuzzy messages;" \
           "run ninja -C _build dossier-update-po and translate them" >&2
      exit 1
    fi
    ;;

  *)
    echo "usage: $0 desktop|appstream|schemas|po|po-coverage ARGS" >&2
    exit 2
    ;;
esac

exit 0
