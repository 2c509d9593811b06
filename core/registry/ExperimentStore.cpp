#include "registry/ExperimentStore.h"

#include "registry/RunStore.h"
#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <cmath>

namespace stratus {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT e.id, e.name, e.description, e.created_at,"
    " (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id AND r.parent_id IS NULL),"
    " (SELECT CASE WHEN r.status = 'Failed' AND r.error LIKE 'interrupted%' THEN 'Interrupted' ELSE r.status END"
    "  FROM runs r WHERE r.experiment_id = e.id AND r.parent_id IS NULL ORDER BY r.created_at DESC LIMIT 1)"
    " FROM experiments e");

Experiment fromQuery(const QSqlQuery &q)
{
    Experiment e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.description = q.value(2).toString();
    e.createdAt = sql::timestamp(q.value(3));
    e.runCount = q.value(4).toInt();
    e.latestStatus = q.value(5).toString();
    return e;
}

} // namespace

Result<Experiment> ExperimentStore::getOrCreate(const QString &name, bool *created)
{
    if (created)
        *created = false;
    if (Status s = names::checkExperimentName(name); !s)
        return s.error();
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    auto q = sql::run(db, QStringLiteral("INSERT OR IGNORE INTO experiments (name, created_at) VALUES (?, ?)"),
                      {name, sql::now()});
    if (!q)
        return q.error();
    const bool made = q->numRowsAffected() == 1;
    if (Status s = tx.commit(); !s)
        return s.error();
    if (made) {
        if (created)
            *created = true;
        m_ws.notifyExperimentsChanged();
    }
    return get(name);
}

Result<Experiment> ExperimentStore::get(const QString &name) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE e.name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QCoreApplication::translate("stratus::ExperimentStore", "There is no experiment named '%1'.")
                         .arg(name)};
    return fromQuery(*q);
}

Result<QList<Experiment>> ExperimentStore::list() const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" ORDER BY e.created_at DESC, e.id DESC"));
    if (!q)
        return q.error();
    QList<Experiment> out;
    while (q->next())
        out << fromQuery(*q);
    auto runs = RunStore(m_ws).list();
    if (!runs)
        return runs.error();
    for (Experiment &e : out) {
        // Newest first: the latest run's primary metric is the experiment's.
        for (const Run &r : std::as_const(*runs)) {
            if (r.experimentId != e.id)
                continue;
            const QString metric = r.config.value(QStringLiteral("primary_metric")).toString();
            if (e.primaryMetric.isEmpty())
                e.primaryMetric = metric;
            if (metric != e.primaryMetric || !r.metrics.contains(metric))
                continue;
            const double v = r.metrics.value(metric);
            if (std::isnan(e.bestScore) || (higherIsBetter(metric) ? v > e.bestScore : v < e.bestScore)) {
                e.bestScore = v;
                e.bestRunId = r.id;
            }
        }
    }
    return out;
}

} // namespace stratus
