-- SPDX-License-Identifier: MIT
-- modelfile-lint for Neovim: language server setup (0.11's vim.lsp.config /
-- vim.lsp.enable, vim.lsp.start on 0.8-0.10, vim.lsp.start_client on 0.7,
-- old nvim-lspconfig framework)
-- and the tree-sitter parser and queries (nvim-treesitter registration, or a
-- parser compiled here with the C compiler).
--
--   require('modelfile').setup()                       -- LSP + tree-sitter
--   require('modelfile').setup({ cmd = { '/path/to/modelfile-lsp' },
--                                settings = { rules = { MF301 = 'off' } } })
local M = {}

local uv = vim.uv or vim.loop

--- The folder of this plugin (editors/neovim in the source tree).
local function plugin_root()
  local src = debug.getinfo(1, 'S').source:sub(2)
  return vim.fn.fnamemodify(src, ':p:h:h:h')
end

local function is_dir(p) local st = p and uv.fs_stat(p) return st ~= nil and st.type == 'directory' end
local function is_file(p) local st = p and uv.fs_stat(p) return st ~= nil and st.type == 'file' end

--- The first candidate (nil entries allowed) for which ok(c) holds, as an
--- absolute path without a trailing slash.
local function first(candidates, n, ok)
  for i = 1, n do
    local c = candidates[i]
    if c and ok(c) then return (vim.fn.fnamemodify(c, ':p'):gsub('/$', '')) end
  end
  return nil
end

--- The grammar folder (grammar.js, src/, queries/): opts, else the source
--- tree around this plugin, else the installed share/modelfile-lint.
function M.grammar_dir(opts)
  opts = opts or {}
  local candidates = {
    opts.grammar_dir,
    vim.g.modelfile_grammar_dir,
    plugin_root() .. '/../../grammar',
  }
  return first(candidates, 3, function(c) return is_dir(c .. '/src') end)
end

--- The queries folder (highlights.scm, injections.scm, folds.scm).
function M.queries_dir(opts)
  opts = opts or {}
  local g = M.grammar_dir(opts)
  local candidates = {
    opts.queries_dir,
    g and (g .. '/queries'),
    plugin_root() .. '/../../modelfile-lint/queries', -- installed: share/nvim/site -> share/modelfile-lint
    '/usr/local/share/modelfile-lint/queries',
    '/usr/share/modelfile-lint/queries',
  }
  return first(candidates, 5, function(c) return is_file(c .. '/highlights.scm') end)
end

M.defaults = {
  name = 'modelfile_lsp',
  cmd = { 'modelfile-lsp' },
  filetypes = { 'modelfile' },
  root_markers = { '.modelfile-lint.json', '.git' },
  -- The keys of .modelfile-lint.json. Sent as initializationOptions and as
  -- settings['modelfile-lint'] (workspace/configuration, didChangeConfiguration).
  settings = {},
  lsp = true,
  treesitter = true,
}

--- Options over the defaults; lists (cmd, filetypes, root_markers) replace.
local function merge(opts)
  opts = opts or {}
  local o = vim.tbl_deep_extend('force', M.defaults, opts)
  for _, k in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts[k] ~= nil then o[k] = opts[k] end
  end
  return o
end

local function lsp_config(o)
  local settings = vim.tbl_isempty(o.settings) and vim.empty_dict() or o.settings
  local cfg = {
    cmd = o.cmd,
    filetypes = o.filetypes,
    root_markers = o.root_markers,
    init_options = settings,
    settings = { ['modelfile-lint'] = settings },
    on_attach = o.on_attach,
    capabilities = o.capabilities,
  }
  return cfg
end

