" SPDX-License-Identifier: MIT
" ALE linter: modelfile-lsp, the Modelfile language server, over stdio.
" Diagnostics, hover (:ALEHover), completion, go-to-symbol and quick fixes
" (:ALECodeAction). Options:
"   g:ale_modelfile_modelfile_lsp_executable  (default 'modelfile-lsp')
"   g:ale_modelfile_modelfile_lsp_config      the keys of .modelfile-lint.json,
"                                             e.g. {'modelfile-lint': {'rules': {'MF301': 'off'}}}
call ale#Set('modelfile_modelfile_lsp_executable', 'modelfile-lsp')
call ale#Set('modelfile_modelfile_lsp_config', {})

" The folder of the nearest .modelfile-lint.json, else of the nearest .git,
" else the file's own folder.
function! ale_linters#modelfile#modelfile_lsp#GetProjectRoot(buffer) abort
  let l:config = ale#path#FindNearestFile(a:buffer, '.modelfile-lint.json')
  if !empty(l:config)
    return fnamemodify(l:config, ':h')
  endif
  let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')
  if !empty(l:git)
    return fnamemodify(l:git, ':h:h')
  endif
  return expand('#' . a:buffer . ':p:h')
endfunction

call ale#linter#Define('modelfile', {
\   'name': 'modelfile_lsp',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'modelfile_modelfile_lsp_executable')},
\   'command': '%e',
\   'project_root': function('ale_linters#modelfile#modelfile_lsp#GetProjectRoot'),
\   'lsp_config': {b -> ale#Var(b, 'modelfile_modelfile_lsp_config')},
\})
