#!/usr/bin/env bash
# Installs what the benchmark needs beyond the Swift toolchain: the peer, AutoCorrect
# (autocorrect-py from PyPI, a Rust CJK linter with Python bindings), and optionally
# perf (Debian's linux-perf) and valgrind for profiling. Safe to run again.
#   bash Benchmarks/setup.sh            # autocorrect-py only
#   bash Benchmarks/setup.sh --profile  # also perf and valgrind (apt)
set -euo pipefail
PYTHON="${PYTHON:-python3}"

if "$PYTHON" -c "import autocorrect_py" 2>/dev/null; then
  echo "setup: autocorrect-py already installed ($("$PYTHON" -m pip show autocorrect-py 2>/dev/null | sed -n 's/^Version: //p'))"
else
  echo "setup: installing autocorrect-py"
  "$PYTHON" -m pip install --quiet autocorrect-py
fi

if [ "${1:-}" = "--profile" ]; then
  if ! command -v perf >/dev/null 2>&1 || ! command -v valgrind >/dev/null 2>&1; then
    echo "setup: installing linux-perf and valgrind"
    apt-get update -qq
    apt-get install -y -qq linux-perf valgrind >/dev/null
  fi
  echo "setup: perf $(command -v perf || echo missing), valgrind $(command -v valgrind || echo missing)"
fi
