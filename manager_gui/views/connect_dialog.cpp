#include "views/connect_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sluice::manager {

ConnectDialog::ConnectDialog(ConnectionProfiles& profiles, SecretStore& secrets, QWidget* parent)
    : QDialog(parent), profiles_(profiles), secrets_(secrets) {
  setWindowTitle(tr("Connect to a gateway"));
  saved_ = new QComboBox;
  name_ = new QLineEdit;
  name_->setPlaceholderText(tr("e.g. production"));
  url_ = new QLineEdit("http://127.0.0.1:8001");
  token_ = new QLineEdit;
  token_->setEchoMode(QLineEdit::Password);
  token_->setPlaceholderText(tr("only when the gateway has admin_tokens"));
  verify_ = new QCheckBox(tr("Verify the gateway's TLS certificate"));
  verify_->setChecked(true);
  ca_ = new QLineEdit;
  ca_->setPlaceholderText(tr("PEM file of a CA to trust (optional)"));
  note_ = new QLabel;
  note_->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Saved:"), saved_);
  form->addRow(tr("Name:"), name_);
  form->addRow(tr("Admin API URL:"), url_);
  form->addRow(tr("Admin token:"), token_);
  form->addRow(QString(), verify_);
  form->addRow(tr("CA file:"), ca_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  QPushButton* connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
  QPushButton* forget = buttons->addButton(tr("Delete profile"), QDialogButtonBox::DestructiveRole);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons);
  connect(connectButton, &QPushButton::clicked, this, &ConnectDialog::connectToGateway);
  connect(forget, &QPushButton::clicked, this, &ConnectDialog::deleteProfile);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(saved_, &QComboBox::textActivated, this, &ConnectDialog::loadProfile);
  const auto explain = [this](bool persistent) {
    note_->setText(persistent ? tr("Admin tokens are kept in the system keychain.")
                              : tr("No system keychain here: admin tokens are kept for this session only."));
  };
  connect(&secrets_, &SecretStore::persistenceChanged, this, explain);
  explain(secrets_.persistent());
  refreshProfiles();
  if (!profiles_.lastUsed().isEmpty()) loadProfile(profiles_.lastUsed());
}

void ConnectDialog::refreshProfiles() {
  saved_->clear();
  for (const ConnectionProfile& p : profiles_.all()) saved_->addItem(p.name);
  saved_->setEnabled(saved_->count() > 0);
}

void ConnectDialog::loadProfile(const QString& name) {
  for (const ConnectionProfile& p : profiles_.all())
    if (p.name == name) {
      name_->setText(p.name);
      url_->setText(p.url.toString());
      verify_->setChecked(p.verifyTls);
      ca_->setText(p.caFile);
      saved_->setCurrentText(p.name);
      secrets_.read(p.name, [this, name](const QString& token) {
        if (name_->text() == name) token_->setText(token);
      });
    }
}

void ConnectDialog::deleteProfile() {
  const QString name = name_->text().trimmed();
  if (name.isEmpty()) return;
  profiles_.remove(name);
  secrets_.forget(name);
  refreshProfiles();
}

ConnectionProfile ConnectDialog::profile() const {
  ConnectionProfile p;
  p.name = name_->text().trimmed();
  p.url = QUrl::fromUserInput(url_->text().trimmed());
  p.verifyTls = verify_->isChecked();
  p.caFile = ca_->text().trimmed();
  return p;
}

TransportSettings ConnectDialog::settings() const {
  TransportSettings s;
  const ConnectionProfile p = profile();
  s.baseUrl = p.url;
  s.token = token_->text();
  s.verifyTls = p.verifyTls;
  s.caFile = p.caFile;
  return s;
}

void ConnectDialog::connectToGateway() {
  const ConnectionProfile p = profile();
  if (!p.url.isValid() || (p.url.scheme() != "http" && p.url.scheme() != "https")) {
    note_->setText(tr("The Admin API URL must start with http:// or https://."));
    url_->setFocus();
    return;
  }
  if (!p.name.isEmpty()) {
    profiles_.save(p);
    profiles_.setLastUsed(p.name);
    secrets_.write(p.name, token_->text());
  }
  accept();
}

}  // namespace sluice::manager
