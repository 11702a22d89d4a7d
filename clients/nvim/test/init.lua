-- Minimal Neovim configuration for the headless test: only this plugin, settings from the test.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
vim.opt.runtimepath:prepend(vim.fn.fnamemodify(here, ':h'))
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.cmd('filetype on')
local sysroot = vim.fn.tempname()
vim.fn.mkdir(sysroot, 'p')
require('envreach').setup({
  settings = { home = os.getenv('HOME'), platform = 'debian', sysroot = sysroot },
})
