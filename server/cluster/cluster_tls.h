#pragma once
// Mutual TLS between a control plane and its data planes (Poco's OpenSSL contexts). Shared mode:
// both sides present the same self-signed certificate and accept only that one. PKI mode: each
// side's certificate must be issued by cluster_ca_cert, and the control plane's must carry
// cluster_server_name.
#include "cluster/cluster_settings.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/X509Certificate.h>

namespace sluice::cluster {

core::Result<Poco::Net::Context::Ptr> serverContext(const ClusterSettings& settings);
core::Result<Poco::Net::Context::Ptr> clientContext(const ClusterSettings& settings);

// Shared mode: true when the peer presented exactly the certificate in `certFile`.
bool sameCertificate(const Poco::Net::X509Certificate& peer, const std::string& certFile);

// `sluice hybrid gen_cert`: a self-signed P-384 certificate (CN kong_clustering, as Kong's) and its
// key, valid for `days`; refuses to overwrite either file.
core::Status generateSharedCertificate(const std::string& certFile, const std::string& keyFile, int days);

}  // namespace sluice::cluster
