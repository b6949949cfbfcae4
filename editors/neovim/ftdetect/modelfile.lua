-- SPDX-License-Identifier: MIT
-- Filetype "modelfile" for Ollama Modelfiles: `Modelfile`, `Modelfile.<suffix>`,
-- `<stem>.Modelfile` and `<stem>.modelfile`, unless the name ends in a
-- documentation or backup suffix (.md .markdown .rst .adoc .html .htm .pdf
-- .bak .orig .rej .old .tmp .swp .swo .swx ~) or is an editor lock or
-- autosave file (.#Modelfile, #Modelfile#). Modelfile.txt is a Modelfile.
-- Neovim 0.8+ through vim.filetype.add; 0.7 (whose vim.filetype.add is
-- only read with g:do_filetype_lua set) through an autocommand.
local not_modelfile = {
  md = true, markdown = true, rst = true, adoc = true, html = true, htm = true, pdf = true,
  bak = true, orig = true, rej = true, old = true, tmp = true, swp = true, swo = true, swx = true,
}

local function is_modelfile(name)
  if name:sub(-1) == '~' or name:match('^%.#') or name:match('^#.*#$') then return false end
  local ext = name:match('%.([^.]+)$')
  if ext and not_modelfile[ext] then return false end
  return name == 'Modelfile' or name:match('^Modelfile%.') ~= nil or name:match('^.+%.[Mm]odelfile$') ~= nil
end

-- Neovim detects `x.bak`, `x~` and the like again as `x`: the buffer's own
-- name must be a Modelfile's too.
local function detect(path, bufnr)
  if not is_modelfile(vim.fn.fnamemodify(path, ':t')) then return nil end
  local own = bufnr and vim.api.nvim_buf_is_valid(bufnr) and vim.api.nvim_buf_get_name(bufnr) or ''
  if own ~= '' and not is_modelfile(vim.fn.fnamemodify(own, ':t')) then return nil end
  return 'modelfile'
end

-- A backup of a Modelfile (Modelfile.bak, chat.modelfile~, ...), which
-- Neovim would detect again without its suffix: no filetype. Anything else
-- goes on to Neovim's own rules.
local backup = { bak = true, orig = true, old = true, new = true, rej = true, tmp = true,
  pacsave = true, pacnew = true, rpmsave = true, rpmnew = true }
local function decline_backup(path)
  local name = vim.fn.fnamemodify(path, ':t')
  if is_modelfile(name) then return 'modelfile' end
  local stem = name
  while true do
    local s = stem:match('^(.+)~$') or stem:match('^(.+)%.dpkg%-%a+$')
    if not s then
      local base, ext = stem:match('^(.+)%.([^.]+)$')
      s = base and backup[ext] and base or nil
    end
    if not s then break end
    stem = s
  end
  if stem ~= name and is_modelfile(stem) then return '' end
end

if vim.fn.has('nvim-0.8') == 1 then
  vim.filetype.add({
    filename = { Modelfile = detect },
    extension = { modelfile = detect, Modelfile = detect },
    pattern = {
      -- Beats the extension table (Modelfile.txt is not a text file here);
      -- detect() declines Modelfile.md and the like, which then fall through.
      ['.*[/\\]Modelfile%.[^/\\]*'] = { detect, { priority = 10 } },
      ['Modelfile%.[^/\\]*'] = { detect, { priority = 10 } },
      ['.*[Mm]odelfile.*'] = { decline_backup, { priority = 9 } },
    },
  })
else
  vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
    group = vim.api.nvim_create_augroup('modelfile_ftdetect', { clear = true }),
    pattern = { 'Modelfile', 'Modelfile.*', '*.Modelfile', '*.modelfile' },
    callback = function(args)
      if detect(args.file) then vim.bo[args.buf].filetype = 'modelfile' end
    end,
  })
end
