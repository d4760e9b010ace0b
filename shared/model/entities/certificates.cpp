// Certificates: a TLS certificate and key, served for the SNIs that point to it.
#include "model/entities.h"
#include "schema/typedefs.h"

namespace sluice::model {
namespace td = schema::typedefs;

const schema::EntitySchema& certificates() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "certificates";
    s.adminPath = "certificates";
    s.lookupThrough = schema::EntitySchema::LookupThrough{"snis", "name", "certificate"};
    s.fields = {
        td::id(),
        td::createdAt(),
        td::certificatePem("cert").asRequired().withDescription("PEM-encoded public certificate chain."),
        td::keyPem("key").asRequired().withDescription("PEM-encoded private key."),
        td::certificatePem("cert_alt").withDescription("A second certificate (e.g. ECDSA beside RSA)."),
        td::keyPem("key_alt").withDescription("The private key of cert_alt."),
        td::tags(),
    };
    // `snis` is accepted and returned here but stored as SNI entities.
    s.transientFields = {schema::arrayField("snis", td::wildcardHost("sni"))};
    s.checks = {td::mutuallyRequired({"cert_alt", "key_alt"})};
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
