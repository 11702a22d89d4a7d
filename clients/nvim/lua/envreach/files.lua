-- Which files envreach analyses: the shells' startup files, also under chezmoi (`dot_bashrc`,
-- `private_dot_zshrc`, `dot_zshenv.tmpl`) and GNU stow (`dot-bashrc`) names, and shell scripts.
local M = {}

M.startup_files = {
  '.bashrc', '.bash_profile', '.bash_login', '.bash_logout', '.profile',
  '.zshenv', '.zprofile', '.zshrc', '.zlogin', '.zlogout',
}

local is_startup = {}
for _, f in ipairs(M.startup_files) do is_startup[f] = true end

local chezmoi_prefixes = { 'private_', 'readonly_', 'executable_', 'empty_' }

--- The home name a base name stands for ('.bashrc' for 'dot_bashrc'), or nil.
function M.target(base)
  if is_startup[base] then return base end
  if base:sub(1, 4) == 'dot-' then
    local t = '.' .. base:sub(5)
    return is_startup[t] and t or nil
  end
  local name = base
  local stripped = true
  while stripped do
    stripped = false
    for _, p in ipairs(chezmoi_prefixes) do
      if name:sub(1, #p) == p then
        name = name:sub(#p + 1)
        stripped = true
      end
    end
  end
  if name:sub(-5) == '.tmpl' then name = name:sub(1, -6) end
  if name:sub(1, 4) == 'dot_' then
    local t = '.' .. name:sub(5)
    return is_startup[t] and t or nil
  end
  return nil
end

--- 'bash', 'zsh' or 'sh' for a base name, or nil when the name says nothing.
function M.dialect(base)
  local t = M.target(base)
  if t then
    if t:sub(1, 5) == '.bash' then return 'bash' end
    if t:sub(1, 2) == '.z' then return 'zsh' end
    return 'sh'
  end
  if base:match('%.bash$') then return 'bash' end
  if base:match('%.zsh$') then return 'zsh' end
  if base:match('%.sh$') then return 'sh' end
  return nil
end

--- Autocommand patterns for the dotfile names that Neovim does not already know.
function M.patterns()
  local pats = {}
  for _, f in ipairs(M.startup_files) do
    local bare = f:sub(2)
    table.insert(pats, f)
    table.insert(pats, 'dot_' .. bare)
    table.insert(pats, '*_dot_' .. bare)
    table.insert(pats, 'dot_' .. bare .. '.tmpl')
    table.insert(pats, '*_dot_' .. bare .. '.tmpl')
    table.insert(pats, 'dot-' .. bare)
  end
  return pats
end

return M
