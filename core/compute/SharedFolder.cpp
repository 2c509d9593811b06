#include "compute/SharedFolder.h"

#include "data/TableFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace stratus::slurm {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};
} // namespace

QString SharedFolder::workspaceTag(const QString &workspacePath)
{
    const QFileInfo info(workspacePath);
    const QString canonical = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    return QString::fromLatin1(QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

SharedFolder::SharedFolder(const SlurmSettings &settings, const QString &workspacePath)
    : m_local(QDir::cleanPath(settings.sharedFolder)),
      m_nodes(QDir::cleanPath(settings.nodeSharedFolder.isEmpty() ? settings.sharedFolder : settings.nodeSharedFolder))
{
    const QString tag = workspaceTag(workspacePath);
    m_root = m_local + QStringLiteral("/stratus-") + tag;
    m_prefix = QStringLiteral("stratus-%1-").arg(tag);
}

QString SharedFolder::runFolder(const QString &runId) const
{
    return m_root + QStringLiteral("/runs/") + runId;
}

QString SharedFolder::tablePath(const QString &contentHash) const
{
    // The format's version in the name: a file another build staged is never read as this one's.
    return m_root + QStringLiteral("/data/%1.v%2.table").arg(contentHash).arg(tablefile::kVersion);
}

QString SharedFolder::onNodes(const QString &localPath) const
{
    const QString clean = QDir::cleanPath(localPath);
    if (clean == m_local || clean.startsWith(m_local + QLatin1Char('/')))
        return m_nodes + clean.mid(m_local.size());
    return clean;
}

Status SharedFolder::makeWritable(const QString &path)
{
    for (QFileInfo up(path); !up.filePath().isEmpty() && up.filePath() != QLatin1String("/"); up = QFileInfo(up.path()))
        if (up.exists() && !up.isDir())
            return Error{Tr::tr("Shared folder: %1 is a file, not a folder.").arg(up.filePath())};
    if (!QDir().mkpath(path))
        return Error{Tr::tr("Shared folder: cannot create %1 on this machine (is the shared file system mounted, and "
                            "writable by this user?).")
                         .arg(path)};
    QTemporaryFile probe(path + QStringLiteral("/.write-check-XXXXXX"));
    if (!probe.open() || probe.write("ok") != 2 || !probe.flush())
        return Error{Tr::tr("Shared folder: this machine cannot write in %1 (%2).").arg(path, probe.errorString())};
    return {};
}

} // namespace stratus::slurm
