#include "history/history_view.h"

#include "api/json_text.h"
#include "admin_client/api_error.h"
#include "admin_client/entity_diff.h"
#include "model/registry.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

using nlohmann::json;

constexpr int kPage = 100;
const QColor kCreated("#27ae60"), kUpdated("#2980b9"), kDeleted("#c0392b");

QString operationLabel(const QString& operation) {
  if (operation == "create") return HistoryView::tr("created");
  if (operation == "delete") return HistoryView::tr("deleted");
  return HistoryView::tr("updated");
}

QColor operationColour(const QString& operation) {
  return operation == "create" ? kCreated : operation == "delete" ? kDeleted : kUpdated;
}

QString entityLabel(const json& change) {
  const QString name = jsonText(change, "entity_name");
  return name.isEmpty() ? jsonText(change, "entity_id") : name;
}

QString html(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

}  // namespace

HistoryView::HistoryView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  entity_ = new QComboBox;
  entity_->addItem(tr("All entities"), QString());
  for (const auto* e : model::allEntities()) entity_->addItem(QString::fromStdString(e->name), QString::fromStdString(e->name));
  refresh_ = new QPushButton(tr("Refresh"));
  older_ = new QPushButton(tr("Load older"));
  older_->setEnabled(false);
  revert_ = new QPushButton(tr("Revert this change…"));
  restore_ = new QPushButton(tr("Restore this version…"));
  revert_->setToolTip(tr("Undo the selected change where its entity is still as the change left it"));
  restore_->setToolTip(tr("Return the whole configuration to what it was right after the selected change"));
  revert_->setEnabled(false);
  restore_->setEnabled(false);
  bar->addWidget(new QLabel(tr("Show")));
  bar->addWidget(entity_);
  bar->addWidget(refresh_);
  bar->addWidget(older_);
  bar->addStretch(1);
  bar->addWidget(revert_);
  bar->addWidget(restore_);
  layout->addLayout(bar);
  status_ = new QLabel(tr("Every change to the configuration, newest first."));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(status_);

  auto* split = new QSplitter(Qt::Vertical);
  list_ = new QTreeWidget;
  list_->setColumnCount(7);
  list_->setHeaderLabels({tr("Version"), tr("Time"), tr("Author"), tr("Change"), tr("Entity"), tr("Name"), tr("Request")});
  list_->setRootIsDecorated(false);
  list_->setAlternatingRowColors(true);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->header()->setStretchLastSection(true);
  split->addWidget(list_);
  diff_ = new QTextBrowser;
  diff_->setPlaceholderText(tr("Select a change to see what it changed."));
  split->addWidget(diff_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);

  confirm_ = [this](const QString& title, const QString& preview) {
    QMessageBox box(QMessageBox::Question, title, title, QMessageBox::Apply | QMessageBox::Cancel, this);
    box.setInformativeText(tr("The gateway computed what this would change. Apply it?"));
    box.setDetailedText(preview);
    return box.exec() == QMessageBox::Apply;
  };
  connect(refresh_, &QPushButton::clicked, this, &HistoryView::refresh);
  connect(older_, &QPushButton::clicked, this, &HistoryView::loadOlder);
  connect(entity_, &QComboBox::currentIndexChanged, this, &HistoryView::refresh);
  connect(revert_, &QPushButton::clicked, this, &HistoryView::revertSelected);
  connect(restore_, &QPushButton::clicked, this, &HistoryView::restoreSelected);
  connect(list_, &QTreeWidget::itemSelectionChanged, this, &HistoryView::showSelected);
}

void HistoryView::setTransport(admin_client::Transport* transport) {
  transport_ = transport;
  ++generation_;
  list_->clear();
  diff_->clear();
  next_.clear();
  older_->setEnabled(false);
}

QString HistoryView::diffText() const { return diff_->toPlainText(); }

QString HistoryView::status() const { return status_->text(); }

