#include "loadtest/saved_runs.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace sluice::manager {

SavedRuns::SavedRuns(QString folder) : folder_(std::move(folder)) {
  if (folder_.isEmpty()) folder_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/loadtests";
}

std::vector<SavedRuns::Entry> SavedRuns::list() const {
  std::vector<Entry> out;
  const QDir dir(folder_);
  for (const QString& file : dir.entryList({"*.json"}, QDir::Files, QDir::Name | QDir::Reversed)) {
    const auto record = load(file);
    if (!record) continue;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(record->value("saved_at", qint64{0}));
    out.push_back({file, at.toString("yyyy-MM-dd hh:mm") + " · " + QString::fromStdString(record->value("name", ""))});
  }
  return out;
}

QString SavedRuns::save(const nlohmann::json& record) const {
  QDir().mkpath(folder_);
  // Sortable by name: newest last on disk, first in the list.
  const QString file = QDateTime::currentDateTimeUtc().toString("yyyyMMdd-hhmmss-zzz") + ".json";
  QFile out(folder_ + "/" + file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
  const std::string text = record.dump();
  if (out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) return {};
  return file;
}

std::optional<nlohmann::json> SavedRuns::load(const QString& file) const {
  QFile in(folder_ + "/" + file);
  if (!in.open(QIODevice::ReadOnly)) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(in.readAll().toStdString(), nullptr, false);
  if (!j.is_object() || !j.contains("result")) return std::nullopt;
  return j;
}

bool SavedRuns::remove(const QString& file) const { return QFile::remove(folder_ + "/" + file); }

}  // namespace sluice::manager
