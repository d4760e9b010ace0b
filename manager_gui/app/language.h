#pragma once
// The manager's language: English (the source), German or Simplified Chinese, from the compiled
// catalogues (translations/*.ts → .qm, built in by CMake). Chosen with --language, else the saved
// setting, else the system's.
#include <QString>
#include <QStringList>

class QCoreApplication;
class QTranslator;

namespace sluice::manager {

// Codes the manager is translated into: "en", "de", "zh_CN".
QStringList availableLanguages();
QString languageName(const QString& code);  // in that language: "Deutsch", "中文（简体）"
// The language to use: `requested` when set, else the saved one, else the system's (English when
// there is no catalogue for it).
QString chooseLanguage(const QString& requested);
void saveLanguage(const QString& code);
// Installs the catalogue of `code` into the application (English needs none). False when missing.
bool installLanguage(QCoreApplication& app, QTranslator& translator, const QString& code);

}  // namespace sluice::manager
