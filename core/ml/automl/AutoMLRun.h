#pragma once
// AutoMLRun: one Automated ML run — what Azure's experiment.submit(AutoMLConfig)
// does. Trials (a learner with hyperparameters, validated on the same folds)
// run on the compute profile's thread pool, as many at once as the profile
// allows; each is a child run in the workspace with its metrics, curves and
// out-of-fold predictions. The candidates come from Search: a portfolio of
// strong defaults, then model-based optimisation over every learner's space
// (computed on a worker thread, one at a time). When the search ends (trials,
// time, early stopping, exit score) the VotingEnsemble, StackEnsemble and
// BestOfFamilyEnsemble are built from the out-of-fold predictions on the pool;
// then, also on the pool, the chosen pipeline is refitted on every row and its
// permutation importance computed, and the run completes. The owning thread
// (a GUI's) only schedules, records each trial's run and relays signals.
// On a Slurm profile each pool thread follows its trial in the run's
// slurm::WorkerPool (SlurmTrial.h) instead of training it, the refit and the
// importance are the pool's last tasks, and the workers end (scancel, off
// the owning thread) before finished() is emitted; the scheduling is the same.
//
// The chosen model is the BestOfFamilyEnsemble when it is recommended (see
// EnsembleTrials.h), else the leaderboard's top (either within the refit time
// below). The leaderboard ranks by the cross-validated primary metric, but a
// top chosen among hundreds of trials on a few hundred rows owes part of its
// score to the choice: on the heart-failure benchmark the equal blend of the
// best forest, boosted trees and extra trees holds out better than the
// Caruana VotingEnsemble that tops the leaderboard (bench/automl_benchmark.py;
// README).
//
// Under an experiment timeout the refit fits in it too: no trial starts
// unless it and a refit (its own or the best so far's, with a fifth to spare)
// fit before the timeout less a reserve for the ensembles (5%, at least
// 2 s); the model refitted is the best whose refit fits what is left (an
// ensemble with two fifths to spare); the importance is skipped when no time
// is left for it.
//
// Under an experiment timeout the run schedules by cost (CostModel): before a
// trial starts, its seconds and its refit's on every row are predicted; a
// trial that would not finish, with its refit, before the budget's end (less
// a reserve for the ensembles) is started smaller (fewer rounds, trees or
// epochs) or not at all — skipped, and the log and the parent's "scheduler"
// record say so. Each trial gets a share of time (FitControl::softDeadline:
// 1.5 times its prediction) after which boosting and forests stop and keep
// what they grew. A trial predicted to take over a second on one thread and
// able to use threads (XGBoost, forests) takes every free thread of the
// profile's (max concurrent trials x threads per trial); the others take the
// profile's threads per trial. On large data (at least kLargeRows training
// rows per fit) the search starts from Search::Regime::LargeData's portfolio,
// boosting chooses its rounds by early stopping on the validation rows, and
// the run hands back the leaderboard's top (the equal-weight family blend is
// for small data, where the choice among many trials flatters the top).
// With a holdout of at least SuccessiveHalving::kEta x kMinRows training
// rows, the search runs as asynchronous successive halving: every new
// candidate trains on a stratified subsample first, and the best third of
// each rung is promoted to three times the rows, up to every training row
// (the finalists); the search's model learns from the first rung's scores,
// and Azure's early stopping counts the first rung's trials (when it stops
// the search, the promotions of what it found go on while they fit).
//
// With a number of trials and no time budget, the run is deterministic: trial
// i only starts once every trial up to i - concurrency has finished, and
// everything it depends on (early stopping, the search's choice) is decided
// from exactly those trials, in order. The same data, seed and settings give
// the same leaderboard.
//
// Signals are emitted in the thread that owns the object (queued from the
// pool), so a GUI can connect to them directly.

#include "ml/automl/CostModel.h"
#include "ml/automl/SuccessiveHalving.h"
#include "ml/automl/Trial.h"

#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QTimer>

namespace stratus::slurm {
class WorkerPool;
}

namespace stratus::ml {

class AutoMLRun : public QObject {
    Q_OBJECT
public:
    AutoMLRun(Workspace &workspace, AutoMLConfig config, QObject *parent = nullptr);
    ~AutoMLRun() override;

    // Checks the configuration, loads the dataset, records the parent run and
    // starts the first trials. Returns the parent run's id.
    Result<QString> start();
    // The same, with the data loaded and checked on a pool thread (a large
    // dataset takes seconds): emits started() or startFailed().
    void startInBackground();
    // Stops scheduling and stops the running trials; the run ends Canceled.
    void cancel();
    // Stops one queued or running trial (it ends Canceled); the run goes on.
    // False when no such trial is queued or running.
    bool cancelTrial(const QString &runId);

    bool isFinished() const { return m_finished; }
    // The run's log so far (the parent's "log" artifact once it ends).
    QByteArray logText() const { return m_log->text(); }
    QString parentId() const { return m_parentId; }
    // Best first (by the primary metric); failed and canceled trials last.
    QList<TrialResult> leaderboard() const;
    // The best child; once the run completes, the one whose model was
    // refitted and stored (the best unless its refit would not fit the
    // experiment timeout).
    QString bestRunId() const;

