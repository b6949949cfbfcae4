-- SPDX-License-Identifier: MIT
if vim.b.did_ftplugin then return end
vim.b.did_ftplugin = 1
vim.bo.commentstring = '# %s'
vim.bo.comments = ':#'
vim.b.undo_ftplugin = 'setlocal commentstring< comments<'
-- Tree-sitter highlighting when the modelfile parser is installed.
if vim.treesitter and vim.treesitter.start then
  pcall(vim.treesitter.start, 0, 'modelfile')
end