--- The folder of the nearest root marker above the buffer's file (vim.fs on
--- 0.8+, findfile/finddir on 0.7), else the file's folder.
local function root_dir(markers, bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or uv.cwd()
  if vim.fs and vim.fs.find then
    local found = vim.fs.find(markers, { upward = true, path = start })[1]
    return found and vim.fs.dirname(found) or start
  end
  for _, m in ipairs(markers) do
    local f = vim.fn.findfile(m, start .. ';')
    if f == '' then f = vim.fn.finddir(m, start .. ';') end
    if f ~= '' then return (vim.fn.fnamemodify(f, ':p:h'):gsub('/%.git$', '')) end
  end
  return start
end

--- Starts (or attaches) the server for one buffer: Neovim 0.8-0.10
--- (vim.lsp.start), and 0.7 (vim.lsp.start_client + buf_attach_client, one
--- client per root folder).
M._clients_07 = {}
function M.start(bufnr, o)
  o = merge(o)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cfg = lsp_config(o)
  cfg.name = o.name
  cfg.root_dir = root_dir(o.root_markers, bufnr)
  cfg.root_markers = nil
  cfg.filetypes = nil
  if vim.lsp.start then
    return vim.lsp.start(cfg, { bufnr = bufnr })
  end
  local id = M._clients_07[cfg.root_dir]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(cfg)
    if not id then return nil end
    M._clients_07[cfg.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup_lsp(o)
  if vim.fn.has('nvim-0.11') == 1 and vim.lsp.config and vim.lsp.enable then
    -- lsp/modelfile_lsp.lua on the runtimepath gives the defaults; merge ours.
    vim.lsp.config(o.name, lsp_config(o))
    vim.lsp.enable(o.name)
    return
  end
  if not (vim.lsp.start or vim.lsp.start_client) then
    vim.notify('modelfile: this Neovim has no language client (0.7 or newer is needed)', vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup('modelfile_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = o.filetypes,
    callback = function(args) M.start(args.buf, o) end,
  })
  -- Buffers already open when setup() runs.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(o.filetypes, vim.bo[b].filetype) then
      M.start(b, o)
    end
  end
end

--- For users of nvim-lspconfig's older framework (require('lspconfig').x.setup()).
function M.register_lspconfig(o)
  o = merge(o)
  local ok, configs = pcall(require, 'lspconfig.configs')
  if not ok or configs[o.name] then return ok end
  local util = require('lspconfig.util')
  local cfg = lsp_config(o)
  configs[o.name] = {
    default_config = {
      cmd = cfg.cmd,
      filetypes = cfg.filetypes,
      root_dir = util.root_pattern((table.unpack or unpack)(o.root_markers)),
      init_options = cfg.init_options,
      settings = cfg.settings,
    },
    docs = { description = 'modelfile-lsp: diagnostics, fixes, hover and completion for Ollama Modelfiles' },
  }
  return true
end

local function read(path)
  local f = io.open(path, 'r')
  if not f then return nil end
  local s = f:read('*a')
  f:close()
  return s
end

--- Whether the modelfile tree-sitter parser can be loaded (built with
--- build_parser(), :TSInstall modelfile, or installed by the .deb).
function M.has_parser()
  local lang = vim.treesitter and vim.treesitter.language
  if not lang or vim.fn.has('nvim-0.8') == 0 then return false end
  if not lang.add then -- 0.8
    local ok, res = pcall(lang.require_language, 'modelfile', nil, true)
    return ok and res == true
  end
  local ok, res = pcall(lang.add, 'modelfile')
  -- 0.9/0.10 return nothing, or raise an error without a parser; 0.11+
  -- return true, or nil and a message.
  if vim.fn.has('nvim-0.11') == 1 then return ok and res == true end
  return ok
end

--- Loads highlights/injections/folds from the queries folder unless the
--- runtimepath already provides queries/modelfile/*.scm (nvim-treesitter).
--- Needs the parser (the queries are checked against it): returns false,
--- message without one.
function M.load_queries(opts)
  if not M.has_parser() then return false, 'no modelfile parser' end
  local dir = M.queries_dir(opts)
  if not dir then return false, 'queries folder not found' end
  for _, q in ipairs({ 'highlights', 'injections', 'folds' }) do
    local on_rtp = #vim.api.nvim_get_runtime_file('queries/modelfile/' .. q .. '.scm', false) > 0
    local text = read(dir .. '/' .. q .. '.scm')
    if text and not on_rtp and vim.treesitter.query.set then
      local ok, err = pcall(vim.treesitter.query.set, 'modelfile', q, text)
      if not ok then return false, err end
    end
  end
  return true
end

--- Starts tree-sitter highlighting in every loaded modelfile buffer (after
--- the parser appears).
local function start_buffers()
  if not (vim.treesitter and vim.treesitter.start) then return end
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].filetype == 'modelfile' then
      pcall(vim.treesitter.start, b, 'modelfile')
    end
  end
end

--- Compiles the parser from grammar/src with the C compiler into
--- <dir>/parser/modelfile.so (default: stdpath('data')/site), loads it with
--- the queries, and turns highlighting on in open Modelfiles.
--- Returns the path, or nil and a message.
function M.build_parser(opts)
  opts = opts or {}
  local g = M.grammar_dir(opts)
  if not g then return nil, 'grammar folder not found (set grammar_dir)' end
  local site = opts.install_dir or (vim.fn.stdpath('data') .. '/site')
  vim.fn.mkdir(site .. '/parser', 'p')
  local out = site .. '/parser/modelfile.so'
  local cc = opts.cc or vim.env.CC or 'cc'
  if vim.fn.executable(cc) ~= 1 then return nil, 'no C compiler (' .. cc .. ') to build the parser' end
  local cmd = { cc, '-shared', '-fPIC', '-O2', '-I', g .. '/src', g .. '/src/parser.c' }
  if is_file(g .. '/src/scanner.c') then table.insert(cmd, g .. '/src/scanner.c') end
  vim.list_extend(cmd, { '-o', out })
  local res = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then return nil, res end
  local lang = vim.treesitter.language
  local ok, err
  if lang.add then ok, err = pcall(lang.add, 'modelfile', { path = out })
  else ok, err = pcall(lang.require_language, 'modelfile', out) end
  if not ok then return nil, err end
  M.load_queries(M.options or opts)
  start_buffers()
  return out
end

--- Registers the parser and queries. Never fails: without a parser (not
--- built yet) it leaves highlighting to the Vim syntax file (syntax/ in
--- this folder), and says once, in the first Modelfile, how to build one.
function M.setup_treesitter(opts)
  opts = opts or {}
  -- 0.7 has no vim.treesitter.start: the Vim syntax file highlights.
  if vim.fn.has('nvim-0.8') == 0 or not (vim.treesitter and vim.treesitter.language) then return false end
  local g = M.grammar_dir(opts)
  if vim.treesitter.language.register then
    pcall(vim.treesitter.language.register, 'modelfile', 'modelfile')
  end
  -- nvim-treesitter: :TSInstall modelfile builds from our grammar folder.
  local ok, parsers = pcall(require, 'nvim-treesitter.parsers')
  if ok and g then
    if type(parsers.get_parser_configs) == 'function' then -- master branch
      parsers.get_parser_configs().modelfile = {
        install_info = { url = g, files = { 'src/parser.c', 'src/scanner.c' }, requires_generate_from_grammar = false },
        filetype = 'modelfile',
      }
    else -- main branch
      vim.api.nvim_create_autocmd('User', {
        pattern = 'TSUpdate',
        callback = function()
          require('nvim-treesitter.parsers').modelfile = {
            install_info = { path = g, queries = 'queries' },
            tier = 3,
          }
        end,
      })
    end
  end
  if M.has_parser() then
    local qok, err = M.load_queries(opts)
    if not qok then vim.notify('modelfile: tree-sitter queries not loaded: ' .. tostring(err), vim.log.levels.WARN) end
    return qok
  end
  if opts.notify_no_parser ~= false then
    vim.api.nvim_create_autocmd('FileType', {
      group = vim.api.nvim_create_augroup('modelfile_ts_hint', { clear = true }),
      pattern = 'modelfile',
      once = true,
      callback = function()
        if M.has_parser() then return end
        -- One short line: a longer one would stop at a hit-enter prompt.
        vim.notify('modelfile: no tree-sitter parser; :ModelfileBuildParser builds it',
          vim.log.levels.INFO)
      end,
    })
  end
  return false
end

function M.setup(opts)
  local o = merge(opts)
  M.options = o
  if vim.api.nvim_create_user_command then
    vim.api.nvim_create_user_command('ModelfileBuildParser', function()
      local out, err = M.build_parser(o)
      if out then vim.notify('modelfile: parser built: ' .. out)
      else vim.notify('modelfile: could not build the parser: ' .. tostring(err), vim.log.levels.ERROR) end
    end, { desc = 'Compile the modelfile tree-sitter parser from the grammar (C compiler)' })
  end
  -- The language server first: nothing about highlighting may stop it.
  if o.lsp then
    local ok, err = pcall(M.setup_lsp, o)
    if not ok then vim.notify('modelfile: language server not set up: ' .. tostring(err), vim.log.levels.ERROR) end
  end
  if o.treesitter then
    local ok, err = pcall(M.setup_treesitter, o)
    if not ok then vim.notify('modelfile: tree-sitter not set up: ' .. tostring(err), vim.log.levels.WARN) end
  end
end

-- Exposed for tests.
M._lsp_config = lsp_config
return M
