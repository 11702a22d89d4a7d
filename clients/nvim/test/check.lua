-- The headless Neovim test. The buffer given on the command line is a fixture home's .bashrc
-- (HOME points at that home). Checks that envreach starts on it with the home as root, that the
-- expected diagnostic arrives on the expected line, then the steps named in ENVREACH_STEPS:
--   matrix  :EnvreachMatrix NAME opens a scratch buffer about NAME
--   hover   hover on the assigned name mentions the ssh context
--   fix     the preferred code action changes the buffer, and the diagnostic then goes away
-- Exits 0 when every check passes, 1 otherwise (the reason is printed).
local expected_code = os.getenv('ENVREACH_EXPECT_CODE') or 'ER101'
-- 1-based; 'any' accepts any line
local expected_line = tonumber(os.getenv('ENVREACH_EXPECT_LINE') or '19')
local timeout = tonumber(os.getenv('ENVREACH_TIMEOUT_MS') or '60000')
local steps = {}
for step in (os.getenv('ENVREACH_STEPS') or 'matrix,hover,fix'):gmatch('[^,]+') do steps[step] = true end

local envreach = require('envreach')

local function log(...)
  io.stdout:write('nvim-test: ', table.concat(vim.tbl_map(tostring, { ... }), ' '), '\n')
  io.stdout:flush()
end

local Failure = {}

local function fail(why)
  error(setmetatable({ why = why }, Failure), 0)
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function wait_for(what, pred)
  if not vim.wait(timeout, pred, 50) then fail(what) end
end

local function attach(bufnr)
  local ft = vim.bo[bufnr].filetype
  if ft ~= 'sh' and ft ~= 'bash' and ft ~= 'zsh' then fail('filetype is "' .. ft .. '", not a shell filetype') end
  wait_for('envreach did not attach to the buffer', function() return envreach.client(bufnr) ~= nil end)
  local client = envreach.client(bufnr)
  log('attached client', client.id, 'root', client.config.root_dir)
  local home = vim.fn.fnamemodify(os.getenv('HOME'), ':p'):gsub('/$', '')
  if client.config.root_dir ~= home then fail('root is ' .. tostring(client.config.root_dir) .. ', not the home') end
  return client
end

local function expected_diagnostic(bufnr)
  local found
  local ok = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == expected_code and (expected_line == nil or d.lnum == expected_line - 1) then
        found = d
        return true
      end
    end
    return false
  end, 50)
  if not ok then
    fail(string.format('no %s diagnostic on line %s; diagnostics: %s', expected_code,
      tostring(expected_line or 'any'), vim.inspect(vim.diagnostic.get(bufnr))))
  end
  log(string.format('diagnostic %s on line %d: %s', found.code, found.lnum + 1, found.message))
  return found
end

local function check_matrix(bufnr, name)
  vim.cmd('EnvreachMatrix ' .. name)
  local mbuf = vim.api.nvim_get_current_buf()
  local text = buffer_text(mbuf)
  if mbuf == bufnr or vim.bo[mbuf].buftype ~= 'nofile' or not text:find(name, 1, true) then
    fail(':EnvreachMatrix ' .. name .. ' did not open a scratch buffer about ' .. name .. ': ' .. text)
  end
  log(':EnvreachMatrix ' .. name .. ' opened a scratch buffer:\n' .. text)
  vim.cmd('close')
  vim.api.nvim_set_current_buf(bufnr)
end

local function check_hover(client, bufnr, position)
  local hover = envreach.request_sync(client, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }, timeout, bufnr)
  if not hover or hover.err or not hover.result then fail('no hover: ' .. vim.inspect(hover)) end
  local contents = hover.result.contents
  local text = type(contents) == 'string' and contents or contents.value or vim.inspect(contents)
  log('hover:\n' .. text)
  if not text:lower():find('ssh') then fail('the hover does not mention the ssh context') end
end

-- The LSP form of a vim.diagnostic item, as vim.lsp.buf.code_action builds it (0.7 keeps only
-- some LSP fields in user_data.lsp; later releases keep the whole diagnostic).
local function to_lsp(diag)
  local lsp = vim.deepcopy((diag.user_data and diag.user_data.lsp) or {})
  lsp.range = lsp.range or {
    start = { line = diag.lnum, character = diag.col },
    ['end'] = { line = diag.end_lnum, character = diag.end_col },
  }
  lsp.message = lsp.message or diag.message
  lsp.code = lsp.code or diag.code
  lsp.source = lsp.source or diag.source
  lsp.severity = lsp.severity or diag.severity
  return lsp
end

local function check_fix(client, bufnr, diag)
  local lsp_diag = to_lsp(diag)
  local before = buffer_text(bufnr)
  local resp = envreach.request_sync(client, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }, timeout, bufnr)
  if not resp or resp.err or not resp.result or #resp.result == 0 then fail('no code action: ' .. vim.inspect(resp)) end
  local action = resp.result[1]
  for _, a in ipairs(resp.result) do
    if a.isPreferred then action = a break end
  end
  log('code action:', action.title)
  if not action.edit and not action.command then
    local r = envreach.request_sync(client, 'codeAction/resolve', action, timeout, bufnr)
    if r and r.result then action = r.result end
  end
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
  if action.command then
    local cmd = type(action.command) == 'table' and action.command or action
    envreach.request_sync(client, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, timeout, bufnr)
  end
  wait_for('the code action did not change the buffer', function() return buffer_text(bufnr) ~= before end)
  log('buffer after the fix:\n' .. buffer_text(bufnr))
  local ok = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == expected_code then return false end
    end
    return true
  end, 50)
  if not ok then
    fail('the ' .. expected_code .. ' diagnostic is still there after the fix: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  log(expected_code .. ' is gone after the fix')
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local v = vim.version()
  log(string.format('nvim %d.%d.%d, file %s, filetype %s', v.major, v.minor, v.patch,
    vim.api.nvim_buf_get_name(bufnr), vim.bo[bufnr].filetype))
  local client = attach(bufnr)
  local diag = expected_diagnostic(bufnr)
  local line = vim.api.nvim_buf_get_lines(bufnr, diag.lnum, diag.lnum + 1, false)[1] or ''
  local name_start, _, name = line:find('([%a_][%w_]*)=')
  if steps.matrix then check_matrix(bufnr, name or 'PATH') end
  if steps.hover then check_hover(client, bufnr, { line = diag.lnum, character = name_start or 0 }) end
  if steps.fix then check_fix(client, bufnr, diag) end
end

local ok, err = pcall(run)
if ok then
  log('PASS')
  vim.cmd('qall!')
else
  log('FAIL: ' .. (getmetatable(err) == Failure and err.why or ('error: ' .. tostring(err))))
  local f = io.open(vim.lsp.get_log_path(), 'r')
  if f then
    log('lsp log tail:\n' .. f:read('*a'):sub(-4000))
    f:close()
  end
  vim.cmd('cquit 1')
end
