#!/usr/bin/env python3
"""Checks the JSON an editor test wrote (neovim_test.lua, emacs_test.el, lsp_mode_test.el).

usage: check_results.py neovim|emacs|lsp-mode RESULT.json

Both editors report the same facts about seeds/001_7cb29f78ffdd70e4.txt as seen
through the editor: the server's name, the diagnostics (with the text each range
covers, converted by the editor from UTF-16), the top-level document symbols,
and the hover on “四个机关” in line 9. Ranges are checked by the text they cover,
not by their numbers (Neovim silently reads bad columns as byte columns).
Exits 1 with one line per failed check.
"""
import json
import sys

EXPECTED_ARTICLES = [
    "把党的领导贯穿于“四个机关”建设始终",
    "发挥制度优势奋力书写全过程人民民主的“邳州实践”",
    "建设“四个机关”擦亮履职底色",
    "在为民办实事中践行全过程人民民主",
    "坚持活动引领持续加强自身建设",
]
MODULE = 2  # SymbolKind.Module: Renda's kind for an article


def main() -> int:
    editor, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
    failures: list[str] = []
    passed: list[str] = []

    def check(ok: bool, what: str, detail: object = "") -> None:
        (passed if ok else failures).append(what if ok else f"{what}: {detail}")

    if r.get("error"):
        print(f"{editor}: the editor script failed: {r['error']}")
        return 1

    if editor == "lsp-mode":  # lsp-mode 8.0 keeps no serverInfo
        check(r.get("server_id") == "renda", "the lsp-mode client is renda", r.get("server_id"))
    else:
        info = r.get("server_info") or {}
        check(info.get("name") == "renda", "serverInfo.name is renda", info)

    diags = r.get("diagnostics") or []
    check(len(diags) > 0, "diagnostics arrived", "none")
    empty = [d for d in diags if not d.get("text")]
    check(not empty, "every diagnostic covers some text", empty[:3])
    not_renda = [d for d in diags if d.get("source") != "renda"]
    check(not not_renda, "every diagnostic comes from source renda", not_renda[:3])
    spacing = [d for d in diags if d.get("code") == "ocr-spacing"]
    check(len(spacing) > 0, "ocr-spacing findings present", [d.get("code") for d in diags])
    no_space = [d for d in spacing if not any(c.isspace() for c in d.get("text", ""))]
    check(not no_space, "each ocr-spacing range covers the extra space", no_space[:3])
    without_message = [d for d in diags if not d.get("message")]
    check(not without_message, "every diagnostic has a message", without_message[:3])

    symbols = r.get("symbols") or []
    names = [s.get("name") for s in symbols]
    check(names == EXPECTED_ARTICLES, "5 top-level symbols, the article titles", names)
    check(all(s.get("kind") == MODULE for s in symbols), "articles are SymbolKind.Module",
          [s.get("kind") for s in symbols])
    check(bool(symbols) and len(symbols[0].get("children") or []) > 0, "the first article has children", "")
    bad_selection = [
        (s.get("name"), s.get("selection_text"))
        for s in symbols
        if (s.get("selection_text") or "").replace("\n", "").replace(" ", "") != s.get("name")
    ]
    check(not bad_selection, "each article's selectionRange covers its title", bad_selection)

    hover = r.get("hover_text") or ""
    check("政治机关" in hover, "hover on 四个机关 mentions 政治机关", hover[:200])
    check("四个机关" in hover, "hover names 四个机关", hover[:200])
    pos = r.get("hover_position") or {}
    check(pos.get("character") == 15, "UTF-16 column of 四 in line 9 is 15", pos)
    if "hover_range_text" in r:
        check(r["hover_range_text"] == "四个机关", "hover range covers 四个机关", r["hover_range_text"])

    if editor == "neovim":
        check(r.get("filetype") == "text", ".txt opens as filetype text", r.get("filetype"))
        check(r.get("renda_clients") == 1, "one client reused for two files under one root",
              r.get("renda_clients"))
        check(r.get("offset_encoding") == "utf-16", "client speaks utf-16", r.get("offset_encoding"))
        check(r.get("stopped") is True, "server exited after shutdown", r.get("stopped"))
    if editor == "lsp-mode":
        check(r.get("major_mode") == "text-mode", ".txt opens in text-mode", r.get("major_mode"))
        check(r.get("language_id") == "text", "languageId is text", r.get("language_id"))
        check(r.get("stopped") is True, "server exited after lsp-workspace-shutdown", r.get("stopped"))
    if editor == "emacs":
        check(r.get("major_mode") == "text-mode", ".txt opens in text-mode", r.get("major_mode"))
        check(r.get("language_id") == "text", "languageId is text", r.get("language_id"))
        flymake = r.get("flymake_count") or 0
        check(flymake == len(diags) and flymake > 0, "flymake shows the diagnostics",
              f"{flymake} in flymake, {len(diags)} from eglot")
        imenu = r.get("imenu") or {}
        check(sorted(imenu.get("Module") or []) == sorted(EXPECTED_ARTICLES),
              "imenu group Module lists the articles", imenu.get("Module"))
        check(r.get("stopped") is True, "server exited after eglot-shutdown", r.get("stopped"))

    for p in passed:
        print(f"  ok   {p}")
    for f in failures:
        print(f"  FAIL {f}")
    elapsed = r.get("elapsed")
    print(f"{editor} ({r.get('editor')}): {len(passed)} passed, {len(failures)} failed"
          + (f", {elapsed:.1f} s in the editor" if isinstance(elapsed, (int, float)) else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
