#pragma once
// OpenSSL contexts for the proxy: the server side (TLS 1.2 and 1.3 only by default, ALPN h2 where
// the listener offers it and http/1.1,
// session tickets and a session cache for resumption, a default certificate, and a callback that
// picks a certificate by SNI) and the client side towards upstreams.
#include "core/result.h"

#include <openssl/ssl.h>

#include <functional>
#include <memory>
#include <string>

namespace sluice::net {

using SslCtxPtr = std::shared_ptr<SSL_CTX>;

struct KeyPair {
  std::shared_ptr<X509> cert;
  std::vector<std::shared_ptr<X509>> chain;  // intermediates after the leaf
  std::shared_ptr<EVP_PKEY> key;
};

// Parses PEM text (a leaf certificate, optionally followed by its chain) and its private key.
core::Result<KeyPair> parseKeyPair(const std::string& certPem, const std::string& keyPem);
// A self-signed certificate for `commonName`, written to `certPath`/`keyPath` unless they exist.
core::Result<KeyPair> loadOrCreateDefaultCertificate(const std::string& certPath, const std::string& keyPath,
                                                     const std::string& commonName);
// Uses `pair` on `ssl` (the SNI callback) or as the context's default.
bool usePair(SSL* ssl, const KeyPair& pair);

// `selectBySni(ssl, name)` may call usePair(); returning false keeps the default certificate.
core::Result<SslCtxPtr> makeServerContext(const KeyPair& defaultPair, const std::string& protocols,
                                          std::function<bool(SSL*, const std::string&)> selectBySni);
core::Result<SslCtxPtr> makeClientContext();

// A connection whose listener has the http2 flag offers h2 in ALPN (preferred over http/1.1 when
// the client offers both); call before the handshake.
void offerHttp2(SSL* ssl);
// The handshake chose h2.
bool negotiatedHttp2(const SSL* ssl);

}  // namespace sluice::net
