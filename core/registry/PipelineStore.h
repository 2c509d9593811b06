#pragma once
// PipelineStore: pipelines as named, versioned definitions in the workspace,
// as Azure keeps published pipelines: the definition is the pipeline file's
// text (YAML, pipeline/PipelineYaml.h reads it). Creating a pipeline under an
// existing name adds a version, unless the text is the latest version's (then
// that version is returned, `unchanged`). References are "name", "name:latest"
// or "name:3". Errors name the pipeline and version.
//
// The step outputs table keeps what each completed step made, by the hash of
// its definition and inputs (pipeline/PipelineRun.h), so that a step whose
// hash is unchanged reuses them.

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace stratus {

class Workspace;

struct PipelineRecord {
    qint64 id = 0; // the version's
    QString name;
    int version = 0;
    int versionCount = 0; // list(): how many versions the pipeline has
    QString description;
    QByteArray definition;
    QString baseFolder; // the folder the file was created from: its relative paths are read from there
    QDateTime createdAt;
    bool unchanged = false; // create(): the text was the latest version's
    QString reference() const { return QStringLiteral("%1:%2").arg(name).arg(version); }
};

struct StepOutputs {
    QString runId;       // the step run that made them
    QJsonObject outputs; // output name -> {type, value, hash}
};

class PipelineStore {
public:
    explicit PipelineStore(Workspace &workspace) : m_ws(workspace) {}

    Result<PipelineRecord> create(const QString &name, const QString &description, const QByteArray &definition, const QString &baseFolder = {});
    // The latest version of each pipeline, by name.
    Result<QList<PipelineRecord>> list() const;
    Result<PipelineRecord> resolve(const QString &reference) const;
    Result<QList<PipelineRecord>> versions(const QString &name) const;
    // Deletes every version of the pipeline (its runs stay).
    Status remove(const QString &name);

    Result<std::optional<StepOutputs>> reusable(const QString &hash) const;
    Status recordOutputs(const QString &hash, const StepOutputs &outputs);

private:
    Workspace &m_ws;
};

} // namespace stratus
