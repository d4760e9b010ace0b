#pragma once
// Gateway ▸ Import configuration: a kong.yml's effect shown before it happens (POST
// /sluice/config/diff: what would be created, changed and — with "replace" — deleted), then
// applied in one transaction (POST /sluice/config/apply). Export is the other way:
// GET /sluice/config into a file.
#include "admin_client/transport.h"

#include <QDialog>

#include <nlohmann/json.hpp>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace sluice::manager {

class ImportDialog : public QDialog {
  Q_OBJECT

 public:
  ImportDialog(admin_client::Transport& transport, QString configText, QWidget* parent = nullptr);

  QTreeWidget* changes() const { return tree_; }
  QCheckBox* replaceBox() const { return replace_; }
  const nlohmann::json& plan() const { return plan_; }

 public slots:
  void preview();
  void apply();

 signals:
  void previewReady(const nlohmann::json& plan);
  void applied(const nlohmann::json& plan);
  void failed(const QString& message);

 private:
  void request(const char* step, std::function<void(const nlohmann::json&)> done);

  admin_client::Transport& transport_;
  QString text_;
  nlohmann::json plan_;
  QTreeWidget* tree_;
  QCheckBox* replace_;
  QLabel* summary_;
  QPushButton* applyButton_;
};

// GET /sluice/config: the gateway's configuration as kong.yml text (or an error message).
void fetchConfiguration(admin_client::Transport& transport, std::function<void(const QString& yaml, const QString& error)> done);

}  // namespace sluice::manager
