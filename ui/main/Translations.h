#pragma once
// Loads the studio's translation (and Qt's own) for a language: "ko",
// "en", or empty for the system locale / the saved language setting.

#include <QString>

class QCoreApplication;

namespace stratus {

// The language chosen in the studio's settings ("" when it follows the system).
QString savedLanguage();
void saveLanguage(const QString &language);

// The language choice in effect: --lang when it was given, else the saved one
// (empty: the system's). What View > Language checks.
QString languageChoice();
// Loads ours and Qt's own catalogue (Debian's qt6-translations-l10n: the
// wizards' Back/Next/Cancel). Returns the language installed ("en" when no
// translation was needed).
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace stratus
