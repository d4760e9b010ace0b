#include "app/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace sluice::manager {

QStringList availableLanguages() { return {"en", "de", "zh_CN"}; }

QString languageName(const QString& code) {
  if (code == "de") return QStringLiteral("Deutsch");
  if (code == "zh_CN") return QStringLiteral("中文（简体）");
  return QStringLiteral("English");
}

QString chooseLanguage(const QString& requested) {
  const QStringList known = availableLanguages();
  if (known.contains(requested)) return requested;
  const QString saved = QSettings().value("language").toString();
  if (known.contains(saved)) return saved;
  const QString system = QLocale::system().name();  // "de_DE", "zh_CN"
  if (known.contains(system)) return system;
  if (known.contains(system.left(2))) return system.left(2);
  return "en";
}

void saveLanguage(const QString& code) { QSettings().setValue("language", code); }

bool installLanguage(QCoreApplication& app, QTranslator& translator, const QString& code) {
  if (code == "en") return true;
  if (!translator.load(":/i18n/sluice_manager_" + code + ".qm")) return false;
  return app.installTranslator(&translator);
}

}  // namespace sluice::manager
