#include "upstream_process.h"

#include <csignal>

namespace sluice::test {

UpstreamProcess::~UpstreamProcess() { stop(); }

bool UpstreamProcess::start(quint16 port) {
  process_.start(program_, {QString::number(port)});
  if (!process_.waitForStarted(5000) || !process_.waitForReadyRead(10000)) return false;
  const QByteArray line = process_.readLine().trimmed();  // "listening on PORT"
  port_ = static_cast<quint16>(line.mid(line.lastIndexOf(' ') + 1).toUInt());
  return port_ != 0;
}

void UpstreamProcess::stop() {
  if (process_.state() == QProcess::NotRunning) return;
  process_.terminate();
  if (!process_.waitForFinished(5000)) process_.kill();
  process_.waitForFinished(1000);
}

void UpstreamProcess::kill() {
  process_.kill();
  process_.waitForFinished(5000);
}

void UpstreamProcess::signal(int sig) {
  if (process_.state() == QProcess::Running) ::kill(static_cast<pid_t>(process_.processId()), sig);
}

QByteArray UpstreamProcess::output() {
  process_.waitForReadyRead(50);
  return process_.readAll();
}

}  // namespace sluice::test
