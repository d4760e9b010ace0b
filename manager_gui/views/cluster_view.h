#pragma once
// The Cluster tab: on a control plane, its data planes (name, address, version, configuration
// hash, in sync or behind, last seen), refreshed with the node's status; elsewhere, what role the
// node has.
#include "api/gateway_connection.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace sluice::manager {

class ClusterView : public QWidget {
  Q_OBJECT
 public:
  explicit ClusterView(QWidget* parent = nullptr);
  void showStatus(const NodeStatus& status);
  QTableWidget& table() { return *table_; }
  QString summary() const;
  // "2 data planes, 1 behind" (empty when the node is not a control plane).
  static QString countText(const NodeStatus& status);

 private:
  QLabel* summary_;
  QTableWidget* table_;
};

}  // namespace sluice::manager
