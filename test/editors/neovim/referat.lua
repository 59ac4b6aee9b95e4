-- The Neovim configuration from the README (works on 0.7 and newer), as the test uses it.
-- Only the command differs: the test runs this checkout's bundle, `node dist/server.js --stdio`,
-- where the README runs the installed `referat-language-server --stdio`.
local cmd = vim.env.REFERAT_SERVER_CMD and vim.split(vim.env.REFERAT_SERVER_CMD, ' ') or { 'referat-language-server', '--stdio' }

-- README: begin
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { '*.referat', '*.referat.txt', '*.referat.md' },
  callback = function(args) vim.bo[args.buf].filetype = 'referat' end,
})
local referat_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'referat',
  callback = function(args)
    if referat_client == nil or vim.lsp.get_client_by_id(referat_client) == nil then
      referat_client = vim.lsp.start_client({ name = 'referat', cmd = cmd, root_dir = vim.fn.getcwd() })
    end
    vim.lsp.buf_attach_client(args.buf, referat_client)
  end,
})
-- README: end
