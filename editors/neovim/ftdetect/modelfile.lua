-- SPDX-License-Identifier: MIT
-- Filetype "modelfile" for Ollama Modelfiles: Modelfile, Modelfile.*,
-- *.Modelfile and *.modelfile (Neovim 0.8+; 0.7 has vim.filetype.add too).
vim.filetype.add({
  filename = { Modelfile = 'modelfile' },
  extension = { modelfile = 'modelfile', Modelfile = 'modelfile' },
  pattern = {
    -- Beats the extension table (Modelfile.txt is not a text file here).
    ['.*[/\\]Modelfile%.[^/\\]*'] = { 'modelfile', { priority = 10 } },
    ['Modelfile%.[^/\\]*'] = { 'modelfile', { priority = 10 } },
  },
})
