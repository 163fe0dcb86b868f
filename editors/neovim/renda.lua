-- Renda language server for Neovim 0.7+ (no plugins needed).
--
-- Neovim 0.7 has no `vim.lsp.start` (that is 0.8+), so this module starts the
-- server with `vim.lsp.start_client` and attaches buffers with
-- `vim.lsp.buf_attach_client` from a FileType autocmd. Every `start_client`
-- spawns a new process, so it keeps one client per project root (the nearest
-- directory holding `.renda.json` or `.git`, else the file's directory) and
-- reuses it for every buffer under that root.
--
-- Install: copy this file to ~/.config/nvim/lua/renda.lua, then in init.lua
--
--   require("renda").setup()
--
-- or, without copying: `dofile("/path/to/editors/neovim/renda.lua").setup()`.
-- All options (shown with their defaults):
--
--   require("renda").setup({
--     cmd = { "renda", "lsp" },            -- or { "/abs/path/to/renda", "lsp" }
--     filetypes = { "text", "markdown" },  -- .txt is `text`, .md is `markdown`
--     root_markers = { ".renda.json", ".git" },
--     init_options = nil,  -- e.g. { language = "en", rules = { ["ocr-spacing"] = "off" } }
--     settings = nil,      -- e.g. { renda = { rules = { ["heading-format"] = "warning" } } }
--     capabilities = nil,  -- nil: Neovim's own (vim.lsp.protocol.make_client_capabilities())
--     on_attach = nil,     -- function(client, bufnr), called after the keymaps are set
--     keymaps = true,      -- false: set no keymaps (see M.default_keymaps)
--   })
--
-- Neovim always speaks UTF-16 positions; Renda falls back to UTF-16 for it.

local M = {}

M.defaults = {
  cmd = { "renda", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".renda.json", ".git" },
  init_options = nil,
  settings = nil,
  capabilities = nil,
  on_attach = nil,
  keymaps = true,
}

--- project root -> client id; one running `renda lsp` per root.
M.clients = {}

M.options = nil

local warned_missing = false

--- The nearest ancestor of `path`'s directory holding one of `markers`, else that directory.
function M.find_root(path, markers)
  local start = vim.fn.fnamemodify(path, ":p:h")
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

--- Buffer-local keymaps: K hover, gd go to a slogan's members (or a marker's series
--- start), gr references, <leader>rh highlight a slogan's mentions and members,
--- gO / <leader>rs document symbols, <leader>rw workspace symbols, [d ]d diagnostics,
--- <leader>rd the diagnostics of the line, <leader>rq all diagnostics in the location
--- list, <leader>ra code actions (Renda's fixes).
function M.default_keymaps(_, bufnr)
  local function map(mode, lhs, rhs, desc)
    vim.keymap.set(mode, lhs, rhs, { buffer = bufnr, silent = true, desc = desc })
  end
  map("n", "K", vim.lsp.buf.hover, "Renda: hover (slogan members, glossary entry)")
  map("n", "gd", vim.lsp.buf.definition, "Renda: go to the slogan's members / the series' first marker")
  map("n", "gr", vim.lsp.buf.references, "Renda: the slogan's mentions and members")
  map("n", "<leader>rh", vim.lsp.buf.document_highlight, "Renda: highlight the slogan's mentions and members")
  map("n", "gO", vim.lsp.buf.document_symbol, "Renda: outline (articles, headings, lists)")
  map("n", "<leader>rw", vim.lsp.buf.workspace_symbol, "Renda: titles, headings, authors in the project")
  map("n", "<leader>rs", vim.lsp.buf.document_symbol, "Renda: outline")
  map("n", "[d", vim.diagnostic.goto_prev, "Renda: previous finding")
  map("n", "]d", vim.diagnostic.goto_next, "Renda: next finding")
  map("n", "<leader>rd", vim.diagnostic.open_float, "Renda: findings on this line")
  map("n", "<leader>rq", vim.diagnostic.setloclist, "Renda: all findings in the location list")
  map("n", "<leader>ra", vim.lsp.buf.code_action, "Renda: fixes")
end

--- The id of the client for `root`, starting one if none is running.
function M.client_for_root(root)
  local opts = M.options or M.defaults
  local id = M.clients[root]
  if id then
    local client = vim.lsp.get_client_by_id(id)
    if client and not client.is_stopped() then
      return id
    end
    M.clients[root] = nil
  end

  if vim.fn.executable(opts.cmd[1]) ~= 1 then
    if not warned_missing then
      warned_missing = true
      vim.notify(
        ("renda: %q is not executable; put `renda` on PATH or pass setup{cmd = {\"/abs/path/renda\", \"lsp\"}}"):format(
          opts.cmd[1]
        ),
        vim.log.levels.WARN
      )
    end
    return nil
  end

  id = vim.lsp.start_client({
    name = "renda",
    cmd = opts.cmd,
    root_dir = root,
    init_options = opts.init_options,
    settings = opts.settings,
    capabilities = opts.capabilities,
    on_init = function(client, result)
      -- 0.7 keeps no serverInfo; keep it for :lua print(vim.inspect(...)) and tests.
      client.server_info = result and result.serverInfo
      -- 0.7 does not send the settings by itself (nvim-lspconfig does this too).
      if opts.settings then
        client.notify("workspace/didChangeConfiguration", { settings = opts.settings })
      end
    end,
    on_attach = function(client, bufnr)
      -- <C-x><C-o> completes slogan names after “ and canonical phrases.
      if vim.bo[bufnr].omnifunc == "" then
        vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
      end
      if opts.keymaps then
        M.default_keymaps(client, bufnr)
      end
      if opts.on_attach then
        opts.on_attach(client, bufnr)
      end
    end,
    on_exit = function(_, _, client_id)
      vim.schedule(function()
        if M.clients[root] == client_id then
          M.clients[root] = nil
        end
      end)
    end,
  })
  M.clients[root] = id
  return id
end

--- Attaches `bufnr` (default: current buffer) to the client of its project root.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return nil
  end
  local opts = M.options or M.defaults
  local id = M.client_for_root(M.find_root(name, opts.root_markers))
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Stops every Renda client; the next FileType event (or :RendaStart) starts them again.
function M.stop()
  for root, id in pairs(M.clients) do
    local client = vim.lsp.get_client_by_id(id)
    if client then
      client.stop()
    end
    M.clients[root] = nil
  end
end

function M.setup(user)
  M.options = vim.tbl_deep_extend("force", {}, M.defaults, user or {})
  local group = vim.api.nvim_create_augroup("renda_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = "Start or reuse `renda lsp` for this buffer's project root",
  })
  vim.api.nvim_create_user_command("RendaStart", function()
    M.attach(0)
  end, { desc = "Attach the current buffer to renda lsp" })
  vim.api.nvim_create_user_command("RendaStop", function()
    M.stop()
  end, { desc = "Stop every renda lsp client" })
  vim.api.nvim_create_user_command("RendaRestart", function()
    M.stop()
    vim.defer_fn(function()
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
          M.attach(buf)
        end
      end
    end, 500)
  end, { desc = "Restart renda lsp and re-attach its buffers" })
  -- Buffers already open when setup() runs (e.g. `nvim file.txt` with a late setup).
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
  return M
end

return M
