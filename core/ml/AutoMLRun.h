#pragma once
// AutoMLRun: one Automated ML run — what Azure's experiment.submit(AutoMLConfig)
// does. Trials (a learner with hyperparameters, cross-validated on the same
// folds) run on the compute profile's thread pool, as many at once as the
// profile allows; each is a child run in the workspace with its metrics,
// curves and out-of-fold predictions. At the end the best trial's model is
// refitted on all rows and stored with it.
//
// The trials tried are a fixed portfolio of strong defaults, then seeded
// random variations: the same data, seed and max trials (no time budget)
// give the same leaderboard.
//
// Signals are emitted in the thread that owns the object (queued from the
// pool), so a GUI can connect to them directly.

#include "AutoMLConfig.h"
#include "Run.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace stratus {
class Workspace;
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
    std::shared_ptr<const std::vector<double>> outOfFold; // completed trials
    QList<QPair<int, double>> members;                     // ensembles: (trial index, weight)
};

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

    bool isFinished() const { return m_finished; }
    QString parentId() const { return m_parentId; }
    // Best first (by the primary metric); failed trials last.
    QList<TrialResult> leaderboard() const;
    QString bestRunId() const;

signals:
    void trialQueued(const QString &runId, const QString &algorithm);
    void trialFinished(const stratus::ml::TrialResult &result);
    void bestChanged(const QString &runId, double score);
    void finished(const QString &status);

private:
    struct Plan;
    void scheduleMore();
    void trialDone(TrialResult result);
    void finish();
    void addVotingEnsemble();
    Result<QJsonObject> refit(const TrialResult &trial, const FeatureMatrix &allRows) const;
    Run childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const;
    bool shouldStopScheduling() const;
    double score(const TrialResult &r) const;

    Workspace &m_ws;
    AutoMLConfig m_config;
    std::shared_ptr<Plan> m_plan;
    QString m_parentId;
    QList<TrialResult> m_results;
    int m_next = 0;
    int m_running = 0;
    int m_sinceImprovement = 0;
    bool m_finished = false;
    bool m_timedOut = false;
    std::atomic<bool> m_cancel{false};
    QTimer m_timeout;
    QTimer m_heartbeat;
    QStringList m_runningIds;
    QList<QFutureWatcher<TrialResult> *> m_watchers;
};

} // namespace stratus::ml

Q_DECLARE_METATYPE(stratus::ml::TrialResult)
