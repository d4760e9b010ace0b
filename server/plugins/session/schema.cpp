// session: cookie sessions that authentication plugins start (Kong 2.8's
// kong/plugins/session/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace sluice::plugins {
using schema::json;

namespace {

// Kong's random_string: 32 random bytes in base64 whose '/', '+' and '=' become a random digit,
// upper- and lower-case letter. A default drawn when the schema loads: one per node, written into
// each plugin's config when it is created.
std::string randomSecret() {
  unsigned char bytes[32], pick[3];
  RAND_bytes(bytes, sizeof bytes);
  RAND_bytes(pick, sizeof pick);
  std::string out(45, '\0');
  out.resize(static_cast<size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, sizeof bytes)));
  for (char& c : out) {
    if (c == '/') c = static_cast<char>('0' + pick[0] % 10);
    else if (c == '+') c = static_cast<char>('A' + pick[1] % 26);
    else if (c == '=') c = static_cast<char>('a' + pick[2] % 26);
  }
  return out;
}

}  // namespace

const schema::PluginSchema& sessionSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "session";
    p.priority = 1900;
    p.noConsumer = true;
    p.protocols = schema::PluginProtocols::Undeclared;
    p.config = {
        schema::stringField("secret").withDefault(randomSecret()).withDescription("Seals the session cookies."),
        schema::stringField("cookie_name").withDefault("session"),
        schema::numberField("cookie_lifetime").withDefault(3600).withDescription("Seconds a session lasts."),
        schema::numberField("cookie_idletime").withDescription("Seconds without a request after which a session ends."),
        schema::numberField("cookie_renew").withDefault(600).withDescription("A session this close to its end is renewed."),
        schema::stringField("cookie_path").withDefault("/"),
        schema::stringField("cookie_domain"),
        schema::stringField("cookie_samesite").withDefault("Strict").withOneOf({"Strict", "Lax", "None", "off"}),
        schema::booleanField("cookie_httponly").withDefault(true),
        schema::booleanField("cookie_secure").withDefault(true),
        schema::numberField("cookie_discard").withDefault(10).withDescription(
            "kong storage: seconds a renewed session's old id still works (requests in flight)."),
        schema::stringField("storage").withDefault("cookie").withOneOf({"cookie", "kong"}).withDescription(
            "cookie: the session in the cookie, sealed; kong: in the database, the cookie holds its id."),
        schema::arrayField("logout_methods", schema::stringField("method").withOneOf({"GET", "POST", "DELETE"}))
            .withDefault(json::array({"POST", "DELETE"})),
        schema::stringField("logout_query_arg").withDefault("session_logout"),
        schema::stringField("logout_post_arg").withDefault("session_logout"),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
