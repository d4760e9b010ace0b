#include "api/proxy_address.h"

#include <QStringList>

namespace sluice::manager {

QString proxyBaseUrl(const QString& adminHost, const QString& proxyListen) {
  const QString host = adminHost.isEmpty() ? QStringLiteral("127.0.0.1") : adminHost;
  for (const QString& item : proxyListen.split(',', Qt::SkipEmptyParts)) {
    const QStringList words = item.trimmed().split(' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.contains("ssl")) continue;
    return QString("http://%1:%2").arg(host, words.first().section(':', -1));
  }
  return QString("http://%1:8000").arg(host);
}

}  // namespace sluice::manager