void HistoryView::refresh() {
  std::string path = "/sluice/changes?size=" + std::to_string(kPage);
  const QString entity = entity_->currentData().toString();
  if (!entity.isEmpty()) path += "&entity=" + QUrl::toPercentEncoding(entity).toStdString();
  load(path, false);
}

void HistoryView::loadOlder() {
  if (!next_.empty()) load(next_, true);
}

void HistoryView::load(const std::string& path, bool append) {
  if (!transport_) {
    status_->setText(tr("Not connected."));
    return;
  }
  const quint64 generation = ++generation_;
  transport_->send({"GET", path, "", "application/json"}, [this, generation, append](const admin_client::Response& r) {
    if (generation != generation_) return;
    const auto page = json::parse(r.body, nullptr, false);
    if (!r.ok() || !page.is_object()) {
      status_->setText(QString::fromStdString(admin_client::errorFrom(r).summary()));
      emit refreshed();
      return;
    }
    const QString selected = list_->currentItem() ? list_->currentItem()->data(0, Qt::UserRole + 1).toString() : QString();
    if (!append) list_->clear();
    for (const auto& c : page.value("data", json::array())) {
      const QString operation = jsonText(c, "operation");
      const QString author = jsonText(c, "author");
      const QString source = jsonText(c, "source");
      QString request = jsonText(c, "method") + " " + jsonText(c, "path");
      if (jsonText(c, "method").isEmpty()) request = source + (jsonText(c, "path").isEmpty() ? QString() : " " + jsonText(c, "path"));
      const auto at = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(c.value("at", 0.0) * 1000));
      auto* item = new QTreeWidgetItem(list_, {QString::number(c.value("version", 0)), at.toString("yyyy-MM-dd hh:mm:ss"),
                                               author.isEmpty() ? tr("(no token)") : author, operationLabel(operation),
                                               jsonText(c, "entity"), entityLabel(c), request.trimmed()});
      item->setData(0, Qt::UserRole, QString::fromStdString(c.dump()));
      item->setData(0, Qt::UserRole + 1, QString::number(c.value("id", 0)));
      item->setForeground(3, operationColour(operation));
      if (!jsonText(c, "cascaded_from").isEmpty()) item->setToolTip(3, tr("Taken along by the change of %1").arg(jsonText(c, "cascaded_from")));
      if (item->data(0, Qt::UserRole + 1).toString() == selected) list_->setCurrentItem(item);
    }
    next_ = page.value("next", json()).is_string() ? page["next"].get<std::string>() : std::string();
    older_->setEnabled(!next_.empty());
    const auto newest = page.value("newest_version", 0), oldest = page.value("oldest_version", 0);
    status_->setText(newest == 0 ? tr("No change recorded yet.")
                                 : tr("Versions %1 to %2 kept (the last %3). Select a change to see its diff.")
                                       .arg(oldest)
                                       .arg(newest)
                                       .arg(page.value("kept", 0)));
    for (int c = 0; c < 6; ++c) list_->resizeColumnToContents(c);
    emit refreshed();
  });
}

void HistoryView::showSelected() {
  auto* item = list_->currentItem();
  revert_->setEnabled(item != nullptr);
  restore_->setEnabled(item != nullptr);
  if (!item) {
    diff_->clear();
    return;
  }
  const auto change = json::parse(item->data(0, Qt::UserRole).toString().toStdString(), nullptr, false);
  if (!change.is_object()) return;
  const QString operation = jsonText(change, "operation");
  QString out = QString("<p><b>%1 %2 “%3”</b> — %4</p>")
                    .arg(jsonText(change, "entity").toHtmlEscaped(), operationLabel(operation).toHtmlEscaped(),
                         entityLabel(change).toHtmlEscaped(),
                         tr("version %1, by %2").arg(change.value("version", 0)).arg(jsonText(change, "author").isEmpty()
                                                                                        ? tr("(no token)")
                                                                                        : jsonText(change, "author").toHtmlEscaped()));
  out += "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>";
  out += QString("<tr><th>%1</th><th>%2</th><th>%3</th></tr>").arg(tr("Field"), tr("Before"), tr("After"));
  const auto fields = admin_client::diffEntity(change.value("before", json()), change.value("after", json()));
  for (const auto& f : fields) {
    const QString before = f.before.is_null() ? QString() : html(admin_client::shortValue(f.before));
    const QString after = f.after.is_null() ? QString() : html(admin_client::shortValue(f.after));
    out += QString("<tr><td><code>%1</code></td><td style='background:#fadbd8'>%2</td><td style='background:#d5f5e3'>%3</td></tr>")
               .arg(html(f.path), before, after);
  }
  out += "</table>";
  if (fields.empty()) out += "<p>" + tr("No field changed but its timestamps.").toHtmlEscaped() + "</p>";
  diff_->setHtml(out);
}

