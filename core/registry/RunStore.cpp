#include "registry/RunStore.h"

#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostInfo>
#include <QJsonDocument>
#include <QUuid>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace stratus {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::RunStore)
};

const QString kSelect = QStringLiteral(
    "SELECT r.id, r.experiment_id, e.name, coalesce(r.parent_id, ''), r.kind, r.status,"
    " coalesce(r.compute_profile_id, 0), coalesce(r.dataset_version_id, 0), r.algorithm, r.config, r.error,"
    " r.owner, r.created_at, r.started_at, r.ended_at, r.heartbeat_at"
    " FROM runs r JOIN experiments e ON e.id = r.experiment_id");

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Run fromQuery(const QSqlQuery &q)
{
    Run r;
    r.id = q.value(0).toString();
    r.experimentId = q.value(1).toLongLong();
    r.experiment = q.value(2).toString();
    r.parentId = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.status = runStatusFromName(q.value(5).toString()).value_or(RunStatus::Failed);
    r.computeProfileId = q.value(6).toLongLong();
    r.datasetVersionId = q.value(7).toLongLong();
    r.algorithm = q.value(8).toString();
    r.config = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    r.error = q.value(10).toString();
    r.owner = q.value(11).toString();
    r.createdAt = sql::timestamp(q.value(12));
    r.startedAt = sql::timestamp(q.value(13));
    r.endedAt = sql::timestamp(q.value(14));
    r.heartbeatAt = sql::timestamp(q.value(15));
    return r;
}

// Rows of (run id, metric name, value) into the runs they belong to.
void attachMetrics(QSqlQuery &q, QList<Run> &runs)
{
    QHash<QString, Run *> byId;
    for (Run &r : runs)
        byId.insert(r.id, &r);
    while (q.next()) {
        if (Run *r = byId.value(q.value(0).toString()))
            r->metrics.insert(q.value(1).toString(), q.value(2).isNull() ? std::nan("") : q.value(2).toDouble());
    }
}

enum class Owner { Alive, Gone, Unknown };

// Whether the process named by an owner string runs: on this host the
// process table tells; for another host only its heartbeat can.
Owner ownerState(const QString &owner)
{
    const qsizetype colon = owner.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || owner.left(colon) != QHostInfo::localHostName())
        return Owner::Unknown;
    bool ok = false;
    const qint64 pid = owner.mid(colon + 1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return Owner::Gone;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH ? Owner::Gone : Owner::Alive;
}

Result<QMap<QString, double>> metricsOf(QSqlDatabase db, const QString &id)
{
    auto q = sql::run(db, QStringLiteral("SELECT name, value FROM run_metrics WHERE run_id = ?"), {id});
    if (!q)
        return q.error();
    QMap<QString, double> m;
    while (q->next())
        m.insert(q->value(0).toString(), q->value(1).isNull() ? std::nan("") : q->value(1).toDouble());
    return m;
}

} // namespace

QString RunStore::currentOwner()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

bool RunStore::canMove(RunStatus from, RunStatus to)
{
    switch (from) {
    case RunStatus::NotStarted:
        return to != RunStatus::NotStarted && to != RunStatus::Finalizing;
    case RunStatus::Queued:
        return to == RunStatus::Running || to == RunStatus::Failed || to == RunStatus::Canceled;
    case RunStatus::Running:
        return to == RunStatus::Finalizing || isTerminal(to);
    case RunStatus::Finalizing:
        return isTerminal(to);
    default:
        return false;
    }
}

Result<Run> RunStore::create(const Run &run)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    QString id;
    if (run.parentId.isEmpty()) {
        id = (run.kind == QLatin1String("pipeline") ? QStringLiteral("Pipeline_") : QStringLiteral("AutoML_"))
             + QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        auto n = sql::run(db, QStringLiteral("SELECT count(*) FROM runs WHERE parent_id = ?"), {run.parentId});
        if (!n || !n->next())
            return n ? Error{Tr::tr("Cannot number the child run.")} : n.error();
        id = QStringLiteral("%1_%2").arg(run.parentId).arg(n->value(0).toInt());
    }
    const QVariant none;
    auto q = sql::run(
        db,
        QStringLiteral("INSERT INTO runs (id, experiment_id, parent_id, kind, status, compute_profile_id, "
                       "dataset_version_id, algorithm, config, owner, created_at) VALUES (?, ?, ?, ?, 'NotStarted', "
                       "?, ?, ?, ?, ?, ?)"),
        {id, run.experimentId, run.parentId.isEmpty() ? none : QVariant(run.parentId), run.kind,
         run.computeProfileId ? QVariant(run.computeProfileId) : none,
         run.datasetVersionId ? QVariant(run.datasetVersionId) : none, run.algorithm, jsonText(run.config),
         currentOwner(), sql::now()});
    if (!q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    m_ws.notifyExperimentsChanged();
    return get(id);
}

