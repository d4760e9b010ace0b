// sluice.conf: the file's text through the parser and every typed reading of every key, then the
// proxy's settings made from it (listen addresses, limits, timeouts, TLS). Errors are fine; a
// crash, a hang or an exception that escapes is not.
#include "app/config.h"
#include "app/proxy_settings_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sluice::app;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = Config::parse(text, "sluice.conf", {});
  if (!config) return 0;
  for (const auto& key : configKeys()) {
    (void)config->integer(key.name);
    (void)config->boolean(key.name);
    (void)config->milliseconds(key.name);
    (void)config->bytes(key.name);
    (void)config->list(key.name);
  }
  (void)config->toJson().dump();
  (void)loadProxySettings(*config, "0.0.0");
  return 0;
}
