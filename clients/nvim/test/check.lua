-- The headless Neovim test: the buffer given on the command line is a fixture home's .bashrc
-- (with HOME pointing at that home). Checks that envreach starts on it, that its diagnostic
-- arrives on the expected line, that hover shows the contexts, and that a code action changes the
-- buffer. Exits 0 when every check passes, 1 otherwise (with the reason on stdout).
local expected_code = os.getenv('ENVREACH_EXPECT_CODE') or 'ER101'
-- 1-based; 'any' accepts any line
local expected_line = tonumber(os.getenv('ENVREACH_EXPECT_LINE') or '19')
local timeout = tonumber(os.getenv('ENVREACH_TIMEOUT_MS') or '60000')
local full = os.getenv('ENVREACH_FULL') ~= '0' -- hover and code action too

local function log(...)
  io.stdout:write('nvim-test: ', table.concat(vim.tbl_map(tostring, { ... }), ' '), '\n')
  io.stdout:flush()
end

local function finish(ok, why)
  if ok then
    log('PASS')
    vim.cmd('qall!')
  else
    log('FAIL: ' .. why)
    local f = io.open(vim.lsp.get_log_path(), 'r')
    if f then
      local tail = f:read('*a'):sub(-4000)
      f:close()
      log('lsp log tail:\n' .. tail)
    end
    vim.cmd('cquit 1')
  end
end

local function run()
  local envreach = require('envreach')
  local bufnr = vim.api.nvim_get_current_buf()
  log('nvim', tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
    'file', vim.api.nvim_buf_get_name(bufnr), 'filetype', vim.bo.filetype)
  if vim.bo.filetype ~= 'sh' and vim.bo.filetype ~= 'bash' and vim.bo.filetype ~= 'zsh' then
    return finish(false, 'filetype is "' .. vim.bo.filetype .. '", not a shell filetype')
  end
  if not vim.wait(timeout, function() return envreach.client(bufnr) ~= nil end, 50) then
    return finish(false, 'envreach did not attach to the buffer')
  end
  local client = envreach.client(bufnr)
  log('attached client', client.id, 'root', client.config.root_dir)
  if client.config.root_dir ~= vim.fn.fnamemodify(os.getenv('HOME'), ':p'):gsub('/$', '') then
    return finish(false, 'root is ' .. tostring(client.config.root_dir) .. ', not the home')
  end

  local found
  local function find_expected()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == expected_code and (expected_line == nil or d.lnum == expected_line - 1) then
        found = d
        return true
      end
    end
    return false
  end
  if not vim.wait(timeout, find_expected, 50) then
    return finish(false, string.format('no %s diagnostic on line %s; diagnostics: %s', expected_code,
      tostring(expected_line or 'any'), vim.inspect(vim.diagnostic.get(bufnr))))
  end
  log(string.format('diagnostic %s on line %d: %s', found.code, found.lnum + 1, found.message))
  if not full then return finish(true) end

  -- hover on the exported name
  local line = vim.api.nvim_buf_get_lines(bufnr, found.lnum, found.lnum + 1, false)[1]
  local name_col = (line:find('[%a_][%w_]*=') or 1) - 1
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = found.lnum, character = name_col + 1 },
  }
  local hover = client.request_sync('textDocument/hover', params, timeout, bufnr)
  if not hover or hover.err or not hover.result then
    return finish(false, 'no hover: ' .. vim.inspect(hover))
  end
  local contents = hover.result.contents
  local text = type(contents) == 'string' and contents or contents.value or vim.inspect(contents)
  log('hover:\n' .. text)
  if not text:lower():find('ssh') then
    return finish(false, 'the hover does not mention the ssh context')
  end

  -- a quick fix for the diagnostic, applied as the editor applies it
  local lsp_diag = found.user_data and found.user_data.lsp
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag and lsp_diag.range or { start = params.position, ['end'] = params.position },
    context = { diagnostics = { lsp_diag } },
  }, timeout, bufnr)
  if not resp or resp.err or not resp.result or #resp.result == 0 then
    return finish(false, 'no code action: ' .. vim.inspect(resp))
  end
  local action = resp.result[1]
  for _, a in ipairs(resp.result) do
    if a.isPreferred then action = a break end
  end
  log('code action:', action.title)
  if not action.edit and not action.command then
    local r = client.request_sync('codeAction/resolve', action, timeout, bufnr)
    if r and r.result then action = r.result end
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end
  if action.command then
    local cmd = type(action.command) == 'table' and action.command or action
    client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, timeout, bufnr)
  end
  local changed = function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') ~= before
  end
  if not vim.wait(timeout, changed, 50) then
    return finish(false, 'the code action did not change the buffer')
  end
  log('buffer after the fix:\n' .. table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n'))
  local gone = function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == expected_code then return false end
    end
    return true
  end
  if not vim.wait(timeout, gone, 50) then
    return finish(false, 'the ' .. expected_code .. ' diagnostic is still there after the fix: '
      .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  log(expected_code .. ' is gone after the fix')
  finish(true)
end

local ok, err = pcall(run)
if not ok then finish(false, 'error: ' .. tostring(err)) end
