#include "models/entity_list_model.h"

#include "admin_client/api_error.h"
#include "admin_client/entity_page.h"
#include "core/url_encoding.h"
#include "model/registry.h"

#include <QColor>

namespace sluice::manager {
EntityListModel::EntityListModel(QObject* parent) : QAbstractTableModel(parent) {}

void EntityListModel::setSource(admin_client::Transport* transport, const QString& collection, const QStringList& columns) {
  if (transport != transport_) names_.clear();  // another gateway
  transport_ = transport;
  collection_ = collection;
  beginResetModel();
  columns_ = columns;
  extra_.clear();
  foreign_.clear();
  if (const auto* listed = model::findByCollection(collection.toStdString()))
    for (const QString& column : columns) {
      const auto* field = listed->field(column.toStdString());
      if (!field || field->type != schema::FieldType::Foreign) continue;
      const auto* target = model::findEntity(field->reference);
      if (target && !target->adminPath.empty()) foreign_.insert(column, QString::fromStdString(target->adminPath));
    }
  endResetModel();
  reload();
}

void EntityListModel::setTags(const QString& tags) {
  if (tags == tags_) return;
  tags_ = tags;
  reload();
}

void EntityListModel::reload() {
  ++generation_;
  beginResetModel();
  rows_.clear();
  next_.reset();
  started_ = loading_ = false;
  endResetModel();
  if (transport_ && !collection_.isEmpty()) fetchMore({});
}

int EntityListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

int EntityListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(columns_.size()); }

QString EntityListModel::displayText(const nlohmann::json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return QString::fromStdString(v.get<std::string>());
  if (v.is_boolean()) return v.get<bool>() ? tr("yes") : tr("no");
  if (v.is_array()) {
    QStringList parts;
    for (const auto& e : v) parts << displayText(e);
    return parts.join(", ");
  }
  if (v.is_object() && v.size() == 1 && v.contains("id")) return displayText(v["id"]);  // a foreign key
  return QString::fromStdString(v.dump());
}

QVariant EntityListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const nlohmann::json& row = rows_[static_cast<size_t>(index.row())];
  if (const auto extra = extra_.constFind(columns_[index.column()]); extra != extra_.constEnd()) {
    const QString text = extra->value(QString::fromStdString(row.value("id", "")));
    if (role == Qt::ForegroundRole) {  // health at a glance
      if (text == "HEALTHY") return QColor("#27ae60");
      if (text == "UNHEALTHY") return QColor("#c0392b");
      return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    return text;
  }
  const std::string field = columns_[index.column()].toStdString();
  const nlohmann::json value = row.contains(field) ? row[field] : nlohmann::json();
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
    const QString name = foreignName(columns_[index.column()], value);
    if (name.isEmpty()) return displayText(value);
    return role == Qt::DisplayRole ? name : QString("%1 (%2)").arg(name, displayText(value));
  }
  if (role == Qt::UserRole) return QString::fromStdString(row.value("id", ""));
  return {};
}

QVariant EntityListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columns_.size()) return {};
  return columns_[section];
}

void EntityListModel::setExtraValues(const QString& column, const QHash<QString, QString>& byId) {
  extra_[column] = byId;
  const int c = static_cast<int>(columns_.indexOf(column));
  if (c >= 0 && rowCount() > 0) emit dataChanged(index(0, c), index(rowCount() - 1, c));
}

bool EntityListModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && transport_ && !loading_ && (!started_ || next_.has_value());
}

void EntityListModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent)) return;
  loading_ = true;
  started_ = true;
  const quint64 generation = generation_;
  const std::string path = admin_client::listPath(collection_.toStdString(), static_cast<size_t>(pageSize_), next_.value_or(""),
                                                  tags_.toStdString());
  transport_->send({"GET", path, "", "application/json"}, [this, generation](const admin_client::Response& r) {
    if (generation != generation_) return;
    loading_ = false;
    auto page = r.ok() ? admin_client::parsePage(r.body) : std::nullopt;
    if (!page) {
      next_.reset();
      emit loadFailed(QString::fromStdString(admin_client::errorFrom(r).summary()));
      return;
    }
    next_ = page->offset;
    if (!page->data.empty()) {
      const int first = static_cast<int>(rows_.size());
      beginInsertRows({}, first, first + static_cast<int>(page->data.size()) - 1);
      for (auto& e : page->data) rows_.push_back(std::move(e));
      endInsertRows();
      resolveNames(static_cast<size_t>(first));
    }
    emit pageLoaded(static_cast<int>(rows_.size()));
  });
}

QString EntityListModel::foreignName(const QString& column, const nlohmann::json& value) const {
  const auto target = foreign_.constFind(column);
  if (target == foreign_.constEnd() || !value.is_object() || !value.contains("id") || !value["id"].is_string()) return {};
  return names_.value(*target + "/" + QString::fromStdString(value["id"].get<std::string>()));
}

void EntityListModel::resolveNames(size_t from) {
  for (auto it = foreign_.constBegin(); it != foreign_.constEnd(); ++it) {
    const std::string column = it.key().toStdString();
    const QString collection = it.value();
    for (size_t r = from; r < rows_.size(); ++r) {
      const nlohmann::json& row = rows_[r];
      if (!row.contains(column) || !row[column].is_object() || !row[column].contains("id")) continue;
      const std::string id = row[column]["id"].get<std::string>();
      const QString key = collection + "/" + QString::fromStdString(id);
      if (names_.contains(key)) continue;
      names_.insert(key, {});  // asked once
      const std::string path = "/" + collection.toStdString() + "/" + core::percentEncode(id);
      transport_->send({"GET", path, "", "application/json"}, [this, key, collection](const admin_client::Response& r) {
        if (!r.ok()) return;
        const nlohmann::json e = nlohmann::json::parse(r.body, nullptr, false);
        const auto* schema = model::findByAdminPath(collection.toStdString());
        if (!e.is_object() || !schema || schema->endpointKey.empty()) return;
        const auto name = e.find(schema->endpointKey);
        if (name == e.end() || !name->is_string() || name->get<std::string>().empty()) return;  // unnamed: its id stays
        names_.insert(key, QString::fromStdString(name->get<std::string>()));
        for (int c = 0; c < columns_.size(); ++c)
          if (foreign_.value(columns_[c]) == collection && rowCount() > 0) emit dataChanged(index(0, c), index(rowCount() - 1, c));
      });
    }
  }
}

}  // namespace sluice::manager
