// kong.yml import: YAML or JSON text parsed, flattened into entities (nested collections, foreign
// keys by name), every entity validated against its schema and its plugin's schema, and written
// to an in-memory store in one transaction as a DB-less node does; the store exported again.
#include "admin/admin_api.h"
#include "app/config.h"
#include "app/store_factory.h"
#include "declarative/declarative_config.h"
#include "declarative/yaml_json.h"
#include "plugins/plugin_catalog.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sluice;
  static const auto validation = admin::serverValidationContext(plugins::builtinCatalog());
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto document = declarative::parseYaml(text);
  if (!document) return 0;
  (void)declarative::toYaml(*document);
  if (!declarative::flatten(*document, validation)) return 0;
  auto config = app::Config::parse("database = off", "fuzz", {});
  auto store = app::openStore(*config);
  if (!store) std::abort();
  if (!declarative::load(**store, text, validation, true)) return 0;
  // What was written reads back, and its export loads again.
  auto exported = declarative::exportDocument(**store);
  if (!exported) std::abort();
  auto again = app::openStore(*config);
  if (!declarative::load(**again, exported->dump(), validation, true)) {
    std::fprintf(stderr, "the export of an accepted file is refused:\n%s\n", exported->dump(2).c_str());
    std::abort();
  }
  return 0;
}
