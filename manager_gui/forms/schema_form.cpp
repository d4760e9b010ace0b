#include "forms/schema_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace sluice::manager {
namespace {

using nlohmann::json;

QString text(const json& v) {
  if (v.is_string()) return QString::fromStdString(v.get<std::string>());
  if (v.is_null()) return {};
  return QString::fromStdString(v.dump());
}

// A scalar typed in a line edit, as the schema's type wants it; null when empty or not parseable.
json scalar(const QString& typed, const std::string& type) {
  const QString t = typed.trimmed();
  if (t.isEmpty()) return nullptr;
  if (type == "integer") {
    bool ok = false;
    const qlonglong n = t.toLongLong(&ok);
    return ok ? json(n) : json(t.toStdString());  // the server says what is wrong with it
  }
  if (type == "number") {
    bool ok = false;
    const double d = t.toDouble(&ok);
    return ok ? json(d) : json(t.toStdString());
  }
  if (type == "boolean") return t == "true";
  return t.toStdString();
}

}  // namespace

struct SchemaForm::Field {
  enum class Kind { Text, Number, Check, Choice, List, Map, Json, Foreign };
  std::string path;  // dotted
  std::string name;  // last segment
  json schema;
  Kind kind = Kind::Text;
  QWidget* widget = nullptr;
  QLabel* error = nullptr;
  std::string elementType;  // List: the elements' type

  json read() const {
    switch (kind) {
      case Kind::Check: return static_cast<QCheckBox*>(widget)->isChecked();
      case Kind::Choice: {
        const auto* box = static_cast<QComboBox*>(widget);
        return box->currentIndex() < 0 || box->currentData().isNull() ? json(nullptr) : json::parse(box->currentData().toString().toStdString());
      }
      case Kind::List: {
        const QString t = static_cast<QLineEdit*>(widget)->text().trimmed();
        if (t.isEmpty()) return nullptr;
        json out = json::array();
        for (const QString& part : t.split(',', Qt::SkipEmptyParts)) out.push_back(scalar(part, elementType));
        return out;
      }
      case Kind::Map: {
        const QString t = static_cast<QPlainTextEdit*>(widget)->toPlainText().trimmed();
        if (t.isEmpty()) return nullptr;
        json out = json::object();
        const bool arrays = schema.contains("values") && schema["values"].value("type", "") == "array";
        for (const QString& line : t.split('\n', Qt::SkipEmptyParts)) {
          const int colon = line.indexOf(':');
          const QString key = (colon < 0 ? line : line.left(colon)).trimmed();
          const QString value = colon < 0 ? QString() : line.mid(colon + 1).trimmed();
          if (key.isEmpty()) continue;
          if (arrays) {
            json list = json::array();
            for (const QString& v : value.split(',', Qt::SkipEmptyParts)) list.push_back(v.trimmed().toStdString());
            out[key.toStdString()] = list;
          } else {
            out[key.toStdString()] = value.toStdString();
          }
        }
        return out;
      }
      case Kind::Json: {
        const QString t = static_cast<QPlainTextEdit*>(widget)->toPlainText().trimmed();
        if (t.isEmpty()) return nullptr;
        json parsed = json::parse(t.toStdString(), nullptr, false);
        return parsed.is_discarded() ? json(t.toStdString()) : parsed;
      }
      case Kind::Foreign: return nullptr;  // resolved by the caller (foreignKeys())
      case Kind::Number: return scalar(static_cast<QLineEdit*>(widget)->text(), schema.value("type", "number"));
      case Kind::Text: return scalar(static_cast<QLineEdit*>(widget)->text(), "string");
    }
    return nullptr;
  }

  void write(const json& v) const {
    switch (kind) {
      case Kind::Check: static_cast<QCheckBox*>(widget)->setChecked(v.is_boolean() && v.get<bool>()); break;
      case Kind::Choice: {
        auto* box = static_cast<QComboBox*>(widget);
        const int i = box->findData(QString::fromStdString(v.dump()));
        box->setCurrentIndex(i >= 0 ? i : box->findData(QVariant()));
        break;
      }
      case Kind::List: {
        QStringList parts;
        if (v.is_array())
          for (const auto& e : v) parts << text(e);
        static_cast<QLineEdit*>(widget)->setText(parts.join(", "));
        break;
      }
      case Kind::Map: {
        QStringList lines;
        if (v.is_object())
          for (auto it = v.begin(); it != v.end(); ++it) {
            QStringList values;
            if (it.value().is_array())
              for (const auto& e : it.value()) values << text(e);
            else
              values << text(it.value());
            lines << QString::fromStdString(it.key()) + ": " + values.join(", ");
          }
        static_cast<QPlainTextEdit*>(widget)->setPlainText(lines.join('\n'));
        break;
      }
      case Kind::Json: static_cast<QPlainTextEdit*>(widget)->setPlainText(v.is_null() ? QString() : QString::fromStdString(v.dump(2))); break;
      case Kind::Foreign: static_cast<QLineEdit*>(widget)->setText(v.is_object() ? text(v.value("id", json())) : QString()); break;
      case Kind::Number:
      case Kind::Text: static_cast<QLineEdit*>(widget)->setText(text(v)); break;
    }
  }
};

