#pragma once
// A real `sluice` process for black-box tests: a private prefix in a temp folder, a free admin
// port, started and waited for until GET /status answers.
#include "http_client.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace sluice::test {

class SluiceProcess {
 public:
  SluiceProcess();
  ~SluiceProcess();

  // Extra SLUICE_<KEY> environment for the next start (e.g. {"DATABASE", "postgres"}).
  void setEnv(const QString& key, const QString& value) { env_.insert("SLUICE_" + key, value); }
  // Any other environment variable for the next start (NOTIFY_SOCKET, JOURNAL_STREAM, ...).
  void setProcessEnv(const QString& key, const QString& value) { env_.insert(key, value); }
  // Sends the process's output to `path` instead of logs() from the next start.
  void setOutputFile(const QString& path) { outputFile_ = path; }
  // The admin listener's address (default 127.0.0.1); the tests connect through loopback.
  void setListenHost(const QString& host) { listenHost_ = host; }
  // The Admin API listens with TLS (admin_listen ... ssl); admin() speaks it.
  void setAdminTls(bool tls) { adminTls_ = tls; }
  // Caps the process's open descriptors (soft and hard limit) from the next start.
  void setDescriptorLimit(int limit) { descriptorLimit_ = limit; }
  // Uses the PostgreSQL server of the test fixture (SLUICE_TEST_PG_PORT), false when there is none.
  bool usePostgresFromFixture();
  // For suites run once per backend ("sqlite", "postgres"): points at that backend, with an empty,
  // freshly bootstrapped PostgreSQL database. False when that fails or there is no fixture.
  bool useBackend(const QString& backend);
  // The rows of such a suite's initTestCase_data().
  static void addBackendRows();

  bool start(const QStringList& extraArgs = {});
  // Starts a second sluice on the same prefix, ports and environment that takes the running one's
  // listeners over (start --takeover). True once it serves and the old process has exited cleanly;
  // from then on this object controls the new one. False (with the logs kept) otherwise.
  bool takeOver(const QStringList& extraArgs = {});
  // A service `name` for the upstream on `upstreamPort` and a route for `path` to it; true once the
  // proxy serves the route (200).
  bool routeTo(quint16 upstreamPort, const QString& path = "/", const QString& name = "echo") const;
  // The pid in <prefix>/sluice.pid (0 without one).
  qint64 pidFromFile() const;
  bool stop();  // SIGTERM, then wait for a clean exit
  void kill();  // SIGKILL
  void signal(int sig);
  bool running() const { return process_ && process_->state() == QProcess::Running; }
  // Waits for the process to end (after a signal); true if it exited with status 0.
  bool waitForExit(int ms);
  // Runs `sluice ARGS` to completion with the same prefix and environment.
  int run(const QStringList& args, QByteArray* output = nullptr) const;

  quint16 adminPort() const { return port_; }
  quint16 proxyPort() const { return proxyPort_; }
  HttpClient proxy() const { return HttpClient(proxyPort_); }
  QString prefix() const { return dir_->path(); }
  HttpClient admin() const {
    HttpClient client(port_);
    client.setTls(adminTls_);
    return client;
  }
  // Everything the process (and those before it on this object) printed so far.
  QByteArray logs() const {
    if (process_) logs_ += process_->readAll();
    return logs_;
  }

  // A port reserved for this test process (port_reservation.h): no parallel suite gets it too.
  static quint16 freePort();
  static QString binary();

 private:
  std::unique_ptr<QTemporaryDir> dir_;
  std::unique_ptr<QProcess> process_;
  QProcessEnvironment env_;
  quint16 port_ = 0;
  quint16 proxyPort_ = 0;
  QString listenHost_ = "127.0.0.1";
  bool adminTls_ = false;
  mutable QByteArray logs_;
  int descriptorLimit_ = 0;
  QString outputFile_;
};

}  // namespace sluice::test
