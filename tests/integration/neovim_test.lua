-- SPDX-License-Identifier: MIT
-- Run by neovim_test.sh: headless Neovim with editors/neovim on the
-- runtimepath. Env: MFL_SRC (source tree), MFL_LSP (modelfile-lsp), MFL_WORK.
local src, lsp_bin, work = vim.env.MFL_SRC, vim.env.MFL_LSP, vim.env.MFL_WORK
local expect = vim.env.MFL_EXPECT or 'PARAMETER num_ctx 262144'
vim.opt.runtimepath:prepend(src .. '/editors/neovim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local function log(fmt, ...) io.stderr:write(string.format(fmt, ...) .. '\n') end
local function fail(fmt, ...)
  log('FAIL neovim_test: ' .. fmt, ...)
  vim.cmd('cquit 1')
end
local function wait(ms, cond) return vim.wait(ms, cond, 20) end

local function run()
  log('neovim_test: %s', vim.split(vim.fn.execute('version'), '\n', { trimempty = true })[1])
  local mf = require('modelfile')

  -- 1. Filetype detection on every name of modelfile-names.txt, for the
  --    name alone and for a buffer of that name.
  local n = 0
  for line in io.lines(vim.env.MFL_NAMES) do
    local want, name = line:match('^(%a+) (.+)$')
    if want == 'yes' or want == 'no' then
      local path = '/p/' .. name
      local got = vim.filetype.match({ filename = path })
      local buf = vim.api.nvim_create_buf(false, true)
      vim.api.nvim_buf_set_name(buf, path)
      local got_buf = vim.filetype.match({ buf = buf })
      vim.api.nvim_buf_delete(buf, { force = true })
      for _, g in ipairs({ got or false, got_buf or false }) do
        if (want == 'yes') ~= (g == 'modelfile') then
          return fail('filetype of %s is %s', name, tostring(g))
        end
      end
      n = n + 1
    end
  end
  log('neovim_test: file detection agrees with modelfile-names.txt (%d names)', n)

  -- 2. The nvim-lspconfig / vim.lsp.config file.
  local cfg = dofile(src .. '/editors/neovim/lsp/modelfile_lsp.lua')
  if cfg.cmd[1] ~= 'modelfile-lsp' or not vim.tbl_contains(cfg.filetypes, 'modelfile') then
    return fail('lsp/modelfile_lsp.lua returns an unexpected config')
  end

  -- 3. Tree-sitter: compile the parser from grammar/src, load the queries.
  local so, err = mf.build_parser({ install_dir = work .. '/site' })
  if not so then return fail('building the parser: %s', err) end
  mf.setup({ cmd = { lsp_bin }, settings = {} })
  for _, q in ipairs({ 'highlights', 'injections', 'folds' }) do
    local ok, query = pcall(vim.treesitter.query.get, 'modelfile', q)
    if not ok then return fail('query %s does not compile against the grammar: %s', q, query) end
    if not query then return fail('query %s missing (grammar/queries/%s.scm)', q, q) end
  end
  -- The TEMPLATE body is injected as Go template (gotmpl).
  local ttext = 'FROM x\nTEMPLATE """{{ if .System }}{{ .System }}{{ end }}"""\n'
  local sp = vim.treesitter.get_string_parser(ttext, 'modelfile')
  local troot = sp:parse()[1]:root()
  local injq = vim.treesitter.query.get('modelfile', 'injections')
  local injected
  for _, match, meta in injq:iter_matches(troot, ttext, 0, -1, { all = true }) do
    for id, nodes in pairs(match) do
      if injq.captures[id] == 'injection.content' then
        local n = type(nodes) == 'table' and nodes[1] or nodes
        local lang = meta['injection.language'] or (meta[id] and meta[id]['injection.language'])
        injected = { lang = lang, text = vim.treesitter.get_node_text(n, ttext) }
      end
    end
  end
  if not injected or injected.lang ~= 'gotmpl' or not injected.text:find('{{ if .System }}', 1, true) then
    return fail('TEMPLATE body not injected as gotmpl: %s', vim.inspect(injected))
  end
  log('neovim_test: TEMPLATE body injected as %s: %s', injected.lang, injected.text)

  -- 4. Open the story's Modelfile.
  vim.cmd.edit(vim.fn.fnameescape(work .. '/Modelfile'))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'modelfile' then return fail('filetype is %q', vim.bo[buf].filetype) end
  local parser = vim.treesitter.get_parser(buf, 'modelfile')
  local tree = parser:parse()[1]
  if tree:root():has_error() then return fail('tree-sitter parse of the story file has errors') end
  local hl = vim.treesitter.get_captures_at_pos(buf, 0, 0)
  if #hl == 0 then return fail('no highlight capture on FROM') end
  log('neovim_test: tree-sitter OK, FROM captured as @%s', hl[1].capture)

  -- 5. The server attaches and publishes the num_ctx diagnostic.
  local client
  if not wait(10000, function()
    client = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = buf, name = 'modelfile_lsp' })[1]
    return client ~= nil and client.initialized
  end) then return fail('modelfile-lsp did not attach') end
  log('neovim_test: attached %s, offset encoding %s', lsp_bin, client.offset_encoding)
  local diag
  if not wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == 1 then diag = d return true end
    end
  end) then return fail('no diagnostic on line 2 within 10 s; got %s', vim.inspect(vim.diagnostic.get(buf))) end
  log('neovim_test: diagnostic %s: %s', tostring(diag.code), diag.message)

  -- 6. Ask for the code actions on that diagnostic; apply the quick fix the
  --    way a user does (vim.lsp.buf.code_action), and check the buffer.
  vim.api.nvim_win_set_cursor(0, { diag.lnum + 1, diag.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, diag.lnum), only = { 'quickfix' } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
  local actions = (res[client.id] or {}).result or {}
  local chosen
  for _, a in ipairs(actions) do
    log('neovim_test: action %q kind=%s preferred=%s', a.title, tostring(a.kind), tostring(a.isPreferred))
    if (a.kind or ''):match('^quickfix') and a.isPreferred and not chosen then chosen = a end
  end
  if not chosen then return fail('no preferred quickfix among %d actions', #actions) end
  vim.lsp.buf.code_action({
    apply = true,
    context = { only = { 'quickfix' } },
    filter = function(a) return a.title == chosen.title end,
  })
  if not wait(5000, function()
    return vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1] == expect
  end) then
    return fail('after the quick fix line 2 is %q', vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1])
  end
  log('neovim_test: buffer now says %q', vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1])

  -- 7. The edit reaches the server (didChange) and the diagnostic goes away.
  if not wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == 1 and d.code == diag.code then return false end
    end
    return true
  end) then return fail('diagnostic %s still present after the fix', tostring(diag.code)) end

  io.stdout:write('PASS neovim_test: diagnostics shown, quick fix applied, buffer says ' .. expect .. '\n')
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.defer_fn(function() fail('timeout') end, 60000)
    vim.schedule(function()
      local ok, err = pcall(run)
      if not ok then fail('error: %s', err) end
    end)
  end,
})
