#pragma once
// PipelineRunner: one run of a pipeline version, as Azure ML runs a
// pipeline job. The run is a parent run (kind "pipeline") in an experiment
// (default: the pipeline's name) with one child run per step (kind "step",
// algorithm = the step's type), all created before anything runs.
//
// Steps run in dependency order; steps whose inputs are ready run at the
// same time (at most `maxConcurrent`). A failed step stops the steps that
// read from it (Canceled, "not run: STEP failed") and lets the others finish;
// the run ends Failed. A compare step whose model is not better skips the
// steps after it (Canceled, "skipped: ...") and the run still Completes.
// cancel() stops launching steps and tells running ones (AutoML runs are
// canceled, commands killed); the run ends Canceled.
//
// Reuse: a step's hash covers its type, its settings with the parameters put
// in, the content hashes of its inputs and what it reads besides (an import's
// file). A step with allow_reuse (the default) whose hash has completed
// before takes the outputs recorded then, runs nothing, and shows as
// Completed with config.reused = true ("Reused"), as long as those outputs
// still exist. A rerun from the failed step (RunRequest::rerunOf) takes the
// outputs of the steps that completed in that run, whatever allow_reuse says.
//
// Every output records the pipeline run and step that made it (tags
// pipeline_run and pipeline_step on datasets, model versions and endpoints);
// a step's run keeps its settings, inputs, outputs and hash in its config and
// its log as the "log" artifact.

#include "common/Result.h"
#include "pipeline/Pipeline.h"

#include <QJsonObject>
#include <QMap>
#include <atomic>
#include <functional>
#include <memory>

namespace stratus {
class Workspace;
}

namespace stratus::pipeline {

struct RunRequest {
    QString pipeline;                      // NAME[:V]
    QMap<QString, QString> parameters;     // values given for this run (text, typed by the parameter)
    QString experiment;                    // empty: the pipeline's name
    QString rerunOf;                       // a pipeline run: its completed steps are not run again
    int maxConcurrent = 2;
};

struct StepEvent {
    QString step, runId, status; // status: Running, Completed, Reused, Failed, Skipped, Canceled
    QString message;
};

class PipelineRunner {
public:
    PipelineRunner(Workspace &workspace, RunRequest request);

    // Checks the pipeline and the parameters, and creates the parent and step runs.
    Result<QString> prepare();
    // Takes up a run prepare() made in another process (`pipeline run` without
    // --wait starts one to execute it); the run must not have started.
    Status attach(const QString &runId);
    // Runs every step to its end (blocking); returns the run's final status.
    // requires: prepare() or attach() succeeded.
    QString run();
    // Thread-safe: may be called while run() runs.
    void cancel() { m_canceled->store(true); }
    std::function<void(const StepEvent &)> onEvent; // called on run()'s thread

    QString runId() const { return m_runId; }

private:
    struct StepState;
    Status loadPipeline();
    void loadPrevious();
    QJsonValue substitute(const QJsonValue &value) const;
    void finishStep(StepState &state, const QString &status, const QString &message);

    Workspace &m_ws;
    RunRequest m_request;
    Pipeline m_pipeline;
    QString m_pipelineReference;
    QString m_baseFolder;
    QString m_runId;
    QMap<QString, QJsonValue> m_values; // every parameter's value for the run
    QMap<QString, QString> m_stepRuns;  // step -> its run id
    QMap<QString, QJsonObject> m_previous; // rerunOf: completed step -> its recorded outputs
    std::shared_ptr<std::atomic_bool> m_canceled = std::make_shared<std::atomic_bool>(false);
};

// Every parameter's value for a run: the given text read by the parameter's type, else its
// default. Errors name a parameter the pipeline lacks, one without a value, or a value of the
// wrong type (`reference`: the pipeline version, for messages).
Result<QMap<QString, QJsonValue>> parameterValues(const Pipeline &pipeline, const QMap<QString, QString> &given, const QString &reference);

// A pipeline run's result for the CLI and the studio: the parent run and each step's run, in order.
QJsonObject pipelineRunJson(Workspace &workspace, const QString &runId);

} // namespace stratus::pipeline
