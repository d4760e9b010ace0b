#pragma once
// A form built from a schema as GET /schemas/{entity} or /schemas/plugins/{name} serves it — one
// editor per field (text, number, check box, choice, list, map, nested record, foreign key), the
// default filled in, required fields marked — so a new entity field or plugin needs no GUI code.
// It reads and writes the entity as JSON and shows the server's per-field errors under the field
// they name ("config.minute", "paths.2").
#include <QWidget>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QFormLayout;
class QLabel;

namespace sluice::manager {

class SchemaForm : public QWidget {
  Q_OBJECT

 public:
  explicit SchemaForm(QWidget* parent = nullptr);
  ~SchemaForm() override;

  // The "fields" array of a schema. Ids and timestamps (the server's) are left out,
  // and so are the names in `skip` ("name" of a plugin, chosen elsewhere).
  void build(const nlohmann::json& fields, const std::vector<std::string>& skip = {});
  // The entity as the form holds it: set fields only (an empty optional field is left out).
  nlohmann::json value() const;
  void setValue(const nlohmann::json& entity);
  // Foreign keys as typed (an id or a name), by dotted path, for the caller to resolve.
  std::map<std::string, std::string> foreignKeys() const;

  void showErrors(const std::map<std::string, std::string>& fields, const QString& message);
  void clearErrors();

  // For tests and callers: the editor of a dotted path ("config.minute") and the error shown under it.
  QWidget* editor(const QString& path) const;
  QString errorText(const QString& path) const;
  QString formError() const;

 private:
  struct Field;
  void addFields(QFormLayout* layout, const nlohmann::json& fields, const std::string& prefix, const std::vector<std::string>& skip);
  const Field* find(const std::string& path) const;

  std::vector<std::unique_ptr<Field>> fields_;
  QLabel* formError_;
};

}  // namespace sluice::manager
