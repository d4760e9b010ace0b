#include "forms/entity_editor.h"

#include "admin_client/api_error.h"
#include "admin_client/plugin_form_schema.h"
#include "core/url_encoding.h"
#include "core/uuid.h"
#include "model/registry.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <memory>

namespace sluice::manager {
namespace {

// The schema behind a collection (its path is not always the entity's name: Kong's credential
// endpoints are "key-auths" at the top level and "consumers/{id}/key-auth" nested).
std::string schemaNameFor(const QString& collection) {
  const auto* listed = model::findByCollection(collection.toStdString());
  return listed ? listed->name : collection.section('/', -1).toStdString();
}

// In a nested collection ("upstreams/{id}/targets") the owner comes from the path: its field
// ("upstream") is not asked for.
std::vector<std::string> ownerFieldOf(const QString& collection) {
  const auto* owner = model::ownerField(collection.toStdString());
  return owner ? std::vector<std::string>{owner->name} : std::vector<std::string>{};
}

// The collection a foreign key of `collection`'s entity points into ("service" -> "services").
std::string referencedCollection(const QString& collection, const std::string& field) {
  const auto* listed = model::findByCollection(collection.toStdString());
  const auto* f = listed ? listed->field(field) : nullptr;
  const auto* target = f ? model::findEntity(f->reference) : nullptr;
  return target && !target->adminPath.empty() ? target->adminPath : field + "s";
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
    if (core::isUuid(typed)) {
      pending->body[path] = {{"id", typed}};
      if (--pending->left == 0) send(std::move(pending->body));
      continue;
    }
    const std::string reference = referencedCollection(kind_, path);
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
