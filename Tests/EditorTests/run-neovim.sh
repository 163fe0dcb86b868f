#!/usr/bin/env bash
# End-to-end: headless Neovim (0.7+) + editors/neovim/renda.lua + `renda lsp` on
# seeds/001_7cb29f78ffdd70e4.txt: diagnostics, documentSymbol, hover on “四个机关”,
# definition/references/highlight, semantic tokens, selection ranges, workspace symbols,
# completion, one client reused per root, clean shutdown (neovim_test.lua, checked by
# check_results.py; see README.md).
# Exits 0 when every check passes, 1 when one fails, 0 with "SKIP" when nvim is absent.
# RENDA_BINARY: the renda to test (default .build/debug/renda, see common.sh).
set -euo pipefail
name=run-neovim
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIP $name: nvim is not installed (apt-get install -y neovim); nothing tested"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
resolve_binary "$name"
echo "== neovim: $(nvim --version | head -1), server $binary"
run_editor_test "$name" neovim nvim --headless --clean -n -i NONE -c "luafile $here/neovim_test.lua"
