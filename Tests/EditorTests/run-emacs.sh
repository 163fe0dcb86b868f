#!/usr/bin/env bash
# End-to-end: batch Emacs + eglot (1.9+) + editors/emacs/renda-eglot.el + `renda lsp` on
# seeds/001_7cb29f78ffdd70e4.txt: flymake diagnostics, workspace/configuration answers,
# documentSymbol, hover, definition/references/highlight, semantic tokens, selection
# ranges, workspace symbols (through jsonrpc-request), completion (eglot's capf too),
# imenu, server reuse, clean shutdown (emacs_test.el, check_results.py).
# Exits 0 when every check passes, 1 when one fails, 0 with "SKIP" when emacs is absent
# (emacs present without eglot is a failure). RENDA_BINARY: see common.sh.
set -euo pipefail
name=run-emacs
if ! command -v emacs >/dev/null 2>&1; then
  echo "SKIP $name: emacs is not installed (apt-get install -y emacs-nox elpa-eglot); nothing tested"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
resolve_binary "$name"
emacs_can_load eglot elpa-eglot
echo "== emacs: $(emacs --version | head -1), server $binary"
run_editor_test "$name" emacs emacs -Q --batch -l "$here/emacs_test.el"
