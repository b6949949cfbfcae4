-- SPDX-License-Identifier: MIT
-- Run by deb_test.sh after `dpkg -i`: the Neovim plugin, parser and queries as
-- the .deb installs them (/usr/share/nvim/site, /usr/share/modelfile-lint),
-- with the installed /usr/bin/modelfile-lsp. Env: MFL_WORK (holds Modelfile).
local function fail(fmt, ...)
  io.stderr:write('FAIL deb_nvim_check: ' .. string.format(fmt, ...) .. '\n')
  vim.cmd('cquit 1')
end
vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function() vim.schedule(function()
  local ok, err = pcall(function()
    local files = vim.api.nvim_get_runtime_file('lua/modelfile/init.lua', false)
    if not (files[1] or ''):find('^/usr/share/nvim/site/') then
      return fail('plugin not found in /usr/share/nvim/site (runtime files: %s)', vim.inspect(files))
    end
    require('modelfile').setup()
    vim.cmd.edit(vim.env.MFL_WORK .. '/Modelfile')
    local buf = vim.api.nvim_get_current_buf()
    if vim.bo.filetype ~= 'modelfile' then return fail('filetype %q', vim.bo.filetype) end
    vim.treesitter.start(buf, 'modelfile')
    if #vim.treesitter.get_captures_at_pos(buf, 0, 0) == 0 then return fail('no highlight capture on FROM') end
    local got = vim.wait(10000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do if d.lnum == 1 then return true end end
    end, 20)
    if not got then return fail('no diagnostic from the installed modelfile-lsp') end
    local client = vim.lsp.get_clients({ bufnr = buf })[1]
    io.stdout:write(string.format('deb_nvim_check: installed plugin OK (server %s, parser %s)\n',
      client.config.cmd[1], vim.api.nvim_get_runtime_file('parser/modelfile.so', false)[1]))
    vim.cmd('qall!')
  end)
  if not ok then fail('%s', err) end
end) end })
