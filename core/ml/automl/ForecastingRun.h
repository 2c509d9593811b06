#pragma once
// ForecastingRun: an Automated ML run of Azure's third task, "forecasting"
// (AutoMLConfig(task='forecasting', forecasting_parameters=...)). The data
// is made ready once (ForecastingData: series, grid, frequency, horizon,
// folds, guardrails); then each algorithm is a trial, a child run validated
// by rolling-origin cross-validation: every series' every fold is fitted on
// the points before its origin only and scored on the next forecast_horizon
// points (ForecastMetrics: the normalized RMSE by default, MASE, sMAPE, the
// 80% band's coverage). The series of a trial are fitted in parallel on the
// compute profile's pool; trials run one after another on the global pool,
// and the owning thread (a GUI's) only records them. After the last trial a
// VotingEnsemble (Caruana et al. 2004's greedy selection with replacement
// over the trials' fold forecasts, minimising the squared error) is scored
// on the same folds; the leaderboard's best is stored as the run's model
// (ForecastingModel: its algorithm or members, and every series' history).
//
// The algorithms, in order: Naive, SeasonalNaive, Average, SeasonalAverage,
// ExponentialSmoothing, Theta, AutoArima (fitted per series, in parallel),
// then XGBoostRegressor and ElasticNet on lag features (LagModel: one model
// across series and steps per fold, with the profile's threads) (allowed_models / blocked_models filter them;
// max_trials stops early). experiment_timeout_seconds stops the search: a
// trial running at the timeout is canceled, and the best so far is the model.
// Everything here is deterministic: the same data and settings give the same
// leaderboard.

#include "ml/automl/AutoMLConfig.h"
#include "ml/automl/DebugLog.h"
#include "ml/automl/ForecastingFolds.h"
#include "ml/automl/Trial.h"
#include "ml/forecasting/ForecastMetrics.h"
#include "ml/forecasting/ForecastingData.h"
#include "ml/forecasting/ForecastingModel.h"
#include "ml/forecasting/LagModel.h"

#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class QThreadPool;

namespace stratus::ml::forecasting {

class ForecastingRun : public QObject {
    Q_OBJECT
public:
    // config: the run's common settings (dataset, label, primary metric,
    // experiment, compute, budget, max trials, folds, allowed/blocked models,
    // voting ensemble); its task is ignored.
    ForecastingRun(Workspace &workspace, AutoMLConfig config, ForecastingParameters parameters, QObject *parent = nullptr);
    ~ForecastingRun() override;

    // Checks the settings, loads and prepares the data (on the calling
    // thread: seconds for a large dataset), records the parent run and starts
    // the first trial. Returns the parent run's id; errors
    // name the setting, column or line.
    Result<QString> start();
    void cancel();

    bool isFinished() const { return m_finished; }
    QString parentId() const { return m_parentId; }
    QList<TrialResult> leaderboard() const;
    QString bestRunId() const { return m_best; }
    const ForecastingData &data() const { return m_data; }

    // The trial algorithms a configuration allows, in order.
    static QStringList algorithms(const AutoMLConfig &config);
    // Checks the settings that need no data (the metric, the limits, the
    // parameters, the algorithms named); errors name the setting.
    static Status validate(const AutoMLConfig &config, const ForecastingParameters &parameters);
    // A parent run's config says it is a forecasting run.
    static bool isForecastingRun(const QJsonObject &parentConfig);

signals:
    void trialStarted(const QString &runId);
    void trialFinished(const stratus::ml::TrialResult &result);
    void finished(const QString &status); // Completed, Failed or Canceled

private:
    void scheduleNext();
    void trialDone();
    void finish(const QString &status, const QString &error = {});
    void addEnsemble();
    // The model of the leaderboard's best: its members, the settings, every series' history.
    Result<ForecastingModel> buildModel(const TrialResult &best) const;
    // Trains the lag learners among its members on every row (on the pool), stores it, finishes.
    void storeModel(const TrialResult &best);
    Run childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const;
    QJsonObject forecastsArtifact(const FoldForecasts &f) const;

    Workspace &m_ws;
    AutoMLConfig m_config;
    ForecastingParameters m_parameters;
    ForecastingData m_data;
    DataTable m_table;
    ColumnType m_labelType = ColumnType::Decimal;
    QStringList m_algorithms;
    QThreadPool *m_pool = nullptr;
    qint64 m_experimentId = 0, m_profileId = 0, m_datasetVersionId = 0;
    std::shared_ptr<DebugLog> m_log;
    QString m_parentId, m_best;
    QList<TrialResult> m_results;
    std::vector<FoldForecasts> m_forecasts; // per trial in m_results (ensembles too)
    int m_next = 0;
    QString m_runningId;
    QElapsedTimer m_trialClock;
    QFutureWatcher<FoldForecasts> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QDeadlineTimer m_budget{QDeadlineTimer::Forever};
    QTimer m_timeout, m_heartbeat;
    int m_threads = 1; // the compute profile's: trials at once x threads per trial, for a lag learner's fit
    std::shared_ptr<QString> m_trialError = std::make_shared<QString>(); // why the running trial failed
    bool m_canceled = false, m_timedOut = false, m_finished = false, m_storing = false;
    QFuture<Result<ForecastingModel>> m_finalizing;
};

// A lag learner trained on every series' whole history: a model to store.
Result<LagModel> fitFinalLagModel(const QString &learner, const ForecastingData &data, const ForecastingParameters &parameters, int threads);

// Stores a completed child of a forecasting run as a model (its "pipeline"
// artifact): the best child's model with this child's algorithm (or, for a
// VotingEnsemble, members). What registering any child of the run needs.
Status storeChildModel(Workspace &workspace, const Run &parent, const Run &child);

} // namespace stratus::ml::forecasting
