#include "proxy/upstream_tls.h"

namespace sluice::proxy {

void applyServiceTls(SSL* ssl, const snapshot::ServiceRuntime& service) {
  if (!service.sni.empty()) {
    SSL_set_tlsext_host_name(ssl, service.sni.c_str());
    if (service.tlsVerify) SSL_set1_host(ssl, service.sni.c_str());
  }
  if (service.tlsVerify) {
    SSL_set_verify(ssl, SSL_VERIFY_PEER, nullptr);
    SSL_set_verify_depth(ssl, service.tlsVerifyDepth);
    if (service.caStore) SSL_set1_verify_cert_store(ssl, service.caStore.get());
  } else {
    SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
  }
  if (service.clientCertificate) net::usePair(ssl, *service.clientCertificate);
}

}  // namespace sluice::proxy
