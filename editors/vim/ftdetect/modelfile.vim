" SPDX-License-Identifier: MIT
" Filetype "modelfile" for Ollama Modelfiles, in Vim and in every Neovim
" (0.7 included). A Modelfile is named `Modelfile`, `Modelfile.<suffix>`,
" `<stem>.Modelfile` or `<stem>.modelfile`, unless the name ends in a
" documentation or backup suffix (.md .markdown .rst .adoc .html .htm .pdf
" .bak .orig .rej .old .tmp .swp .swo .swx ~) or is an editor lock or
" autosave file (.#Modelfile, #Modelfile#). Modelfile.txt is a Modelfile.
function! s:IsModelfile(name) abort
  if a:name =~# '\v(\.(md|markdown|rst|adoc|html|htm|pdf|bak|orig|rej|old|tmp|swp|swo|swx)|\~)$'
        \ || a:name =~# '\v^(\.#|#.*#$)'
    return 0
  endif
  return a:name =~# '\v^(Modelfile(\..*)?|.+\.[Mm]odelfile)$'
endfunction

" Vim detects `x.bak`, `x~` and the like again as `x`: the buffer's own name
" must be a Modelfile's too.
function! s:Detect(path) abort
  let l:own = fnamemodify(bufname('%'), ':t')
  if s:IsModelfile(fnamemodify(a:path, ':t')) && (l:own is# '' || s:IsModelfile(l:own))
    " `set`, not `setfiletype`: Modelfile.txt must not stay "text".
    set filetype=modelfile
  endif
endfunction

augroup filetypedetect
  autocmd BufNewFile,BufRead Modelfile,Modelfile.*,*.Modelfile,*.modelfile call s:Detect(expand('<afile>'))
augroup END