    // Training rows per fit from which a budgeted run works as on large data.
    static constexpr size_t kLargeRows = 10000;
    // Boosting rounds without improvement of the validation loss before it stops.
    static constexpr int kEarlyStoppingRounds = 30;

signals:
    void started(const QString &parentRunId);
    void startFailed(const QString &message);
    void trialQueued(const QString &runId, const QString &algorithm);
    void trialStarted(const QString &runId);
    void trialFinished(const stratus::ml::TrialResult &result);
    void bestChanged(const QString &runId, double score);
    void statusChanged(const QString &status); // the parent run's: Running, Finalizing
    void finished(const QString &status);      // Completed, Failed or Canceled

private:
    // A candidate as the scheduler would start it now: resized to fit, with
    // its threads and share of time; nullopt when it does not fit.
    struct Admission {
        Candidate candidate;
        TrialOptions options;
    };
    // (allCores: as if every thread of the profile were free.)
    std::optional<Admission> admit(const Candidate &candidate, int rung, QString *why, bool allCores = false);
    bool budgeted() const { return !deterministic(); }
    bool largeData() const { return budgeted() && m_plan->trainedRows >= kLargeRows; }
    int coreBudget() const;
    // A trial's shape on `threads` threads, training on `rows` rows per fit (0: the plan's).
    TrialShape trialShape(int threads, size_t rows = 0) const;
    // The training rows of a successive-halving rung (the plan's without halving).
    size_t rungRows(int rung) const;
    TrialShape refitShape() const;
    // Boosting on large data chooses its rounds by early stopping (0: not).
    int earlyStoppingRounds(const Candidate &candidate) const;
    void noteSkipped(const Candidate &candidate, const QString &why);
    // Starts the candidate as trial `index` (resized, or skipped, under a
    // budget), on successive halving's `rung`, promoted from trial `from`.
    // A promotion that would fit once running trials free their threads waits.
    enum class Launch { Started, Skipped, Waiting };
    Launch tryLaunch(int index, const Candidate &candidate, bool fromSearch = false, int rung = 0, int from = -1);
    QJsonObject schedulerRecord() const;
    Result<QString> begin(std::shared_ptr<const AutoMLPlan> plan);
    int concurrency() const;
    bool deterministic() const { return m_config.experimentTimeoutSeconds == 0; }
    QList<TrialResult> known(int index) const;
    bool gateOpen(int index) const;
    // Why no more trials start (a code: canceled, max_trials, early_stopping,
    // exit_score, budget, with its figures), or empty to go on.
    QJsonObject stopBefore(int index, const QList<TrialResult> &known) const;
    void scheduleMore();
    QString launch(int index, const Candidate &candidate, const TrialOptions &options); // the child's run id, or empty
    void trialDone(TrialResult result);
    void finish();
    void finalize(const QString &status, const QString &error = {});
    void refitWinner();
    QList<TrialResult> ensembleLibrary(int size) const;
    // The best completed trial of each algorithm, best first, for at most `families` algorithms.
    QList<TrialResult> familyLibrary(int families) const;
    double refitSeconds(const TrialResult &r) const;
    // The model to hand back, and why (the parent's "best_reason": a code —
    // "blend", "top", "refit_time", "canceled" — with the figures that decided).
    TrialResult chooseWinner(QJsonObject *reason) const;
    Run childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const;
    double score(const TrialResult &r) const;

    Workspace &m_ws;
    AutoMLConfig m_config;
    std::shared_ptr<const AutoMLPlan> m_plan;
    std::unique_ptr<Search> m_search;
    std::unique_ptr<SuccessiveHalving> m_halving; // large data under a budget: the rungs
    std::shared_ptr<DebugLog> m_log;
    QString m_parentId;
    QString m_chosen; // the child whose model is refitted (the best, unless its refit does not fit the time left)
    QJsonObject m_reason; // why it was chosen (see chooseWinner)
    QJsonObject m_endReason; // why no more trials started (the parent's "end_reason")
    QList<TrialResult> m_results;
    CostModel m_costs;
    int m_portfolioNext = 0;  // the next portfolio candidate (differs from m_next once one is skipped)
    int m_searchSkips = 0;    // the search's candidates skipped in a row
    int m_threadsInUse = 0;
    QHash<QString, Admission> m_admitted; // running trials, by run id
    QJsonArray m_skipped;     // candidates not started: did not fit the time left
    double m_canceledSeconds = 0; // thread-seconds of trials canceled (not completed)
    double m_trialSeconds = 0;    // thread-seconds of every trial
    int m_next = 0;
    int m_running = 0;
    bool m_stopped = false;  // no more trials will be scheduled
    bool m_searchClosed = false; // successive halving after early stopping: promotions only
    bool m_finishing = false;
    bool m_finished = false;
    bool m_timedOut = false;
    std::atomic<bool> m_cancel{false};
    QHash<QString, std::shared_ptr<std::atomic<bool>>> m_trialCancel; // queued and running trials
    QTimer m_timeout;             // the end of the search
    QDeadlineTimer m_budget{QDeadlineTimer::Forever}; // the end of the whole run (experiment timeout)
    QTimer m_heartbeat;
    QList<QFutureWatcher<TrialResult> *> m_watchers;
    QFutureWatcher<QString> *m_refit = nullptr;
    QFutureWatcher<QList<TrialResult>> *m_ensembles = nullptr;
    QFutureWatcher<Candidate> *m_searching = nullptr; // the search choosing the next trial
    QFutureWatcher<Result<std::shared_ptr<AutoMLPlan>>> *m_preparing = nullptr;
    std::shared_ptr<slurm::WorkerPool> m_workers; // a Slurm profile's: the run's worker jobs (SlurmTrial.h)
    QFutureWatcher<void> *m_releasing = nullptr;  // their shutdown, before the run finishes
    bool m_released = false;
};

} // namespace stratus::ml

Q_DECLARE_METATYPE(stratus::ml::TrialResult)
