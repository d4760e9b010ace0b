#pragma once
// The configuration's history (GET /sluice/changes): every change with who made it, when, and the
// entity before and after as a field-by-field diff. "Revert this change" and "Restore this
// version" ask the gateway for a preview first (dry_run), show what would change, and apply only
// once confirmed; a conflict (409) is shown with the later change it names.
#include "admin_client/transport.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace sluice::manager {

class HistoryView : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryView(QWidget* parent = nullptr);
  void setTransport(admin_client::Transport* transport);

  // Asked before a revert or restore is applied, with the preview's text; true applies it. A
  // message box by default.
  using Confirm = std::function<bool(const QString& title, const QString& preview)>;
  void setConfirm(Confirm confirm) { confirm_ = std::move(confirm); }

  QTreeWidget* changes() const { return list_; }
  QString diffText() const;
  QString status() const;
  // The preview of one change or replay: a line per entity and one per changed field.
  static QString previewText(const nlohmann::json& changes);

 public slots:
  void refresh();
  void loadOlder();
  void revertSelected();
  void restoreSelected();

 signals:
  void refreshed();
  // After a revert or restore was applied (true) or refused (false).
  void replayed(bool applied);
  // The gateway's configuration changed from here: entity tables should be read again.
  void configurationChanged();

 private:
  void load(const std::string& path, bool append);
  void showSelected();
  void replay(const QString& title, const std::string& path, const char* separator);

  admin_client::Transport* transport_ = nullptr;
  Confirm confirm_;
  QComboBox* entity_;
  QPushButton* refresh_;
  QPushButton* older_;
  QPushButton* revert_;
  QPushButton* restore_;
  QLabel* status_;
  QTreeWidget* list_;
  QTextBrowser* diff_;
  std::string next_;  // the next page's path, empty when none
  quint64 generation_ = 0;
};

}  // namespace sluice::manager
