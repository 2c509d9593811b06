#include "registry/TriggerStore.h"

#include "registry/RunStore.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QSqlQuery>
#include <signal.h>

namespace stratus {

namespace {

const QString kSelect = QStringLiteral("SELECT t.id, p.name, t.kind, t.settings, t.state, t.created_at FROM pipeline_triggers t "
                                       "JOIN pipelines p ON p.id = t.pipeline_id");

PipelineTrigger fromQuery(const QSqlQuery &q)
{
    PipelineTrigger t;
    t.id = q.value(0).toLongLong();
    t.pipeline = q.value(1).toString();
    t.kind = q.value(2).toString();
    t.settings = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
    t.state = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
    t.createdAt = sql::timestamp(q.value(5));
    return t;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Whether the process named by an owner string ("host:pid") still runs on this host.
bool ownerAlive(const QString &owner)
{
    const qsizetype colon = owner.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || owner.left(colon) != QHostInfo::localHostName())
        return true; // another host: only staleness tells
    bool ok = false;
    const qint64 pid = owner.mid(colon + 1).toLongLong(&ok);
    return ok && pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

Result<PipelineTrigger> TriggerStore::create(const QString &pipeline, const QString &kind, const QJsonObject &settings, const QJsonObject &state)
{
    QSqlDatabase db = m_ws.connection();
    auto id = sql::run(db, QStringLiteral("SELECT id FROM pipelines WHERE name = ?"), {pipeline});
    if (!id)
        return id.error();
    if (!id->next())
        return Error{QStringLiteral("there is no pipeline named '%1'").arg(pipeline)};
    const qint64 pipelineId = id->value(0).toLongLong();
    if (kind == QLatin1String("published")) {
        auto existing = sql::run(db, QStringLiteral("SELECT count(*) FROM pipeline_triggers WHERE pipeline_id = ? AND kind = 'published'"), {pipelineId});
        if (existing && existing->next() && existing->value(0).toInt() > 0)
            return Error{QStringLiteral("the pipeline '%1' is published already (pipeline triggers %1 shows its URI)").arg(pipeline)};
    }
    auto q = sql::run(db, QStringLiteral("INSERT INTO pipeline_triggers (pipeline_id, kind, settings, state, created_at) VALUES (?, ?, ?, ?, ?)"),
                      {pipelineId, kind, json(settings), json(state), sql::now()});
    if (!q)
        return q.error();
    return get(q->lastInsertId().toLongLong());
}

Result<QList<PipelineTrigger>> TriggerStore::list(const QString &pipeline) const
{
    auto q = pipeline.isEmpty() ? sql::run(m_ws.connection(), kSelect + QStringLiteral(" ORDER BY t.id"))
                                : sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE p.name = ? ORDER BY t.id"), {pipeline});
    if (!q)
        return q.error();
    QList<PipelineTrigger> out;
    while (q->next())
        out.append(fromQuery(*q));
    return out;
}

Result<PipelineTrigger> TriggerStore::get(qint64 id) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE t.id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{QStringLiteral("there is no pipeline trigger %1").arg(id)};
    return fromQuery(*q);
}

Status TriggerStore::setState(qint64 id, const QJsonObject &state)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE pipeline_triggers SET state = ? WHERE id = ?"), {json(state), id});
    return q ? Status{} : Status{q.error()};
}

Status TriggerStore::remove(qint64 id)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("DELETE FROM pipeline_triggers WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{QStringLiteral("there is no pipeline trigger %1").arg(id)};
    return {};
}

Result<bool> TriggerStore::acquireLease(int staleSeconds)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    const QString me = RunStore::currentOwner();
    auto q = sql::run(db, QStringLiteral("SELECT owner, heartbeat_at FROM scheduler_lease WHERE id = 1"));
    if (!q)
        return q.error();
    if (q->next()) {
        const QString owner = q->value(0).toString();
        const bool stale = sql::timestamp(q->value(1)) < QDateTime::currentDateTimeUtc().addSecs(-staleSeconds);
        if (owner != me && ownerAlive(owner) && !stale)
            return false;
    }
    q = sql::run(db, QStringLiteral("SELECT 1"));
    if (auto w = sql::run(db, QStringLiteral("INSERT OR REPLACE INTO scheduler_lease (id, owner, heartbeat_at) VALUES (1, ?, ?)"), {me, sql::now()}); !w)
        return w.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

void TriggerStore::releaseLease()
{
    (void)sql::run(m_ws.connection(), QStringLiteral("DELETE FROM scheduler_lease WHERE owner = ?"), {RunStore::currentOwner()});
}

} // namespace stratus
