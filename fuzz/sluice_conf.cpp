// sluice.conf: the file's text through the parser and every typed reading of every key, then the
// proxy's settings made from it (listen addresses, limits, timeouts, TLS). Errors are fine; a
// crash, a hang or an exception that escapes is not.
#include "app/config.h"
#include "app/proxy_settings_loader.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sluice::app;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The prefix is where a missing default certificate gets written: one directory for every input.
  static const std::string prefix = [] {
    char dir[] = "/tmp/sluice-fuzz-conf-XXXXXX";
    return std::string(mkdtemp(dir) ? dir : "/tmp");
  }();
  auto config = Config::parse(text, "sluice.conf", {{"prefix", prefix}});
  if (!config) return 0;
  for (const auto& key : configKeys()) {
    (void)config->integer(key.name);
    (void)config->boolean(key.name);
    (void)config->milliseconds(key.name);
    (void)config->bytes(key.name);
    (void)config->list(key.name);
  }
  (void)config->toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // as the server does
  (void)loadProxySettings(*config, "0.0.0");
  return 0;
}
