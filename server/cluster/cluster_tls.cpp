#include "cluster/cluster_tls.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace sluice::cluster {

namespace {

std::string opensslError() {
  char text[256] = "unknown error";
  if (const unsigned long code = ERR_get_error()) ERR_error_string_n(code, text, sizeof text);
  return text;
}

// TLS 1.2 at least; in shared mode the certificate itself is the only trust anchor.
core::Result<Poco::Net::Context::Ptr> makeContext(const ClusterSettings& s, Poco::Net::Context::Usage usage) {
  for (const auto* file : {&s.certFile, &s.keyFile})
    if (!std::filesystem::exists(*file)) return core::Error::badRequest("cluster certificate file '" + *file + "' does not exist");
  if (s.pki && !std::filesystem::exists(s.caFile))
    return core::Error::badRequest("cluster_ca_cert '" + s.caFile + "' does not exist");
  try {
    Poco::Net::Context::Params params;
    params.privateKeyFile = s.keyFile;
    params.certificateFile = s.certFile;
    params.caLocation = s.pki ? s.caFile : s.certFile;
    params.verificationMode = usage == Poco::Net::Context::TLS_SERVER_USE ? Poco::Net::Context::VERIFY_STRICT
                                                                          : Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(usage, params);
    // Poco would also match a data plane's certificate against its IP address: the chain (and in
    // shared mode the certificate itself) is what identifies a data plane. The client side checks
    // the control plane's name.
    context->enableExtendedCertificateVerification(usage == Poco::Net::Context::TLS_CLIENT_USE);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 | Poco::Net::Context::PROTO_TLSV1 |
                              Poco::Net::Context::PROTO_TLSV1_1);
    return context;
  } catch (const Poco::Exception& e) {
    return core::Error::badRequest("cluster TLS: " + e.displayText());
  }
}

}  // namespace

core::Result<Poco::Net::Context::Ptr> serverContext(const ClusterSettings& settings) {
  return makeContext(settings, Poco::Net::Context::TLS_SERVER_USE);
}

core::Result<Poco::Net::Context::Ptr> clientContext(const ClusterSettings& settings) {
  return makeContext(settings, Poco::Net::Context::TLS_CLIENT_USE);
}

bool sameCertificate(const Poco::Net::X509Certificate& peer, const std::string& certFile) {
  try {
    const Poco::Net::X509Certificate own(certFile);
    return X509_cmp(own.certificate(), peer.certificate()) == 0;
  } catch (const Poco::Exception&) {
    return false;
  }
}

core::Status generateSharedCertificate(const std::string& certFile, const std::string& keyFile, int days) {
  for (const auto* file : {&certFile, &keyFile})
    if (std::filesystem::exists(*file)) return core::Error::badRequest("'" + *file + "' already exists: remove it first");
  if (days < 1) return core::Error::badRequest("--days: expected at least 1");
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-384"), EVP_PKEY_free);
  if (!key) return core::Error::badRequest("cannot generate a key: " + opensslError());
  std::unique_ptr<X509, decltype(&X509_free)> x(X509_new(), X509_free);
  X509_set_version(x.get(), 2);
  unsigned char serial[16];
  std::FILE* random = std::fopen("/dev/urandom", "rb");
  if (!random || std::fread(serial, 1, sizeof serial, random) != sizeof serial) {
    if (random) std::fclose(random);
    return core::Error::badRequest("cannot read /dev/urandom");
  }
  std::fclose(random);
  serial[0] &= 0x7f;  // a positive serial number
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(x.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(x.get()), static_cast<long>(days) * 24 * 3600);
  X509_set_pubkey(x.get(), key.get());
  X509_NAME* name = X509_get_subject_name(x.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("kong_clustering"), -1, -1, 0);
  X509_set_issuer_name(x.get(), name);
  // Its own trust anchor: both sides load it as their only CA.
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x.get(), x.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : {std::pair{NID_basic_constraints, "critical,CA:TRUE"},
                                   std::pair{NID_key_usage, "critical,digitalSignature,keyCertSign"},
                                   std::pair{NID_ext_key_usage, "serverAuth,clientAuth"},
                                   std::pair{NID_subject_alt_name, "DNS:kong_clustering"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) return core::Error::badRequest("cannot build the certificate: " + opensslError());
    X509_add_ext(x.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  if (X509_sign(x.get(), key.get(), EVP_sha384()) == 0) return core::Error::badRequest("cannot sign: " + opensslError());
  // The key is written 0600 from its first byte.
  const int keyFd = ::open(keyFile.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (keyFd < 0) return core::Error::badRequest("cannot create '" + keyFile + "'");
  std::FILE* k = ::fdopen(keyFd, "w");
  const bool keyWritten = k && PEM_write_PrivateKey(k, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  if (k) std::fclose(k);
  std::FILE* c = std::fopen(certFile.c_str(), "wx");
  const bool certWritten = c && PEM_write_X509(c, x.get()) == 1;
  if (c) std::fclose(c);
  if (!keyWritten || !certWritten) return core::Error::badRequest("cannot write the certificate or its key");
  return core::Ok{};
}

}  // namespace sluice::cluster
