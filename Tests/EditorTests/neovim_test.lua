-- Headless end-to-end test of editors/neovim/renda.lua against `renda lsp` (Neovim 0.7+).
-- Run by run-neovim.sh:  nvim --headless --clean -c "luafile neovim_test.lua"
-- Environment: RENDA_REPO (repository root), RENDA_BINARY (absolute path of renda),
-- RENDA_SEED (the file to open), RENDA_RESULT (where to write the JSON results).
-- Every wait is bounded; any error writes {"error": ...} and leaves with :cquit.

local repo = assert(os.getenv("RENDA_REPO"), "RENDA_REPO not set")
local binary = assert(os.getenv("RENDA_BINARY"), "RENDA_BINARY not set")
local seed = assert(os.getenv("RENDA_SEED"), "RENDA_SEED not set")
local result_path = assert(os.getenv("RENDA_RESULT"), "RENDA_RESULT not set")

local results = { editor = "neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch) }
local started = vim.loop.hrtime()

local function elapsed()
  return (vim.loop.hrtime() - started) / 1e9
end

local function log(fmt, ...)
  io.stderr:write(("[nvim %5.2fs] " .. fmt .. "\n"):format(elapsed(), ...))
end

local function write_results()
  local f = assert(io.open(result_path, "w"))
  f:write(vim.fn.json_encode(results))
  f:close()
end

-- Bounded wait: error (not hang) when `cond` does not hold within `ms`.
local function wait_for(what, ms, cond)
  local ok = vim.wait(ms, cond, 50)
  if not ok then
    error(("timed out after %d ms waiting for %s"):format(ms, what))
  end
end

-- The text a byte range of `line` covers (Neovim diagnostics are byte-indexed).
local function covered(bufnr, lnum, col, end_lnum, end_col)
  local lines = vim.api.nvim_buf_get_lines(bufnr, lnum, end_lnum + 1, false)
  if #lines == 0 then
    return ""
  end
  if #lines == 1 then
    return lines[1]:sub(col + 1, end_col)
  end
  lines[1] = lines[1]:sub(col + 1)
  lines[#lines] = lines[#lines]:sub(1, end_col)
  return table.concat(lines, "\n")
end

-- The text an LSP (UTF-16) range covers, converted the way Neovim converts it.
local function covered_utf16(bufnr, range)
  local s, e = range.start, range["end"]
  local first = vim.api.nvim_buf_get_lines(bufnr, s.line, s.line + 1, false)[1] or ""
  local last = vim.api.nvim_buf_get_lines(bufnr, e.line, e.line + 1, false)[1] or ""
  local scol = vim.str_byteindex(first, s.character, true)
  local ecol = vim.str_byteindex(last, e.character, true)
  return covered(bufnr, s.line, scol, e.line, ecol)
end


-- One request through the client (vim.lsp.buf_request_sync: flushes pending changes first).
local function request(bufnr, client, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then
    error(method .. ": " .. tostring(err))
  end
  local response = responses[client.id]
  if not response or response.err then
    error(method .. " failed: " .. vim.inspect(response and response.err))
  end
  return response.result
end

-- A location as the editor maps it: its line, and the buffer text it covers when it is in `bufnr`.
local function location_entry(bufnr, location)
  local uri = location.uri or location.targetUri
  local range = location.range or location.targetSelectionRange
  local same = uri == vim.uri_from_bufnr(bufnr)
  return { same_file = same, line = range.start.line, text = same and covered_utf16(bufnr, range) or vim.NIL }
end

local function position_of(bufnr, lnum, needle, scalars_in)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
  local byte = line:find(needle, 1, true)
  if not byte then
    error(("line %d does not contain %s: %s"):format(lnum + 1, needle, line))
  end
  local _, utf16 = vim.str_utfindex(line, byte - 1)
  return { line = lnum, character = utf16 + (scalars_in or 0) }
end

-- Definition, references, highlights, semantic tokens, selection ranges, workspace symbols
-- and completion, each asked the way Neovim 0.7 asks (`native`: the command that would;
-- false when 0.7 has none and only a request can show the answer).
local function navigation(bufnr, client)
  results.request_function = "vim.lsp.buf_request_sync"
  -- What renda.lua's on_attach set up in the buffer.
  results.omnifunc = vim.bo[bufnr].omnifunc
  results.keymaps = {}
  for _, lhs in ipairs({ "gd", "gr", "K" }) do
    results.keymaps[lhs] = vim.fn.maparg(lhs, "n", false, true).buffer == 1
  end
  local caps = client.resolved_capabilities or {}
  local uri = vim.uri_from_bufnr(bufnr)
  -- The title's “四个机关” (line 147), one character in.
  local at_title = {
    textDocument = { uri = uri },
    position = position_of(bufnr, 146, "四个机关", 1),
  }
  local function locations(result)
    local list = {}
    for _, l in ipairs(result or {}) do
      table.insert(list, location_entry(bufnr, l))
    end
    return list
  end
  results.definition = {
    native = caps.goto_definition and "vim.lsp.buf.definition()" or false,
    locations = locations(request(bufnr, client, "textDocument/definition", at_title)),
  }
  local refs_params = vim.tbl_extend("force", at_title, { context = { includeDeclaration = true } })
  results.references = {
    native = caps.find_references and "vim.lsp.buf.references()" or false,
    locations = locations(request(bufnr, client, "textDocument/references", refs_params)),
  }
  local highlights = {}
  for _, h in ipairs(request(bufnr, client, "textDocument/documentHighlight", at_title) or {}) do
    table.insert(highlights, { line = h.range.start.line, kind = h.kind or 1, text = covered_utf16(bufnr, h.range) })
  end
  results.highlight = {
    native = caps.document_highlight and "vim.lsp.buf.document_highlight()" or false,
    highlights = highlights,
  }
  log("definition %d, references %d, highlights %d", #results.definition.locations,
    #results.references.locations, #highlights)

  -- Semantic tokens: 0.7 has no client for them; decode the relative integers here.
  local provider = (client.server_capabilities or {}).semanticTokensProvider or {}
  local tokens_result = request(bufnr, client, "textDocument/semanticTokens/full", { textDocument = { uri = uri } })
  local data = (tokens_result or {}).data or {}
  local tokens, line, start = {}, 0, 0
  for i = 1, #data, 5 do
    local delta_line, delta_start, length, type_index, modifiers = data[i], data[i + 1], data[i + 2], data[i + 3], data[i + 4]
    if delta_line > 0 then
      line, start = line + delta_line, delta_start
    else
      start = start + delta_start
    end
    local range = { start = { line = line, character = start }, ["end"] = { line = line, character = start + length } }
    table.insert(tokens, {
      line = line, start = start, length = length, type = type_index, modifiers = modifiers,
      text = covered_utf16(bufnr, range),
    })
  end
  results.semantic_tokens = { native = false, legend = provider.legend or vim.NIL, tokens = tokens }
  log("%d semantic tokens", #tokens)

  -- Selection ranges at 四 of “四个机关” in line 9 (0.7 has no expand-selection client).
  local position = position_of(bufnr, 8, "四个机关")
  local chains = request(bufnr, client, "textDocument/selectionRange",
    { textDocument = { uri = uri }, positions = { position } })
  local chain = {}
  local node = chains and chains[1]
  while node and node.range do
    table.insert(chain, { start = node.range.start, ["end"] = node.range["end"], text = covered_utf16(bufnr, node.range) })
    node = node.parent
  end
  results.selection_range = { native = false, position = position, chain = chain }

  -- workspace/symbol for a word of a title.
  local symbols = {}
  for _, s in ipairs(request(bufnr, client, "workspace/symbol", { query = "贯穿" }) or {}) do
    local entry = location_entry(bufnr, s.location)
    entry.name, entry.kind = s.name, s.kind
    table.insert(symbols, entry)
  end
  results.workspace_symbol = {
    native = caps.workspace_symbol and "vim.lsp.buf.workspace_symbol()" or false,
    query = "贯穿",
    symbols = symbols,
  }
  log("%d workspace symbols", #symbols)

  -- Completion after typing “四个 on a new last line (didChange is flushed by the request).
  local typed = "“四个"
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { typed })
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local _, column = vim.str_utfindex(typed)
  local completion = request(bufnr, client, "textDocument/completion",
    { textDocument = { uri = uri }, position = { line = last, character = column } })
  local items = {}
  for _, item in ipairs((completion and completion.items) or completion or {}) do
    local edit = item.textEdit
    table.insert(items, {
      label = item.label, kind = item.kind,
      new_text = edit and edit.newText or vim.NIL,
      edit_text = edit and edit.range and covered_utf16(bufnr, edit.range) or vim.NIL,
      edit_line = edit and edit.range and edit.range.start.line or vim.NIL,
    })
  end
  results.completion = {
    native = caps.completion and vim.bo[bufnr].omnifunc ~= "" and ("omnifunc=" .. vim.bo[bufnr].omnifunc) or false,
    typed = typed, line = last, items = items,
  }
  log("%d completion items", #items)
end

local function main()
  -- Watchdog: fires during any vim.wait if the whole run takes too long.
  vim.defer_fn(function()
    results.error = "watchdog: test still running after 50 s"
    pcall(write_results)
    vim.cmd("cquit 3")
  end, 50000)

  -- Neovim 0.7.2 answers workspace/configuration from `settings` (vim.NIL for a missing
  -- section) but does not advertise it; count what the server asks and what Neovim answers.
  results.configuration = { requests = {}, answers = {} }
  local answer_configuration = vim.lsp.handlers["workspace/configuration"]
  vim.lsp.handlers["workspace/configuration"] = function(err, params, ctx, config)
    table.insert(results.configuration.requests, params)
    local answer = answer_configuration(err, params, ctx, config)
    table.insert(results.configuration.answers, { result = answer, at = elapsed() })
    return answer
  end

  vim.cmd("filetype on")
  local renda = dofile(repo .. "/editors/neovim/renda.lua")
  renda.setup({ cmd = { binary, "lsp" } })
  log("setup done, opening %s", seed)

  vim.cmd("edit " .. vim.fn.fnameescape(seed))
  local bufnr = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[bufnr].filetype

  local client
  wait_for("a renda client attached to the buffer", 10000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == "renda" then
        client = c
        return true
      end
    end
    return false
  end)
  wait_for("initialize to finish", 10000, function()
    return client.initialized == true
  end)
  results.server_info = client.server_info

  local advertised = ((client.config.capabilities or {}).workspace or {}).configuration
  results.configuration.advertised = advertised == true
  results.offset_encoding = client.offset_encoding
  log("client %d initialized (%s)", client.id, vim.inspect(client.server_info))

  -- One client per project root: a second buffer under the same root reuses it.
  vim.cmd("edit " .. vim.fn.fnameescape(repo .. "/seeds/002_f6e1cc83208734be.txt"))
  local second = vim.api.nvim_get_current_buf()
  wait_for("the second buffer to attach", 5000, function()
    return next(vim.lsp.buf_get_clients(second)) ~= nil
  end)
  local ids = {}
  for id, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == "renda" then
      table.insert(ids, c.id or id)
    end
  end
  results.renda_clients = #ids
  results.roots = vim.tbl_keys(renda.clients)
  vim.cmd("buffer " .. bufnr)

  -- Diagnostics (pushed with textDocument/publishDiagnostics).
  wait_for("diagnostics", 20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end)
  vim.wait(300) -- let a possible second batch land
  results.diagnostics = {}
  results.configuration.diagnostics_read_at = elapsed()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(results.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      message = d.message,
      text = covered(bufnr, d.lnum, d.col, d.end_lnum or d.lnum, d.end_col or d.col),
    })
  end
  log("%d diagnostics", #results.diagnostics)

  -- textDocument/documentSymbol (Neovim offers hierarchicalDocumentSymbolSupport).
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol", params, 10000)
  if not responses then
    error("documentSymbol: " .. tostring(err))
  end
  local response = responses[client.id]
  if not response or response.err then
    error("documentSymbol failed: " .. vim.inspect(response and response.err))
  end
  results.symbols = {}
  for _, s in ipairs(response.result or {}) do
    local range = s.range or (s.location and s.location.range)
    local children = {}
    for _, c in ipairs(s.children or {}) do
      table.insert(children, { name = c.name, kind = c.kind })
    end
    table.insert(results.symbols, {
      name = s.name,
      kind = s.kind,
      line = range and range.start.line,
      selection_text = s.selectionRange and covered_utf16(bufnr, s.selectionRange) or vim.NIL,
      children = children,
    })
  end
  log("%d top-level symbols", #results.symbols)

  -- Hover on “四个机关” in line 9 (0-based 8): the UTF-16 column of 四.
  local line = vim.api.nvim_buf_get_lines(bufnr, 8, 9, true)[1]
  local byte = line:find("四个机关", 1, true)
  if not byte then
    error("line 9 does not contain 四个机关: " .. line)
  end
  local _, utf16 = vim.str_utfindex(line, byte - 1)
  results.hover_position = { line = 8, character = utf16, byte = byte - 1 }
  local hover_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 8, character = utf16 },
  }
  responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", hover_params, 10000)
  if not responses then
    error("hover: " .. tostring(err))
  end
  response = responses[client.id]
  if not response or response.err or not response.result then
    error("hover failed or empty: " .. vim.inspect(response))
  end
  local contents = response.result.contents
  results.hover_kind = type(contents) == "table" and contents.kind or vim.NIL
  results.hover_text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(contents), "\n")
  if response.result.range then
    results.hover_range_text = covered_utf16(bufnr, response.result.range)
  end
  log("hover: %d chars", #results.hover_text)

  navigation(bufnr, client)

  -- Clean shutdown: the server must exit after shutdown + exit.
  client.stop()
  wait_for("the server process to exit", 5000, function()
    return vim.lsp.get_client_by_id(client.id) == nil
  end)
  results.stopped = true
  results.elapsed = elapsed()
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  results.error = tostring(err)
  log("FAILED: %s", tostring(err))
  pcall(write_results)
  vim.cmd("cquit 1")
else
  write_results()
  log("done")
  vim.cmd("qall!")
end
