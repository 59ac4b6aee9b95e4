-- Headless Neovim (0.7+) as an LSP client of the Referat server. Loads the README's
-- configuration (referat.lua), opens every document of the workspace and records what the
-- editor received: its diagnostics (vim.diagnostic), documentSymbol, foldingRange and
-- completion answers. test/editors/neovim.ts compares that with the reviewed expectations.
--   REFERAT_WORKSPACE  folder with copies of the corpus (the working directory)
--   REFERAT_RESULT     where to write the JSON
--   REFERAT_CONFIG     path of referat.lua
local out = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), documents = {} }
local TIMEOUT = 20000

local function write()
  vim.fn.writefile({ vim.json.encode(out) }, vim.env.REFERAT_RESULT)
end

local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  if answers == nil then error(method .. ': ' .. tostring(err)) end
  for _, a in pairs(answers) do
    if a.err then error(method .. ': ' .. vim.inspect(a.err)) end
    return a.result
  end
  error(method .. ': no client answered')
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      code = d.code or lsp.code,
      severity = d.severity,
      message = d.message,
      source = d.source,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  return list
end

--- Waits (vim.wait polls the event loop) until the buffer's diagnostics satisfy `ready`.
local function wait_diagnostics(buf, ready, what)
  if not vim.wait(TIMEOUT, function() return ready(vim.diagnostic.get(buf)) end, 20) then
    error('timed out waiting for ' .. what)
  end
  return diagnostics(buf)
end

local function count(buf, code)
  local n = 0
  for _, d in ipairs(diagnostics(buf)) do if d.code == code then n = n + 1 end end
  return n
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(name))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.wait(TIMEOUT, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 20) then
    error(name .. ': no LSP client attached (filetype ' .. vim.bo[buf].filetype .. ')')
  end
  return buf
end

local function main()
  vim.cmd('cd ' .. vim.fn.fnameescape(vim.env.REFERAT_WORKSPACE))
  dofile(vim.env.REFERAT_CONFIG)
  -- As after a user's init.lua: filetype detection on (*.md → markdown, *.txt → text, unless ours wins).
  vim.cmd('filetype on')
  local names = vim.fn.readdir('.')
  table.sort(names)
  for _, name in ipairs(names) do
    local buf = open(name)
    local doc = { filetype = vim.bo[buf].filetype }
    out.documents[name] = doc
    local tdoc = { textDocument = vim.lsp.util.make_text_document_params(buf) }
    -- Symbols first: once answered, the server has the document.
    doc.symbols = request(buf, 'textDocument/documentSymbol', tdoc)
    doc.folding = request(buf, 'textDocument/foldingRange', tdoc)
    if name:match('^vejen') then
      -- No findings: a typed line of export debris must bring exactly one.
      vim.api.nvim_buf_set_lines(buf, 1, 1, false, { 'Til toppen' })
      doc.after_debris = wait_diagnostics(buf, function(ds) return #ds > 0 end, 'the export-debris finding')
      vim.cmd('silent undo')
      doc.after_undo = wait_diagnostics(buf, function(ds) return #ds == 0 end, 'the finding to go')
    else
      doc.diagnostics = wait_diagnostics(buf, function(ds) return #ds > 0 end, name .. ' diagnostics')
    end
    if name:match('^viborg') then
      -- Punkt 1 without its Beslutning (lines 38–45), and a blank line to type on.
      vim.api.nvim_buf_set_lines(buf, 37, 45, false, { '' })
      doc.missing = wait_diagnostics(buf, function() return count(buf, 'missing-section') == 1 end, 'missing-section')
      local result = request(buf, 'textDocument/completion', { textDocument = tdoc.textDocument, position = { line = 37, character = 0 } })
      doc.completion = result and (result.items or result) or {}
    end
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then out.error = tostring(err) end
write()
vim.cmd(ok and 'qa!' or 'cq!')
