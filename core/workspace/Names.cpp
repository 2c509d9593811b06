#include "workspace/Names.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace stratus::names {

namespace {

Status check(const QString &kind, const QString &name, const QRegularExpression &rule, const QString &ruleText)
{
    if (rule.match(name).hasMatch())
        return {};
    const QString shown = name.isEmpty() ? QCoreApplication::translate("stratus::names", "(empty)")
                                         : QStringLiteral("'%1'").arg(name);
    return Error{QCoreApplication::translate("stratus::names", "Invalid %1 name %2: %3")
                     .arg(kind, shown, ruleText)};
}

} // namespace

Status checkExperimentName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{2,35}$"));
    return check(QCoreApplication::translate("stratus::names", "experiment"), name, rule,
                 QCoreApplication::translate("stratus::names",
                                             "use 3 to 36 characters, start with a letter or digit, and use only "
                                             "letters, digits, '_' and '-'."));
}

Status checkModelName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    return check(QCoreApplication::translate("stratus::names", "model"), name, rule,
                 QCoreApplication::translate("stratus::names",
                                             "use 1 to 255 characters, start with a letter or digit, and use only "
                                             "letters, digits, '_', '-' and '.'."));
}

Status checkComputeName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z][A-Za-z0-9-]{1,15}$"));
    return check(QCoreApplication::translate("stratus::names", "compute profile"), name, rule,
                 QCoreApplication::translate("stratus::names",
                                             "use 2 to 16 characters, start with a letter, and use only letters, "
                                             "digits and hyphens."));
}

Status checkDatasetName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return check(QCoreApplication::translate("stratus::names", "dataset"), name, rule,
                 QCoreApplication::translate("stratus::names",
                                             "use 1 to 64 characters, start with a letter or digit, and use only "
                                             "letters, digits, '_', '-' and '.'."));
}

Status checkEndpointName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z][A-Za-z0-9-]{2,31}$"));
    return check(QCoreApplication::translate("stratus::names", "endpoint"), name, rule,
                 QCoreApplication::translate("stratus::names",
                                             "use 3 to 32 characters, start with a letter, and use only letters, "
                                             "digits and hyphens."));
}

QString datasetNameFromFile(const QString &path, const QString &fallback)
{
    QString name = QFileInfo(path).completeBaseName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^[^A-Za-z0-9]+")));
    return name.isEmpty() ? fallback : name.left(64);
}

} // namespace stratus::names