SchemaForm::SchemaForm(QWidget* parent) : QWidget(parent), formError_(new QLabel) {
  formError_->setStyleSheet("color: #c0392b");
  formError_->setWordWrap(true);
  formError_->hide();
}

SchemaForm::~SchemaForm() = default;

void SchemaForm::build(const json& fields, const std::vector<std::string>& skip) {
  fields_.clear();
  delete layout();
  qDeleteAll(findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
  formError_ = new QLabel;
  formError_->setStyleSheet("color: #c0392b");
  formError_->setWordWrap(true);
  formError_->hide();
  auto* outer = new QVBoxLayout(this);
  outer->addWidget(formError_);
  auto* form = new QFormLayout;
  outer->addLayout(form);
  outer->addStretch();
  addFields(form, fields, "", skip);
}

void SchemaForm::addFields(QFormLayout* layout, const json& fields, const std::string& prefix, const std::vector<std::string>& skip) {
  if (!fields.is_array()) return;
  for (const auto& entry : fields) {
    if (!entry.is_object() || entry.empty()) continue;
    const std::string name = entry.begin().key();
    const json& schema = entry.begin().value();
    // Ids and timestamps are the server's; other generated fields (a key-auth key) may be typed.
    if (schema.value("auto", false) && (schema.value("uuid", false) || schema.value("timestamp", false))) continue;
    if (prefix.empty() && std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    const std::string path = prefix.empty() ? name : prefix + "." + name;
    const std::string type = schema.value("type", "string");
    const bool required = schema.value("required", false);
    QString label = QString::fromStdString(name);
    if (required) label += " *";

    if (type == "record") {
      auto* group = new QGroupBox(label);
      auto* inner = new QFormLayout(group);
      addFields(inner, schema.value("fields", json::array()), path, {});
      layout->addRow(group);
      continue;
    }
    auto field = std::make_unique<Field>();
    field->path = path;
    field->name = name;
    field->schema = schema;
    if (type == "boolean") {
      field->kind = Field::Kind::Check;
      field->widget = new QCheckBox;
    } else if (schema.contains("one_of") && schema["one_of"].is_array()) {
      field->kind = Field::Kind::Choice;
      auto* box = new QComboBox;
      if (!required || !schema.contains("default")) box->addItem(tr("(not set)"), QVariant());
      for (const auto& choice : schema["one_of"]) box->addItem(text(choice), QString::fromStdString(choice.dump()));
      field->widget = box;
    } else if (type == "integer" || type == "number") {
      field->kind = Field::Kind::Number;
      auto* edit = new QLineEdit;
      if (type == "integer") edit->setValidator(new QIntValidator(edit));
      else edit->setValidator(new QDoubleValidator(edit));
      field->widget = edit;
    } else if ((type == "array" || type == "set") && schema.contains("elements") &&
               (schema["elements"].value("type", "") == "string" || schema["elements"].value("type", "") == "integer" ||
                schema["elements"].value("type", "") == "number")) {
      field->kind = Field::Kind::List;
      field->elementType = schema["elements"].value("type", "string");
      auto* edit = new QLineEdit;
      QString hint = tr("comma-separated");
      if (schema["elements"].contains("one_of")) {
        QStringList choices;
        for (const auto& c : schema["elements"]["one_of"]) choices << text(c);
        hint += ": " + choices.join(", ");
      }
      edit->setPlaceholderText(hint);
      field->widget = edit;
    } else if (type == "map") {
      field->kind = Field::Kind::Map;
      auto* edit = new QPlainTextEdit;
      edit->setPlaceholderText(tr("one \"key: value\" per line"));
      edit->setMaximumHeight(80);
      field->widget = edit;
    } else if (type == "foreign") {
      field->kind = Field::Kind::Foreign;
      auto* edit = new QLineEdit;
      edit->setPlaceholderText(tr("id or name (%1)").arg(QString::fromStdString(schema.value("reference", ""))));
      field->widget = edit;
    } else if (type == "string") {
      field->kind = Field::Kind::Text;
      field->widget = new QLineEdit;
    } else {
      field->kind = Field::Kind::Json;  // arrays of records and the rest: JSON as typed
      auto* edit = new QPlainTextEdit;
      edit->setPlaceholderText(tr("JSON"));
      edit->setMaximumHeight(80);
      field->widget = edit;
    }
    field->widget->setObjectName(QString::fromStdString(path));
    if (schema.contains("description")) field->widget->setToolTip(QString::fromStdString(schema["description"].get<std::string>()));
    if (schema.contains("default")) field->write(schema["default"]);
    field->error = new QLabel;
    field->error->setStyleSheet("color: #c0392b");
    field->error->setWordWrap(true);
    field->error->hide();
    auto* cell = new QWidget;
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field->widget);
    cellLayout->addWidget(field->error);
    layout->addRow(label, cell);
    fields_.push_back(std::move(field));
  }
}

json SchemaForm::value() const {
  json out = json::object();
  for (const auto& f : fields_) {
    json v = f->read();
    if (v.is_null()) continue;
    json* node = &out;
    std::string rest = f->path;
    for (size_t dot; (dot = rest.find('.')) != std::string::npos; rest = rest.substr(dot + 1)) node = &(*node)[rest.substr(0, dot)];
    (*node)[rest] = std::move(v);
  }
  return out;
}

void SchemaForm::setValue(const json& entity) {
  for (const auto& f : fields_) {
    const json* node = &entity;
    std::string rest = f->path;
    bool found = true;
    for (size_t dot; found && (dot = rest.find('.')) != std::string::npos; rest = rest.substr(dot + 1)) {
      const std::string key = rest.substr(0, dot);
      found = node->is_object() && node->contains(key);
      if (found) node = &(*node)[key];
    }
    found = found && node->is_object() && node->contains(rest);
    f->write(found ? (*node)[rest] : json(nullptr));
  }
}

std::map<std::string, std::string> SchemaForm::foreignKeys() const {
  std::map<std::string, std::string> out;
  for (const auto& f : fields_)
    if (f->kind == Field::Kind::Foreign) {
      const QString t = static_cast<QLineEdit*>(f->widget)->text().trimmed();
      if (!t.isEmpty()) out[f->path] = t.toStdString();
    }
  return out;
}

const SchemaForm::Field* SchemaForm::find(const std::string& path) const {
  for (const auto& f : fields_)
    if (f->path == path) return f.get();
  return nullptr;
}

void SchemaForm::showErrors(const std::map<std::string, std::string>& errors, const QString& message) {
  clearErrors();
  QStringList unplaced;
  static const QRegularExpression index("\\.\\d+(?=\\.|$)");
  for (const auto& [path, text] : errors) {
    // "paths.2" is about the paths field; "service.id" about the service field.
    std::string p = QString::fromStdString(path).remove(index).toStdString();
    const Field* f = find(p);
    while (!f && p.find('.') != std::string::npos) {
      p = p.substr(0, p.rfind('.'));
      f = find(p);
    }
    if (!f) {
      unplaced << QString::fromStdString(path + ": " + text);
      continue;
    }
    f->error->setText(f->error->text().isEmpty() ? QString::fromStdString(text) : f->error->text() + "\n" + QString::fromStdString(text));
    f->error->show();
  }
  QString top = message;
  if (!unplaced.isEmpty()) top += (top.isEmpty() ? "" : "\n") + unplaced.join('\n');
  formError_->setText(top);
  formError_->setVisible(!top.isEmpty());
}

void SchemaForm::clearErrors() {
  for (const auto& f : fields_) {
    f->error->clear();
    f->error->hide();
  }
  formError_->clear();
  formError_->hide();
}

QWidget* SchemaForm::editor(const QString& path) const {
  const Field* f = find(path.toStdString());
  return f ? f->widget : nullptr;
}

QString SchemaForm::errorText(const QString& path) const {
  const Field* f = find(path.toStdString());
  return f ? f->error->text() : QString();
}

QString SchemaForm::formError() const { return formError_->text(); }

}  // namespace sluice::manager
