-- Headless check of the plugin's file handling, without a server: filetype detection of the
-- startup files under their own, chezmoi and stow names, and the root chosen for each
-- (the home, or the dotfiles repository holding the file). Exits 0 when all pass, 1 otherwise.
local envreach = require('envreach')
envreach.setup({ autostart = false })

local failures = 0
local function check(ok, what)
  io.stdout:write(string.format('nvim-filetypes: %s %s\n', ok and 'ok  ' or 'FAIL', what))
  if not ok then failures = failures + 1 end
end

local home = vim.fn.fnamemodify(os.getenv('HOME'), ':p'):gsub('/$', '')
local repo = home .. '/dotfiles'
vim.fn.mkdir(repo .. '/.git', 'p')
vim.fn.mkdir(repo .. '/bash', 'p')

local cases = {
  { home .. '/.bashrc', 'sh', home },
  { home .. '/.zprofile', 'zsh', home },
  { home .. '/.profile', 'sh', home },
  { repo .. '/dot_zshrc', 'zsh', repo },
  { repo .. '/private_dot_zshenv', 'zsh', repo },
  { repo .. '/dot_bash_profile.tmpl', 'sh', repo },
  { repo .. '/bash/dot-bashrc', 'sh', repo },
  { repo .. '/dot-zlogout', 'zsh', repo },
}
for _, c in ipairs(cases) do
  local file, ft, root = c[1], c[2], c[3]
  vim.fn.writefile({ 'export A=1' }, file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  check(vim.bo.filetype == ft, string.format('%s has filetype %s (got %s)', file:sub(#home + 2), ft, vim.bo.filetype))
  if ft == 'sh' and file:find('bash') then
    check(vim.b.is_bash == 1, file:sub(#home + 2) .. ' is bash')
  end
  local got = envreach.root_dir(file)
  check(got == root, string.format('%s has root %s (got %s)', file:sub(#home + 2), root, got))
end
check(envreach.root_dir('/usr/local/share/x/y.sh') == '/usr/local/share/x', 'a file outside the home and any repo: its folder')

local not_shell = repo .. '/dot_vimrc'
vim.fn.writefile({ 'set nocompatible' }, not_shell)
vim.cmd('edit ' .. vim.fn.fnameescape(not_shell))
check(vim.bo.filetype ~= 'sh' and vim.bo.filetype ~= 'zsh', 'dot_vimrc is not a shell file (got ' .. vim.bo.filetype .. ')')

io.stdout:write(string.format('nvim-filetypes: %d failed\n', failures))
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
