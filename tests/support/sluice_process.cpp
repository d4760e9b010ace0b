#include "sluice_process.h"

#include "port_reservation.h"

#include <sys/resource.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QThread>

#include <csignal>

namespace sluice::test {

SluiceProcess::SluiceProcess() : dir_(std::make_unique<QTemporaryDir>()), env_(QProcessEnvironment::systemEnvironment()) {
  env_.insert("SLUICE_PREFIX", dir_->path());
  port_ = freePort();
  proxyPort_ = freePort();
  env_.insert("SLUICE_ADMIN_LISTEN", "127.0.0.1:" + QString::number(port_));
  env_.insert("SLUICE_PROXY_LISTEN", "127.0.0.1:" + QString::number(proxyPort_));
  env_.insert("SLUICE_LOG_LEVEL", "info");
}

SluiceProcess::~SluiceProcess() {
  if (process_ && process_->state() != QProcess::NotRunning) kill();
  // SLUICE_TEST_SHOW_LOGS=1 prints what the server said (sanitizer reports among it).
  if (process_ && qEnvironmentVariableIsSet("SLUICE_TEST_SHOW_LOGS")) {
    logs_ += process_->readAll();
    qWarning("sluice output:\n%s", logs_.constData());
  }
}

// SLUICE_TEST_BINARY: another build's gateway (the sanitizer pass runs these suites against its own).
QString SluiceProcess::binary() { return qEnvironmentVariable("SLUICE_TEST_BINARY", QStringLiteral(SLUICE_BINARY)); }

quint16 SluiceProcess::freePort() { return reservePort(); }

bool SluiceProcess::usePostgresFromFixture() {
  const QString port = qEnvironmentVariable("SLUICE_TEST_PG_PORT");
  if (port.isEmpty()) return false;
  setEnv("DATABASE", "postgres");
  setEnv("PG_HOST", "127.0.0.1");
  setEnv("PG_PORT", port);
  setEnv("PG_USER", "sluice");
  setEnv("PG_DATABASE", "sluice");
  return true;
}

bool SluiceProcess::useBackend(const QString& backend) {
  if (backend != "postgres") return true;
  if (!usePostgresFromFixture()) return false;
  return run({"migrations", "reset", "--yes"}) == 0 && run({"migrations", "bootstrap"}) == 0;
}

void SluiceProcess::addBackendRows() {
  QTest::addColumn<QString>("backend");
  QTest::newRow("sqlite") << "sqlite";
  QTest::newRow("postgres") << "postgres";
}

bool SluiceProcess::start(const QStringList& extraArgs) {
  // The ports were free when chosen, but a test running beside this one may take them before
  // sluice binds them: then sluice exits, and it is started again on other ports.
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (attempt > 0) {
      port_ = freePort();
      proxyPort_ = freePort();
      env_.insert("SLUICE_PROXY_LISTEN", "127.0.0.1:" + QString::number(proxyPort_));
    }
    env_.insert("SLUICE_ADMIN_LISTEN", listenHost_ + ":" + QString::number(port_) + (adminTls_ ? " ssl" : ""));
    process_ = std::make_unique<QProcess>();
    process_->setProcessEnvironment(env_);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    if (!outputFile_.isEmpty()) process_->setStandardOutputFile(outputFile_, QIODevice::Append);
    if (descriptorLimit_ > 0) {
      const rlim_t limit = static_cast<rlim_t>(descriptorLimit_);
      process_->setChildProcessModifier([limit] {
        const rlimit r{limit, limit};
        setrlimit(RLIMIT_NOFILE, &r);
      });
    }
    process_->start(binary(), QStringList{"start"} + extraArgs);
    if (!process_->waitForStarted(5000)) return false;
    QElapsedTimer timer;
    timer.start();
    // (a sanitized gateway loading 10,000 routes on a busy machine takes a while)
    while (timer.elapsed() < 60000 && process_->state() == QProcess::Running) {
      const auto r = admin().get("/status");
      // Sluice's own answer (with admin_tokens, /status answers 401), not another server's.
      if (r.status == 401 || (r.status == 200 && r.body.contains("\"database\""))) return true;
      QThread::msleep(50);
    }
    process_->waitForFinished(100);
    logs_ += process_->readAll();
    if (process_->state() == QProcess::Running) break;  // running but never ready: do not retry
  }
  qWarning("sluice did not start:\n%s", logs_.constData());
  return false;
}

bool SluiceProcess::routeTo(quint16 upstreamPort, const QString& path, const QString& name) const {
  const HttpClient api = admin();
  if (api.sendJson("POST", "/services", {{"name", name}, {"url", QString("http://127.0.0.1:%1").arg(upstreamPort)}}).status != 201 ||
      api.sendJson("POST", "/services/" + name.toUtf8() + "/routes", {{"paths", QJsonArray{path}}}).status != 201)
    return false;
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < 5000) {
    if (proxy().get(path.toUtf8()).status == 200) return true;
    QThread::msleep(20);
  }
  return false;
}

qint64 SluiceProcess::pidFromFile() const {
  QFile file(prefix() + "/sluice.pid");
  if (!file.open(QIODevice::ReadOnly)) return 0;
  return file.readAll().trimmed().toLongLong();
}

bool SluiceProcess::takeOver(const QStringList& extraArgs) {
  if (!running()) return false;
  auto successor = std::make_unique<QProcess>();
  successor->setProcessEnvironment(env_);
  successor->setProcessChannelMode(QProcess::MergedChannels);
  successor->start(binary(), QStringList{"start", "--takeover"} + extraArgs);
  if (!successor->waitForStarted(5000)) return false;
  // The successor writes its pid into the prefix just before it tells the old process to go.
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < 20000 && successor->state() == QProcess::Running && pidFromFile() != successor->processId())
    QThread::msleep(20);
  if (pidFromFile() != successor->processId()) {
    successor->waitForFinished(100);
    logs_ += "--- successor ---\n" + successor->readAll();
    return false;
  }
  const bool oldExited = process_->waitForFinished(30000) && process_->exitStatus() == QProcess::NormalExit && process_->exitCode() == 0;
  logs_ += process_->readAll();
  if (!oldExited) return false;
  process_ = std::move(successor);
  return true;
}

bool SluiceProcess::stop() {
  if (!process_) return true;
  ::kill(static_cast<pid_t>(process_->processId()), SIGTERM);
  const bool finished = process_->waitForFinished(15000);
  logs_ += process_->readAll();
  return finished && process_->exitStatus() == QProcess::NormalExit && process_->exitCode() == 0;
}

void SluiceProcess::kill() {
  if (!process_) return;
  ::kill(static_cast<pid_t>(process_->processId()), SIGKILL);
  process_->waitForFinished(5000);
  logs_ += process_->readAll();
}

void SluiceProcess::signal(int sig) {
  if (process_) ::kill(static_cast<pid_t>(process_->processId()), sig);
}

bool SluiceProcess::waitForExit(int ms) {
  if (!process_) return true;
  const bool finished = process_->waitForFinished(ms);
  logs_ += process_->readAll();
  return finished && process_->exitStatus() == QProcess::NormalExit && process_->exitCode() == 0;
}

int SluiceProcess::run(const QStringList& args, QByteArray* output) const {
  QProcess p;
  p.setProcessEnvironment(env_);
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(binary(), args);
  p.waitForFinished(120000);
  if (output) *output = p.readAll();
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace sluice::test
