#include "main/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace stratus {

QString savedLanguage()
{
    return QSettings().value(QStringLiteral("language")).toString();
}

void saveLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
}

namespace {
QString g_choice;
bool g_chosen = false;
} // namespace

QString languageChoice()
{
    return g_chosen ? g_choice : savedLanguage();
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    g_chosen = true;
    g_choice = language.isEmpty() ? savedLanguage() : language;
    QString lang = g_choice;
    if (lang.isEmpty())
        lang = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (lang == QLatin1String("en") || lang == QLatin1String("C"))
        return QStringLiteral("en");
    auto *ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/i18n/stratus_%1.qm").arg(lang))) {
        delete ours;
        return QStringLiteral("en");
    }
    app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(lang));
    return lang;
}

} // namespace stratus
