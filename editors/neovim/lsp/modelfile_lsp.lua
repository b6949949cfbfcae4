-- SPDX-License-Identifier: MIT
-- modelfile-lsp for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable) and for
-- nvim-lspconfig, which reads the same lsp/<name>.lua files:
--   vim.lsp.enable('modelfile_lsp')
-- `settings['modelfile-lint']` and `init_options` take the keys of
-- .modelfile-lint.json; the .modelfile-lint.json next to each Modelfile applies too.
---@type vim.lsp.Config
return {
  cmd = { 'modelfile-lsp' },
  filetypes = { 'modelfile' },
  root_markers = { '.modelfile-lint.json', '.git' },
  settings = { ['modelfile-lint'] = vim.empty_dict() },
  init_options = vim.empty_dict(),
}
