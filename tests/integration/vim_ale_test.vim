" SPDX-License-Identifier: MIT
" Run by vim_test.sh: Debian's Vim with editors/vim on the runtimepath and
" Debian's ALE (packadd ale), exactly as editors/README.md sets them up.
" Env: MFL_SRC, MFL_WORK (holds Modelfile, the story's file), MFL_NAMES.
" Writes a log to $MFL_WORK/vim.log and exits 0 (PASS) or 1.
let s:log = []
function! s:Log(msg) abort
  call add(s:log, a:msg)
  call writefile(s:log, $MFL_WORK . '/vim.log')
endfunction
function! s:Fail(msg) abort
  call s:Log('FAIL vim_ale_test: ' . a:msg)
  cquit 1
endfunction
function! s:Wait(ms, cond) abort
  let l:n = 0
  while l:n < a:ms && !eval(a:cond)
    sleep 50m
    let l:n += 50
  endwhile
  return eval(a:cond)
endfunction

try
  call s:Log('vim_ale_test: ' . split(execute('version'), "\n")[0])

  " 1. File detection (ftdetect/modelfile.vim) on every name of the list.
  for s:line in readfile($MFL_NAMES)
    if s:line =~# '^#' || s:line !~# '^\(yes\|no\) '
      continue
    endif
    let [s:want, s:name] = [s:line[:2] is# 'yes', matchstr(s:line, '^\S\+ \zs.*')]
    execute 'silent noautocmd enew!'
    execute 'silent file ' . fnameescape($MFL_WORK . '/names/' . s:name)
    doautocmd BufNewFile
    if s:want != (&filetype is# 'modelfile')
      call s:Fail(s:name . ' gets filetype "' . &filetype . '"')
    endif
    bwipeout!
  endfor
  call s:Log('vim_ale_test: file detection agrees with modelfile-names.txt')

  " 2. Syntax: the groups the highlight classes of highlights.scm map to.
  let s:scm = readfile($MFL_SRC . '/grammar/queries/highlights.scm')
  let s:syn = readfile($MFL_SRC . '/editors/vim/syntax/modelfile.vim')
  for s:cap in uniq(sort(map(filter(copy(s:scm), 'v:val =~# "@"'), 'matchstr(v:val, "@[a-z.]\\+")')))
    if empty(filter(copy(s:syn), 'v:val =~# "^\"" && stridx(v:val, s:cap . " ") >= 0'))
      call s:Fail('highlights.scm capture ' . s:cap . ' has no group in syntax/modelfile.vim')
    endif
  endfor
  execute 'edit ' . fnameescape($MFL_WORK . '/sample.Modelfile')
  if &filetype isnot# 'modelfile' || get(b:, 'current_syntax', '') isnot# 'modelfile'
    call s:Fail('sample.Modelfile: filetype "' . &filetype . '", syntax "' . get(b:, 'current_syntax', '') . '"')
  endif
  for [s:l, s:c, s:group, s:final] in [
  \ [1, 3, 'modelfileComment', 'Comment'], [2, 1, 'modelfileKeyword', 'Statement'],
  \ [2, 8, 'modelfileModel', 'Special'], [3, 11, 'modelfileParameter', 'Identifier'],
  \ [3, 19, 'modelfileNumber', 'Constant'], [4, 16, 'modelfileQuote', 'Special'],
  \ [4, 17, 'modelfileString', 'Constant'], [5, 9, 'modelfileRole', 'Special'],
  \ [6, 9, 'modelfilePath', 'Special'], [7, 10, 'modelfileVersion', 'Constant'],
  \ [8, 13, 'modelfileTemplateAction', 'PreProc'], [9, 1, 'modelfileTemplateString', 'Constant'],
  \ [10, 1, 'modelfileUnknown', 'Error']]
    let s:id = synID(s:l, s:c, 1)
    let s:got = synIDattr(s:id, 'name')
    if s:got isnot# s:group || synIDattr(synIDtrans(s:id), 'name') isnot# s:final
      call s:Fail(printf('syntax at %d:%d is %s (%s), want %s (%s)', s:l, s:c, s:got,
      \ synIDattr(synIDtrans(s:id), 'name'), s:group, s:final))
    endif
  endfor
  call s:Log('vim_ale_test: syntax groups as highlights.scm classes the tokens')

  " 3. ALE + modelfile-lsp on the story's Modelfile: the diagnostic.
  execute 'edit ' . fnameescape($MFL_WORK . '/Modelfile')
  if !s:Wait(15000, '!empty(getloclist(0))')
    call s:Fail('no diagnostic from modelfile-lsp through ALE within 15 s')
  endif
  let s:d = getloclist(0)[0]
  call s:Log(printf('vim_ale_test: diagnostic %d:%d %s %s', s:d.lnum, s:d.col, s:d.type, s:d.text))
  if s:d.lnum != 2 || s:d.text !~# 'MF301'
    call s:Fail('unexpected diagnostic: ' . string(s:d))
  endif

  " 4. Hover on num_ctx (ALE takes plain text only): plain text, no Markdown.
  let g:ale_hover_to_preview = 1
  call cursor(2, 12)
  ALEHover
  if !s:Wait(10000, '!empty(filter(getbufinfo(), ''getbufvar(v:val.bufnr, "&filetype") is# "ale-preview.message"''))')
    call s:Fail('no hover from modelfile-lsp through ALE')
  endif
  let s:pbuf = filter(getbufinfo(), 'getbufvar(v:val.bufnr, "&filetype") is# "ale-preview.message"')[0].bufnr
  let s:hover = getbufline(s:pbuf, 1, '$')
  call s:Log('vim_ale_test: hover: ' . join(s:hover, ' | '))
  if join(s:hover, "\n") !~# 'PARAMETER num_ctx' || !empty(filter(copy(s:hover), 'v:val =~# ''\*\*\|^|\|^```\|^#'''))
    call s:Fail('hover is not the plain-text num_ctx help: ' . string(s:hover))
  endif
  pclose

  " 5. The quick fix, through ALE's code-action path (the one its menu uses).
  call cursor(2, 19)
  let g:mfl_actions = v:null
  function! s:Got(data, items) abort
    let g:mfl_actions = [a:data, a:items]
  endfunction
  call ale#codefix#Execute(0, function('s:Got'))
  if !s:Wait(10000, 'g:mfl_actions isnot v:null')
    call s:Fail('no code actions from modelfile-lsp through ALE')
  endif
  let s:chosen = v:null
  for s:item in g:mfl_actions[1]
    call s:Log('vim_ale_test: action ' . s:item[1].title . ' preferred=' . string(get(s:item[1], 'isPreferred', 0)))
    if s:chosen is v:null && get(s:item[1], 'isPreferred', 0)
      let s:chosen = s:item
    endif
  endfor
  if s:chosen is v:null
    call s:Fail('no preferred quick fix among ' . len(g:mfl_actions[1]) . ' actions')
  endif
  call ale#codefix#ApplyLSPCodeAction(g:mfl_actions[0], s:chosen[1])
  if !s:Wait(5000, 'getline(2) is# "PARAMETER num_ctx 262144"')
    call s:Fail('after the quick fix line 2 is ' . string(getline(2)))
  endif
  call s:Log('vim_ale_test: after the quick fix line 2 is ' . string(getline(2)))
  call s:Log('PASS vim_ale_test: detection, syntax, ALE diagnostic, plain hover and quick fix from modelfile-lsp')
  set nomodified
  qall!
catch
  call s:Fail(v:exception . ' at ' . v:throwpoint)
endtry