Status RunStore::setStatus(const QString &id, RunStatus status, const QString &error)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto current = sql::run(db, QStringLiteral("SELECT status FROM runs WHERE id = ?"), {id});
    if (!current)
        return current.error();
    if (!current->next())
        return Error{Tr::tr("There is no run '%1'.").arg(id)};
    const RunStatus from = runStatusFromName(current->value(0).toString()).value_or(RunStatus::Failed);
    if (!canMove(from, status))
        return Error{Tr::tr("Run '%1' cannot go from %2 to %3.").arg(id, runStatusName(from), runStatusName(status))};
    const QString now = sql::now();
    QString statement = QStringLiteral("UPDATE runs SET status = ?, error = ?, heartbeat_at = ?");
    QVariantList bindings = {runStatusName(status), error, now};
    if (status == RunStatus::Running) {
        statement += QStringLiteral(", started_at = coalesce(started_at, ?)");
        bindings << now;
    } else if (isTerminal(status)) {
        statement += QStringLiteral(", ended_at = ?");
        bindings << now;
    }
    statement += QStringLiteral(" WHERE id = ?");
    bindings << id;
    auto q = sql::run(db, statement, bindings);
    if (!q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s;
    m_ws.notifyExperimentsChanged();
    return {};
}

Status RunStore::setMetrics(const QString &id, const QMap<QString, double> &metrics)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) {
        const QVariant value = std::isfinite(it.value()) ? QVariant(it.value()) : QVariant();
        auto q = sql::run(db, QStringLiteral("INSERT OR REPLACE INTO run_metrics (run_id, name, value) VALUES (?, ?, ?)"),
                          {id, it.key(), value});
        if (!q)
            return q.error();
    }
    return tx.commit();
}

Status RunStore::setConfig(const QString &id, const QJsonObject &config)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE runs SET config = ? WHERE id = ?"), {jsonText(config), id});
    return q ? Status{} : Status{q.error()};
}

Status RunStore::heartbeat(const QStringList &ids)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    const QString now = sql::now();
    for (const QString &id : ids) {
        auto q = sql::run(db, QStringLiteral("UPDATE runs SET heartbeat_at = ?, owner = ? WHERE id = ?"),
                          {now, currentOwner(), id});
        if (!q)
            return q.error();
    }
    return tx.commit();
}

Status RunStore::putArtifact(const QString &id, const QString &name, const QByteArray &data, const QString &mediaType)
{
    auto q = sql::run(m_ws.connection(),
                      QStringLiteral("INSERT OR REPLACE INTO run_artifacts (run_id, name, media_type, data) VALUES "
                                     "(?, ?, ?, ?)"),
                      {id, name, mediaType, data});
    return q ? Status{} : Status{q.error()};
}

Result<QByteArray> RunStore::artifact(const QString &id, const QString &name) const
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("SELECT data FROM run_artifacts WHERE run_id = ? AND name = ?"),
                      {id, name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Tr::tr("Run '%1' has no artifact '%2'.").arg(id, name)};
    return q->value(0).toByteArray();
}

Result<QStringList> RunStore::artifactNames(const QString &id) const
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("SELECT name FROM run_artifacts WHERE run_id = ? ORDER BY name"),
                      {id});
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<Run> RunStore::get(const QString &id) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE r.id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Tr::tr("There is no run '%1'.").arg(id)};
    Run r = fromQuery(*q);
    auto metrics = metricsOf(m_ws.connection(), id);
    if (!metrics)
        return metrics.error();
    r.metrics = *metrics;
    return r;
}

Result<QList<Run>> RunStore::children(const QString &parentId) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE r.parent_id = ? ORDER BY r.rowid"), {parentId});
    if (!q)
        return q.error();
    QList<Run> out;
    while (q->next())
        out << fromQuery(*q);
    // One query for every child's metrics (a leaderboard may have 1,000 children).
    auto m = sql::run(m_ws.connection(),
                      QStringLiteral("SELECT m.run_id, m.name, m.value FROM run_metrics m JOIN runs r ON r.id = m.run_id"
                                     " WHERE r.parent_id = ?"),
                      {parentId});
    if (!m)
        return m.error();
    attachMetrics(*m, out);
    return out;
}

