#include "registry/ModelStore.h"

#include "data/store/DatasetStore.h"
#include "registry/RunStore.h"
#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace stratus {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stratus::ModelStore", text);
}

const QString kSelect = QStringLiteral(
    "SELECT v.id, m.name, v.version, v.run_id, v.description, v.tags, v.properties, v.created_at"
    " FROM model_versions v JOIN models m ON m.id = v.model_id");

ModelVersion fromQuery(const QSqlQuery &q)
{
    ModelVersion v;
    v.id = q.value(0).toLongLong();
    v.name = q.value(1).toString();
    v.version = q.value(2).toInt();
    v.runId = q.value(3).toString();
    v.description = q.value(4).toString();
    v.tags = QJsonDocument::fromJson(q.value(5).toByteArray()).object().toVariantMap();
    v.properties = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
    v.createdAt = sql::timestamp(q.value(7));
    return v;
}

} // namespace

Result<ModelVersion> ModelStore::registerModel(const QString &runId, const QString &name, const QString &description,
                                               const QVariantMap &tags)
{
    if (Status s = names::checkModelName(name); !s)
        return s.error();
    RunStore runs(m_ws);
    auto run = runs.get(runId);
    if (!run)
        return run.error();
    QString childId = runId;
    if (run->parentId.isEmpty()) {
        childId = run->config.value(QStringLiteral("best_child_run_id")).toString();
        if (childId.isEmpty())
            return Error{tr("Run '%1' has no best model to register (its status is %2).").arg(runId, runStatusName(run->status))};
    }
    auto child = runs.get(childId);
    if (!child)
        return child.error();
    auto pipeline = runs.artifact(childId, QStringLiteral("pipeline"));
    if (!pipeline)
        return Error{tr("Run '%1' has no stored model yet: train it on every row first (ml::registerRunModel does).")
                         .arg(childId)};
    auto parent = runs.get(child->parentId);
    const QJsonObject stored = QJsonDocument::fromJson(*pipeline).object();
    QJsonObject properties{{QStringLiteral("algorithm"), child->algorithm},
                           {QStringLiteral("task"), stored.value(QStringLiteral("task"))},
                           {QStringLiteral("label"), stored.value(QStringLiteral("label"))},
                           {QStringLiteral("classes"), stored.value(QStringLiteral("classes"))},
                           {QStringLiteral("run_id"), childId},
                           {QStringLiteral("parent_run_id"), child->parentId},
                           {QStringLiteral("experiment"), child->experiment}};
    if (parent) {
        properties.insert(QStringLiteral("primary_metric"), parent->config.value(QStringLiteral("primary_metric")));
        properties.insert(QStringLiteral("dataset_version"), parent->config.value(QStringLiteral("dataset_version")));
    }
    QJsonObject metrics;
    for (auto it = child->metrics.cbegin(); it != child->metrics.cend(); ++it)
        metrics.insert(it.key(), it.value());
    properties.insert(QStringLiteral("metrics"), metrics);

    return insertVersion(name, childId, *pipeline, properties, description, tags);
}

Result<ModelVersion> ModelStore::registerPipeline(const QString &name, const QByteArray &pipeline, const QJsonObject &properties,
                                                  const QString &description, const QVariantMap &tags)
{
    if (Status s = names::checkModelName(name); !s)
        return s.error();
    return insertVersion(name, QString(), pipeline, properties, description, tags);
}

Result<ModelVersion> ModelStore::insertVersion(const QString &name, const QString &runId, const QByteArray &pipeline,
                                               const QJsonObject &properties, const QString &description, const QVariantMap &tags)
{
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    if (auto q = sql::run(db, QStringLiteral("INSERT OR IGNORE INTO models (name, created_at) VALUES (?, ?)"), {name, sql::now()}); !q)
        return q.error();
    auto next = sql::run(db, QStringLiteral("SELECT m.id, coalesce(max(v.version), 0) + 1 FROM models m"
                                            " LEFT JOIN model_versions v ON v.model_id = m.id WHERE m.name = ? GROUP BY m.id"),
                         {name});
    if (!next)
        return next.error();
    if (!next->next())
        return Error{tr("The model '%1' could not be created.").arg(name)};
    const qint64 modelId = next->value(0).toLongLong();
    const int version = next->value(1).toInt();
    auto insert = sql::run(db,
                           QStringLiteral("INSERT INTO model_versions (model_id, version, run_id, description, tags,"
                                          " properties, artifact, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                           {modelId, version, runId.isEmpty() ? QVariant() : QVariant(runId), description,
                            QJsonDocument(QJsonObject::fromVariantMap(tags)).toJson(QJsonDocument::Compact),
                            QJsonDocument(properties).toJson(QJsonDocument::Compact), pipeline, sql::now()});
    if (!insert)
        return insert.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    m_ws.notifyModelsChanged();
    return resolve(QStringLiteral("%1:%2").arg(name).arg(version));
}

Result<QList<ModelVersion>> ModelStore::list() const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" ORDER BY m.name COLLATE NOCASE, v.version DESC"));
    if (!q)
        return q.error();
    QList<ModelVersion> out;
    while (q->next())
        out << fromQuery(*q);
    return out;
}

Result<ModelVersion> ModelStore::resolve(const QString &reference) const
{
    const auto parsed = names::parseVersionReference(reference);
    if (!parsed)
        return Error{tr("'%1' is not a model reference: use NAME, NAME:latest or NAME:VERSION.").arg(reference)};
    const QString name = parsed->name;
    const int version = parsed->version;
    auto q = version == 0
        ? sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE m.name = ? ORDER BY v.version DESC LIMIT 1"), {name})
        : sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE m.name = ? AND v.version = ?"), {name, version});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{version == 0 ? tr("There is no model named '%1'.").arg(name)
                                                      : tr("The model '%1' has no version %2.").arg(name).arg(version)};
    return fromQuery(*q);
}

Result<QByteArray> ModelStore::pipeline(const ModelVersion &version) const
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("SELECT artifact FROM model_versions WHERE id = ?"), {version.id});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return Error{tr("The model %1 has no stored pipeline.").arg(version.reference())};
    return q->value(0).toByteArray();
}

Result<ModelStore::WithPipeline> ModelStore::resolveWithPipeline(const QString &reference) const
{
    auto version = resolve(reference);
    if (!version)
        return version.error();
    auto stored = pipeline(*version);
    if (!stored)
        return stored.error();
    return WithPipeline{*version, QJsonDocument::fromJson(*stored).object()};
}

Status ModelStore::remove(const QString &reference)
{
    auto version = resolve(reference);
    if (!version)
        return version.error();
    QSqlDatabase db = m_ws.connection();
    sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto used = sql::run(db, QStringLiteral("SELECT name FROM endpoints WHERE model_version_id = ?"), {version->id});
    if (!used)
        return used.error();
    if (used->next())
        return Error{tr("The model %1 is deployed to endpoint '%2': delete the endpoint first.")
                         .arg(version->reference(), used->value(0).toString())};
    if (auto q = sql::run(db, QStringLiteral("DELETE FROM model_versions WHERE id = ?"), {version->id}); !q)
        return q.error();
    if (auto q = sql::run(db, QStringLiteral("DELETE FROM models WHERE name = ? AND NOT EXISTS"
                                             " (SELECT 1 FROM model_versions v WHERE v.model_id = models.id)"),
                          {version->name});
        !q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s;
    m_ws.notifyModelsChanged();
    return {};
}

} // namespace stratus
