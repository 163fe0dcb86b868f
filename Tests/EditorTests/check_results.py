#!/usr/bin/env python3
"""Checks the JSON an editor test wrote (neovim_test.lua, emacs_test.el, lsp_mode_test.el).

usage: check_results.py neovim|emacs|lsp-mode RESULT.json

Every editor reports the same facts about seeds/001_7cb29f78ffdd70e4.txt as seen
through the editor: the server's name, the diagnostics (with the text each range
covers, converted by the editor from UTF-16), the top-level document symbols,
the hover on “四个机关” in line 9; definition, references and highlights from the
title's “四个机关”; the decoded semantic tokens; the selection chain at 四 in line 9;
workspace symbols for 贯穿; completion after typing “四个; and what the editor did
with the server's workspace/configuration request. Ranges are checked by the text
they cover, not by their numbers (Neovim silently reads bad columns as byte columns).
Prints which features the editor has its own client for. Exits 1 with one line per
failed check.
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
NAMESPACE = 3  # SymbolKind.Namespace: a section heading
ORGANS = ["政治机关", "权力机关", "工作机关", "代表机关"]  # the members of “四个机关”
EXPECTED_AUTHORS = ["鲁立波", "吕 岩", "钱荣新", "姜文静", "丁洪生"]  # the five bylines' authors
BYLINE_LINES = {0, 148, 274, 444, 515}  # 0-based lines of the five ■ bylines
TITLE_LINE = 146  # 0-based line of 把党的领导贯穿于“四个机关”建设始终
HOVER_LINE = 8  # 0-based line 9, “四个机关” at UTF-16 column 15
FEATURES = [
    ("definition", "definition"), ("references", "references"), ("documentHighlight", "highlight"),
    ("semanticTokens/full", "semantic_tokens"), ("selectionRange", "selection_range"),
    ("workspace/symbol", "workspace_symbol"), ("completion", "completion"),
]


def features(r: dict) -> list[tuple[str, object]]:
    """(feature, how the editor offers it natively or False) for the navigation features."""
    return [(name, key, (r.get(key) or {}).get("native", "missing")) for name, key in FEATURES]


def check_navigation(r: dict, symbols: list, check) -> None:
    """Definition, references, highlights, semantic tokens, selection ranges, workspace
    symbols and completion, by the buffer text each range covers in the editor."""
    title = EXPECTED_ARTICLES[0]
    same_file = lambda entries: [e for e in entries if e.get("same_file")]

    # Definition from the title's “四个机关”: the members the first article gives.
    definition = (r.get("definition") or {}).get("locations") or []
    texts = [d.get("text") or "" for d in same_file(definition)]
    check(len(same_file(definition)) == len(definition) > 0, "definition: locations in the document itself",
          definition[:3])
    check(all(any(m in t for m in ORGANS) for t in texts), "definition: each location covers a member (…机关)",
          texts)
    check(all(any(m in t for t in texts) for m in ORGANS), "definition: all four members are reached", texts)
    check("四个机关" not in texts, "definition: members, not the slogan's mentions", texts)

    # References (with the declaration): every mention plus every member.
    references = (r.get("references") or {}).get("locations") or []
    mentions = sorted(e.get("line") for e in same_file(references) if e.get("text") == "四个机关")
    check(TITLE_LINE in mentions and HOVER_LINE in mentions, "references: the title's and line 9's 四个机关",
          mentions)
    keyed = lambda entries: {(e.get("line"), e.get("text")) for e in entries}
    check(keyed(definition) <= keyed(references), "references include every definition location",
          keyed(definition) - keyed(references))
    check(keyed(references) == keyed(definition) | {(line, "四个机关") for line in mentions},
          "references are the mentions and the members, nothing else", sorted(keyed(references), key=str))

    # Highlights: the mentions as Text (1), the members as Read (2).
    highlights = (r.get("highlight") or {}).get("highlights") or []
    text_kind = {(h.get("line"), h.get("text")) for h in highlights if h.get("kind") == 1}
    read_kind = {(h.get("line"), h.get("text")) for h in highlights if h.get("kind") == 2}
    check(text_kind == {(line, "四个机关") for line in mentions}, "highlight: the mentions, kind Text",
          sorted(text_kind, key=str))
    check(read_kind == keyed(definition), "highlight: the members, kind Read", sorted(read_kind, key=str))

    # Semantic tokens, decoded by the editor script and mapped to text by the editor.
    tokens_result = r.get("semantic_tokens") or {}
    legend = tokens_result.get("legend") or {}
    types = legend.get("tokenTypes") or []
    modifiers = legend.get("tokenModifiers") or []
    tokens = tokens_result.get("tokens") or []
    check(bool(types) and bool(tokens), "semantic tokens: a legend and some tokens", f"{len(tokens)} tokens")

    def named(token: dict) -> tuple[str, list[str]]:
        t = token.get("type")
        kind = types[t] if isinstance(t, int) and 0 <= t < len(types) else f"?{t}"
        bits = token.get("modifiers") or 0
        return kind, [m for i, m in enumerate(modifiers) if bits & (1 << i)]

    positions = [(t.get("line"), t.get("start"), t.get("length")) for t in tokens]
    # Each token starts at or after the end of the one before (a later line, or further on).
    overlapping = [(a, b) for a, b in zip(positions, positions[1:]) if (b[0], b[1]) < (a[0], a[1] + a[2])]
    check(not overlapping and all(p[2] > 0 for p in positions), "semantic tokens: ordered, disjoint, non-empty",
          overlapping[:3])
    check(all(t.get("text") and "\n" not in t["text"] for t in tokens), "semantic tokens: each covers text on one line",
          [t for t in tokens if not t.get("text") or "\n" in t["text"]][:3])
    authors = {t.get("text") for t in tokens if named(t) == ("variable", ["readonly"])}
    check(set(EXPECTED_AUTHORS) <= authors, "semantic tokens: every byline author is a readonly variable",
          sorted(authors))
    check(all(t.get("line") in BYLINE_LINES for t in tokens if named(t)[0] == "variable"),
          "semantic tokens: authors only on byline lines",
          [(t.get("line"), t.get("text")) for t in tokens if named(t)[0] == "variable"])
    headings = [c.get("name") for c in ((symbols[0].get("children") if symbols else None) or [])
                if c.get("kind") == NAMESPACE]
    function_texts = {squeeze(t.get("text")) for t in tokens if named(t) == ("function", ["declaration"])}
    check(len(headings) == 4 and all(squeeze(h) in function_texts for h in headings),
          "semantic tokens: the first article's headings are function declarations",
          {"headings": headings, "function tokens": sorted(function_texts)})
    on_title = "".join(t.get("text") or "" for t in tokens if t.get("line") == TITLE_LINE)
    title_kinds = {named(t)[0] for t in tokens if t.get("line") == TITLE_LINE}
    check(on_title == title and title_kinds == {"class", "macro"},
          "semantic tokens: the title line is class + the slogan as macro", (on_title, title_kinds))

    # Selection ranges at 四 in line 9: strictly nested, from the word up to the document.
    selection = r.get("selection_range") or {}
    chain = selection.get("chain") or []
    key = lambda p: ((p or {}).get("line", -1), (p or {}).get("character", -1))
    check(len(chain) >= 4, "selection ranges: word, sentence, paragraph, … (at least 4 levels)",
          [c.get("text", "")[:12] for c in chain])
    check(bool(chain) and chain[0].get("text") == "四个机关", "selection ranges: innermost is 四个机关",
          chain[0].get("text") if chain else None)
    position = selection.get("position")
    check(bool(chain) and key(chain[0].get("start")) <= key(position) <= key(chain[0].get("end")),
          "selection ranges: the innermost holds the position", (position, chain[:1]))
    not_nested = [
        (child.get("text", "")[:12], parent.get("text", "")[:12])
        for child, parent in zip(chain, chain[1:])
        if not (key(parent.get("start")) <= key(child.get("start")) and key(child.get("end")) <= key(parent.get("end"))
                and (child.get("start"), child.get("end")) != (parent.get("start"), parent.get("end"))
                and (child.get("text") or "") in (parent.get("text") or "")
                and len(child.get("text") or "") < len(parent.get("text") or ""))
    ]
    check(not not_nested, "selection ranges: each parent strictly contains its child (positions and text)",
          not_nested)
    check(any(c.get("text", "").endswith("。") and "四个机关" in c.get("text", "") for c in chain),
          "selection ranges: one level is the sentence, up to its 。", [c.get("text", "")[-4:] for c in chain])
    check(bool(chain) and key(chain[-1].get("start")) == (0, 0), "selection ranges: the last is the whole document",
          chain[-1].get("start") if chain else None)

    # workspace/symbol: a word of the first title finds it, at the title in this buffer.
    found = (r.get("workspace_symbol") or {}).get("symbols") or []
    query = (r.get("workspace_symbol") or {}).get("query") or ""
    titles = [s for s in found if s.get("name") == title]
    check(len(titles) == 1 and titles[0].get("kind") == MODULE and titles[0].get("same_file")
          and squeeze(titles[0].get("text")) == title,
          f"workspace/symbol {query}: the title, kind Module, at its text in this buffer", titles or found[:3])
    check(bool(query) and all(query in (s.get("name") or "") for s in found),
          f"workspace/symbol {query}: every result names it", [s.get("name") for s in found])

    # Completion after typing “四个: the four-item formulas, each replacing what was typed.
    completion = r.get("completion") or {}
    items = completion.get("items") or []
    labels = [i.get("label") for i in items]
    check({"四个意识", "四个自信", "四个全面", "四个机关"} <= set(labels), "completion after “四个: 四个意识, 四个自信, …",
          labels)
    check(all((i.get("label") or "").startswith("四个") for i in items), "completion: every item starts with 四个",
          labels)
    if "native_labels" in completion:  # what the editor's own completion offers
        check(set(labels) <= set(completion.get("native_labels") or []),
              "completion: the editor's completion-at-point offers the same labels", completion.get("native_labels"))
    typed = (completion.get("typed") or "").lstrip("“")
    bad_edits = [(i.get("label"), i.get("edit_text"), i.get("new_text")) for i in items
                 if i.get("edit_text") != typed or i.get("edit_line") != completion.get("line")
                 or i.get("new_text") != f"{i.get('label')}”"]
    check(not bad_edits, "completion: each textEdit replaces the typed 四个 and closes the quote", bad_edits)


def check_configuration(r: dict, diags: list, check) -> None:
    """The server pulls `workspace/configuration` only from clients that advertise it;
    whatever the editor answers, diagnostics are there after the answer."""
    conf = r.get("configuration") or {}
    requests = conf.get("requests") or []
    answers = conf.get("answers") or []
    if conf.get("advertised"):
        sections = [item.get("section") for req in requests for item in (req.get("items") or [])]
        check(bool(requests) and set(sections) == {"renda"}, "workspace/configuration: the server asks for renda",
              requests)
        check(len(answers) == len(requests), "workspace/configuration: the editor answered each request", answers)
        read_at = conf.get("diagnostics_read_at")
        check(bool(answers) and isinstance(read_at, (int, float)) and all(a.get("at", 1e9) <= read_at for a in answers)
              and len(diags) > 0, "workspace/configuration: diagnostics present after the answer",
              {"answers": answers, "diagnostics read at": read_at})
        rule = conf.get("rule_off")
        if rule:  # the editor's own settings turn a rule off: the answer carries it, the server obeys
            said = [((a.get("result") or [None])[0] or {}).get("rules", {}).get(rule) for a in answers]
            check("off" in said, f"workspace/configuration: the answer turns {rule} off", said)
            codes = sorted({d.get("code") for d in diags})
            check(rule not in codes and len(codes) > 0, f"diagnostics: none from {rule}, the others still there",
                  codes)
    else:
        check(not requests, "workspace/configuration: not asked of a client that does not advertise it", requests)
    if not conf.get("rule_off"):  # the contrast for the editors that turn heading-parallel off
        check(any(d.get("code") == "heading-parallel" for d in diags),
              "diagnostics: heading-parallel present with the default settings", sorted({d.get("code") for d in diags}))


def squeeze(text: object) -> str:
    return "".join(str(text or "").split())


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

    check_navigation(r, symbols, check)
    check_configuration(r, diags, check)

    if editor == "neovim":
        check(r.get("filetype") == "text", ".txt opens as filetype text", r.get("filetype"))
        check(r.get("renda_clients") == 1, "one client reused for two files under one root",
              r.get("renda_clients"))
        check(r.get("offset_encoding") == "utf-16", "client speaks utf-16", r.get("offset_encoding"))
        check(r.get("stopped") is True, "server exited after shutdown", r.get("stopped"))
        check(r.get("omnifunc") == "v:lua.vim.lsp.omnifunc", "renda.lua sets omnifunc for completion",
              r.get("omnifunc"))
        check(all((r.get("keymaps") or {}).get(k) for k in ("gd", "gr", "K")),
              "renda.lua maps gd, gr and K in the buffer", r.get("keymaps"))
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
    asked = r.get("request_function") or "a request"
    for name, key, native in features(r):
        via = (r.get(key) or {}).get("via") or asked
        print(f"  --   {name}: asked with {via}; the editor's own client: "
              + (str(native) if native else "none (not supported natively)"))
    conf = r.get("configuration") or {}
    print(f"  --   workspace/configuration: " + (
        f"advertised; answered {json.dumps(conf.get('answers'), ensure_ascii=False)}" if conf.get("advertised")
        else "not advertised by the editor"))
    for f in failures:
        print(f"  FAIL {f}")
    elapsed = r.get("elapsed")
    print(f"{editor} ({r.get('editor')}): {len(passed)} passed, {len(failures)} failed"
          + (f", {elapsed:.1f} s in the editor" if isinstance(elapsed, (int, float)) else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
