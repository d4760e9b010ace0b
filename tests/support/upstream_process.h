#pragma once
// The test upstream (sluice_test_upstream) as a child process on a free loopback port.
#include <QProcess>

namespace sluice::test {

class UpstreamProcess {
 public:
  ~UpstreamProcess();
  bool start(quint16 port = 0);  // 0: a free port
  void stop();
  quint16 port() const { return port_; }

 private:
  QProcess process_;
  quint16 port_ = 0;
};

}  // namespace sluice::test
