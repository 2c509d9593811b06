#pragma once
// ModelStore: the model registry. register() copies the fitted pipeline of a
// run (a child run with a stored model, or an AutoML run: its best child)
// into a new version of a named model — registering under an existing name
// adds a version, as Azure does. The version keeps its pipeline even when the
// run is deleted. References are "name", "name:latest" or "name:3".
// Registering a child run that has no pipeline yet: ml::registerRunModel.

#include "common/Result.h"
#include "registry/ModelVersion.h"

#include <QJsonObject>

namespace stratus {

class Workspace;

class ModelStore {
public:
    explicit ModelStore(Workspace &workspace) : m_ws(workspace) {}

    Result<ModelVersion> registerModel(const QString &runId, const QString &name, const QString &description = {},
                                       const QVariantMap &tags = {});
    // A new version of `name` from a fitted pipeline with no run here (an
    // imported package): `properties` as registerModel records them.
    Result<ModelVersion> registerPipeline(const QString &name, const QByteArray &pipeline, const QJsonObject &properties,
                                          const QString &description = {}, const QVariantMap &tags = {});
    // Every version, by name, newest version first.
    Result<QList<ModelVersion>> list() const;
    Result<ModelVersion> resolve(const QString &reference) const;
    // The stored pipeline (JSON, as TrainedPipeline::fromJson reads it).
    Result<QByteArray> pipeline(const ModelVersion &version) const;
    // resolve() and pipeline() in one: a version by NAME[:V] and its pipeline, parsed.
    struct WithPipeline {
        ModelVersion version;
        QJsonObject pipeline;
    };
    Result<WithPipeline> resolveWithPipeline(const QString &reference) const;
    // Deletes one version (the model goes with its last version).
    Status remove(const QString &reference);

private:
    Result<ModelVersion> insertVersion(const QString &name, const QString &runId, const QByteArray &pipeline,
                                       const QJsonObject &properties, const QString &description, const QVariantMap &tags);

    Workspace &m_ws;
};

} // namespace stratus
