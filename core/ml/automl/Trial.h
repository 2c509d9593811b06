#pragma once
// One trial of an AutoML run: a learner with hyperparameters, cross-validated
// on the plan's folds, recorded as a child run. runTrial() works on the
// calling thread (a pool thread) and writes the child run's status, metrics,
// curves and out-of-fold predictions to the workspace as it goes.

#include "ml/automl/AutoMLPlan.h"
#include "ml/automl/DebugLog.h"
#include "ml/automl/Search.h"
#include "registry/Run.h"

#include <QJsonObject>
#include <QMap>
#include <atomic>
#include <functional>
#include <memory>

namespace stratus {
class RunStore;
}

namespace stratus::ml {

struct TrialResult {
    int index = 0;
    QString runId;
    QString algorithm;
    Params params;
    RunStatus status = RunStatus::NotStarted;
    QMap<QString, double> metrics;
    double seconds = 0;
    QString error;
    std::shared_ptr<const std::vector<double>> outOfFold; // completed trials, per validated row
    QList<QPair<int, double>> members;                     // ensembles: (trial index, weight)
    QString metaAlgorithm;                                 // StackEnsemble: the meta-learner,
    QByteArray metaModel;                                  // trained on the members' out-of-fold predictions
    bool recommended = false;                              // the model to hand back (see EnsembleTrials.h)
    // What the trial trained on and grew (the child's config "fidelity"):
    // rows (per fit), threads, rung, rungs and promoted_from (successive
    // halving: see SuccessiveHalving.h), and for learners that grow in steps n_estimators_planned,
    // n_estimators_reached, early_stopped, time_stopped; when a budget
    // scheduled it, predicted_seconds, refit_reserve_seconds, seconds_left
    // (at its start) and forced.
    QJsonObject fidelity;
    QJsonObject recommendation; // BestOfFamilyEnsemble: the comparison that decided it (gap, standard_error, against)

    bool isEnsemble() const { return !members.isEmpty(); }
};

// How the scheduler runs one trial (AutoMLRun; defaults: as a run without a
// time budget does).
struct TrialOptions {
    int threads = 0;                // 0: the compute profile's threads per trial
    QDeadlineTimer softDeadline = QDeadlineTimer::Forever; // its share of the budget (FitControl::softDeadline)
    int earlyStoppingRounds = 0;    // boosting rounds chosen on the validation rows (FitControl)
    double predictedSeconds = -1;   // the cost model's prediction, for the log and the fidelity
    double refitReserveSeconds = -1; // what the scheduler kept for the final refit when it admitted the trial
    double secondsLeft = -1;        // the budget left then (less the ensembles' reserve)
    bool forced = false;            // nothing fitted: the run's first trial started anyway, at its smallest
    int minSteps = 0;               // FitControl::minSteps: the first trial grows at least its smallest useful size
    // Successive halving (SuccessiveHalving): the folds of the trial's rung
    // (null: the plan's), the training rows they keep, the rung (of rungs)
    // and the trial it was promoted from (-1: a new candidate).
    std::shared_ptr<const std::vector<int>> folds;
    size_t trainedRows = 0;
    int rung = -1;
    int rungs = 0;
    int promotedFrom = -1;
};

// An early-stopped boosting trial's n_estimators become the rounds it kept
// (the folds' mean), so that its refit grows as many.
TrialResult runTrial(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config, int index,
                     const QString &runId, const Candidate &candidate, const std::atomic<bool> &cancel, DebugLog &log,
                     const std::function<void()> &started = {}, const TrialOptions &options = {});

// The work of a trial without the workspace (what runTrial and a Slurm
// worker both do): cross-validates the candidate on the plan's folds (or
// options.folds) and says how it went. Writes the log's "started" and
// "finished" lines.
TrialResult computeTrial(const AutoMLPlan &plan, const AutoMLConfig &config, int index, const QString &runId,
                         const Candidate &candidate, const std::atomic<bool> &cancel, DebugLog &log,
                         const TrialOptions &options = {});
// Records a finished trial in its child run: metrics, out-of-fold
// predictions and curves (completed), hyperparameters and fidelity, status.
void recordTrial(RunStore &store, const AutoMLPlan &plan, const TrialResult &result);

// About the memory a learner needs to train on `rows` rows of the plan's
// features: the features themselves and the learner's own (Learner::memoryBytes).
size_t trainingBytes(const AutoMLPlan &plan, const Learner &learner, const Params &params, size_t rows);
// An error naming the compute profile when that is more than its memory per trial.
Status checkMemory(const AutoMLPlan &plan, const Learner &learner, const Params &params, size_t rows);

// Stores a child run's out-of-fold predictions and the curves drawn from them.
void recordPredictions(RunStore &store, const QString &runId, const AutoMLPlan &plan, const std::vector<double> &predictions);

// Bookkeeping that failed (the workspace is unwritable, say) is reported but
// does not stop the run: its results are still in memory.
void noteStored(const Status &status);

} // namespace stratus::ml
