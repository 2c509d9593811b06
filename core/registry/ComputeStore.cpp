#include "registry/ComputeStore.h"

#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QThread>

namespace stratus {

namespace {

// The translation context of this file's messages.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::ComputeStore)
};

const QString kColumns = QStringLiteral(
    "id, name, max_concurrent, threads_per_trial, memory_mb, priority, description, created_at,"
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
    p.runningTrials = q.value(8).toInt();
    p.queuedTrials = q.value(9).toInt();
    return p;
}

} // namespace

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
                                     "memory_mb, priority, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {profile.name, profile.maxConcurrent, profile.threadsPerTrial, profile.memoryMb,
                       profile.priority, profile.description, sql::now()});
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
                                     " memory_mb = ?, priority = ?, description = ? WHERE id = ?"),
                      {profile.name, profile.maxConcurrent, profile.threadsPerTrial, profile.memoryMb,
                       profile.priority, profile.description, profile.id});
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
