#include "forms/entity_editor.h"

#include "admin_client/api_error.h"
#include "admin_client/plugin_form_schema.h"
#include "core/url_encoding.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include <memory>

namespace sluice::manager {
namespace {

// The schema behind a collection whose path is not its entity name (Kong's credential endpoints,
// top level "key-auths" or nested "consumers/{id}/key-auth").
std::string schemaNameFor(const QString& collection) {
  const QString kind = collection.section('/', -1);
  if (kind == "key-auths" || kind == "key-auth") return "keyauth_credentials";
  if (kind == "basic-auths" || kind == "basic-auth") return "basicauth_credentials";
  if (kind == "jwts" || kind == "jwt") return "jwt_secrets";
  return kind.toStdString();
}

// In a nested collection ("upstreams/{id}/targets") the owner comes from the path: its field
// ("upstream") is not asked for.
std::vector<std::string> ownerFieldOf(const QString& collection) {
  if (!collection.contains('/')) return {};
  QString owner = collection.section('/', 0, 0);
  owner.chop(1);  // "upstreams" -> "upstream"
  return {owner.toStdString()};
}

bool isUuid(const std::string& s) {
  static const QRegularExpression uuid("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return uuid.match(QString::fromStdString(s)).hasMatch();
}

}  // namespace

EntityEditor::EntityEditor(admin_client::Transport& transport, QString kind, QWidget* parent)
    : QDialog(parent), transport_(transport), kind_(std::move(kind)), form_(new SchemaForm) {
  auto* scroll = new QScrollArea;
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
  buttons_->button(QDialogButtonBox::Save)->setEnabled(false);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(scroll);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &EntityEditor::save);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(560, 640);
}

void EntityEditor::startNew(const nlohmann::json& copy) {
  id_.clear();
  setWindowTitle(pluginName_.isEmpty() ? tr("New entry in %1").arg(kind_.section('/', -1)) : tr("New %1 plugin").arg(pluginName_));
  nlohmann::json values = copy;
  for (const char* automatic : {"id", "created_at", "updated_at"}) values.erase(automatic);
  load(values);
}

void EntityEditor::startEdit(const nlohmann::json& entity) {
  id_ = QString::fromStdString(entity.value("id", ""));
  setWindowTitle(tr("Edit %1 %2").arg(kind_.section('/', -1), QString::fromStdString(entity.value("name", entity.value("username", entity.value("target", id_.toStdString()))))));
  load(entity);
}

void EntityEditor::load(const nlohmann::json& values) {
  const auto schemaOf = [](const admin_client::Response& r) {
    nlohmann::json schema = nlohmann::json::parse(r.body, nullptr, false);
    return r.ok() && schema.is_object() && schema.contains("fields") ? schema : nlohmann::json();
  };
  if (pluginName_.isEmpty()) {
    transport_.send({"GET", "/schemas/" + schemaNameFor(kind_), "", "application/json"}, [this, values, schemaOf](const admin_client::Response& r) {
      const nlohmann::json schema = schemaOf(r);
      if (schema.is_null()) return emit failed(QString::fromStdString(admin_client::errorFrom(r).summary()));
      buildForm(schema["fields"], values);
    });
    return;
  }
  // A plugin's form: the plugins entity's fields with this plugin's declarations in their place.
  transport_.send({"GET", "/schemas/plugins", "", "application/json"}, [this, values, schemaOf](const admin_client::Response& r) {
    const nlohmann::json entity = schemaOf(r);
    if (entity.is_null()) return emit failed(QString::fromStdString(admin_client::errorFrom(r).summary()));
    transport_.send({"GET", "/schemas/plugins/" + core::percentEncode(pluginName_.toStdString()), "", "application/json"},
                    [this, values, entity, schemaOf](const admin_client::Response& p) {
                      const nlohmann::json plugin = schemaOf(p);
                      if (plugin.is_null()) return emit failed(QString::fromStdString(admin_client::errorFrom(p).summary()));
                      buildForm(admin_client::pluginFormFields(entity["fields"], plugin["fields"]), values);
                    });
  });
}

void EntityEditor::buildForm(const nlohmann::json& fields, const nlohmann::json& values) {
  // A plugin's name is chosen before its form opens; an entity's "name" is a field like the others.
  std::vector<std::string> skip = ownerFieldOf(kind_);
  if (!pluginName_.isEmpty()) skip.push_back("name");
  form_->build(fields, skip);
  if (!values.empty()) form_->setValue(values);
  buttons_->button(QDialogButtonBox::Save)->setEnabled(true);
  emit ready();
}

void EntityEditor::save() {
  form_->clearErrors();
  nlohmann::json body = form_->value();
  if (!pluginName_.isEmpty()) body["name"] = pluginName_.toStdString();
  // Foreign keys typed as names: look each up, then send.
  struct Pending {
    nlohmann::json body;
    size_t left = 0;
    std::map<std::string, std::string> errors;
  };
  auto pending = std::make_shared<Pending>();
  pending->body = std::move(body);
  const auto keys = form_->foreignKeys();
  pending->left = keys.size();
  if (keys.empty()) {
    send(std::move(pending->body));
    return;
  }
  for (const auto& [path, typed] : keys) {
    if (isUuid(typed)) {
      pending->body[path] = {{"id", typed}};
      if (--pending->left == 0) send(std::move(pending->body));
      continue;
    }
    // The reference collection is the field's; its path is the field name at the top level.
    const std::string reference = path == "consumer" ? "consumers" : path == "route" ? "routes" : path == "service" ? "services"
                                : path == "upstream" ? "upstreams" : path == "certificate" ? "certificates" : path + "s";
    transport_.send({"GET", "/" + reference + "/" + core::percentEncode(typed), "", "application/json"},
                    [this, pending, path = path, typed = typed](const admin_client::Response& r) {
                      const nlohmann::json found = nlohmann::json::parse(r.body, nullptr, false);
                      if (r.ok() && found.is_object() && found.contains("id")) pending->body[path] = {{"id", found["id"]}};
                      else pending->errors[path] = "no " + path + " named '" + typed + "'";
                      if (--pending->left > 0) return;
                      if (!pending->errors.empty()) {
                        form_->showErrors(pending->errors, tr("Some references do not exist."));
                        emit failed(tr("unknown references"));
                        return;
                      }
                      send(std::move(pending->body));
                    });
  }
}

void EntityEditor::send(nlohmann::json body) {
  const bool edit = editing();
  const std::string path = "/" + kind_.toStdString() + (edit ? "/" + id_.toStdString() : std::string());
  buttons_->button(QDialogButtonBox::Save)->setEnabled(false);
  transport_.send({edit ? "PATCH" : "POST", path, body.dump(), "application/json"}, [this](const admin_client::Response& r) {
    buttons_->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!r.ok()) {
      const admin_client::ApiError e = admin_client::errorFrom(r);
      form_->showErrors(e.fields, QString::fromStdString(e.message));
      emit failed(QString::fromStdString(e.summary()));
      return;
    }
    const nlohmann::json entity = nlohmann::json::parse(r.body, nullptr, false);
    emit saved(entity);
    accept();
  });
}

}  // namespace sluice::manager
