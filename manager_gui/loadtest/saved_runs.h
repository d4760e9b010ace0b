#pragma once
// Load tests the user saved, to look at again or to compare with (before and after a change):
// one JSON file each under the application's data folder ({"name", "saved_at", "result",
// "timeline", "gateway"}), newest first.
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace sluice::manager {

class SavedRuns {
 public:
  explicit SavedRuns(QString folder = {});  // empty: <AppDataLocation>/loadtests

  struct Entry {
    QString file;  // the name within the folder
    QString title;
  };
  std::vector<Entry> list() const;
  // Saves a record; returns the file name (empty when it could not be written).
  QString save(const nlohmann::json& record) const;
  std::optional<nlohmann::json> load(const QString& file) const;
  bool remove(const QString& file) const;
  QString folder() const { return folder_; }

 private:
  QString folder_;
};

}  // namespace sluice::manager
