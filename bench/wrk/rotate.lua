-- Sends, in turn, the requests of a file the benchmark wrote: one a line,
-- METHOD<TAB>PATH, then any headers as <TAB>Name: value. Each thread
-- starts at its own offset of the list, so that the threads do not ask
-- for the same record at the same time. Arguments: the file, then the
-- number of threads.
local counter = 0
function setup(thread)
  thread:set("thread_index", counter)
  counter = counter + 1
end

local requests = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    local fields = {}
    for f in string.gmatch(line, "[^\t]+") do
      fields[#fields + 1] = f
    end
    local headers = {}
    for k = 3, #fields do
      local name, value = string.match(fields[k], "^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    requests[#requests + 1] = wrk.format(fields[1], fields[2], headers)
  end
  if #requests == 0 then
    error("no requests in " .. args[1])
  end
  local threads = tonumber(args[2]) or 1
  next_index = math.floor(thread_index * #requests / threads)
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
