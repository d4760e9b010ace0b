#include "views/import_dialog.h"

#include "admin_client/api_error.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sluice::manager {

ImportDialog::ImportDialog(admin_client::Transport& transport, QString configText, QWidget* parent)
    : QDialog(parent), transport_(transport), text_(std::move(configText)) {
  setWindowTitle(tr("Import configuration"));
  replace_ = new QCheckBox(tr("Replace: delete what the file does not mention"));
  summary_ = new QLabel(tr("Comparing the file with the gateway…"));
  summary_->setWordWrap(true);
  tree_ = new QTreeWidget;
  tree_->setColumnCount(3);
  tree_->setHeaderLabels({tr("Change"), tr("Entity"), tr("Id")});
  tree_->header()->setStretchLastSection(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  applyButton_ = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
  applyButton_->setEnabled(false);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(replace_);
  layout->addWidget(summary_);
  layout->addWidget(tree_, 1);
  layout->addWidget(buttons);
  connect(replace_, &QCheckBox::toggled, this, &ImportDialog::preview);
  connect(applyButton_, &QPushButton::clicked, this, &ImportDialog::apply);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(640, 520);
  preview();
}

void ImportDialog::request(const char* step, std::function<void(const nlohmann::json&)> done) {
  const nlohmann::json body{{"config", text_.toStdString()}, {"replace", replace_->isChecked()}};
  transport_.send({"POST", std::string("/sluice/config/") + step, body.dump(), "application/json"},
                  [this, done = std::move(done)](const admin_client::Response& r) {
                    const nlohmann::json answer = nlohmann::json::parse(r.body, nullptr, false);
                    if (!r.ok() || !answer.is_object()) {
                      const QString message = QString::fromStdString(admin_client::errorFrom(r).summary());
                      summary_->setText(tr("The gateway refused the file: %1").arg(message));
                      applyButton_->setEnabled(false);
                      emit failed(message);
                      return;
                    }
                    done(answer);
                  });
}

void ImportDialog::preview() {
  applyButton_->setEnabled(false);
  request("diff", [this](const nlohmann::json& plan) {
    plan_ = plan;
    tree_->clear();
    const std::pair<const char*, QString> groups[] = {{"create", tr("Create")}, {"update", tr("Change")}, {"delete", tr("Delete")}};
    int total = 0;
    for (const auto& [key, title] : groups) {
      const auto list = plan.value(key, nlohmann::json::array());
      auto* group = new QTreeWidgetItem(tree_, {QString("%1 (%2)").arg(title).arg(list.size())});
      group->setData(0, Qt::UserRole, QString(key));
      for (const auto& c : list)
        new QTreeWidgetItem(group, {QString::fromStdString(c.value("name", "")), QString::fromStdString(c.value("entity", "")),
                                    QString::fromStdString(c.value("id", ""))});
      group->setExpanded(true);
      total += static_cast<int>(list.size());
    }
    summary_->setText(total == 0 ? tr("The gateway already has this configuration.")
                                 : tr("%1 changes; %2 entities stay as they are.").arg(total).arg(plan.value("unchanged", 0)));
    applyButton_->setEnabled(total > 0);
    emit previewReady(plan);
  });
}

void ImportDialog::apply() {
  applyButton_->setEnabled(false);
  request("apply", [this](const nlohmann::json& plan) {
    emit applied(plan);
    accept();
  });
}

void fetchConfiguration(admin_client::Transport& transport, std::function<void(const QString&, const QString&)> done) {
  transport.send({"GET", "/sluice/config", "", "application/json"}, [done = std::move(done)](const admin_client::Response& r) {
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    if (!r.ok() || !j.is_object() || !j.contains("config")) {
      done({}, QString::fromStdString(admin_client::errorFrom(r).summary()));
      return;
    }
    done(QString::fromStdString(j["config"].get<std::string>()), {});
  });
}

}  // namespace sluice::manager