Result<QList<Run>> RunStore::list(const QString &experiment) const
{
    QSqlDatabase db = m_ws.connection();
    const QString where = experiment.isEmpty() ? QStringLiteral(" WHERE r.parent_id IS NULL")
                                               : QStringLiteral(" WHERE r.parent_id IS NULL AND e.name = ?");
    const QVariantList args = experiment.isEmpty() ? QVariantList{} : QVariantList{experiment};
    auto q = sql::run(db, kSelect + where + QStringLiteral(" ORDER BY r.created_at DESC, r.rowid DESC"), args);
    if (!q)
        return q.error();
    QList<Run> out;
    while (q->next())
        out << fromQuery(*q);
    auto m = sql::run(db,
                      QStringLiteral("SELECT m.run_id, m.name, m.value FROM run_metrics m JOIN runs r ON r.id = m.run_id"
                                     " JOIN experiments e ON e.id = r.experiment_id")
                          + where,
                      args);
    if (!m)
        return m.error();
    attachMetrics(*m, out);
    return out;
}

Result<int> RunStore::recoverInterrupted(int staleSeconds)
{
    QSqlDatabase db = m_ws.connection();
    auto q = sql::run(db, QStringLiteral("SELECT id, owner, coalesce(heartbeat_at, started_at, created_at) FROM runs "
                                         "WHERE status IN ('NotStarted', 'Queued', 'Running', 'Finalizing')"));
    if (!q)
        return q.error();
    QStringList gone;
    QHash<QString, QString> lastSign; // when each gone run last showed it was alive
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-staleSeconds);
    const QString me = currentOwner();
    while (q->next()) {
        const QString owner = q->value(1).toString();
        if (owner == me)
            continue;
        const Owner state = ownerState(owner);
        if (state == Owner::Gone || (state == Owner::Unknown && sql::timestamp(q->value(2)) < stale)) {
            gone << q->value(0).toString();
            lastSign.insert(gone.last(), q->value(2).toString());
        }
    }
    q = sql::run(db, QStringLiteral("SELECT 1")); // release the read
    for (const QString &id : std::as_const(gone)) {
        // The run ended when it was last heard of, not now.
        auto u = sql::run(db,
                          QStringLiteral("UPDATE runs SET status = 'Failed', error = ?, ended_at = ? WHERE id = ? AND "
                                         "status IN ('NotStarted', 'Queued', 'Running', 'Finalizing')"),
                          {QString::fromLatin1(kInterruptedError), lastSign.value(id), id});
        if (!u)
            return u.error();
        // An interrupted AutoML run keeps its best completed trial as its model (refitted when registered).
        auto run = get(id);
        if (!run || !run->parentId.isEmpty() || run->config.contains(QStringLiteral("best_child_run_id")))
            continue;
        const QString metric = run->config.value(QStringLiteral("primary_metric")).toString();
        auto kids = children(id);
        if (metric.isEmpty() || !kids)
            continue;
        const Run *best = nullptr;
        for (const Run &c : std::as_const(*kids)) {
            if (c.status != RunStatus::Completed || !c.metrics.contains(metric))
                continue;
            const double v = c.metrics.value(metric), b = best ? best->metrics.value(metric) : 0;
            if (!best || (higherIsBetter(metric) ? v > b : v < b))
                best = &c;
        }
        if (!best)
            continue;
        QJsonObject config = run->config;
        config.insert(QStringLiteral("best_child_run_id"), best->id);
        config.insert(QStringLiteral("best_algorithm"), best->algorithm);
        config.insert(QStringLiteral("best_reason"), QJsonObject{{QStringLiteral("code"), QStringLiteral("interrupted")},
                                                                 {QStringLiteral("top"), best->id}});
        if (Status s = setConfig(id, config); !s)
            return s.error();
        if (Status s = setMetrics(id, best->metrics); !s)
            return s.error();
    }
    if (!gone.isEmpty())
        m_ws.notifyExperimentsChanged();
    return int(gone.size());
}

Result<RunStore::StoredModel> RunStore::storedModel(const QString &runId) const
{
    auto run = get(runId);
    if (!run)
        return run.error();
    QString id = runId;
    if (run->parentId.isEmpty()) {
        id = run->config.value(QStringLiteral("best_child_run_id")).toString();
        if (id.isEmpty())
            return Error{QStringLiteral("run '%1' has no best model (its status is %2)").arg(runId, runStatusName(run->status))};
    }
    auto pipeline = artifact(id, QStringLiteral("pipeline"));
    if (!pipeline)
        return Error{QStringLiteral("run '%1' has no stored model (only the best trial of a run keeps one)").arg(id)};
    return StoredModel{id, QJsonDocument::fromJson(*pipeline).object()};
}

} // namespace stratus
