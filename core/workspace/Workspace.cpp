#include "workspace/Workspace.h"

#include "workspace/Schema.h"
#include "workspace/Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

namespace stratus {

namespace {

QAtomicInteger<quint64> g_workspaceCounter;

// The connections whose Workspace still exists. A pool thread may end after
// the Workspace it read (a pool outlives its jobs' workspaces), even at
// process exit, when the SQL plugins are gone: it must then touch nothing.
// Both are never destroyed: a pool thread can end after static destruction.
QBasicMutex g_liveMutex;
QSet<QString> &g_liveConnections = *new QSet<QString>;

constexpr int kBusyTimeoutMs = 30000;

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::Workspace)
};

// Whether the mode bits let anyone write (root passes access(2) checks, so
// the bits are what tell a read-only file there).
bool writable(const QFileInfo &info)
{
    const auto anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return info.isWritable() && (QFile::permissions(info.absoluteFilePath()) & anyWrite);
}

// Problems found by looking at the file before SQLite touches it.
Status inspectFile(const QFileInfo &info)
{
    const QString path = QDir::toNativeSeparators(info.absoluteFilePath());
    if (info.isDir())
        return Error{Tr::tr("Cannot open workspace %1: it is a folder, not a workspace file.").arg(path)};
    if (!info.isReadable())
        return Error{Tr::tr("Cannot open workspace %1: the file cannot be read (check its permissions).").arg(path)};
    if (!writable(info))
        return Error{Tr::tr("Cannot open workspace %1: the file is read-only. Make it writable, or copy it to a "
                        "folder you can write to.")
                         .arg(path)};
    const QFileInfo folder(info.absolutePath());
    if (!writable(folder))
        return Error{Tr::tr("Cannot open workspace %1: its folder is read-only, and the workspace needs to write "
                        "its journal files beside it.")
                         .arg(path)};
    if (info.size() == 0)
        return {};
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot open workspace %1: %2").arg(path, file.errorString())};
    const QByteArray magic = file.read(16);
    if (magic != QByteArray("SQLite format 3\0", 16))
        return Error{Tr::tr("Cannot open workspace %1: the file is not a Stratus workspace (it is not an SQLite "
                        "database). It was left unchanged.")
                         .arg(path)};
    return {};
}

} // namespace

Workspace::Workspace(QString path)
    : m_path(std::move(path)), m_prefix(QStringLiteral("stratus-ws%1-").arg(++g_workspaceCounter))
{
}

Workspace::~Workspace()
{
    QMutexLocker live(&g_liveMutex);
    QMutexLocker lock(&m_mutex);
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (!g_liveConnections.remove(it.key()))
            continue; // its thread ended and closed it
        if (it.value() == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(it.key(), false);
            db.close();
        }
        QSqlDatabase::removeDatabase(it.key());
    }
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, bool create, const OpenHooks &hooks)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    const bool exists = info.exists();
    if (!exists && !create)
        return Error{Tr::tr("Workspace %1 does not exist.").arg(shown)};
    if (exists) {
        if (Status s = inspectFile(info); !s)
            return s.error();
    } else if (!QFileInfo(info.absolutePath()).isDir()) {
        return Error{Tr::tr("Cannot create workspace %1: the folder %2 does not exist.")
                         .arg(shown, QDir::toNativeSeparators(info.absolutePath()))};
    }

    std::unique_ptr<Workspace> ws(new Workspace(info.absoluteFilePath()));
    if (exists && info.size() > 0) {
        // Look before writing anything: a foreign or newer file stays untouched.
        const QString probeName = ws->m_prefix + QStringLiteral("probe");
        int version = 0;
        int appId = 0;
        int tables = 0;
        QString problem;
        {
            auto probe = ws->openConnection(probeName, true);
            if (!probe)
                return probe.error();
            QSqlQuery q(*probe);
            if (!q.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                                       " (SELECT user_version FROM pragma_user_version),"
                                       " (SELECT count(*) FROM sqlite_master)"))
                || !q.next())
                problem = q.lastError().databaseText();
            else {
                appId = q.value(0).toInt();
                version = q.value(1).toInt();
                tables = q.value(2).toInt();
            }
            probe->close();
        }
        QSqlDatabase::removeDatabase(probeName);
        if (!problem.isEmpty())
            return Error{Tr::tr("Cannot open workspace %1: the file is damaged (%2). It was left unchanged.")
                             .arg(shown, problem)};
        if (appId != schema::kApplicationId && (appId != 0 || tables > 0))
            return Error{Tr::tr("Cannot open workspace %1: it is an SQLite database, but not a Stratus workspace. It "
                            "was left unchanged.")
                             .arg(shown)};
        if (version > schema::kLatestVersion)
            return Error{Tr::tr("Cannot open workspace %1: it was made by a newer Stratus (schema version %2; this "
                            "version understands up to %3). Update Stratus to open it. It was left unchanged.")
                             .arg(shown)
                             .arg(version)
                             .arg(schema::kLatestVersion)};
    }

    ws->m_created = !exists || info.size() == 0;
    if (Status s = ws->migrateToLatest(hooks); !s)
        return Error{Tr::tr("Cannot open workspace %1: %2").arg(shown, s.message())};
    if (hooks.opened) {
        if (Status s = hooks.opened(*ws); !s)
            return s.error();
    }
    return ws;
}

