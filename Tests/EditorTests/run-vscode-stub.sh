#!/usr/bin/env bash
# editors/vscode/extension.js under Node with stand-ins for `vscode` and
# `vscode-languageclient/node` (see vscode_stub_test.js): checks the extension's wiring
# and that `renda lsp --stdio` accepts it. Not a VS Code test. Exits 0 with "SKIP"
# when node is absent. RENDA_BINARY: see common.sh.
set -euo pipefail
name=run-vscode-stub
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP $name: node is not installed; nothing tested"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
resolve_binary "$name"
echo "== vscode stub: node $(node --version), server $binary"
timeout -k 5 40 node "$here/vscode_stub_test.js"
