// The Admin API from the request on: bodies (JSON and forms, Kong's a.b=1 / a[]=x conventions)
// decoded, coerced and validated against the entity's and the plugin's schema, written to an
// in-memory store. An input is up to eight requests separated by lines "===": each a line
// "METHOD /target?query", a line with the content type, then the body. Bad input must get a 4xx
// answer: a 5xx or a crash is a defect.
#include "admin/admin_api.h"
#include "app/config.h"
#include "app/store_factory.h"
#include "plugins/plugin_catalog.h"

#include <Poco/Logger.h>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sluice;
  static const bool quiet = [] {
    Poco::Logger::root().setLevel("none");  // (the audit log of every write)
    return true;
  }();
  (void)quiet;
  auto config = app::Config::parse("database = off", "fuzz", {});
  auto store = app::openStore(*config);
  if (!store) std::abort();
  admin::AdminApi api(**store, plugins::builtinCatalog(), admin::NodeInfo{"fuzz", "node", "0.0.0", {}}, {});

  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (int requests = 0; requests < 8 && !input.empty(); ++requests) {
    const size_t separator = input.find("\n===\n");
    std::string_view one = input.substr(0, separator);
    input = separator == std::string_view::npos ? std::string_view() : input.substr(separator + 5);
    auto line = [&one] {
      const size_t newline = one.find('\n');
      const std::string_view out = one.substr(0, newline);
      one = newline == std::string_view::npos ? std::string_view() : one.substr(newline + 1);
      return out;
    };
    const std::string_view first = line();
    const size_t space = first.find(' ');
    if (space == std::string_view::npos) continue;
    admin::AdminRequest request = admin::adminRequest(std::string(first.substr(0, space)), first.substr(space + 1));
    request.contentType = std::string(line());
    request.clientAddress = "127.0.0.1";
    request.body = std::string(one);
    const std::string target(first.substr(space + 1));
    admin::AdminResponse response;
    try {
      response = api.handle(request);
    } catch (const std::exception& e) {  // the server answers these 500
      std::fprintf(stderr, "%s %s: exception %s\n", request.method.c_str(), target.c_str(), e.what());
      std::abort();
    }
    // As the server writes it: an answer may quote the request's bytes, which need not be UTF-8.
    const std::string body = response.body ? response.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "";
    if (response.status >= 500 || response.status < 100) {
      std::fprintf(stderr, "%s %s: %d %s\n", request.method.c_str(), target.c_str(), response.status, body.c_str());
      std::abort();
    }
  }
  return 0;
}
