#include "views/main_window.h"

#include "admin_client/api_error.h"
#include "api/proxy_address.h"
#include "core/url_encoding.h"
#include "model/registry.h"
#include "app/language.h"
#include "forms/entity_editor.h"
#include "views/connect_dialog.h"
#include "views/import_dialog.h"
#include "views/theme.h"

#include <QAction>
#include <QIcon>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QToolBar>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSignalBlocker>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice::manager {

QStringList MainWindow::entityKinds() {
  // The shared model's entities with a collection of their own, in this order first (presentation
  // only: an entity added to the model appears after these without a change here).
  QStringList kinds{"services", "routes",  "consumers", "key-auths",    "basic-auths", "jwts",
                    "hmac-auths", "oauth2", "oauth2_tokens", "acls", "plugins", "upstreams", "certificates", "snis",
                    "ca_certificates"};
  QStringList known;
  for (const auto* e : model::allEntities())
    if (!e->adminPath.empty()) known << QString::fromStdString(e->adminPath);
  kinds.erase(std::remove_if(kinds.begin(), kinds.end(), [&known](const QString& k) { return !known.contains(k); }), kinds.end());
  for (const QString& k : known)
    if (!kinds.contains(k)) kinds << k;
  return kinds;
}

QString MainWindow::kindTitle(const QString& kind) {
  if (kind == "services") return tr("Services");
  if (kind == "routes") return tr("Routes");
  if (kind == "consumers") return tr("Consumers");
  if (kind == "plugins") return tr("Plugins");
  if (kind == "upstreams") return tr("Upstreams");
  if (kind == "certificates") return tr("Certificates");
  if (kind == "snis") return tr("SNIs");
  if (kind == "ca_certificates") return tr("CA certificates");
  if (kind == "key-auths") return tr("Key-auth credentials");
  if (kind == "basic-auths") return tr("Basic-auth credentials");
  if (kind == "jwts") return tr("JWT credentials");
  if (kind == "hmac-auths") return tr("HMAC credentials");
  if (kind == "oauth2") return tr("OAuth 2.0 applications");
  if (kind == "oauth2_tokens") return tr("OAuth 2.0 tokens");
  if (kind == "sessions") return tr("Sessions");
  if (kind == "acls") return tr("ACL groups");
  if (kind == "sluice_alert_rules") return tr("Alert rules");
  return kind;
}

QStringList MainWindow::columnsFor(const QString& kind) {
  if (kind == "services") return {"name", "protocol", "host", "port", "path", "enabled", "tags", "id"};
  if (kind == "routes") return {"name", "paths", "hosts", "methods", "protocols", "service", "tags", "id"};
  if (kind == "sluice_alert_rules") return {"name", "kind", "threshold", "for_seconds", "route", "service", "upstream", "enabled", "id"};
  if (kind == "consumers") return {"username", "custom_id", "tags", "id"};
  if (kind == "plugins") return {"name", "enabled", "route", "service", "consumer", "protocols", "tags", "id"};
  if (kind == "upstreams") return {"name", "algorithm", "hash_on", "slots", "tags", "id"};
  if (kind == "certificates") return {"snis", "tags", "id"};
  if (kind == "snis") return {"name", "certificate", "tags", "id"};
  if (kind == "key-auths" || kind == "key-auth") return {"key", "consumer", "tags", "id"};
  if (kind == "basic-auths" || kind == "basic-auth") return {"username", "consumer", "tags", "id"};
  if (kind == "jwts" || kind == "jwt") return {"key", "algorithm", "consumer", "tags", "id"};
  if (kind == "hmac-auths" || kind == "hmac-auth") return {"username", "consumer", "tags", "id"};
  if (kind == "oauth2") return {"name", "client_id", "client_type", "redirect_uris", "consumer", "tags", "id"};
  if (kind == "oauth2_tokens") return {"access_token", "scope", "authenticated_userid", "expires_in", "credential", "service", "id"};
  if (kind == "sessions") return {"session_id", "expires", "created_at", "id"};
  if (kind == "acls") return {"group", "consumer", "tags", "id"};
  if (kind == "targets") return {"target", "weight", "health", "tags", "id"};
  // Any other entity: its name, its foreign keys, tags and id, from its schema.
  QStringList columns;
  if (const auto* e = model::findByCollection(kind.toStdString())) {
    if (!e->endpointKey.empty()) columns << QString::fromStdString(e->endpointKey);
    for (const auto& f : e->fields)
      if (f.type == schema::FieldType::Foreign) columns << QString::fromStdString(f.name);
  }
  return columns << "tags" << "id";
}

