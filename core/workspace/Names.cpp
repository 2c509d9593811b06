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

QString endpointNameForModel(const QString &modelReference, const QStringList &taken)
{
    constexpr int kLongest = 32; // checkEndpointName's rule
    const qsizetype colon = modelReference.lastIndexOf(QLatin1Char(':'));
    const QString version = colon < 0 ? QString() : modelReference.mid(colon + 1);
    QString base = colon < 0 ? modelReference : modelReference.left(colon);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^[^A-Za-z]+")));
    QString mark = version; // the version's own characters, as a part of the name
    mark.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")));
    mark = mark.left(8);
    // The name's head, cut so that "-<suffix>" fits after it, with no hyphen left at its end.
    const auto join = [&](const QString &suffix) {
        const qsizetype room = kLongest - (suffix.isEmpty() ? 0 : suffix.size() + 1);
        QString head = base.left(room);
        // Cut between words when the name is longer than the room and a word boundary leaves most of it.
        if (base.size() > room && base.at(room) != QLatin1Char('-'))
            if (const qsizetype hyphen = head.lastIndexOf(QLatin1Char('-')); hyphen >= room / 2)
                head.truncate(hyphen);
        while (head.endsWith(QLatin1Char('-')))
            head.chop(1);
        if (head.size() < 3)
            head = QStringLiteral("endpoint");
        return suffix.isEmpty() ? head : head + QLatin1Char('-') + suffix;
    };
    QString name = join(mark);
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = join(mark.isEmpty() ? QString::number(n) : QStringLiteral("%1-%2").arg(mark).arg(n));
    return name;
}

std::optional<VersionReference> parseVersionReference(const QString &reference)
{
    const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return VersionReference{reference, 0};
    const QString which = reference.mid(colon + 1);
    if (which.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0)
        return VersionReference{reference.left(colon), 0};
    bool ok = false;
    const int version = which.toInt(&ok);
    if (!ok || version < 1)
        return std::nullopt;
    return VersionReference{reference.left(colon), version};
}

} // namespace stratus::names
