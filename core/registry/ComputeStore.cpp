#include "registry/ComputeStore.h"

#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

namespace stratus {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::ComputeStore)
};

const QString kColumns = QStringLiteral(
    "id, name, max_concurrent, threads_per_trial, memory_mb, priority, description, created_at, kind, slurm,"
    " (SELECT count(*) FROM runs r WHERE r.compute_profile_id = compute_profiles.id AND r.parent_id IS NOT NULL"
    "  AND r.status IN ('Running', 'Finalizing')),"
    " (SELECT count(*) FROM runs r WHERE r.compute_profile_id = compute_profiles.id AND r.parent_id IS NOT NULL"
    "  AND r.status IN ('NotStarted', 'Queued'))");

ComputeProfile fromQuery(const QSqlQuery &q)
{
    ComputeProfile p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.maxConcurrent = q.value(2).toInt();
    p.threadsPerTrial = q.value(3).toInt();
    p.memoryMb = q.value(4).toInt();
    p.priority = q.value(5).toString();
    p.description = q.value(6).toString();
    p.createdAt = sql::timestamp(q.value(7));
    p.kind = q.value(8).toString();
    p.slurm = slurmFromJson(QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object());
    p.runningTrials = q.value(10).toInt();
    p.queuedTrials = q.value(11).toInt();
    return p;
}

QString slurmText(const ComputeProfile &p)
{
    return p.isSlurm() ? QString::fromUtf8(QJsonDocument(slurmToJson(p.slurm)).toJson(QJsonDocument::Compact))
                       : QStringLiteral("{}");
}

// A name Slurm takes as one command-line word: letters, digits, _ . -
bool plainWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return word.match(text).hasMatch();
}

} // namespace

QJsonObject slurmToJson(const SlurmSettings &s)
{
    return {{QStringLiteral("partition"), s.partition},
            {QStringLiteral("time_limit_minutes"), s.timeLimitMinutes},
            {QStringLiteral("account"), s.account},
            {QStringLiteral("qos"), s.qos},
            {QStringLiteral("shared_folder"), s.sharedFolder},
            {QStringLiteral("node_shared_folder"), s.nodeSharedFolder},
            {QStringLiteral("worker_command"), s.workerCommand},
            {QStringLiteral("max_retries"), s.maxRetries}};
}

SlurmSettings slurmFromJson(const QJsonObject &o)
{
    SlurmSettings s;
    s.partition = o.value(QStringLiteral("partition")).toString();
    s.timeLimitMinutes = o.value(QStringLiteral("time_limit_minutes")).toInt(s.timeLimitMinutes);
    s.account = o.value(QStringLiteral("account")).toString();
    s.qos = o.value(QStringLiteral("qos")).toString();
    s.sharedFolder = o.value(QStringLiteral("shared_folder")).toString();
    s.nodeSharedFolder = o.value(QStringLiteral("node_shared_folder")).toString();
    s.workerCommand = o.value(QStringLiteral("worker_command")).toString();
    s.maxRetries = o.value(QStringLiteral("max_retries")).toInt(s.maxRetries);
    return s;
}

Status ComputeStore::validate(const ComputeProfile &p)
{
    if (Status s = names::checkComputeName(p.name); !s)
        return s;
    if (p.maxConcurrent < 1 || p.maxConcurrent > 1024)
        return Error{Tr::tr("Max concurrent trials must be between 1 and 1024 (got %1).").arg(p.maxConcurrent)};
    if (p.threadsPerTrial < 1 || p.threadsPerTrial > 1024)
        return Error{Tr::tr("Threads per trial must be between 1 and 1024 (got %1).").arg(p.threadsPerTrial)};
    if (p.memoryMb < 0 || (p.memoryMb > 0 && p.memoryMb < 64))
        return Error{Tr::tr("Memory per trial must be 0 (no limit) or at least 64 MB (got %1).").arg(p.memoryMb)};
    if (p.priority != QLatin1String("normal") && p.priority != QLatin1String("low"))
        return Error{Tr::tr("Priority must be 'normal' or 'low' (got '%1').").arg(p.priority)};
    if (p.kind != QLatin1String("local") && p.kind != QLatin1String("slurm"))
        return Error{Tr::tr("Kind must be 'local' or 'slurm' (got '%1').").arg(p.kind)};
    if (!p.isSlurm())
        return {};
    const SlurmSettings &s = p.slurm;
    if (s.partition.isEmpty())
        return Error{Tr::tr("Partition: a Slurm profile needs the partition its jobs go to (sinfo lists them).")};
    if (!plainWord(s.partition))
        return Error{Tr::tr("Partition: '%1' is not a Slurm partition name (letters, digits, _ . -).").arg(s.partition)};
    if (!s.account.isEmpty() && !plainWord(s.account))
        return Error{Tr::tr("Account: '%1' is not a Slurm account name (letters, digits, _ . -).").arg(s.account)};
    if (!s.qos.isEmpty() && !plainWord(s.qos))
        return Error{Tr::tr("QOS: '%1' is not a Slurm QOS name (letters, digits, _ . -).").arg(s.qos)};
    if (s.timeLimitMinutes < 1 || s.timeLimitMinutes > 525600)
        return Error{Tr::tr("Time limit must be between 1 and 525600 minutes (got %1).").arg(s.timeLimitMinutes)};
    if (s.maxRetries < 0 || s.maxRetries > 10)
        return Error{Tr::tr("Retries must be between 0 and 10 (got %1).").arg(s.maxRetries)};
    if (s.sharedFolder.isEmpty() || !QDir::isAbsolutePath(s.sharedFolder))
        return Error{Tr::tr("Shared folder: give the absolute path of a folder this machine and the nodes both see (got '%1').")
                         .arg(s.sharedFolder)};
    if (!s.nodeSharedFolder.isEmpty() && !QDir::isAbsolutePath(s.nodeSharedFolder))
        return Error{Tr::tr("Shared folder on the nodes: give an absolute path (got '%1').").arg(s.nodeSharedFolder)};
    return {};
}

