-- Zero-configuration start: unless require('envreach').setup{...} already ran from the user's
-- config, set envreach up with its defaults. Set vim.g.envreach_no_autosetup = 1 to opt out.
if vim.g.loaded_envreach then return end
vim.g.loaded_envreach = 1
if vim.fn.has('nvim-0.7') == 0 then
  vim.notify('envreach needs Neovim 0.7 or newer', vim.log.levels.WARN)
  return
end
local envreach = require('envreach')
if not envreach.configured and vim.g.envreach_no_autosetup ~= 1 then
  envreach.setup(vim.g.envreach_settings and { settings = vim.g.envreach_settings } or {})
end
