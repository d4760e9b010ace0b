// request-transformer: edit the request before it goes upstream (headers, query string, method, path).
#include "plugins/transform_fields.h"
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
namespace td = schema::typedefs;

const schema::PluginSchema& requestTransformerSchema() {
  static const schema::PluginSchema kSchema = [] {
    const auto group = [](const char* name, bool pairs, bool withUri = false) {
      std::vector<schema::Field> fields{pairs ? colonPairList("body") : nameList("body"),
                                        pairs ? colonPairList("headers") : nameList("headers"),
                                        pairs ? colonPairList("querystring") : nameList("querystring")};
      if (withUri) fields.push_back(schema::stringField("uri").withDescription("The upstream path to send instead."));
      return schema::recordField(name, fields);
    };
    schema::PluginSchema p;
    p.name = "request-transformer";
    p.protocols = schema::PluginProtocols::Undeclared;
    p.priority = 801;
    p.config = {
        td::httpMethod("http_method").withDescription("The method to send upstream instead of the client's."),
        group("remove", false),
        group("rename", true),
        group("replace", true, true),
        group("add", true),
        group("append", true),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
