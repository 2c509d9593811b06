#pragma once
// SlurmTrial: an AutoML trial on a Slurm profile — the same work as
// runTrial (Trial.h), done by a worker job of the run's slurm::WorkerPool
// (`stratus-cli worker serve DIR` on a node; a worker takes trial after
// trial, so a trial does not wait for a Slurm job of its own).
//
// The coordinating process (AutoMLRun, on a pool thread of the profile's
// pool: one per trial in flight) writes the trial's specification into the
// pool's tasks/trial-NNNNN/spec.json (the run's configuration, the
// candidate, the scheduler's options, the staged table's path as the nodes
// see it) and follows it (WorkerPool::run: retries when its worker dies,
// the cancel file when canceled). The worker builds the run's plan once
// from the staged table (AutoMLPlan::fromTable: the same rows, folds and
// featurizer), runs computeTrial and leaves result.json and oof.bin (the
// out-of-fold predictions as little-endian doubles). The coordinator reads
// them and records the child run exactly as a local trial is recorded
// (recordTrial), so the leaderboard is the same: with a number of trials and
// a seed, the same as on a local profile.
//
// A trial whose work fails for good fails alone, with Slurm's reason.

#include "ml/automl/Trial.h"

namespace stratus::slurm {
class WorkerPool;
}

namespace stratus::ml {

TrialResult runTrialOnSlurm(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config, int index,
                            const QString &runId, const Candidate &candidate, slurm::WorkerPool &workers,
                            const std::atomic<bool> &cancel, DebugLog &log, const std::function<void()> &started = {},
                            const TrialOptions &options = {});

// The worker's side of one trial: reads DIR/spec.json, does the trial (the
// plan kept from the worker's previous trial of the same run), writes
// DIR/result.json (and DIR/oof.bin). An error is a specification or staged
// table it cannot read.
Status runTrialTask(const QString &directory, const std::atomic<bool> &cancel);

// The chosen model's refit on a worker (Refit.h, with the plan the worker
// built): Pipeline gives the pipeline trained on every row (a JSON object,
// as TrialResult's "pipeline" artifact), Importance its permutation
// importance (a JSON array). Errors: the refit's own, or Slurm's.
enum class RefitPart { Pipeline, Importance };
Result<QJsonValue> refitOnSlurm(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                const QList<TrialResult> &trials, RefitPart part, slurm::WorkerPool &workers,
                                const std::atomic<bool> &cancel, DebugLog &log);
// The worker's side of a refit task.
Status runRefitTask(const QString &directory, const std::atomic<bool> &cancel);

// The stratus-cli the nodes run: the profile's worker command, else
// $STRATUS_CLI, else the stratus-cli beside this program (or in the build
// tree's app/cli), else "stratus-cli" on the nodes' PATH.
QString workerProgram(const SlurmSettings &settings);

} // namespace stratus::ml
