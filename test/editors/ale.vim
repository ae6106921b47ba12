" Vim with ALE and the README's snippet, as written, against the real loopguard-language-server: open a file with a
" floating promise, receive the diagnostic as a warning (the snippet's lsp_config reached the server), apply the first
" code action ("Add `await`") through ALE's code-fix machinery, save, and see the diagnostic go.
" Usage: vim -N -u ale.vim -i NONE -n -es FILE.ts (exit code 0 = pass).
" Env: LOOPGUARD_SNIPPET (the README's snippet), LOOPGUARD_STEP_MS, LOOPGUARD_LOG (-es mode shows no output, so
" progress goes there).
set nocompatible
let s:step_ms = empty($LOOPGUARD_STEP_MS) ? 30000 : str2nr($LOOPGUARD_STEP_MS)
let s:log = $LOOPGUARD_LOG
let s:t0 = reltime()
filetype on
let g:ale_lint_on_enter = 0
let g:ale_lint_on_text_changed = 'never'
packadd ale
execute 'source' fnameescape($LOOPGUARD_SNIPPET)

function! s:Log(message) abort
  let l:lines = split(a:message, "\n", 1)
  let l:lines[0] = printf('[vim-ale %7.1fms] %s', reltimefloat(reltime(s:t0)) * 1000, l:lines[0])
  call writefile(l:lines, s:log, 'a')
endfunction

function! s:Finish(ok, message) abort
  call s:Log((a:ok ? 'PASS ' : 'FAIL ') . a:message)
  execute a:ok ? 'qall!' : 'cquit 1'
endfunction

" Waits for an event ALE records (a diagnostic, a code-action reply) within the step budget.
function! s:Wait(expression) abort
  let l:start = reltime()
  while !eval(a:expression) && reltimefloat(reltime(l:start)) * 1000 < s:step_ms
    sleep 10m
  endwhile
  return eval(a:expression)
endfunction

let s:menu = v:null
function! s:OnMenu(data, items) abort
  let s:menu = [a:data, a:items]
endfunction

function! s:Run() abort
  call s:Log('opened ' . expand('%:p') . ' filetype ' . &filetype)
  let l:opened = reltime()
  ALELint
  if !s:Wait('len(ale#engine#GetLoclist(bufnr("")))')
    return s:Finish(0, 'no diagnostics within the step budget')
  endif
  call s:Log(printf('open -> diagnostics: %.0f ms', reltimefloat(reltime(l:opened)) * 1000))
  let l:diagnostic = ale#engine#GetLoclist(bufnr(''))[0]
  call s:Log(printf('diagnostic: line %d col %d type %s code %s: %s', l:diagnostic.lnum, l:diagnostic.col, l:diagnostic.type, get(l:diagnostic, 'code', ''), l:diagnostic.text))
  if l:diagnostic.type isnot# 'W'
    return s:Finish(0, "the snippet's settings did not reach the server: type " . l:diagnostic.type)
  endif
  call cursor(l:diagnostic.lnum, l:diagnostic.col)
  let l:fixing = reltime()
  call ale#codefix#Execute(0, function('s:OnMenu'))
  if !s:Wait('s:menu isnot v:null')
    return s:Finish(0, 'no code-action reply within the step budget')
  endif
  for l:item in s:menu[1]
    call s:Log('code action: ' . l:item[1].title)
  endfor
  if empty(s:menu[1]) | return s:Finish(0, 'no code actions') | endif
  call ale#codefix#ApplyLSPCodeAction(s:menu[0], s:menu[1][0][1])
  write
  call s:Log('quick fix applied and saved')
  ALELint
  if !s:Wait('empty(ale#engine#GetLoclist(bufnr("")))')
    return s:Finish(0, 'the diagnostic stayed after the fix')
  endif
  call s:Log(printf('fix -> diagnostics cleared: %.0f ms', reltimefloat(reltime(l:fixing)) * 1000))
  call s:Finish(1, '')
endfunction

autocmd VimEnter * ++once try | call s:Run() | catch | call s:Finish(0, 'error: ' . v:exception . ' at ' . v:throwpoint) | endtry
