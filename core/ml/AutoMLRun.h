#pragma once
// AutoMLRun: one Automated ML run — what Azure's experiment.submit(AutoMLConfig)
// does. Trials (a learner with hyperparameters, validated on the same folds)
// run on the compute profile's thread pool, as many at once as the profile
// allows; each is a child run in the workspace with its metrics, curves and
// out-of-fold predictions. The candidates come from Search: a portfolio of
// strong defaults, then model-based optimisation over every learner's space.
// When the search ends (trials, time, early stopping, exit score) the
// VotingEnsemble and StackEnsemble are built from the out-of-fold
// predictions; then, on the pool, the best pipeline is refitted on every row
// and its permutation importance computed, and the run completes.
//
// With a number of trials and no time budget, the run is deterministic: trial
// i only starts once every trial up to i - concurrency has finished, and
// everything it depends on (early stopping, the search's choice) is decided
// from exactly those trials, in order. The same data, seed and settings give
// the same leaderboard.
//
// Signals are emitted in the thread that owns the object (queued from the
// pool), so a GUI can connect to them directly.

#include "Trial.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QTimer>

namespace stratus::ml {

class AutoMLRun : public QObject {
    Q_OBJECT
public:
    AutoMLRun(Workspace &workspace, AutoMLConfig config, QObject *parent = nullptr);
    ~AutoMLRun() override;

    // Checks the configuration, loads the dataset, records the parent run and
    // starts the first trials. Returns the parent run's id.
    Result<QString> start();
    // Stops scheduling and stops the running trials; the run ends Canceled.
    void cancel();
    // Stops one queued or running trial (it ends Canceled); the run goes on.
    // False when no such trial is queued or running.
    bool cancelTrial(const QString &runId);

    bool isFinished() const { return m_finished; }
    QString parentId() const { return m_parentId; }
    // Best first (by the primary metric); failed and canceled trials last.
    QList<TrialResult> leaderboard() const;
    QString bestRunId() const;

signals:
    void trialQueued(const QString &runId, const QString &algorithm);
    void trialStarted(const QString &runId);
    void trialFinished(const stratus::ml::TrialResult &result);
    void bestChanged(const QString &runId, double score);
    void statusChanged(const QString &status); // the parent run's: Running, Finalizing
    void finished(const QString &status);      // Completed, Failed or Canceled

private:
    int concurrency() const;
    bool deterministic() const { return m_config.experimentTimeoutSeconds == 0; }
    QList<TrialResult> known(int index) const;
    bool gateOpen(int index) const;
    bool stopBefore(int index, const QList<TrialResult> &known) const;
    void scheduleMore();
    void launch(int index, const Candidate &candidate);
    void trialDone(TrialResult result);
    void finish();
    void finalize(const QString &status, const QString &error = {});
    void addVotingEnsemble();
    void addStackEnsemble();
    void addEnsemble(TrialResult e, const QJsonObject &config);
    QList<TrialResult> ensembleLibrary(int size) const;
    Run childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const;
    double score(const TrialResult &r) const;

    Workspace &m_ws;
    AutoMLConfig m_config;
    std::shared_ptr<const AutoMLPlan> m_plan;
    std::unique_ptr<Search> m_search;
    std::shared_ptr<DebugLog> m_log;
    QString m_parentId;
    QList<TrialResult> m_results;
    int m_next = 0;
    int m_running = 0;
    bool m_stopped = false;  // no more trials will be scheduled
    bool m_finishing = false;
    bool m_finished = false;
    bool m_timedOut = false;
    std::atomic<bool> m_cancel{false};
    QHash<QString, std::shared_ptr<std::atomic<bool>>> m_trialCancel; // queued and running trials
    QTimer m_timeout;
    QTimer m_heartbeat;
    QList<QFutureWatcher<TrialResult> *> m_watchers;
    QFutureWatcher<QString> *m_refit = nullptr;
};

} // namespace stratus::ml

Q_DECLARE_METATYPE(stratus::ml::TrialResult)
