#pragma once
// A registered model version: what Azure's Model.register / run.register_model
// records — a name and version, the run it came from, description, tags,
// properties (algorithm, task, label, metrics) and lineage (experiment,
// dataset version). The fitted pipeline itself is stored with it.

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace stratus {

struct ModelVersion {
    qint64 id = 0;
    QString name;
    int version = 0;
    QString runId; // empty once that run was deleted
    QString description;
    QVariantMap tags;
    QJsonObject properties;
    QDateTime createdAt;

    QString reference() const { return QStringLiteral("%1:%2").arg(name).arg(version); }
};

} // namespace stratus
