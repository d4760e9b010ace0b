#include "views/cluster_view.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sluice::manager {

ClusterView::ClusterView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_ = new QTableWidget(0, 6);
  table_->setHorizontalHeaderLabels({tr("Data plane"), tr("Address"), tr("Version"), tr("Configuration hash"), tr("State"), tr("Last seen")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  layout->addWidget(summary_);
  layout->addWidget(table_, 1);
}

QString ClusterView::summary() const { return summary_->text(); }

QString ClusterView::countText(const NodeStatus& s) {
  if (s.role != "control_plane") return {};
  qsizetype behind = 0;
  for (const auto& dp : s.dataPlanes) behind += dp.inSync ? 0 : 1;
  const QString planes = tr("%n data plane(s)", "", static_cast<int>(s.dataPlanes.size()));
  return behind ? tr("%1, %2 behind").arg(planes).arg(behind) : planes;
}

void ClusterView::showStatus(const NodeStatus& s) {
  table_->setRowCount(0);
  if (!s.reachable) {
    summary_->setText(tr("Not connected."));
    return;
  }
  if (s.role == "data_plane") {
    summary_->setText(tr("This node is a data plane: its configuration comes from its control plane, and its Admin API is read-only. "
                         "Connect to the control plane to see the cluster."));
    return;
  }
  if (s.role != "control_plane") {
    summary_->setText(tr("This node is not a control plane (role: %1). Nodes sharing a PostgreSQL database follow each other "
                         "without a list of their own.").arg(s.role.isEmpty() ? QStringLiteral("traditional") : s.role));
    return;
  }
  summary_->setText(tr("Control plane — configuration hash %1 — %2").arg(s.configHash, countText(s)));
  const QDateTime now = QDateTime::currentDateTimeUtc();
  for (const auto& dp : s.dataPlanes) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    const auto cell = [&](int column, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      table_->setItem(row, column, item);
      return item;
    };
    cell(0, dp.hostname)->setToolTip(dp.id);
    cell(1, dp.ip);
    cell(2, dp.version);
    cell(3, dp.configHash.left(12))->setToolTip(dp.configHash);
    QString state = dp.inSync ? tr("In sync") : tr("Behind");
    if (!dp.connected) state = tr("%1 (disconnected)").arg(state);
    if (dp.syncStatus == "kong_version_incompatible") state = tr("Refused: version newer than the control plane");
    auto* stateItem = cell(4, state);
    stateItem->setForeground(dp.inSync ? QColor("#27ae60") : QColor("#c0392b"));
    const qint64 ago = dp.lastSeen > 0 ? QDateTime::fromSecsSinceEpoch(dp.lastSeen, Qt::UTC).secsTo(now) : -1;
    cell(5, ago < 0 ? tr("never") : ago < 60 ? tr("%n second(s) ago", "", static_cast<int>(ago)) : tr("%n minute(s) ago", "", static_cast<int>(ago / 60)))
        ->setToolTip(QDateTime::fromSecsSinceEpoch(dp.lastSeen, Qt::UTC).toString(Qt::ISODate));
  }
  table_->resizeColumnsToContents();
}

}  // namespace sluice::manager
