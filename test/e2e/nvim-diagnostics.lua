-- Headless Neovim (0.7 API: vim.lsp.start_client + buf_attach_client) as an independent LSP client
-- of the careplan language server. Opens the file given on the command line, waits for
-- textDocument/publishDiagnostics until every expected finding has arrived, writes what it got,
-- and exits 0 (all expected findings arrived) or 1 (timeout / missing).
-- Environment:
--   CAREPLAN_LSP_CMD   server command, e.g. "node /repo/dist/server.js --stdio"
--   CAREPLAN_EXPECT    expected findings "line:rule" (0-based lines), comma separated
--   CAREPLAN_ROOT      workspace folder (where .careplan.yaml is)
--   CAREPLAN_OUT       file to write the received diagnostics to
--   CAREPLAN_WAIT_MS   how long to wait (default 20000)
local cmd = vim.split(assert(os.getenv('CAREPLAN_LSP_CMD'), 'CAREPLAN_LSP_CMD'), ' ', { trimempty = true })
local expect = vim.split(os.getenv('CAREPLAN_EXPECT') or '', ',', { trimempty = true })
local out_path = assert(os.getenv('CAREPLAN_OUT'), 'CAREPLAN_OUT')
local wait_ms = tonumber(os.getenv('CAREPLAN_WAIT_MS') or '20000')

local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
vim.bo[bufnr].filetype = 'yaml' -- -u NONE turns filetype detection off; languageId comes from 'filetype'

local latest = nil
local function missing()
  if not latest then return expect end
  local have = {}
  for _, d in ipairs(latest.diagnostics) do
    local code = type(d.code) == 'table' and d.code.value or d.code
    have[('%d:%s'):format(d.range.start.line, tostring(code))] = true
  end
  local left = {}
  for _, key in ipairs(expect) do if not have[key] then table.insert(left, key) end end
  return left
end

local client_id = vim.lsp.start_client({
  name = 'careplan',
  cmd = cmd,
  root_dir = os.getenv('CAREPLAN_ROOT') or vim.fn.fnamemodify(fname, ':p:h'),
  settings = { careplan = { enable = true } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config) -- keep Neovim's own handling
      if result and vim.uri_to_fname(result.uri) == fname then latest = result end
    end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then io.stderr:write(('careplan server exited code=%s signal=%s\n'):format(code, signal)) end
  end,
})
assert(client_id, 'vim.lsp.start_client failed')
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(wait_ms, function() return latest ~= nil and #missing() == 0 end, 20)
local lines = {}
local sev = { 'error', 'warning', 'info', 'hint' }
if latest then
  for _, d in ipairs(latest.diagnostics) do
    local code = type(d.code) == 'table' and d.code.value or d.code
    table.insert(lines, ('%d:%d %s %s %s'):format(d.range.start.line + 1, d.range.start.character + 1,
      sev[d.severity or 1], tostring(code), (d.message:gsub('\n', ' '))))
  end
  table.insert(lines, ('vim.diagnostic.get() holds %d diagnostics for the buffer'):format(#vim.diagnostic.get(bufnr)))
end
if not ok then
  table.insert(lines, latest and ('MISSING: ' .. table.concat(missing(), ', ')) or 'TIMEOUT: no diagnostics received')
end
local f = assert(io.open(out_path, 'w'))
f:write(table.concat(lines, '\n') .. '\n')
f:close()
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(ok and 'qa!' or 'cq!')
