#pragma once
// The Admin API client transport over QNetworkAccessManager: asynchronous, on the GUI thread,
// with the connection profile's base URL, bearer token and TLS policy (verify, or trust a CA file).
#include "admin_client/transport.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QUrl>

namespace sluice::manager {

struct TransportSettings {
  QUrl baseUrl{"http://127.0.0.1:8001"};
  QString token;           // sent as "Authorization: Bearer ..." when set
  bool verifyTls = true;   // off: self-signed gateways (the profile says so explicitly)
  QString caFile;          // extra CA certificates (PEM) to trust
  int timeoutMs = 10000;
};

class QtTransport final : public admin_client::Transport {
 public:
  explicit QtTransport(TransportSettings settings);
  void send(const admin_client::Request& request, std::function<void(const admin_client::Response&)> done) override;
  const TransportSettings& settings() const { return settings_; }

 private:
  TransportSettings settings_;
  QList<QSslCertificate> extraCas_;
  QNetworkAccessManager network_;
};

}  // namespace sluice::manager
