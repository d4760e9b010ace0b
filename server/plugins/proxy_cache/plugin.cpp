#include "plugins/proxy_cache/plugin.h"

#include "core/digest.h"
#include "core/url_encoding.h"
#include "http/query_string.h"
#include "plugins/config_values.h"
#include "plugins/proxy_cache/memory_cache.h"
#include "snapshot/config_snapshot.h"

#include <algorithm>
#include <ctime>

namespace sluice::plugins {
namespace {

// What a miss keeps from access to the log phase (the request's slot): the key to store under,
// and from the response head, its length, headers and time to live.
struct CacheFill {
  std::string key;
  uint64_t expected = 0;  // Content-Length of the response
  uint32_t ttl = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  void clear() {
    key.clear();
    expected = 0;
    ttl = 0;
    headers.clear();
  }
};

// Headers that describe one transfer, not the resource: never stored.
bool transferHeader(std::string_view name) {
  return http::isHopByHop(name) || http::equalsIgnoreCase(name, "content-length") || http::equalsIgnoreCase(name, "age") ||
         http::equalsIgnoreCase(name, "x-cache-status") || http::equalsIgnoreCase(name, "x-cache-key");
}

class ProxyCachePlugin final : public Plugin {
 public:
  ProxyCachePlugin(const nlohmann::json& config, std::string id, std::shared_ptr<MemoryCache> cache)
      : id_(std::move(id)), cache_(std::move(cache)), maxBody_(cache_->maxEntryBytes()) {
    for (const auto& c : config.at("response_code")) codes_.push_back(c.get<int>());
    methods_ = stringList(config, "request_method");
    for (const auto& t : stringList(config, "content_type")) types_.push_back(http::toLower(t));
    ttl_ = static_cast<uint32_t>(config.value("cache_ttl", 300));
    cacheControl_ = config.at("cache_control").get<bool>();
    varyQuery_ = stringList(config, "vary_query_params");
    for (const auto& h : stringList(config, "vary_headers")) varyHeaders_.push_back(http::toLower(h));
  }

  uint8_t phases() const override { return phaseBit(Phase::Access) | phaseBit(Phase::HeaderFilter) | phaseBit(Phase::Log); }

  PhaseResult access(RequestContext& ctx) const override {
    const http::RequestHead& r = *ctx.request;
    if (std::find(methods_.begin(), methods_.end(), r.method) == methods_.end()) {
      ctx.responseHeaders.add("X-Cache-Status", "Bypass");
      return PhaseResult::Continue;
    }
    const std::string key = cacheKey(ctx);
    const int64_t now = std::time(nullptr);
    if (auto hit = cache_->find(key, now)) {
      LocalResponse& out = ctx.local;
      out.status = hit->status;
      for (const auto& [name, value] : hit->headers) out.headers.add(name, value);
      out.headers.add("Age", std::to_string(now - hit->storedAt));
      out.headers.add("X-Cache-Status", "Hit");
      out.headers.add("X-Cache-Key", key);
      out.sharedBody = hit->body;
      return PhaseResult::Respond;
    }
    ctx.responseHeaders.add("X-Cache-Status", "Miss");
    ctx.responseHeaders.add("X-Cache-Key", key);
    ctx.pluginSlots.get<CacheFill>().key = key;
    return PhaseResult::Continue;
  }

  void headerFilter(RequestContext& ctx) const override {
    CacheFill& fill = ctx.pluginSlots.get<CacheFill>();
    if (fill.key.empty() || !ctx.response) return;
    const http::ResponseHead& r = *ctx.response;
    uint32_t ttl = ttl_;
    if (!cacheable(r, ttl)) {
      fill.key.clear();
      ctx.responseHeaders.erase("X-Cache-Status");
      ctx.responseHeaders.add("X-Cache-Status", "Bypass");
      return;
    }
    ctx.capture.active = true;  // the exchange copies the body as it goes
    ctx.capture.limit = maxBody_;
    fill.expected = r.contentLength;
    fill.ttl = ttl;
    for (const auto& h : r.headers)
      if (!transferHeader(h.name)) fill.headers.emplace_back(std::string(h.name), std::string(h.value));
  }

