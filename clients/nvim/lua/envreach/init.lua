-- envreach for Neovim: starts the envreach language server on shell dotfiles and scripts.
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).
local files = require('envreach.files')

local M = {}

local uv = vim.uv or vim.loop

local defaults = {
  -- The server command; nil: java (JAVA_HOME, then PATH) -jar <envreach.jar>.
  cmd = nil,
  -- Path to envreach.jar; nil: $ENVREACH_JAR, then the jar built in this repository
  -- (server/target/envreach.jar), then `envreach` on PATH.
  jar = nil,
  -- The envreach.* settings sent as initializationOptions and as workspace/configuration.
  settings = {},
  -- Start automatically on shell buffers.
  autostart = true,
  filetypes = { 'sh', 'bash', 'zsh' },
}

M.config = vim.deepcopy(defaults)
M.configured = false

local function exists(path)
  return path ~= nil and uv.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ':h')
end

local function basename(path)
  return vim.fn.fnamemodify(path, ':t')
end

--- This plugin's folder (clients/nvim in the repository).
local function plugin_root()
  local src = debug.getinfo(1, 'S').source:sub(2)
  return vim.fn.fnamemodify(src, ':p:h:h:h')
end

--- The jar to run, or nil.
function M.find_jar()
  local candidates = { M.config.jar, os.getenv('ENVREACH_JAR'),
    plugin_root() .. '/../../server/target/envreach.jar' }
  for _, c in pairs(candidates) do
    if c and c ~= '' and exists(c) then return vim.fn.fnamemodify(c, ':p') end
  end
  return nil
end

--- The server command line.
function M.cmd()
  if M.config.cmd then return M.config.cmd end
  local jar = M.find_jar()
  if not jar then
    if vim.fn.executable('envreach') == 1 then return { 'envreach' } end
    return nil, 'envreach: no server found. Build it (mvn -B -DskipTests package), set ENVREACH_JAR, '
      .. 'or call require("envreach").setup({ jar = "/path/to/envreach.jar" }).'
  end
  local java = 'java'
  local java_home = os.getenv('JAVA_HOME')
  if java_home and java_home ~= '' and vim.fn.executable(java_home .. '/bin/java') == 1 then
    java = java_home .. '/bin/java'
  elseif vim.fn.executable('java') ~= 1 then
    return nil, 'envreach: Java 17 or newer is needed to run the server (Debian/Ubuntu: '
      .. 'sudo apt install openjdk-17-jre-headless), or set JAVA_HOME.'
  end
  return { java, '-jar', jar }
end

--- The workspace root for a file: the home for files in the home, the enclosing repository
--- (a `.git` folder or file, or chezmoi's `.chezmoiroot`) for files in a dotfiles repository,
--- otherwise the file's folder. Only the file's ancestors are looked at, never a folder's contents.
function M.root_dir(fname)
  local home = vim.fn.fnamemodify(os.getenv('HOME') or '~', ':p'):gsub('/$', '')
  local dir = dirname(vim.fn.fnamemodify(fname, ':p'))
  if dir == home then return home end
  local d = dir
  while d and d ~= '' and d ~= '/' do
    if d == home then return home end
    if exists(d .. '/.git') or exists(d .. '/.chezmoiroot') then return d end
    local parent = dirname(d)
    if parent == d then break end
    d = parent
  end
  return dir
end

local function language_id(bufnr)
  local ft = vim.bo[bufnr].filetype
  if ft == 'sh' and vim.b[bufnr].is_bash then return 'bash' end
  return ft
end

--- The client configuration for a buffer (also usable with vim.lsp.start by hand).
function M.client_config(bufnr)
  local cmd, err = M.cmd()
  if not cmd then return nil, err end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  return {
    name = 'envreach',
    cmd = cmd,
    root_dir = M.root_dir(fname),
    init_options = M.config.settings,
    settings = { envreach = M.config.settings },
    get_language_id = function(b) return language_id(b) end,
  }
end

local clients_by_root = {}
local warned = false

--- Starts (or reuses) the client for this buffer and attaches it.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].buftype ~= '' then return end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == '' then return end
  local config, err = M.client_config(bufnr)
  if not config then
    if not warned then
      warned = true
      vim.notify(err, vim.log.levels.ERROR)
    end
    return
  end
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