void MainWindow::listKinds() {
  // The gateway's plugins may add kinds (credentials): the list grows, the selection stays.
  const QSignalBlocker quiet(kinds_);
  const QString current = kinds_->currentItem() ? kinds_->currentItem()->data(Qt::UserRole).toString() : QString();
  kinds_->clear();
  for (const QString& kind : entityKinds()) {
    auto* item = new QListWidgetItem(kindTitle(kind));
    item->setData(Qt::UserRole, kind);
    kinds_->addItem(item);
    if (kind == current) kinds_->setCurrentItem(item);
  }
}

MainWindow::MainWindow(GatewayConnection& gateway, QWidget* parent)
    : QMainWindow(parent), gateway_(gateway), model_(new EntityListModel(this)), filter_(new QSortFilterProxyModel(this)) {
  setWindowTitle(tr("Sluice Manager"));
  setWindowIcon(QIcon(":/icons/sluice.png"));
  kinds_ = new QListWidget;
  listKinds();

  search_ = new QLineEdit;
  search_->setPlaceholderText(tr("Filter the loaded rows by name"));
  search_->setClearButtonEnabled(true);
  tags_ = new QLineEdit;
  tags_->setPlaceholderText(tr("Tags: a,b (all) or a/b (any)"));
  tags_->setClearButtonEnabled(true);
  filter_->setSourceModel(model_);
  filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  filter_->setFilterKeyColumn(0);
  table_ = new QTableView;
  table_->setModel(filter_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  listState_ = new QLabel;

  related_ = new EntityListModel(this);
  relatedTabs_ = new QTabBar;
  relatedTabs_->setExpanding(false);
  relatedView_ = new QTableView;
  relatedView_->setModel(related_);
  relatedView_->verticalHeader()->hide();
  relatedView_->horizontalHeader()->setStretchLastSection(true);
  relatedView_->setAlternatingRowColors(true);
  relatedView_->setMaximumHeight(200);
  relatedView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  relatedView_->setSelectionMode(QAbstractItemView::SingleSelection);
  healthTimer_ = new QTimer(this);
  connect(healthTimer_, &QTimer::timeout, this, &MainWindow::refreshTargetHealth);
  auto* filters = new QHBoxLayout;
  filters->addWidget(search_, 2);
  filters->addWidget(tags_, 1);
  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->addLayout(filters);
  rightLayout->addWidget(table_);
  rightLayout->addWidget(listState_);
  // The related list has its own actions: a target is added to the selected upstream, a
  // credential to the selected consumer (their endpoints are nested under the owner).
  relatedBar_ = new QToolBar;
  relatedBar_->setIconSize(QSize(16, 16));
  relatedBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  relatedBar_->addAction(QIcon(":/icons/new.png"), tr("Add…"), this, [this] { newRelated(); });
  relatedBar_->addAction(QIcon(":/icons/edit.png"), tr("Edit…"), this, [this] { editRelated(); });
  relatedBar_->addAction(QIcon(":/icons/delete.png"), tr("Remove"), this, [this] { deleteRelated(); });
  auto* relatedHead = new QHBoxLayout;
  relatedHead->addWidget(relatedTabs_);
  relatedHead->addStretch();
  relatedHead->addWidget(relatedBar_);
  rightLayout->addLayout(relatedHead);
  rightLayout->addWidget(relatedView_);
  auto* split = new QSplitter;
  split->addWidget(kinds_);
  split->addWidget(right);
  split->setStretchFactor(1, 1);
  split->setSizes({170, 930});
  dashboard_ = new DashboardView;
  feed_ = new LiveFeed(this);
  tabs_ = new QTabWidget;
  configStack_ = new QStackedWidget;
  configStack_->addWidget(split);
  firstRun_ = new FirstRunPanel;
  configStack_->addWidget(firstRun_);
  tabs_->addTab(configStack_, tr("Configuration"));
  connect(firstRun_, &FirstRunPanel::skipped, this, [this] { configStack_->setCurrentIndex(0); });
  connect(firstRun_, &FirstRunPanel::finished, this, [this] {
    configStack_->setCurrentIndex(0);
    showKind("services");
  });
  tabs_->addTab(dashboard_, tr("Dashboard"));
  troubleshoot_ = new TroubleshootView;
  tabs_->addTab(troubleshoot_, tr("Troubleshooting"));
  explain_ = new ExplainView;
  tabs_->addTab(explain_, tr("Why this route?"));
  connect(explain_, &ExplainView::openRoute, this, [this](const QString& id) { editEntity("routes", id); });
  connect(troubleshoot_, &TroubleshootView::explainRequest, this,
          [this](const QString& method, const QString& url) { explainRequest(method, url); });
  history_ = new HistoryView;
  tabs_->addTab(history_, tr("History"));
  alerts_ = new AlertsView;
  tabs_->addTab(alerts_, tr("Alerts"));
  connect(alerts_, &AlertsView::manageRules, this, [this] {
    tabs_->setCurrentIndex(0);
    configStack_->setCurrentIndex(0);
    showKind("sluice_alert_rules");
  });
  // A revert or restore changed the configuration: the tables show it at once.
  connect(history_, &HistoryView::configurationChanged, this, [this] {
    if (!model_->collection().isEmpty()) showKind(model_->collection());
  });
  connect(tabs_, &QTabWidget::currentChanged, this, [this](int) {
    if (tabs_->currentWidget() == history_) history_->refresh();
  });
  loadtest_ = new LoadtestView;
  tabs_->addTab(loadtest_, tr("Load test"));
  cluster_ = new ClusterView;
  tabs_->addTab(cluster_, tr("Cluster"));
  connect(troubleshoot_, &TroubleshootView::openRoute, this, [this](const QString& id) { editEntity("routes", id); });
  connect(troubleshoot_, &TroubleshootView::openPlugin, this, [this](const QString& plugin) {
    tabs_->setCurrentIndex(0);
    showKind("plugins");
    search_->setText(plugin);  // the list filtered to that plugin's rows
  });
  setCentralWidget(tabs_);
  connect(feed_, &LiveFeed::frameArrived, dashboard_, &DashboardView::addFrame);
  connect(feed_, &LiveFeed::frameArrived, loadtest_, &LoadtestView::addFrame);
  connect(dashboard_, &DashboardView::routeActivated, this, [this](const QString& id) { editEntity("routes", id); });

  node_ = new QLabel;
  database_ = new QLabel;
  config_ = new QLabel;
  reachable_ = new QLabel;
  statusBar()->addWidget(reachable_);
  statusBar()->addWidget(node_);
  statusBar()->addWidget(database_);
  statusBar()->addWidget(config_);
  clusterState_ = new QLabel;
  statusBar()->addWidget(clusterState_);
  alertState_ = new QLabel;
  statusBar()->addPermanentWidget(alertState_);
  // Alerts: the count in the status bar, and a desktop notification when one fires.
  if (QSystemTrayIcon::isSystemTrayAvailable()) {
    tray_ = new QSystemTrayIcon(QIcon(":/icons/sluice.png"), this);
    tray_->setToolTip(tr("Sluice Manager"));
    tray_->show();
  }
  connect(alerts_, &AlertsView::firingCount, this, [this](int n) {
    alertState_->setText(n == 0 ? tr("No alerts") : tr("⚠ %n alert(s) firing", "", n));
    alertState_->setStyleSheet(n == 0 ? QString() : QString("color: #c0392b; font-weight: bold"));
  });
  connect(alerts_, &AlertsView::alertFired, this, [this](const QString& rule, const QString& message) {
    const QString title = tr("Alert: %1").arg(rule);
    if (tray_) tray_->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
    emit alertNotified(title, message);
  });
  connect(feed_, &LiveFeed::frameArrived, alerts_, &AlertsView::addFrame);

  connect(kinds_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) showKind(kinds_->item(row)->data(Qt::UserRole).toString());
  });
  connect(search_, &QLineEdit::textChanged, filter_, &QSortFilterProxyModel::setFilterFixedString);
  connect(tags_, &QLineEdit::editingFinished, this, [this] { model_->setTags(tags_->text().trimmed()); });
  connect(model_, &EntityListModel::pageLoaded, this, [this](int rows) {
    if (!model_->complete()) listState_->setText(tr("%1 loaded, more as you scroll").arg(rows));
    else listState_->setText(rows == 1 ? tr("1 entity") : tr("%1 entities").arg(rows));
  });
  connect(model_, &EntityListModel::loadFailed, this, [this](const QString& message) {
    listState_->setText(tr("Could not load %1: %2").arg(model_->collection(), message));
  });
  auto* bar = addToolBar(tr("Entities"));
  bar->setObjectName("entities");
  const auto action = [&](const QString& text, QKeySequence key, auto slot, const char* icon) {
    QAction* a = bar->addAction(QIcon(QString(":/icons/%1.png").arg(icon)), text);
    a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  action(tr("New"), QKeySequence::New, [this] { newEntity(); }, "new");
  action(tr("Edit"), QKeySequence(Qt::Key_F2), [this] { editSelected(); }, "edit");
  action(tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { duplicateSelected(); }, "duplicate");
  action(tr("Delete"), QKeySequence::Delete, [this] { deleteSelected(); }, "delete");
  action(tr("Troubleshoot"), QKeySequence(Qt::CTRL | Qt::Key_T), [this] { troubleshootRoute(); }, "troubleshoot");
  action(tr("Load test"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { loadTestRoute(); }, "loadtest");
  bar->addSeparator();
  action(tr("Refresh"), QKeySequence::Refresh, [this] { model_->reload(); }, "refresh");
  connect(table_, &QTableView::doubleClicked, this, [this] { editSelected(); });
  connect(relatedView_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { editRelated(index.row()); });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { showRelated(relatedTabs_->currentIndex()); });
  connect(relatedTabs_, &QTabBar::currentChanged, this, [this](int tab) { showRelated(tab); });
  connect(related_, &EntityListModel::pageLoaded, this, [this] {
    if (related_->collection().endsWith("/targets")) refreshTargetHealth();
  });
  connect(&gateway_, &GatewayConnection::statusChanged, this, &MainWindow::onStatusChanged);
  connect(&gateway_, &GatewayConnection::transportChanged, this, &MainWindow::onTransportChanged);
  connect(&gateway_, &GatewayConnection::entitiesLearned, this, &MainWindow::listKinds);
  onStatusChanged(gateway_.status());
  kinds_->setCurrentRow(0);
  buildMenus();
  resize(1100, 700);
  const QSettings settings;  // the window as it was left
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus() {
  QMenu* gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
  gatewayMenu->addAction(tr("Connect…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
    QSettings settings;
    ConnectionProfiles profiles(settings);
    ConnectDialog dialog(profiles, secrets_, this);
    if (dialog.exec() == QDialog::Accepted) gateway_.open(dialog.settings());
  });
  gatewayMenu->addAction(tr("Reconnect"), this, [this] { gateway_.refresh(); });
  gatewayMenu->addSeparator();
  gatewayMenu->addAction(tr("Export configuration…"), this, [this] {
    if (!gateway_.transport()) return;
    fetchConfiguration(*gateway_.transport(), [this](const QString& yaml, const QString& error) {
      if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Export failed: %1").arg(error), 8000);
        return;
      }
      const QString path = QFileDialog::getSaveFileName(this, tr("Export configuration"), "kong.yml", tr("Declarative configuration (*.yml *.yaml)"));
      if (path.isEmpty()) return;
      QFile file(path);
      if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(yaml.toUtf8()) < 0)
        statusBar()->showMessage(tr("Cannot write %1").arg(path), 8000);
      else
        statusBar()->showMessage(tr("Configuration exported to %1").arg(path), 8000);
    });
  });
  gatewayMenu->addAction(tr("Import configuration…"), this, [this] {
    if (!gateway_.transport()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import configuration"), {}, tr("Declarative configuration (*.yml *.yaml *.json)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return;
    auto* dialog = new ImportDialog(*gateway_.transport(), QString::fromUtf8(file.readAll()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::applied, this, [this] { model_->reload(); });
    dialog->show();
  });
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("Configuration"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this] { tabs_->setCurrentIndex(0); });
  view->addAction(tr("Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_2), this, [this] { tabs_->setCurrentIndex(1); });
  view->addAction(tr("Troubleshooting"), QKeySequence(Qt::CTRL | Qt::Key_3), this, [this] { tabs_->setCurrentIndex(2); });
  view->addAction(tr("Load test"), QKeySequence(Qt::CTRL | Qt::Key_4), this, [this] { tabs_->setCurrentIndex(3); });
  view->addSeparator();
  QMenu* theme = view->addMenu(tr("Theme"));
  const std::pair<QString, QString> themes[] = {{"system", tr("System")}, {"light", tr("Light")}, {"dark", tr("Dark")}};
  for (const auto& [code, name] : themes)
    theme->addAction(name, this, [code = code] {
      QSettings().setValue("theme", code);
      applyTheme(code);
    });
  QMenu* language = view->addMenu(tr("Language"));
  for (const QString& code : availableLanguages())
    language->addAction(languageName(code), this, [this, code] {
      saveLanguage(code);
      statusBar()->showMessage(tr("The language changes at the next start."), 8000);
    });
}

void MainWindow::showKind(const QString& kind) {
  filter_->setFilterKeyColumn(0);
  model_->setSource(gateway_.transport(), kind, columnsFor(kind));
  showRelated(0);  // nothing selected yet: hidden
  for (int i = 0; i < kinds_->count(); ++i)
    if (kinds_->item(i)->data(Qt::UserRole).toString() == kind && kinds_->currentRow() != i) kinds_->setCurrentRow(i);
}

int MainWindow::selectedRow() const {
  const QModelIndexList rows = table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList();
  if (rows.isEmpty()) return -1;
  return filter_->mapToSource(rows.first()).row();
}

void MainWindow::openEditor(EntityListModel& list, const nlohmann::json& entity, bool duplicate, const QString& pluginName) {
  if (!gateway_.transport()) return;
  auto* editor = new EntityEditor(*gateway_.transport(), list.collection(), this);
  editor->setAttribute(Qt::WA_DeleteOnClose);
  lastEditor_ = editor;
  connect(editor, &QObject::destroyed, this, [this, editor] {
    if (lastEditor_ == editor) lastEditor_ = nullptr;
  });
  if (!pluginName.isEmpty()) editor->setPluginName(pluginName);
  connect(editor, &EntityEditor::saved, this, [&list] { list.reload(); });
  connect(editor, &EntityEditor::failed, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  if (entity.is_object() && !entity.empty() && !duplicate) editor->startEdit(entity);
  else editor->startNew(entity.is_object() ? entity : nlohmann::json::object());
  editor->show();
}

void MainWindow::newIn(EntityListModel& list, const QString& pluginName) {
  if (!gateway_.transport() || list.collection().isEmpty()) return;
  if (!list.collection().endsWith("plugins") || !pluginName.isEmpty()) {
    openEditor(list, nlohmann::json::object(), false, pluginName);
    return;
  }
  // Which plugin: the gateway says which it has.
  gateway_.transport()->send({"GET", "/plugins/enabled", "", "application/json"}, [this, &list](const admin_client::Response& r) {
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    QStringList names;
    if (j.is_object() && j.contains("enabled_plugins"))
      for (const auto& n : j["enabled_plugins"]) names << QString::fromStdString(n.get<std::string>());
    names.sort();
    bool ok = false;
    const QString name = QInputDialog::getItem(this, tr("New plugin"), tr("Plugin:"), names, 0, false, &ok);
    if (ok && !name.isEmpty()) openEditor(list, nlohmann::json::object(), false, name);
  });
}

void MainWindow::newEntity(const QString& pluginName) { newIn(*model_, pluginName); }

void MainWindow::newRelated(const QString& pluginName) {
  newIn(*related_, pluginName);
}

void MainWindow::editRelated(int row) {
  if (row < 0 && relatedView_->selectionModel() && !relatedView_->selectionModel()->selectedRows().isEmpty())
    row = relatedView_->selectionModel()->selectedRows().first().row();
  if (row < 0 || row >= related_->rowCount()) return;
  const nlohmann::json& e = related_->entity(row);
  openEditor(*related_, e, false, related_->collection().endsWith("plugins") ? QString::fromStdString(e.value("name", "")) : QString());
}

void MainWindow::deleteRelated(int row, bool confirm) {
  if (row < 0 && relatedView_->selectionModel() && !relatedView_->selectionModel()->selectedRows().isEmpty())
    row = relatedView_->selectionModel()->selectedRows().first().row();
  if (row >= 0 && row < related_->rowCount()) deleteEntity(*related_, row, confirm);
}

void MainWindow::editSelected() {
  const int row = selectedRow();
  if (row < 0) return;
  const nlohmann::json& e = model_->entity(row);
  openEditor(*model_, e, false, model_->collection() == "plugins" ? QString::fromStdString(e.value("name", "")) : QString());
}

void MainWindow::duplicateSelected() {
  const int row = selectedRow();
  if (row < 0) return;
  nlohmann::json copy = model_->entity(row);
  if (copy.contains("name") && copy["name"].is_string() && model_->collection() != "plugins")
    copy["name"] = copy["name"].get<std::string>() + "-copy";
  openEditor(*model_, copy, true, model_->collection() == "plugins" ? QString::fromStdString(copy.value("name", "")) : QString());
}

void MainWindow::deleteSelected(bool confirm) {
  const int row = selectedRow();
  if (row >= 0) deleteEntity(*model_, row, confirm);
}

void MainWindow::deleteEntity(EntityListModel& list, int row, bool confirm) {
  if (!gateway_.transport()) return;
  const nlohmann::json& e = list.entity(row);
  const QString id = QString::fromStdString(e.value("id", ""));
  const QString label = QString::fromStdString(e.value("name", e.value("username", e.value("target", id.toStdString()))));
  const QString kind = list.collection().section('/', -1);
  if (confirm && QMessageBox::question(this, tr("Delete"), tr("Delete %1 from %2?").arg(label, kind)) != QMessageBox::Yes)
    return;
  const std::string path = "/" + list.collection().toStdString() + "/" + core::percentEncode(id.toStdString());
  gateway_.transport()->send({"DELETE", path, "", "application/json"}, [this, id, &list](const admin_client::Response& r) {
    if (!r.ok()) {
      statusBar()->showMessage(tr("Not deleted: %1").arg(QString::fromStdString(admin_client::errorFrom(r).summary())), 8000);
      return;
    }
    emit entityDeleted(id);
    list.reload();
  });
}

QStringList MainWindow::relatedKinds() const {
  // The collections the gateway nests under an entity of this kind, from the shared model.
  QStringList kinds;
  if (const auto* listed = model::findByCollection(model_->collection().toStdString()))
    for (const auto* nested : model::nestedUnder(listed->name)) kinds << QString::fromStdString(nested->nestedPath);
  return kinds;
}

void MainWindow::showRelated(int tab) {
  const QStringList kinds = relatedKinds();
  const int row = selectedRow();
  healthTimer_->stop();
  if (kinds.isEmpty() || row < 0) {
    relatedTabs_->hide();
    relatedView_->hide();
    relatedBar_->hide();
    related_->setSource(nullptr, {}, {});
    return;
  }
  if (relatedTabs_->count() != kinds.size() || relatedTabs_->tabText(0) != kinds.first()) {
    const QSignalBlocker block(relatedTabs_);
    while (relatedTabs_->count() > 0) relatedTabs_->removeTab(0);
    for (const QString& k : kinds) relatedTabs_->addTab(k);
    tab = 0;
  }
  tab = std::clamp(tab, 0, static_cast<int>(kinds.size()) - 1);
  relatedTabs_->show();
  relatedView_->show();
  relatedBar_->show();
  const QString id = QString::fromStdString(model_->entity(row).value("id", ""));
  relatedOwner_ = model_->collection() + "/" + id;
  const QString kind = kinds[tab];
  related_->setSource(gateway_.transport(), relatedOwner_ + "/" + kind, columnsFor(kind));
  if (kind == "targets") healthTimer_->start(3000);  // health changes: keep it live
}

void MainWindow::refreshTargetHealth() {
  if (!gateway_.transport() || !related_->collection().endsWith("/targets")) return;
  const QString owner = relatedOwner_;
  gateway_.transport()->send({"GET", "/" + owner.toStdString() + "/health", "", "application/json"}, [this, owner](const admin_client::Response& r) {
    if (owner != relatedOwner_ || !r.ok()) return;
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    QHash<QString, QString> health;
    for (const auto& t : j.value("data", nlohmann::json::array()))
      health.insert(QString::fromStdString(t.value("id", "")), QString::fromStdString(t.value("health", "")));
    related_->setExtraValues("health", health);
  });
}

void MainWindow::showDashboard() { tabs_->setCurrentWidget(dashboard_); }

void MainWindow::troubleshootRoute(const QString& routeId, const QString& name) {
  QString id = routeId, label = name;
  if (id.isEmpty()) {
    const int row = selectedRow();
    if (row < 0 || model_->collection() != "routes") {
      statusBar()->showMessage(tr("Select a route first."), 5000);
      return;
    }
    const nlohmann::json& e = model_->entity(row);
    id = QString::fromStdString(e.value("id", ""));
    label = QString::fromStdString(e.contains("name") && e["name"].is_string() ? e["name"].get<std::string>() : std::string());
  }
  tabs_->setCurrentWidget(troubleshoot_);
  troubleshoot_->showRoute(id, label);
}

void MainWindow::loadTestRoute(const QString& routeId) {
  QString id = routeId;
  if (id.isEmpty() && model_->collection() == "routes")
    if (const int row = selectedRow(); row >= 0) id = QString::fromStdString(model_->entity(row).value("id", ""));
  tabs_->setCurrentWidget(loadtest_);
  if (!id.isEmpty()) loadtest_->form().selectRoute(id);
}

void MainWindow::editEntity(const QString& kind, const QString& id) {
  if (!gateway_.transport() || id.isEmpty()) return;
  tabs_->setCurrentIndex(0);
  showKind(kind);
  gateway_.transport()->send({"GET", "/" + kind.toStdString() + "/" + core::percentEncode(id.toStdString()), "", "application/json"},
                             [this, kind](const admin_client::Response& r) {
                               const nlohmann::json entity = nlohmann::json::parse(r.body, nullptr, false);
                               if (!r.ok() || !entity.is_object()) {
                                 statusBar()->showMessage(QString::fromStdString(admin_client::errorFrom(r).summary()), 8000);
                                 return;
                               }
                               openEditor(*model_, entity, false, kind == "plugins" ? QString::fromStdString(entity.value("name", "")) : QString());
                             });
}

QString MainWindow::alertState() const { return alertState_->text(); }

bool MainWindow::firstRunShown() const { return configStack_->currentWidget() == firstRun_; }

void MainWindow::offerFirstRun(const NodeStatus& s) {
  if (firstRunAsked_ || !gateway_.transport() || s.role == "data_plane") return;
  firstRunAsked_ = true;
  firstRun_->setGateway(gateway_.transport(), proxyBaseUrl(gateway_.url().host(), s.proxyListen));
  auto* transport = gateway_.transport();
  const auto empty = [](const admin_client::Response& r) {
    const auto page = nlohmann::json::parse(r.body, nullptr, false);
    return r.ok() && page.is_object() && page.value("data", nlohmann::json::array()).empty();
  };
  transport->send({"GET", "/services?size=1", "", "application/json"}, [this, transport, empty](const admin_client::Response& services) {
    if (transport != gateway_.transport() || !empty(services)) return;
    transport->send({"GET", "/routes?size=1", "", "application/json"}, [this, transport, empty](const admin_client::Response& routes) {
      if (transport != gateway_.transport() || !empty(routes)) return;
      configStack_->setCurrentWidget(firstRun_);
      tabs_->setCurrentIndex(0);
    });
  });
}

void MainWindow::onTransportChanged() {
  firstRunAsked_ = false;
  configStack_->setCurrentIndex(0);
  dashboard_->clear();
  dashboard_->setTransport(gateway_.transport());
  troubleshoot_->setTransport(gateway_.transport());
  explain_->setTransport(gateway_.transport());
  history_->setTransport(gateway_.transport());
  alerts_->setTransport(gateway_.transport());
  if (tabs_->currentWidget() == history_) history_->refresh();
  loadtest_->setGateway(gateway_.transport(), gateway_.url().host(), gateway_.status().proxyListen);
  if (gateway_.transport()) feed_->start(gateway_.transport());
  else feed_->stop();
  if (!model_->collection().isEmpty()) showKind(model_->collection());
}

void MainWindow::explainRequest(const QString& method, const QString& url, const QString& headers) {
  tabs_->setCurrentWidget(explain_);
  explain_->explainRequest(method, url, headers);
}

void MainWindow::showCluster() { tabs_->setCurrentWidget(cluster_); }

void MainWindow::onStatusChanged(const NodeStatus& s) {
  if (!s.reachable) {
    reachable_->setText(tr("● Unreachable"));
    reachable_->setStyleSheet("color: #c0392b");
    reachable_->setToolTip(s.error);
    node_->setText(gateway_.url().isEmpty() ? tr("Not connected") : gateway_.url().toString());
    database_->clear();
    config_->clear();
    clusterState_->clear();
    cluster_->showStatus(s);
    return;
  }
  reachable_->setText(tr("● Connected"));
  reachable_->setStyleSheet("color: #27ae60");
  reachable_->setToolTip(gateway_.url().toString());
  node_->setText(tr("%1 — Sluice %2 (Kong API %3)").arg(s.hostname, s.sluiceVersion, s.kongVersion));
  database_->setText(s.databaseReachable ? tr("Database: %1").arg(s.database) : tr("Database: %1 (unreachable)").arg(s.database));
  config_->setText(tr("Configuration v%1").arg(s.configVersion));
  cluster_->showStatus(s);
  clusterState_->setText(s.role == "control_plane" ? tr("Control plane: %1").arg(ClusterView::countText(s))
                         : s.role == "data_plane"  ? tr("Data plane")
                                                   : QString());
  loadtest_->setGateway(gateway_.transport(), gateway_.url().host(), s.proxyListen);  // the proxy local load tests send to
  offerFirstRun(s);
}

}  // namespace sluice::manager