QString HistoryView::previewText(const json& changes) {
  QStringList lines;
  for (const auto& c : changes) {
    lines << QString("%1 %2 “%3”").arg(jsonText(c, "entity"), operationLabel(jsonText(c, "operation")), entityLabel(c));
    if (jsonText(c, "operation") != "update") continue;
    for (const auto& f : admin_client::diffEntity(c.value("before", json()), c.value("after", json())))
      lines << QString("    %1: %2 → %3")
                   .arg(QString::fromStdString(f.path), QString::fromStdString(admin_client::shortValue(f.before)),
                        QString::fromStdString(admin_client::shortValue(f.after)));
  }
  if (lines.isEmpty()) lines << tr("Nothing would change: the configuration is already so.");
  return lines.join('\n');
}

void HistoryView::revertSelected() {
  auto* item = list_->currentItem();
  if (!item) return;
  const std::string id = item->data(0, Qt::UserRole + 1).toString().toStdString();
  replay(tr("Revert change %1 (%2 %3 “%4”)?")
             .arg(QString::fromStdString(id), item->text(4), item->text(3), item->text(5)),
         "/sluice/changes/" + id + "/revert", "?");
}

void HistoryView::restoreSelected() {
  auto* item = list_->currentItem();
  if (!item) return;
  replay(tr("Restore the whole configuration to version %1?").arg(item->text(0)),
         "/sluice/config/restore?version=" + item->text(0).toStdString(), "&");
}

// The preview first (dry_run), then the same call for real once confirmed.
void HistoryView::replay(const QString& title, const std::string& path, const char* separator) {
  if (!transport_) return;
  auto* transport = transport_;
  status_->setText(tr("Asking the gateway what this would change…"));
  transport->send({"POST", path + separator + "dry_run=true", "", "application/json"},
                  [this, transport, title, path](const admin_client::Response& preview) {
                    if (transport != transport_) return;
                    const auto answer = json::parse(preview.body, nullptr, false);
                    if (!preview.ok() || !answer.is_object()) {
                      status_->setText(QString::fromStdString(admin_client::errorFrom(preview).summary()));
                      emit replayed(false);
                      return;
                    }
                    if (!confirm_(title, previewText(answer.value("changes", json::array())))) {
                      status_->setText(tr("Nothing changed."));
                      emit replayed(false);
                      return;
                    }
                    transport->send({"POST", path, "", "application/json"}, [this, transport](const admin_client::Response& r) {
                      if (transport != transport_) return;
                      const auto done = json::parse(r.body, nullptr, false);
                      if (!r.ok() || !done.is_object()) {
                        status_->setText(QString::fromStdString(admin_client::errorFrom(r).summary()));
                        emit replayed(false);
                        return;
                      }
                      const auto version = done.value("version", json());
                      status_->setText(version.is_number() ? tr("Applied as version %1.").arg(version.get<qint64>())
                                                           : tr("Nothing changed: the configuration was already so."));
                      emit replayed(true);
                      emit configurationChanged();
                      refresh();
                    });
                  });
}

}  // namespace sluice::manager