--- The envreach client attached to a buffer, or nil.
function M.client(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if bufnr == 0 then bufnr = vim.api.nvim_get_current_buf() end
  if vim.lsp.get_clients then -- 0.10+
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'envreach' })[1]
  end
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == 'envreach' then return c end
  end
  return nil
end

--- client:request_sync on 0.11+, client.request_sync before.
function M.request_sync(client, method, params, timeout_ms, bufnr)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:request_sync(method, params, timeout_ms, bufnr)
  end
  return client.request_sync(method, params, timeout_ms, bufnr)
end

--- Runs a server command (envreach.showMatrix, envreach.explain) and returns its text.
function M.execute(command, args, bufnr, timeout_ms)
  local client = M.client(bufnr)
  if not client then return nil, 'envreach: no envreach server for this buffer' end
  local resp = M.request_sync(client, 'workspace/executeCommand',
    { command = command, arguments = args }, timeout_ms or 10000, bufnr or vim.api.nvim_get_current_buf())
  if not resp then return nil, 'envreach: the server did not answer' end
  if resp.err then return nil, 'envreach: ' .. (resp.err.message or vim.inspect(resp.err)) end
  local r = resp.result
  if type(r) == 'table' then r = r.markdown or r.text or r.value or vim.fn.json_encode(r) end
  return r
end

--- Opens a scratch buffer in a split with these lines.
function M.scratch(title, text)
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].swapfile = false
  pcall(vim.api.nvim_buf_set_name, buf, title)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text or '', '\n', { plain = true }))
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
  return buf
end

local function command_text(command, name)
  local args = {}
  if name and name ~= '' then args = { name } end
  local text, err = M.execute(command, args, vim.api.nvim_get_current_buf())
  if not text then
    vim.notify(err, vim.log.levels.ERROR)
    return
  end
  return text
end

--- :EnvreachMatrix [NAME] — the reach matrix (of NAME, or of the whole home) in a scratch buffer.
function M.show_matrix(name)
  local text = command_text('envreach.showMatrix', name)
  if text then return M.scratch('envreach://matrix' .. (name and name ~= '' and ('/' .. name) or ''), text) end
end

--- :EnvreachExplain [NAME] — why NAME has its value in each context (default: word under cursor).
function M.explain(name)
  if not name or name == '' then name = vim.fn.expand('<cword>') end
  local text = command_text('envreach.explain', name)
  if text then return M.scratch('envreach://explain/' .. name, text) end
end

--- Sets the filetype of dotfiles under names Neovim does not know (chezmoi, stow).
local function detect_filetype(args)
  local base = basename(args.file)
  local dialect = files.dialect(base)
  if not dialect then return end
  local ft = vim.bo[args.buf].filetype
  if dialect == 'zsh' then
    if ft ~= 'zsh' then vim.bo[args.buf].filetype = 'zsh' end
  elseif ft ~= 'sh' and ft ~= 'bash' then
    if dialect == 'bash' then vim.b[args.buf].is_bash = 1 end
    vim.bo[args.buf].filetype = 'sh'
  end
end

--- Sets up filetype detection, autostart and the user commands. Safe to call more than once.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  M.configured = true
  local group = vim.api.nvim_create_augroup('envreach', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = files.patterns(),
    callback = detect_filetype,
  })
  if M.config.autostart then
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args) M.attach(args.buf) end,
    })
  end
  vim.api.nvim_create_user_command('EnvreachMatrix', function(c) M.show_matrix(c.args) end,
    { nargs = '?', desc = 'envreach: show the reach matrix (of a variable, or of every export)' })
  vim.api.nvim_create_user_command('EnvreachExplain', function(c) M.explain(c.args) end,
    { nargs = '?', desc = 'envreach: explain a variable (default: the word under the cursor)' })
  vim.api.nvim_create_user_command('EnvreachStart', function() M.attach(0) end,
    { desc = 'envreach: start the server for this buffer' })
end

return M
