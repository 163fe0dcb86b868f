#!/usr/bin/env bash
# End-to-end: batch Emacs + lsp-mode (8.0+) + editors/emacs/renda-lsp-mode.el + `renda lsp`
# on seeds/001_7cb29f78ffdd70e4.txt: diagnostics, workspace/configuration answers,
# documentSymbol, hover, definition/references/highlight, semantic tokens, selection
# (lsp-extend-selection), workspace symbols, completion, clean shutdown
# (lsp_mode_test.el, check_results.py). Exits 0 when every check passes, 1 when one fails,
# 0 with "SKIP" when emacs or lsp-mode is absent (lsp-mode is optional; eglot is the
# tested default). RENDA_BINARY: see common.sh.
set -euo pipefail
name=run-lsp-mode
if ! command -v emacs >/dev/null 2>&1; then
  echo "SKIP $name: emacs is not installed (apt-get install -y emacs-nox elpa-lsp-mode); nothing tested"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
resolve_binary "$name"
if ! ls -d /usr/share/emacs/site-lisp/elpa/lsp-mode-* >/dev/null 2>&1; then
  echo "SKIP $name: lsp-mode is not installed (apt-get install -y elpa-lsp-mode); nothing tested"
  exit 0
fi
emacs_can_load lsp-mode elpa-lsp-mode
echo "== lsp-mode: $(emacs --version | head -1), server $binary"
run_editor_test "$name" lsp-mode emacs -Q --batch -l "$here/lsp_mode_test.el"
