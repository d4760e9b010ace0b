#include "net/tls_context.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sluice::net {
namespace {

std::string opensslError() {
  char buffer[256];
  ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
  ERR_clear_error();
  return buffer;
}

std::shared_ptr<X509> shareCert(X509* x) { return std::shared_ptr<X509>(x, X509_free); }
std::shared_ptr<EVP_PKEY> shareKey(EVP_PKEY* k) { return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free); }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The SNI callback's function object lives in the context's ex_data.
int contextIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

int onServerName(SSL* ssl, int*, void* arg) {
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (!name) return SSL_TLSEXT_ERR_NOACK;
  auto* select = static_cast<std::function<bool(SSL*, const std::string&)>*>(arg);
  (*select)(ssl, name);
  return SSL_TLSEXT_ERR_OK;
}

// Whether a connection offers h2 (its listener's http2 flag) lives in the connection's ex_data.
int http2Index() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

int onAlpn(SSL* ssl, const unsigned char** out, unsigned char* outLength, const unsigned char* in, unsigned int inLength,
           void*) {
  static const unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  static const unsigned char kBoth[] = {2, 'h', '2', 8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  const bool h2 = SSL_get_ex_data(ssl, http2Index()) != nullptr;
  unsigned char* selected = nullptr;
  if (SSL_select_next_proto(&selected, outLength, h2 ? kBoth : kHttp11, h2 ? sizeof kBoth : sizeof kHttp11, in, inLength) !=
      OPENSSL_NPN_NEGOTIATED)
    return SSL_TLSEXT_ERR_NOACK;  // a client that offers no http/1.1 still gets HTTP/1.1
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

}  // namespace

core::Result<KeyPair> parseKeyPair(const std::string& certPem, const std::string& keyPem) {
  KeyPair pair;
  BIO* bio = BIO_new_mem_buf(certPem.data(), static_cast<int>(certPem.size()));
  X509* leaf = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  if (!leaf) {
    BIO_free(bio);
    return core::Error::badRequest("invalid certificate: " + opensslError());
  }
  pair.cert = shareCert(leaf);
  while (X509* extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) pair.chain.push_back(shareCert(extra));
  ERR_clear_error();
  BIO_free(bio);
  bio = BIO_new_mem_buf(keyPem.data(), static_cast<int>(keyPem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!key) return core::Error::badRequest("invalid private key: " + opensslError());
  pair.key = shareKey(key);
  if (X509_check_private_key(leaf, key) != 1) return core::Error::badRequest("the private key does not match the certificate");
  return pair;
}

core::Result<KeyPair> loadOrCreateDefaultCertificate(const std::string& certPath, const std::string& keyPath,
                                                     const std::string& commonName) {
  if (std::filesystem::exists(certPath) && std::filesystem::exists(keyPath))
    return parseKeyPair(readFile(certPath), readFile(keyPath));
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (!key) return core::Error::badRequest("cannot generate a key: " + opensslError());
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), static_cast<long>(time(nullptr)));
  X509_gmtime_adj(X509_getm_notBefore(x), -3600);
  X509_gmtime_adj(X509_getm_notAfter(x), 3650L * 24 * 3600);
  X509_set_pubkey(x, key);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Sluice default certificate"), -1, -1, 0);
  X509_set_issuer_name(x, name);
  X509_sign(x, key, EVP_sha256());
  std::filesystem::create_directories(std::filesystem::path(certPath).parent_path());
  FILE* f = fopen(certPath.c_str(), "w");
  if (f) {
    PEM_write_X509(f, x);
    fclose(f);
  }
  f = fopen(keyPath.c_str(), "w");
  if (f) {
    PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    fclose(f);
    std::filesystem::permissions(keyPath, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  KeyPair pair;
  pair.cert = shareCert(x);
  pair.key = shareKey(key);
  return pair;
}

bool usePair(SSL* ssl, const KeyPair& pair) {
  if (SSL_use_certificate(ssl, pair.cert.get()) != 1 || SSL_use_PrivateKey(ssl, pair.key.get()) != 1) return false;
  SSL_clear_chain_certs(ssl);
  for (const auto& c : pair.chain) SSL_add1_chain_cert(ssl, c.get());
  return true;
}

core::Result<SslCtxPtr> makeServerContext(const KeyPair& defaultPair, const std::string& protocols,
                                          std::function<bool(SSL*, const std::string&)> selectBySni) {
  SSL_CTX* raw = SSL_CTX_new(TLS_server_method());
  if (!raw) return core::Error::badRequest("cannot create a TLS context: " + opensslError());
  auto* select = new std::function<bool(SSL*, const std::string&)>(std::move(selectBySni));
  SslCtxPtr ctx(raw, [select](SSL_CTX* c) {
    SSL_CTX_free(c);
    delete select;
  });
  const int minimum = protocols.find("TLSv1.1") != std::string::npos ? TLS1_1_VERSION
                      : protocols.find("TLSv1.2") != std::string::npos ? TLS1_2_VERSION
                                                                       : TLS1_3_VERSION;
  SSL_CTX_set_min_proto_version(raw, minimum);
  SSL_CTX_set_options(raw, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_read_ahead(raw, 1);  // fill OpenSSL's buffer in one read, not a header and then a body
  SSL_CTX_set_session_cache_mode(raw, SSL_SESS_CACHE_SERVER);
  SSL_CTX_sess_set_cache_size(raw, 20480);
  SSL_CTX_set_session_id_context(raw, reinterpret_cast<const unsigned char*>("sluice"), 6);
  if (SSL_CTX_use_certificate(raw, defaultPair.cert.get()) != 1 || SSL_CTX_use_PrivateKey(raw, defaultPair.key.get()) != 1)
    return core::Error::badRequest("the default certificate is unusable: " + opensslError());
  for (const auto& c : defaultPair.chain) SSL_CTX_add1_chain_cert(raw, c.get());
  SSL_CTX_set_tlsext_servername_callback(raw, onServerName);
  SSL_CTX_set_tlsext_servername_arg(raw, select);
  SSL_CTX_set_alpn_select_cb(raw, onAlpn, nullptr);
  (void)contextIndex();
  (void)http2Index();
  return ctx;
}

void offerHttp2(SSL* ssl) {
  static int yes = 1;
  SSL_set_ex_data(ssl, http2Index(), &yes);
}

bool negotiatedHttp2(const SSL* ssl) {
  const unsigned char* protocol = nullptr;
  unsigned int length = 0;
  SSL_get0_alpn_selected(ssl, &protocol, &length);
  return length == 2 && protocol[0] == 'h' && protocol[1] == '2';
}

core::Result<SslCtxPtr> makeClientContext() {
  SSL_CTX* raw = SSL_CTX_new(TLS_client_method());
  if (!raw) return core::Error::badRequest("cannot create a TLS context: " + opensslError());
  SslCtxPtr ctx(raw, SSL_CTX_free);
  SSL_CTX_set_min_proto_version(raw, TLS1_2_VERSION);
  SSL_CTX_set_options(raw, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_default_verify_paths(raw);
  SSL_CTX_set_read_ahead(raw, 1);
  SSL_CTX_set_session_cache_mode(raw, SSL_SESS_CACHE_CLIENT);
  static const unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  SSL_CTX_set_alpn_protos(raw, kHttp11, sizeof kHttp11);
  return ctx;
}

}  // namespace sluice::net
