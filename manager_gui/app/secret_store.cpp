#include "app/secret_store.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>

namespace sluice::manager {

SecretStore::SecretStore(QString service, QObject* parent) : QObject(parent), service_(std::move(service)) {}

void SecretStore::fellBack(const QString& why) {
  if (!persistent_) return;
  persistent_ = false;
  qWarning("system keychain unavailable (%s): admin tokens are kept for this session only", qPrintable(why));
  emit persistenceChanged(false);
}

void SecretStore::read(const QString& profile, std::function<void(const QString&)> done) {
  if (memory_.contains(profile) || !persistent_) {
    done(memory_.value(profile));
    return;
  }
  auto* job = new QKeychain::ReadPasswordJob(service_, this);
  job->setAutoDelete(true);
  job->setKey(profile);
  connect(job, &QKeychain::Job::finished, this, [this, job, profile, done = std::move(done)] {
    if (job->error() == QKeychain::NoError) {
      memory_.insert(profile, job->textData());
    } else if (job->error() != QKeychain::EntryNotFound) {
      fellBack(job->errorString());
    }
    done(memory_.value(profile));
  });
  job->start();
}

void SecretStore::write(const QString& profile, const QString& token) {
  memory_.insert(profile, token);
  if (!persistent_) return;
  auto* job = new QKeychain::WritePasswordJob(service_, this);
  job->setAutoDelete(true);
  job->setKey(profile);
  job->setTextData(token);
  connect(job, &QKeychain::Job::finished, this, [this, job] {
    if (job->error() != QKeychain::NoError) fellBack(job->errorString());
  });
  job->start();
}

void SecretStore::forget(const QString& profile) {
  memory_.remove(profile);
  if (!persistent_) return;
  auto* job = new QKeychain::DeletePasswordJob(service_, this);
  job->setAutoDelete(true);
  job->setKey(profile);
  job->start();
}

}  // namespace sluice::manager