Result<QSqlDatabase> Workspace::openConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        Error e = sql::error(db, Tr::tr("Cannot open the workspace file"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    if (!readOnly) {
        QSqlQuery q(db);
        const char *pragmas[] = {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
                                 "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY",
                                 "PRAGMA cache_size = -16000",
                                 // After a checkpoint, keep at most 64 MB of write-ahead log on disk.
                                 "PRAGMA journal_size_limit = 67108864"};
        for (const char *pragma : pragmas) {
            if (!q.exec(QString::fromLatin1(pragma))) {
                Error e = sql::error(q, Tr::tr("Cannot configure the workspace connection"));
                q = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return e;
            }
        }
    }
    return db;
}

namespace {

// A token per thread, never reused (unlike native thread ids, which a new
// thread may inherit from one that ended), and the connections the thread
// opened, closed in the thread itself when it ends.
std::atomic<quint64> g_threadTokens{0};

struct ThreadConnections {
    quint64 token = ++g_threadTokens;
    bool mainThread = false;
    QStringList names;
    ~ThreadConnections()
    {
        if (mainThread)
            return; // the main thread's connections go with their Workspace
        QMutexLocker lock(&g_liveMutex);
        for (const QString &name : std::as_const(names)) {
            if (!g_liveConnections.remove(name))
                continue; // its Workspace is gone and removed it
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isValid())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

thread_local ThreadConnections t_connections;

} // namespace

QSqlDatabase Workspace::connection() const
{
    const QString name = m_prefix + QString::number(t_connections.token);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    auto db = openConnection(name, false);
    if (!db)
        return QSqlDatabase();
    t_connections.mainThread = QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread();
    t_connections.names << name;
    {
        QMutexLocker live(&g_liveMutex);
        g_liveConnections.insert(name);
    }
    QMutexLocker lock(&m_mutex);
    m_connections.insert(name, QThread::currentThread());
    return *db;
}

bool Workspace::pollExternalChanges()
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return false;
    const qint64 version = q.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed) {
        emit datasetsChanged();
        emit computeProfilesChanged();
        emit experimentsChanged();
        emit modelsChanged();
        emit endpointsChanged();
    }
    return changed;
}

int Workspace::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Workspace::migrateToLatest(const OpenHooks &hooks)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error{Tr::tr("the workspace file cannot be opened for writing")};
    // Up to date: only check, without waiting for the write lock (another
    // program may hold it for a long import).
    {
        QSqlQuery current(db);
        if (current.exec(QStringLiteral("PRAGMA user_version")) && current.next()
            && current.value(0).toInt() == schema::kLatestVersion)
            return schema::check(db);
    }
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    // Read the version inside the transaction: another process may have
    // migrated the file since we looked.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sql::error(q, Tr::tr("Cannot read the schema version"));
    const int version = q.value(0).toInt();
    q = QSqlQuery();
    if (version < schema::kLatestVersion) {
        if (Status s = schema::migrate(db, version, schema::kLatestVersion); !s)
            return s;
        if (version == 0 && hooks.created) {
            if (Status s = hooks.created(*this); !s)
                return s;
        }
    }
    if (Status s = schema::check(db); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    return {};
}

} // namespace stratus
