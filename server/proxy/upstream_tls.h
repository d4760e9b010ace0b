#pragma once
// TLS toward a service's upstream, HTTP/1.1 (https) or HTTP/2 (grpcs) alike: the SNI, the
// verification (tls_verify, tls_verify_depth, ca_certificates) and the client certificate.
#include "snapshot/config_snapshot.h"

#include <openssl/ssl.h>

namespace sluice::proxy {

void applyServiceTls(SSL* ssl, const snapshot::ServiceRuntime& service);

}  // namespace sluice::proxy
