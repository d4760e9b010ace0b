// hmac-auth: authenticate consumers by an HMAC signature over chosen request headers (Kong 2.8's
// kong/plugins/hmac-auth/schema.lua).
#include "schema/plugin_schema.h"
#include "schema/typedefs.h"

namespace sluice::plugins {
using schema::json;
namespace {

const std::vector<json>& hmacAlgorithms() {
  static const std::vector<json> kAlgorithms{"hmac-sha1", "hmac-sha256", "hmac-sha384", "hmac-sha512"};
  return kAlgorithms;
}

}  // namespace

const schema::PluginSchema& hmacAuthSchema() {
  static const schema::PluginSchema kSchema = [] {
    schema::PluginSchema p;
    p.name = "hmac-auth";
    p.priority = 1000;
    p.noConsumer = true;
    p.config = {
        schema::booleanField("hide_credentials").asRequired().withDefault(false).withDescription(
            "Remove the header that carried the signature before proxying."),
        schema::numberField("clock_skew").withDefault(300).withGreaterThan(0).withDescription(
            "Seconds the Date or X-Date header may be off the gateway's clock."),
        schema::typedefs::anonymousConsumer(),
        schema::booleanField("validate_request_body").asRequired().withDefault(false).withDescription(
            "Check the body against the Digest header (SHA-256)."),
        schema::arrayField("enforce_headers", schema::stringField("enforce_header"))
            .withDefault(json::array())
            .withDescription("Headers a signature must cover."),
        schema::arrayField("algorithms", schema::stringField("algorithm").withOneOf(hmacAlgorithms()))
            .withDefault(json(hmacAlgorithms()))
            .withDescription("The HMAC algorithms accepted."),
    };
    return p;
  }();
  return kSchema;
}

}  // namespace sluice::plugins
