#pragma once
// The manager's main window: the entity kinds on the left, the selected kind's list (lazily paged,
// filtered by name and tags) in the middle, and the connected gateway's status at the bottom.
#include "api/gateway_connection.h"
#include "api/live_feed.h"
#include "app/secret_store.h"
#include "charts/dashboard_view.h"
#include "loadtest/loadtest_view.h"
#include "models/entity_list_model.h"
#include "troubleshoot/explain_view.h"
#include "history/history_view.h"
#include "alerts/alerts_view.h"
#include "troubleshoot/troubleshoot_view.h"
#include "views/cluster_view.h"
#include "views/first_run_panel.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QSystemTrayIcon;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace sluice::manager {

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(GatewayConnection& gateway, QWidget* parent = nullptr);

  EntityListModel& listModel() { return *model_; }
  // The selected entity's relations (a service's routes and plugins, a consumer's credentials, an
  // upstream's targets with their live health).
  EntityListModel& relatedModel() { return *related_; }
  QStringList relatedKinds() const;
  void showRelated(int tab);
  DashboardView& dashboard() { return *dashboard_; }
  LiveFeed& liveFeed() { return *feed_; }
  void showDashboard();
  TroubleshootView& troubleshoot() { return *troubleshoot_; }
  ExplainView& explainer() { return *explain_; }
  // The "Why this route?" tab, asking about one request.
  void explainRequest(const QString& method, const QString& url, const QString& headers = {});
  HistoryView& history() { return *history_; }
  AlertsView& alerts() { return *alerts_; }
  // The status bar's alert count ("2 alerts firing").
  QString alertState() const;
  LoadtestView& loadtest() { return *loadtest_; }
  ClusterView& cluster() { return *cluster_; }
  // The first-run path an empty gateway shows in place of the Configuration tab's tables.
  FirstRunPanel& firstRun() { return *firstRun_; }
  bool firstRunShown() const;
  void showCluster();
  // The load-test tab, with the selected route (or `routeId`) picked.
  void loadTestRoute(const QString& routeId = {});
  // The troubleshooting tab for a route (the selected one when no id is given).
  void troubleshootRoute(const QString& routeId = {}, const QString& name = {});
  // Opens the editor of one entity by id (from the dashboard's route table).
  void editEntity(const QString& kind, const QString& id);
  QTableView& listView() { return *table_; }
  // The kinds of entity the left list offers, in order ("services", "routes", ...).
  // The registry's kinds with a collection of their own: the core model's, and those the gateway's
  // plugins keep (learned from it: GatewayConnection::entitiesLearned).
  static QStringList entityKinds();
  void showKind(const QString& kind);
  // The entity actions (toolbar, shortcuts, double-click). Editors open as dialogs; `pluginName`
  // skips the plugin picker.
  void newEntity(const QString& pluginName = {});
  void editSelected();
  void duplicateSelected();
  void deleteSelected(bool confirm = true);
  // The same for the related list under it (nested endpoints: /upstreams/{id}/targets, ...); a
  // negative row means the selected one.
  void newRelated(const QString& pluginName = {});
  void editRelated(int row = -1);
  void deleteRelated(int row = -1, bool confirm = true);
  // The editor last opened (tests drive it).
  class EntityEditor* lastEditor() const { return lastEditor_; }

 signals:
  void entityDeleted(const QString& id);
  // An alert fired on the gateway: shown in the tray where there is one.
  void alertNotified(const QString& title, const QString& message);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private slots:
  void onStatusChanged(const sluice::manager::NodeStatus& status);
  void onTransportChanged();
  // Once per connection: a gateway with neither services nor routes gets the first-run path.
  void offerFirstRun(const NodeStatus& status);

 private:
  void listKinds();
  static QStringList columnsFor(const QString& kind);
  static QString kindTitle(const QString& kind);

  GatewayConnection& gateway_;
  EntityListModel* model_;
  QSortFilterProxyModel* filter_;
  QListWidget* kinds_;
  QTableView* table_;
  QLineEdit* search_;
  QLineEdit* tags_;
  QLabel* node_;
  QLabel* database_;
  QLabel* config_;
  QLabel* reachable_;
  QLabel* listState_;
  EntityListModel* related_;
  class QTabBar* relatedTabs_;
  QTableView* relatedView_;
  class QToolBar* relatedBar_;
  QString relatedOwner_;  // "services/<id>"
  QTimer* healthTimer_;
  void refreshTargetHealth();
  class QTabWidget* tabs_;
  DashboardView* dashboard_;
  TroubleshootView* troubleshoot_;
  QStackedWidget* configStack_;
  FirstRunPanel* firstRun_;
  bool firstRunAsked_ = false;
  ExplainView* explain_;
  HistoryView* history_;
  AlertsView* alerts_;
  QLabel* alertState_;
  QSystemTrayIcon* tray_ = nullptr;  // null where the desktop has no tray
  LoadtestView* loadtest_;
  ClusterView* cluster_;
  QLabel* clusterState_;
  LiveFeed* feed_;
  SecretStore secrets_;
  class EntityEditor* lastEditor_ = nullptr;
  void openEditor(EntityListModel& list, const nlohmann::json& entity, bool duplicate, const QString& pluginName);
  void newIn(EntityListModel& list, const QString& pluginName);
  void deleteEntity(EntityListModel& list, int row, bool confirm);
  void buildMenus();
  int selectedRow() const;
};

}  // namespace sluice::manager
