#pragma once
// One entity collection of a gateway as a table, loaded lazily a page at a time (Kong's
// size/offset paging): a view asks for more rows as it scrolls (canFetchMore/fetchMore), so 10,000
// routes cost one request per hundred rows shown, never one big request. A tag filter goes to the
// server (?tags=); columns name top-level fields ("paths", "service", ...). A foreign key shows the
// name of the entity it points to (a route's service as `orders`), fetched once per entity and
// kept while the model lists from the same gateway; the schema of the listed entity (the shared
// model) says which columns are foreign keys and to what.
#include "admin_client/transport.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sluice::manager {

class EntityListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit EntityListModel(QObject* parent = nullptr);

  // What to list ("services", "routes", "services/<id>/routes"), and which fields as columns.
  void setSource(admin_client::Transport* transport, const QString& collection, const QStringList& columns);
  void setTags(const QString& tags);  // "a,b" (all) or "a/b" (any); empty: every entity
  void setPageSize(int size) { pageSize_ = size; }
  void reload();

  const QString& collection() const { return collection_; }
  const nlohmann::json& entity(int row) const { return rows_[static_cast<size_t>(row)]; }
  bool loading() const { return loading_; }
  bool complete() const { return started_ && !loading_ && !next_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  // A field's value as one line of text (arrays joined, a foreign key as its id).
  static QString displayText(const nlohmann::json& value);
  // Values for a column that is not a field of the entity (a target's live health), by entity id.
  void setExtraValues(const QString& column, const QHash<QString, QString>& byId);

 signals:
  void pageLoaded(int rows);
  void loadFailed(const QString& message);

 private:
  admin_client::Transport* transport_ = nullptr;
  QString collection_, tags_;
  QStringList columns_;
  std::vector<nlohmann::json> rows_;
  QHash<QString, QHash<QString, QString>> extra_;  // column -> entity id -> text
  // Foreign keys: column -> the referenced collection ("services"), and "services/<id>" -> the
  // name shown (empty while it is being fetched).
  QHash<QString, QString> foreign_;
  QHash<QString, QString> names_;
  void resolveNames(size_t from);
  QString foreignName(const QString& column, const nlohmann::json& value) const;
  std::optional<std::string> next_;
  bool started_ = false, loading_ = false;
  int pageSize_ = 100;
  quint64 generation_ = 0;  // pages of an earlier source are dropped
};

}  // namespace sluice::manager
