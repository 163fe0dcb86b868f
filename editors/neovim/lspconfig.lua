-- Renda as an nvim-lspconfig custom server (UNTESTED here: nvim-lspconfig is not
-- packaged in Debian 12, so this snippet was written against lspconfig's documented
-- API, not run). For Neovim 0.7 without plugins, use renda.lua instead (tested).
--
-- Put this in init.lua after nvim-lspconfig is installed. lspconfig starts one client
-- per root_dir and attaches every matching buffer under it, like renda.lua does.

local lspconfig = require("lspconfig")
local configs = require("lspconfig.configs")
local util = require("lspconfig.util")

if not configs.renda then
  configs.renda = {
    default_config = {
      -- `renda` must be on PATH, or use { "/abs/path/to/renda", "lsp" }.
      cmd = { "renda", "lsp" },
      -- .txt is filetype `text`, .md is `markdown`; add or remove filetypes here.
      filetypes = { "text", "markdown" },
      -- The nearest .renda.json or git repository; files outside both get their own
      -- directory as root (single_file_support).
      root_dir = util.root_pattern(".renda.json", ".git"),
      single_file_support = true,
      -- Sent as initializationOptions: messages in "zh" (default) or "en", and rule
      -- settings in the .renda.json shape.
      init_options = {
        -- language = "en",
        -- rules = { ["ocr-spacing"] = "off" },
      },
      -- lspconfig sends these with workspace/didChangeConfiguration after start.
      settings = { renda = {} },
    },
    docs = {
      description = [[
Renda: checks and outlines Chinese 人大 newspaper articles (diagnostics, document
symbols, hover on slogans and glossary terms, fixes as code actions).
`renda lsp` speaks LSP 3.17 over stdio; Neovim talks UTF-16 to it.
]],
    },
  }
end

lspconfig.renda.setup({
  on_attach = function(_, bufnr)
    local function map(lhs, rhs, desc)
      vim.keymap.set("n", lhs, rhs, { buffer = bufnr, silent = true, desc = desc })
    end
    map("K", vim.lsp.buf.hover, "Renda: hover")
    map("gO", vim.lsp.buf.document_symbol, "Renda: outline")
    map("[d", vim.diagnostic.goto_prev, "Renda: previous finding")
    map("]d", vim.diagnostic.goto_next, "Renda: next finding")
    map("<leader>rd", vim.diagnostic.open_float, "Renda: findings on this line")
    map("<leader>ra", vim.lsp.buf.code_action, "Renda: fixes")
  end,
})

-- Neovim 0.11+ without lspconfig's framework (also untested here):
--
--   vim.lsp.config("renda", {
--     cmd = { "renda", "lsp" },
--     filetypes = { "text", "markdown" },
--     root_markers = { ".renda.json", ".git" },
--   })
--   vim.lsp.enable("renda")
