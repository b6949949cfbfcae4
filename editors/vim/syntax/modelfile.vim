" SPDX-License-Identifier: MIT
" Vim syntax for Ollama Modelfiles, derived from the tree-sitter grammar's
" highlight classes (grammar/queries/highlights.scm, the single copy). Each
" group below names the capture it stands for, and links to the group that
" Neovim links that capture to by default, so Vim and Neovim agree:
"   (comment) @comment                          modelfileComment    Comment
"   (keyword) @keyword                          modelfileKeyword    Keyword
"   (unknown_keyword) @error                    modelfileUnknown    Error
"   (parameter_name) @property                  modelfileParameter  Identifier
"   (message_role) @type.builtin                modelfileRole       Special
"   (quote) @punctuation.delimiter              modelfileQuote      Delimiter
"   (quoted_value) @string, (bare_value) @string modelfileString    String
"   FROM value @string.special                  modelfileModel      SpecialChar
"   ADAPTER/DRAFT value @string.special.path    modelfilePath       SpecialChar
"   numeric PARAMETER value @number             modelfileNumber     Number
"   REQUIRES value @number                      modelfileVersion    Number
" The TEMPLATE body is Go text/template (tree-sitter injects gotmpl): its
" {{ actions }} are modelfileTemplateAction (PreProc).
" Ollama's rules: keywords are case-insensitive and start a line; a comment
" is a line whose first non-blank character is #; a quoted value ("..." or
" """...""") may span lines and closes only at the last non-blank character
" of a line.
if exists('b:current_syntax')
  finish
endif

syn case ignore
syn sync fromstart

" A first word that is no instruction (defined first: the keywords below win
" where both match).
syn match modelfileUnknown /^\s*\zs[^ \t#]\S*/ nextgroup=modelfileString skipwhite
syn match modelfileComment /^\s*#.*$/ contains=@Spell

" Values.
syn region modelfileString matchgroup=modelfileQuote start=/"""/ end=/"""\ze\s*$/ contained
syn region modelfileString matchgroup=modelfileQuote start=/"\%("""\)\@!/ end=/"\ze\s*$/ contained
syn match modelfileString /[^" \t].\{-}\ze\s*$/ contained
syn match modelfileModel /[^" \t].\{-}\ze\s*$/ contained
syn match modelfilePath /[^" \t].\{-}\ze\s*$/ contained
syn match modelfileVersion /[^" \t].\{-}\ze\s*$/ contained
syn match modelfileNumber /[-+]\=[0-9.]\+\%(e[-+]\=[0-9]\+\)\=\ze\s*$/ contained
syn match modelfileParameter /\S\+/ contained nextgroup=modelfileNumber,modelfileString skipwhite
syn match modelfileRole /\S\+/ contained nextgroup=modelfileString skipwhite

" TEMPLATE: strings whose {{ actions }} are marked.
syn region modelfileTemplateString matchgroup=modelfileQuote start=/"""/ end=/"""\ze\s*$/ contained contains=modelfileTemplateAction
syn region modelfileTemplateString matchgroup=modelfileQuote start=/"\%("""\)\@!/ end=/"\ze\s*$/ contained contains=modelfileTemplateAction
syn match modelfileTemplateString /[^" \t].\{-}\ze\s*$/ contained contains=modelfileTemplateAction
syn region modelfileTemplateAction start=/{{/ end=/}}/ contained oneline

" Instructions: the keyword, then what follows it on the line.
syn match modelfileKeyword /^\s*\zs\%(from\)\ze\%(\s\|$\)/ nextgroup=modelfileString,modelfileModel skipwhite
syn match modelfileKeyword /^\s*\zs\%(adapter\|draft\)\ze\%(\s\|$\)/ nextgroup=modelfileString,modelfilePath skipwhite
syn match modelfileKeyword /^\s*\zs\%(requires\)\ze\%(\s\|$\)/ nextgroup=modelfileString,modelfileVersion skipwhite
syn match modelfileKeyword /^\s*\zs\%(parameter\)\ze\%(\s\|$\)/ nextgroup=modelfileParameter skipwhite
syn match modelfileKeyword /^\s*\zs\%(message\)\ze\%(\s\|$\)/ nextgroup=modelfileRole skipwhite
syn match modelfileKeyword /^\s*\zs\%(template\)\ze\%(\s\|$\)/ nextgroup=modelfileTemplateString skipwhite
syn match modelfileKeyword /^\s*\zs\%(system\|license\|renderer\|parser\)\ze\%(\s\|$\)/ nextgroup=modelfileString skipwhite

hi def link modelfileComment         Comment
hi def link modelfileKeyword         Keyword
hi def link modelfileUnknown         Error
hi def link modelfileParameter       Identifier
hi def link modelfileRole            Special
hi def link modelfileQuote           Delimiter
hi def link modelfileString          String
hi def link modelfileTemplateString  String
hi def link modelfileTemplateAction  PreProc
hi def link modelfileModel           SpecialChar
hi def link modelfilePath            SpecialChar
hi def link modelfileNumber          Number
hi def link modelfileVersion         Number

let b:current_syntax = 'modelfile'
