-- Prints, as JSON, the field declarations of Kong's plugin and entity schemas, read from a checkout of
-- Kong's source (run from its root: lua5.1 extract.lua > kong-2.8.4-schemas.json). Only the declared
-- facts are kept (names, types, defaults, required, one_of, nesting); validators are left out.
-- Modules the schemas need at run time (OpenResty, OpenSSL bindings) are replaced by inert stand-ins.

local NULL = setmetatable({}, { __tostring = function() return "null" end })

local INERT = setmetatable({}, { __mode = "k" })
local function inert()
  local t
  t = setmetatable({}, {
    __index = function() return t end,
    __call = function() return t end,
  })
  INERT[t] = true
  return t
end

ngx = setmetatable({ null = NULL, config = { subsystem = "http" } }, { __index = function() return inert() end })
kong = inert()

package.path = "./?.lua;./?/init.lua;" .. package.path

-- The only part of kong.db.schema that typedefs need: define() (copied semantics: defaults merged in).
local schema_stub = {
  define = function(tbl)
    return setmetatable(tbl, { __call = function(t, arg)
      arg = arg or {}
      for k, v in pairs(t) do if arg[k] == nil then arg[k] = v end end
      return arg
    end })
  end,
  validators = inert(),
}
package.loaded["kong.db.schema"] = schema_stub

-- Penlight's deepcopy, which request-transformer's schema uses to derive one record from another.
local function deepcopy(t)
  if type(t) ~= "table" then return t end
  local copy = {}
  for k, v in pairs(t) do copy[k] = deepcopy(v) end
  return setmetatable(copy, getmetatable(t))
end
package.loaded["pl.tablex"] = { deepcopy = deepcopy }

local real_require = require
function require(name)
  if package.loaded[name] then return package.loaded[name] end
  local ok, mod = pcall(real_require, name)
  if ok then return mod end
  package.loaded[name] = inert()
  return package.loaded[name]
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" then return false end
    n = n + 1
  end
  return n == #t
end

local encode
local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local map = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r' }
    return map[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end
function encode(v)
  if v == NULL or v == nil then return "null" end
  local t = type(v)
  if t == "string" then return encode_string(v) end
  if t == "number" then
    if v == math.huge then return "1e308" end
    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%d", v) end
    return string.format("%.17g", v)
  end
  if t == "boolean" then return tostring(v) end
  if t == "table" then
    if next(v) == nil then return "[]" end
    local parts = {}
    if is_array(v) then
      for _, x in ipairs(v) do parts[#parts + 1] = encode(x) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do parts[#parts + 1] = encode_string(k) .. ":" .. encode(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  return "null"
end

-- A field keeps what a client sees; functions (validators) are dropped.
local KEPT = { "type", "default", "required", "one_of", "reference", "auto", "unique", "len_min", "between", "gt" }
local describe_fields
local function describe(f)
  local out = {}
  if type(f) ~= "table" or INERT[f] then return { unknown = true } end
  for _, k in ipairs(KEPT) do
    if f[k] ~= nil and type(f[k]) ~= "function" and not INERT[f[k]] then out[k] = f[k] end
  end
  if f.elements then out.elements = describe(f.elements) end
  if f.keys then out.keys = describe(f.keys) end
  if f.values then out.values = describe(f.values) end
  if f.fields then out.fields = describe_fields(f.fields) end
  return out
end
function describe_fields(fields)
  local out = {}
  for _, entry in ipairs(fields) do
    local name, f = next(entry)
    out[name] = describe(f)
  end
  return out
end

local function plugin_names()
  local names = {}
  for _, n in ipairs(require("kong.constants").BUNDLED_PLUGINS and {} or {}) do names[#names + 1] = n end
  local p = io.popen("ls kong/plugins")
  for line in p:lines() do
    local f = io.open("kong/plugins/" .. line .. "/schema.lua")
    if f then f:close(); names[#names + 1] = line end
  end
  p:close()
  table.sort(names)
  return names
end

-- session's schema draws its secret's default when it loads (random bytes, one per node): the bytes
-- come from a stand-in here, and the output names the default for what it is.
local ok_utils, utils = pcall(real_require, "kong.tools.utils")
if ok_utils and type(utils) == "table" then utils.get_rand_bytes = function(n) return string.rep("x", n) end end
local RANDOM_DEFAULTS = { session = { "secret" } }

local result = { plugins = {}, entities = {} }
for _, name in ipairs(plugin_names()) do
  local ok, s = pcall(real_require, "kong.plugins." .. name .. ".schema")
  if ok and type(s) == "table" and s.fields then
    result.plugins[name] = describe_fields(s.fields)
    for _, field in ipairs(RANDOM_DEFAULTS[name] or {}) do
      result.plugins[name].config.fields[field].default = "(random, drawn by each node)"
    end
  else
    io.stderr:write("skipped plugin ", name, ": ", tostring(s), "\n")
  end
  local okd, daos = pcall(real_require, "kong.plugins." .. name .. ".daos")
  if okd and type(daos) == "table" then
    for _, d in pairs(daos) do
      if type(d) == "table" and d.name and d.fields then result.entities[d.name] = describe_fields(d.fields) end
    end
  end
end

local p = io.popen("ls kong/db/schema/entities")
for file in p:lines() do
  local name = file:match("^(.-)%.lua$")
  if name and not name:find("_subschemas") then
    local ok, s = pcall(real_require, "kong.db.schema.entities." .. name)
    if ok and type(s) == "table" and s.fields then
      result.entities[s.name or name] = describe_fields(s.fields)
    else
      io.stderr:write("skipped entity ", name, ": ", tostring(s), "\n")
    end
  end
end
p:close()

io.write(encode(result), "\n")
