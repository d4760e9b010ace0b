#pragma once
// Where the manager reaches a gateway's proxy: the first plain (not ssl) listener of its
// proxy_listen, at the host the Admin API was reached at ("http://10.0.0.5:8000").
#include <QString>

namespace sluice::manager {

QString proxyBaseUrl(const QString& adminHost, const QString& proxyListen);

}  // namespace sluice::manager
