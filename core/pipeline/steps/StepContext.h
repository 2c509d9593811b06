#pragma once
// StepContext: what a pipeline step's code (pipeline/steps/) is given and
// gives back. Values passed between steps are typed (StepKinds.h's port
// types) and carry a content hash, so that a step whose definition and input
// contents are unchanged can reuse its earlier outputs (PipelineRunner).

#include "common/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace stratus {
class Workspace;
}

namespace stratus::pipeline {

struct StepValue {
    QString type;  // dataset, model, endpoint, metrics, file
    QString value; // "name:version", "run:RUN_ID", an endpoint's name, a path, or a metrics object's JSON
    QString hash;  // of the content: a dataset's content hash, a file's BLAKE2b, a model's reference

    QJsonObject toJson() const;
    static StepValue fromJson(const QJsonObject &json);
    QJsonObject metrics() const; // type metrics: the object
};

struct StepContext {
    Workspace &workspace;
    QString pipelineRunId, stepRunId, stepName, kind;
    QString experiment;           // the pipeline run's
    QJsonObject settings;         // parameters substituted
    QMap<QString, StepValue> inputs;
    QString workFolder;           // a folder of this step's own (commands' files)
    std::shared_ptr<std::atomic_bool> canceled;
    std::function<void(const QString &)> log;
    QString baseFolder; // the pipeline file's folder: relative paths in settings are read from it (empty: the current folder)

    bool isCanceled() const { return canceled && canceled->load(); }
    QString text(const QString &setting, const QString &fallback = {}) const;
};

struct StepResult {
    QMap<QString, StepValue> outputs;
    // A compare step that found the model no better: the steps after it are skipped.
    bool proceed = true;
    QString summary; // one line for the run's log and the CLI
    QMap<QString, double> metrics; // recorded on the step's run
    QMap<QString, QByteArray> artifacts; // stored with the step's run (JSON): an evaluation's "curves"
};

// What a step reads besides its inputs, hashed for reuse (an import's file:
// its content), and the step itself. Both run on a worker thread with the
// workspace's connection of that thread.
Result<QString> stepFingerprint(const StepContext &context);
Result<StepResult> runStep(StepContext &context);

} // namespace stratus::pipeline
