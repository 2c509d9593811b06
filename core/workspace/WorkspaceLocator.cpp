#include "workspace/WorkspaceLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace stratus {

namespace {
// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::WorkspaceLocator)
};
} // namespace

QString defaultWorkspacePath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString folder = QDir(base).filePath(QStringLiteral("stratus"));
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("default.stratus"));
}

Result<QString> locateWorkspace(const QString &explicitPath, const QString &startFolder, bool useConfig,
                                QString *source)
{
    if (!explicitPath.isEmpty()) {
        if (source)
            *source = QStringLiteral("--workspace");
        return QFileInfo(explicitPath).absoluteFilePath();
    }
    if (useConfig) {
        QDir dir(startFolder);
        for (;;) {
            const QString config = dir.filePath(QStringLiteral("stratus.json"));
            if (QFile::exists(config)) {
                QFile file(config);
                if (!file.open(QIODevice::ReadOnly))
                    return Error{Tr::tr("%1: cannot read: %2").arg(config, file.errorString())};
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
                if (doc.isNull())
                    return Error{Tr::tr("%1: not valid JSON (%2 at offset %3)")
                                     .arg(config, parseError.errorString())
                                     .arg(parseError.offset)};
                const QString path = doc.object().value(QStringLiteral("workspace")).toString();
                if (path.isEmpty())
                    return Error{Tr::tr("%1: the field \"workspace\" (the path of the workspace file) is missing or "
                                    "empty")
                                     .arg(config)};
                if (source)
                    *source = config;
                return QFileInfo(dir, path).absoluteFilePath();
            }
            if (!dir.cdUp())
                break;
        }
        const QString env = qEnvironmentVariable("STRATUS_WORKSPACE");
        if (!env.isEmpty()) {
            if (source)
                *source = QStringLiteral("STRATUS_WORKSPACE");
            return QFileInfo(env).absoluteFilePath();
        }
    }
    if (source)
        *source = QStringLiteral("default");
    return defaultWorkspacePath();
}

} // namespace stratus