  void log(const RequestContext& ctx) const override {
    const BodyCapture& c = ctx.capture;
    const CacheFill* fill = ctx.pluginSlots.find<CacheFill>();
    if (!fill || !c.active || fill->key.empty() || c.body.size() != fill->expected) return;  // cut short, or too large
    auto entry = std::make_shared<CachedResponse>();
    entry->status = ctx.status;
    entry->headers = fill->headers;
    entry->body = std::make_shared<const std::string>(c.body);
    entry->storedAt = std::time(nullptr);
    entry->ttl = fill->ttl;
    cache_->store(fill->key, std::move(entry));
  }

 private:
  // Kong's key: the plugin, route, consumer, method, path, query (or the varying arguments,
  // sorted) and the varying headers — hashed.
  std::string cacheKey(const RequestContext& ctx) const {
    const http::RequestHead& r = *ctx.request;
    std::vector<std::pair<std::string, std::string>> args;
    http::forEachQueryPair(r.query, [&](std::string_view n, std::string_view v) {
      std::string name = core::percentDecode(n, true);
      if (!varyQuery_.empty() && std::find(varyQuery_.begin(), varyQuery_.end(), name) == varyQuery_.end()) return;
      args.emplace_back(std::move(name), core::percentDecode(v, true));
    });
    std::sort(args.begin(), args.end());
    std::string text = id_ + "|" + (ctx.route ? ctx.route->id : "") + "|" + (ctx.consumer ? ctx.consumer->id : "") + "|" +
                       std::string(r.method) + "|" + std::string(ctx.path) + "|";
    for (const auto& [n, v] : args) text += n + "=" + v + "&";
    text += "|";
    for (const auto& h : varyHeaders_) text += h + ":" + std::string(ctx.header(h)) + "|";
    return core::md5Hex(text);
  }

  bool cacheable(const http::ResponseHead& r, uint32_t& ttl) const {
    if (std::find(codes_.begin(), codes_.end(), r.status) == codes_.end()) return false;
    if (r.framing != http::BodyFraming::ContentLength || r.contentLength > maxBody_) return false;
    std::string type = http::toLower(http::findHeader(r.headers, "content-type"));
    const std::string full = type;
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    if (std::find(types_.begin(), types_.end(), full) == types_.end() && std::find(types_.begin(), types_.end(), type) == types_.end())
      return false;
    if (cacheControl_) {
      const std::string cc = http::toLower(http::findHeader(r.headers, "cache-control"));
      if (cc.find("no-store") != std::string::npos || cc.find("private") != std::string::npos || cc.find("no-cache") != std::string::npos)
        return false;
      for (const char* directive : {"s-maxage=", "max-age="})
        if (const size_t at = cc.find(directive); at != std::string::npos) {
          ttl = static_cast<uint32_t>(std::strtoul(cc.c_str() + at + std::strlen(directive), nullptr, 10));
          return ttl > 0;
        }
    }
    return true;
  }

  std::string id_;
  std::shared_ptr<MemoryCache> cache_;
  uint64_t maxBody_;  // larger responses are streamed, never cached
  std::vector<int> codes_;
  std::vector<std::string> methods_, types_, varyQuery_, varyHeaders_;
  uint32_t ttl_ = 300;
  bool cacheControl_ = false;
};

}  // namespace

PluginCreateResult createProxyCache(const nlohmann::json& config, BuildContext& context) {
  // One store per node, kept across snapshots (a configuration change does not empty it).
  const size_t bytes = context.node().settings().proxyCacheBytes;
  auto cache = context.node().get<MemoryCache>("proxy-cache:memory", [bytes] { return std::make_shared<MemoryCache>(bytes); });
  return PluginConstSharedPtr(std::make_shared<ProxyCachePlugin>(config, context.pluginId(), std::move(cache)));
}

}  // namespace sluice::plugins
