#pragma once
// Create, edit or duplicate one entity (or plugin) through a form generated from the gateway's
// schema: GET /schemas/{kind} (or /schemas/plugins/{name}) builds the form, Save sends POST (new)
// or PATCH (edit), foreign keys typed as names are looked up first, and the server's field errors
// land under their fields.
#include "admin_client/transport.h"
#include "forms/schema_form.h"

#include <QDialog>

#include <nlohmann/json.hpp>

class QDialogButtonBox;

namespace sluice::manager {

class EntityEditor : public QDialog {
  Q_OBJECT

 public:
  EntityEditor(admin_client::Transport& transport, QString kind, QWidget* parent = nullptr);

  // A plugin's form: its schema comes from /schemas/plugins/{name}.
  void setPluginName(const QString& name) { pluginName_ = name; }
  // Loads the schema and fills the form: empty (defaults), from `copy` (duplicate), or for editing `entity`.
  void startNew(const nlohmann::json& copy = nlohmann::json::object());
  void startEdit(const nlohmann::json& entity);

  SchemaForm& form() { return *form_; }
  bool editing() const { return !id_.isEmpty(); }

 public slots:
  void save();

 signals:
  void ready();                                   // the form is built
  void saved(const nlohmann::json& entity);       // the gateway's answer
  void failed(const QString& message);

 private:
  void load(const nlohmann::json& values);
  void buildForm(const nlohmann::json& fields, const nlohmann::json& values);
  void send(nlohmann::json body);

  admin_client::Transport& transport_;
  QString kind_, pluginName_, id_;
  SchemaForm* form_;
  QDialogButtonBox* buttons_;
};

}  // namespace sluice::manager
