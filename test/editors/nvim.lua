-- Neovim (0.7+, built-in LSP client) with the README's snippet, as written, against the real loopguard-language-server:
-- open a file with a floating promise, receive the diagnostic as a warning (the snippet's settings reached the
-- server), apply the "Add `await`" quick fix through vim.lsp.buf.code_action() (the menu answered by a stub of
-- vim.ui.select), save, and see the diagnostic go. Exit code 0 = pass.
-- Env: LOOPGUARD_SNIPPET (the README's snippet), LOOPGUARD_STEP_MS (time budget of each step).
local SNIPPET = assert(os.getenv('LOOPGUARD_SNIPPET'), 'LOOPGUARD_SNIPPET is not set')
local STEP_MS = tonumber(os.getenv('LOOPGUARD_STEP_MS') or '30000')
local t0 = vim.loop.hrtime()

-- The snippet as a user's init.lua has it: it starts the server when the file's FileType is set.
dofile(SNIPPET)

local function log(...)
  local ms = (vim.loop.hrtime() - t0) / 1e6
  io.stdout:write(string.format('[nvim %7.1fms] ', ms), table.concat(vim.tbl_map(tostring, { ... }), ' '), '\n')
  io.stdout:flush()
end

local function finish(ok, message)
  log(ok and 'PASS' or 'FAIL', message or '')
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  log('opened', file, 'filetype', vim.bo[bufnr].filetype)
  local opened_at = vim.loop.hrtime()
  local client_id
  if not vim.wait(STEP_MS, function()
    for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.name == 'loopguard' then client_id = id end
    end
    return client_id ~= nil
  end, 10) then
    return finish(false, 'the snippet attached no loopguard client')
  end
  if not vim.wait(STEP_MS, function() return #vim.diagnostic.get(bufnr) > 0 end, 10) then
    return finish(false, 'no diagnostics within the step budget')
  end
  log(string.format('open -> diagnostics: %.0f ms', (vim.loop.hrtime() - opened_at) / 1e6))
  local diagnostic = vim.diagnostic.get(bufnr)[1]
  log(string.format('diagnostic: line %d col %d source %s code %s: %s', diagnostic.lnum, diagnostic.col,
    tostring(diagnostic.source), tostring(diagnostic.code), diagnostic.message))
  if diagnostic.source ~= 'loopguard' then return finish(false, 'unexpected source ' .. tostring(diagnostic.source)) end
  if diagnostic.severity ~= vim.diagnostic.severity.WARN then
    return finish(false, 'the snippet\'s settings did not reach the server: severity ' .. tostring(diagnostic.severity))
  end

  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local offered = {}
  vim.ui.select = function(items, _, on_choice)
    for index, item in ipairs(items) do
      local action = item[2] or item.action
      offered[#offered + 1] = action.title
      log(string.format('code action %d: %s', index, action.title))
    end
    for index, item in ipairs(items) do
      if (item[2] or item.action).title == 'Add `await`' then return on_choice(item, index) end
    end
    on_choice(nil, nil)
  end
  local fixed_at = vim.loop.hrtime()
  vim.lsp.buf.code_action()
  local function text() return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') end
  if not vim.wait(STEP_MS, function() return text():find('await save()', 1, true) ~= nil end, 10) then
    return finish(false, 'the quick fix was not applied (offered: ' .. table.concat(offered, ', ') .. ')')
  end
  vim.cmd('silent write')
  log('quick fix applied and saved')

  if not vim.wait(STEP_MS, function() return #vim.diagnostic.get(bufnr) == 0 end, 10) then
    return finish(false, 'the diagnostic stayed after the fix')
  end
  log(string.format('fix -> diagnostics cleared: %.0f ms', (vim.loop.hrtime() - fixed_at) / 1e6))
  vim.lsp.stop_client(client_id)
  finish(true)
end

-- The init file runs before the file argument is loaded: start once the buffer exists.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then finish(false, 'error: ' .. tostring(err)) end
  end,
})