Result<QList<ComputeProfile>> ComputeStore::list() const
{
    auto q = sql::run(m_ws.connection(),
                      QStringLiteral("SELECT %1 FROM compute_profiles ORDER BY name COLLATE NOCASE").arg(kColumns));
    if (!q)
        return q.error();
    QList<ComputeProfile> out;
    while (q->next())
        out << fromQuery(*q);
    return out;
}

Result<ComputeProfile> ComputeStore::get(const QString &name) const
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("SELECT %1 FROM compute_profiles WHERE name = ?").arg(kColumns),
                      {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Tr::tr("There is no compute profile named '%1'.").arg(name)};
    return fromQuery(*q);
}

Result<ComputeProfile> ComputeStore::create(const ComputeProfile &profile)
{
    if (Status s = validate(profile); !s)
        return s.error();
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    auto exists = sql::run(db, QStringLiteral("SELECT 1 FROM compute_profiles WHERE name = ?"), {profile.name});
    if (!exists)
        return exists.error();
    if (exists->next())
        return Error{Tr::tr("A compute profile named '%1' already exists.").arg(profile.name)};
    auto q = sql::run(db,
                      QStringLiteral("INSERT INTO compute_profiles (name, max_concurrent, threads_per_trial, "
                                     "memory_mb, priority, description, created_at, kind, slurm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {profile.name, profile.maxConcurrent, profile.threadsPerTrial, profile.memoryMb,
                       profile.priority, profile.description, sql::now(), profile.kind, slurmText(profile)});
    if (!q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    m_ws.notifyComputeChanged();
    return get(profile.name);
}

Status ComputeStore::update(const ComputeProfile &profile)
{
    if (Status s = validate(profile); !s)
        return s;
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto clash = sql::run(db, QStringLiteral("SELECT 1 FROM compute_profiles WHERE name = ? AND id <> ?"),
                          {profile.name, profile.id});
    if (!clash)
        return clash.error();
    if (clash->next())
        return Error{Tr::tr("A compute profile named '%1' already exists.").arg(profile.name)};
    auto q = sql::run(db,
                      QStringLiteral("UPDATE compute_profiles SET name = ?, max_concurrent = ?, threads_per_trial = ?,"
                                     " memory_mb = ?, priority = ?, description = ?, kind = ?, slurm = ? WHERE id = ?"),
                      {profile.name, profile.maxConcurrent, profile.threadsPerTrial, profile.memoryMb,
                       profile.priority, profile.description, profile.kind, slurmText(profile), profile.id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error{Tr::tr("The compute profile '%1' no longer exists.").arg(profile.name)};
    if (Status s = tx.commit(); !s)
        return s;
    m_ws.notifyComputeChanged();
    return {};
}

Status ComputeStore::remove(const QString &name)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto busy = sql::run(db,
                         QStringLiteral("SELECT count(*) FROM runs r JOIN compute_profiles c ON c.id = "
                                        "r.compute_profile_id WHERE c.name = ? AND r.status IN "
                                        "('Queued','Running','Finalizing')"),
                         {name});
    if (!busy)
        return busy.error();
    if (busy->next() && busy->value(0).toInt() > 0)
        return Error{Tr::tr("The compute profile '%1' has runs in progress; cancel them or wait before deleting it.")
                         .arg(name)};
    auto q = sql::run(db, QStringLiteral("DELETE FROM compute_profiles WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{Tr::tr("There is no compute profile named '%1'.").arg(name)};
    if (Status s = tx.commit(); !s)
        return s;
    m_ws.notifyComputeChanged();
    return {};
}

Status ComputeStore::createDefaultProfile()
{
    const int cores = qMax(1, QThread::idealThreadCount());
    auto q = sql::run(m_ws.connection(),
                      QStringLiteral("INSERT OR IGNORE INTO compute_profiles (name, max_concurrent, "
                                     "threads_per_trial, memory_mb, priority, description, created_at) "
                                     "VALUES ('local', ?, 1, 0, 'normal', ?, ?)"),
                      {cores, QString::fromLatin1(kDefaultDescription), sql::now()});
    return q ? Status{} : Status{q.error()};
}

} // namespace stratus
