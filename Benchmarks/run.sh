#!/usr/bin/env bash
# The one command for the benchmark: installs the peer, builds in release mode, runs
# everything and prints the table; JSON goes to .build/bench/results.json.
#   bash Benchmarks/run.sh            # full: seeds, 1/10/100 MB, 1,000 requests, targets (~10 min)
#   bash Benchmarks/run.sh --quick    # seeds and 1 MB, 50 requests, no thresholds (< 60 s)
# Other options are passed to renda-bench (--no-peer, --no-lsp, --json FILE, …).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Benchmarks/setup.sh || echo "run: setup failed; the peer row will say 'not measured'" >&2
swift build -c release --product renda
swift build -c release --product renda-bench
mkdir -p .build/bench
static=()
case " $* " in
  *" --quick "*) ;;
  *)
    # The deployed form (README: --static-swift-stdlib), in its own build directory; its
    # start-up is measured beside the default build's.
    if swift build -c release --product renda --static-swift-stdlib --scratch-path .build/static >&2; then
      static=(--renda-static .build/static/release/renda)
    fi
    ;;
esac
exec .build/release/renda-bench --json .build/bench/results.json "${static[@]}" "$@"
