// CA certificates: trust anchors for verifying upstreams and client certificates.
#include "model/entities.h"
#include "schema/typedefs.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sluice::model {
namespace td = schema::typedefs;
using schema::json;

namespace {

// cert_digest: the SHA-256 of the certificate's DER encoding, in hex (as Kong computes it).
core::Status computeDigest(json& entity) {
  const std::string pem = entity["cert"].get<std::string>();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  if (!cert) return core::Error::schemaViolation({{"cert", "invalid certificate"}});
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  X509_digest(cert, EVP_sha256(), md, &len);
  X509_free(cert);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex.push_back(kHex[md[i] >> 4]);
    hex.push_back(kHex[md[i] & 0x0f]);
  }
  entity["cert_digest"] = hex;
  return core::Ok{};
}

std::optional<std::string> mustBeCa(const json& value) {
  const std::string pem = value.get<std::string>();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  if (!cert) return std::nullopt;  // the PEM check reports it
  const bool ca = X509_check_ca(cert) > 0;
  X509_free(cert);
  if (!ca) return "certificate does not appear to be a CA because it is missing the \"CA\" basic constraint";
  return std::nullopt;
}

}  // namespace

const schema::EntitySchema& caCertificates() {
  static const schema::EntitySchema kSchema = [] {
    schema::EntitySchema s;
    s.name = "ca_certificates";
    s.adminPath = "ca_certificates";
    s.fields = {
        td::id(),
        td::createdAt(),
        td::certificatePem("cert").asRequired().withCheck(mustBeCa).withDescription("PEM-encoded CA certificate."),
        schema::stringField("cert_digest").asUnique().withDescription("SHA-256 of the certificate (computed)."),
        td::tags(),
    };
    s.beforeWrite = computeDigest;
    return s;
  }();
  return kSchema;
}

}  // namespace sluice::model
