#pragma once
// Batch scoring: a registered dataset version through a registered model,
// as Azure's batch inference does. Rows are predicted in chunks of 4,096
// (progress after each, cancel between them); every row keeps its columns
// and gets "predicted_<label>" and, for classification, "proba_<class>" per
// class. The result goes to a CSV file and/or a new version of the dataset
// "<dataset>-scored". A run canceled or failing before its end writes and
// registers nothing; the dataset is registered before the CSV is written,
// so a CSV that cannot be written leaves the registered version (the error
// says so).
// ScoreJob runs it as a BackgroundJob (its own workspace connection) for the studio.

#include "common/BackgroundJob.h"
#include "common/Result.h"
#include "data/DataTable.h"

#include <memory>

namespace stratus {

class Workspace;
namespace ml {
class TrainedPipeline;
}

struct ScoreRequest {
    QString model;      // NAME[:V]
    QString dataset;    // NAME[:V]
    QString outputCsv;  // empty: none
    bool registerDataset = false;
    QString compute;    // a compute profile; a Slurm one scores in chunks on its nodes (SlurmScoring.h). Empty: this machine
    int chunks = 0;     // Slurm: how many jobs (0: the profile's concurrent jobs)
};

struct ScoreResult {
    qint64 rows = 0;
    QString algorithm;
    QString registered; // "name:version" of the scored dataset, when registered
    int chunks = 0;     // on a Slurm profile: the jobs it was split into
};

namespace batch {

// `table` with the prediction columns added.
Result<DataTable> score(const ml::TrainedPipeline &pipeline, DataTable table, const TaskControl &control = {});
Status writeCsv(const DataTable &table, const QString &path);
// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
QString csvField(const QString &text);
Result<ScoreResult> run(Workspace &workspace, const ScoreRequest &request, const TaskControl &control = {});

} // namespace batch

class ScoreJob : public BackgroundJob {
    Q_OBJECT
public:
    ScoreJob(Workspace &workspace, ScoreRequest request, QObject *parent = nullptr);

    void start();
    // requires: finished() was emitted.
    const Result<ScoreResult> &result() const { return *m_result; }

private:
    Workspace &m_ws;
    ScoreRequest m_request;
    std::shared_ptr<Result<ScoreResult>> m_result = std::make_shared<Result<ScoreResult>>(Error{});
};

} // namespace stratus
