# Sourced by run-neovim.sh, run-emacs.sh and run-lsp-mode.sh (not run by itself).
# Sets: repo, binary (absolute), work (temporary, removed on exit), and the RENDA_*
# environment the editor scripts read; provides run_editor_test.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# RENDA_BINARY (default .build/debug/renda): a relative path is taken from the current
# directory if it exists there, else from the repository root. Editors get it absolute
# (eglot starts servers in the project root, Neovim in the editor's directory).
resolve_binary() {
  local name="$1"
  binary="${RENDA_BINARY:-.build/debug/renda}"
  case "$binary" in
    /*) ;;
    *) if [ -e "$binary" ]; then binary="$(pwd)/$binary"; else binary="$repo/$binary"; fi ;;
  esac
  if [ ! -x "$binary" ] || [ -d "$binary" ]; then
    echo "FAIL $name: $binary is not an executable (run swift build, or set RENDA_BINARY)"
    exit 1
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL $name: python3 is needed to check the results"
    exit 1
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  export RENDA_REPO="$repo" RENDA_BINARY="$binary" RENDA_WORK="$work"
  export RENDA_SEED="$repo/seeds/001_7cb29f78ffdd70e4.txt" RENDA_RESULT="$work/result.json"
  # Debian's elpa-* packages (emacs -Q does not look there by itself).
  export RENDA_ELPA="/usr/share/emacs/site-lisp/elpa:/usr/share/emacs/site-lisp/elpa-src"
  # Keep the editors' files (lsp.log, shada, ~/.emacs.d) out of the user's home.
  export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
  export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
  mkdir -p "$HOME"
}

# run_editor_test NAME CHECK-AS COMMAND...: runs COMMAND (bounded to 60 s), then
# check_results.py CHECK-AS on what it wrote; exits 1 with the logs on any failure.
# RENDA_KEEP_RESULT=FILE keeps a copy of the results JSON (for debugging a check).
run_editor_test() {
  local name="$1" check_as="$2"
  shift 2
  local status=0
  timeout -k 5 60 "$@" </dev/null >"$work/stdout" 2>"$work/stderr" || status=$?
  cat "$work/stderr"
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "FAIL $name: the editor did not finish within 60 s"; show_logs; exit 1
  fi
  if [ ! -s "$RENDA_RESULT" ]; then
    echo "FAIL $name: the editor exited $status without writing results"; show_logs; exit 1
  fi
  if [ -n "${RENDA_KEEP_RESULT:-}" ]; then cp "$RENDA_RESULT" "$RENDA_KEEP_RESULT"; fi
  if ! python3 "$here/check_results.py" "$check_as" "$RENDA_RESULT"; then
    show_logs; exit 1
  fi
  if [ "$status" -ne 0 ]; then
    echo "FAIL $name: the checks passed but the editor exited $status"; show_logs; exit 1
  fi
  echo "$name: passed"
}

show_logs() {
  echo "-- editor stdout:"
  cat "$work/stdout" || true
  local log
  for log in "$work"/cache/nvim/lsp.log "$work"/state/nvim/lsp.log; do
    if [ -f "$log" ]; then echo "-- $log (last 40 lines):"; tail -40 "$log"; fi
  done
  return 0
}

# emacs_can_load FEATURE PACKAGE: exit 1 with a message when Emacs cannot load FEATURE.
emacs_can_load() {
  local feature="$1" package="$2"
  if ! emacs -Q --batch --eval "(progn (require 'package)
        (setq package-directory-list (append (split-string (getenv \"RENDA_ELPA\") \":\" t) package-directory-list))
        (setq package-user-dir (expand-file-name \"elpa\" (getenv \"RENDA_WORK\")))
        (package-initialize) (require '$feature))" >"$work/probe" 2>&1; then
    echo "FAIL $name: emacs is installed but cannot load $feature (apt-get install -y $package):"
    cat "$work/probe"
    exit 1
  fi
}
