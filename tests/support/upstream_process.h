#pragma once
// A test upstream as a child process on a free loopback port: sluice_test_upstream, or another
// program that prints "listening on PORT" first (sluice_faulty_upstream, sluice_test_dns).
#include <QProcess>
#include <QString>

#include <utility>

namespace sluice::test {

class UpstreamProcess {
 public:
  explicit UpstreamProcess(QString program = QStringLiteral(SLUICE_TEST_UPSTREAM)) : program_(std::move(program)) {}
  ~UpstreamProcess();
  bool start(quint16 port = 0);  // 0: a free port
  void stop();
  void kill();  // SIGKILL: gone at once, its connections with it
  void signal(int sig);
  quint16 port() const { return port_; }
  // What it printed since the last call (after the "listening on" line).
  QByteArray output();

 private:
  QString program_;
  QProcess process_;
  quint16 port_ = 0;
};

}  // namespace sluice::test
