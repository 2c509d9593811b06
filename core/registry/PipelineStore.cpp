#include "registry/PipelineStore.h"

#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace stratus {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT v.id, p.name, v.version, (SELECT count(*) FROM pipeline_versions x WHERE x.pipeline_id = p.id), v.description, v.definition, "
    "v.created_at, v.base_folder FROM pipelines p JOIN pipeline_versions v ON v.pipeline_id = p.id");

PipelineRecord fromQuery(const QSqlQuery &q)
{
    PipelineRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.version = q.value(2).toInt();
    r.versionCount = q.value(3).toInt();
    r.description = q.value(4).toString();
    r.definition = q.value(5).toByteArray();
    r.createdAt = sql::timestamp(q.value(6));
    r.baseFolder = q.value(7).toString();
    return r;
}

} // namespace

Result<PipelineRecord> PipelineStore::create(const QString &name, const QString &description, const QByteArray &definition, const QString &baseFolder)
{
    if (auto latest = resolve(name); latest && latest->definition == definition && latest->baseFolder == baseFolder) {
        PipelineRecord same = *latest;
        same.unchanged = true;
        return same;
    }
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    if (auto q = sql::run(db, QStringLiteral("INSERT OR IGNORE INTO pipelines (name, created_at) VALUES (?, ?)"), {name, sql::now()}); !q)
        return q.error();
    auto next = sql::run(db, QStringLiteral("SELECT p.id, coalesce(max(v.version), 0) + 1 FROM pipelines p"
                                            " LEFT JOIN pipeline_versions v ON v.pipeline_id = p.id WHERE p.name = ? GROUP BY p.id"),
                         {name});
    if (!next)
        return next.error();
    if (!next->next())
        return Error{QStringLiteral("the pipeline '%1' could not be created").arg(name)};
    const qint64 pipelineId = next->value(0).toLongLong();
    const int version = next->value(1).toInt();
    if (auto q = sql::run(db, QStringLiteral("INSERT INTO pipeline_versions (pipeline_id, version, description, definition, created_at, base_folder) "
                                             "VALUES (?, ?, ?, ?, ?, ?)"),
                          {pipelineId, version, description, QString::fromUtf8(definition), sql::now(), baseFolder});
        !q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return resolve(QStringLiteral("%1:%2").arg(name).arg(version));
}

Result<QList<PipelineRecord>> PipelineStore::list() const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE v.version = (SELECT max(version) FROM pipeline_versions y WHERE "
                                                                 "y.pipeline_id = p.id) ORDER BY p.name COLLATE NOCASE"));
    if (!q)
        return q.error();
    QList<PipelineRecord> out;
    while (q->next())
        out.append(fromQuery(*q));
    return out;
}

Result<PipelineRecord> PipelineStore::resolve(const QString &reference) const
{
    const auto parsed = names::parseVersionReference(reference);
    if (!parsed)
        return Error{QStringLiteral("'%1' is not a pipeline reference: use NAME, NAME:latest or NAME:VERSION").arg(reference)};
    const QString name = parsed->name;
    const int version = parsed->version;
    auto q = version == 0
                 ? sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE p.name = ? ORDER BY v.version DESC LIMIT 1"), {name})
                 : sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE p.name = ? AND v.version = ?"), {name, version});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{version == 0 ? QStringLiteral("there is no pipeline named '%1'").arg(name)
                                                      : QStringLiteral("the pipeline '%1' has no version %2").arg(name).arg(version)};
    return fromQuery(*q);
}

Result<QList<PipelineRecord>> PipelineStore::versions(const QString &name) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE p.name = ? ORDER BY v.version DESC"), {name});
    if (!q)
        return q.error();
    QList<PipelineRecord> out;
    while (q->next())
        out.append(fromQuery(*q));
    if (out.isEmpty())
        return Error{QStringLiteral("there is no pipeline named '%1'").arg(name)};
    return out;
}

Status PipelineStore::remove(const QString &name)
{
    QSqlDatabase db = m_ws.connection();
    auto q = sql::run(db, QStringLiteral("DELETE FROM pipelines WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{QStringLiteral("there is no pipeline named '%1'").arg(name)};
    return {};
}

Result<std::optional<StepOutputs>> PipelineStore::reusable(const QString &hash) const
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("SELECT run_id, outputs FROM pipeline_step_outputs WHERE hash = ?"), {hash});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StepOutputs>();
    return std::optional<StepOutputs>(StepOutputs{q->value(0).toString(), QJsonDocument::fromJson(q->value(1).toByteArray()).object()});
}

Status PipelineStore::recordOutputs(const QString &hash, const StepOutputs &outputs)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("INSERT OR REPLACE INTO pipeline_step_outputs (hash, run_id, outputs, created_at) VALUES (?, ?, ?, ?)"),
                      {hash, outputs.runId, QString::fromUtf8(QJsonDocument(outputs.outputs).toJson(QJsonDocument::Compact)), sql::now()});
    if (!q)
        return q.error();
    return {};
}

} // namespace stratus
