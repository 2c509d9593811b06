#include "ml/automl/ForecastingRun.h"

#include "data/store/DatasetStore.h"
#include "ml/automl/AutoMLPlan.h"
#include "ml/forecasting/ForecastingModel.h"
#include "ml/forecasting/LagModel.h"
#include "ml/forecasting/RollingOrigin.h"
#include "ml/forecasting/StatisticalModels.h"
#include "registry/ComputeStore.h"
#include "registry/ExperimentStore.h"
#include "registry/RunStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>
#include <QtConcurrent>
#include <cmath>
#include <numeric>
#include <set>

namespace stratus::ml::forecasting {

namespace {

constexpr int kChartSeries = 100;            // series whose fold forecasts a child run keeps for its charts

QJsonArray numbers(const std::vector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
    return a;
}

bool listed(const QStringList &list, const QString &name)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &n) { return n.trimmed().compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

Result<LagModel> fitFinalLagModel(const QString &learner, const ForecastingData &data, const ForecastingParameters &parameters, int threads)
{
    std::vector<size_t> ends;
    for (const SeriesData &s : data.series)
        ends.push_back(s.series.values.size());
    FitControl control;
    control.threads = std::max(1, threads);
    return LagModel::fit(learner, lagSpec(data, parameters), seriesViews(data), ends, control, true);
}

Status storeChildModel(Workspace &ws, const Run &parent, const Run &child)
{
    RunStore store(ws);
    if (child.status != RunStatus::Completed)
        return Error{QStringLiteral("run '%1' did not complete (its status is %2)").arg(child.id, runStatusName(child.status))};
    const QString best = parent.config.value(QStringLiteral("best_child_run_id")).toString();
    auto stored = store.artifact(best, QStringLiteral("pipeline"));
    if (best.isEmpty() || !stored)
        return Error{QStringLiteral("run '%1' has no stored model to start from (its status is %2)").arg(parent.id, runStatusName(parent.status))};
    auto model = ForecastingModel::fromJson(QJsonDocument::fromJson(*stored).object());
    if (!model)
        return model.error();
    model->algorithm = child.algorithm;
    model->members.clear();
    QList<QPair<QString, double>> members;
    if (child.kind == QLatin1String("ensemble")) {
        for (const QJsonValue &m : child.config.value(QStringLiteral("members")).toArray())
            members.append({m[QStringLiteral("algorithm")].toString(), m[QStringLiteral("weight")].toDouble()});
    } else {
        members.append({child.algorithm, 1});
    }
    std::optional<ForecastingData> data;
    ForecastingParameters parameters;
    for (const auto &[algorithm, weight] : members) {
        ForecastingModel::Member member{algorithm, weight, {}};
        if (lagLearners().contains(algorithm)) {
            if (!data) { // the run's data again, as it was prepared
                auto p = ForecastingParameters::fromJson(parent.config.value(QStringLiteral("forecasting_parameters")).toObject());
                if (!p)
                    return p.error();
                parameters = *p;
                auto version = DatasetStore(ws).resolve(parent.config.value(QStringLiteral("dataset_version")).toString());
                if (!version)
                    return version.error();
                auto table = DatasetStore(ws).loadTable(*version);
                if (!table)
                    return table.error();
                auto prepared = ForecastingData::prepare(*table, parent.config.value(QStringLiteral("label_column_name")).toString(), parameters,
                                                         parent.config.value(QStringLiteral("n_cross_validations")).toInt());
                if (!prepared)
                    return prepared.error();
                data = std::move(*prepared);
            }
            auto fitted = fitFinalLagModel(algorithm, *data, parameters, QThread::idealThreadCount());
            if (!fitted)
                return fitted.error();
            member.lagModel = std::make_shared<LagModel>(std::move(*fitted));
        }
        model->members.append(member);
    }
    return store.putArtifact(child.id, QStringLiteral("pipeline"), QJsonDocument(model->toJson()).toJson(QJsonDocument::Compact));
}

ForecastingRun::ForecastingRun(Workspace &workspace, AutoMLConfig config, ForecastingParameters parameters, QObject *parent)
    : QObject(parent), m_ws(workspace), m_config(std::move(config)), m_parameters(std::move(parameters)),
      m_log(std::make_shared<DebugLog>())
{
    qRegisterMetaType<stratus::ml::TrialResult>();
    m_config.task = Task::Regression; // the forecasting metrics are regression's
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_log->write(QStringLiteral("experiment timeout reached"));
        m_timedOut = true;
        m_cancel->store(true);
    });
    m_heartbeat.setInterval(30000);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        QStringList ids{m_parentId};
        if (!m_runningId.isEmpty())
            ids << m_runningId;
        noteStored(RunStore(m_ws).heartbeat(ids));
    });
    connect(&m_watcher, &QFutureWatcher<FoldForecasts>::finished, this, &ForecastingRun::trialDone);
}

ForecastingRun::~ForecastingRun()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
    m_finalizing.waitForFinished();
}

QStringList ForecastingRun::algorithms(const AutoMLConfig &config)
{
    QStringList out;
    for (const QString &a : forecastingAlgorithms()) {
        if (!config.allowedAlgorithms.isEmpty() && !listed(config.allowedAlgorithms, a))
            continue;
        if (listed(config.blockedAlgorithms, a))
            continue;
        out << a;
    }
    return out;
}

bool ForecastingRun::isForecastingRun(const QJsonObject &parentConfig)
{
    return parentConfig.value(QStringLiteral("task")).toString() == QLatin1String("forecasting");
}

QList<TrialResult> ForecastingRun::leaderboard() const
{
    QList<TrialResult> board = m_results;
    const QString metric = m_config.metric();
    std::stable_sort(board.begin(), board.end(), [&](const TrialResult &a, const TrialResult &b) {
        const bool ca = a.status == RunStatus::Completed, cb = b.status == RunStatus::Completed;
        if (ca != cb)
            return ca;
        return signedScore(a.metrics, metric) > signedScore(b.metrics, metric);
    });
    return board;
}

Status ForecastingRun::validate(const AutoMLConfig &config, const ForecastingParameters &parameters)
{
    const QString metric = config.primaryMetric.isEmpty() ? QStringLiteral("normalized_root_mean_squared_error") : config.primaryMetric;
    if (!forecastingPrimaryMetrics().contains(metric))
        return Error{QStringLiteral("primary metric '%1' is not one of the forecasting task's: %2")
                         .arg(metric, forecastingPrimaryMetrics().join(QStringLiteral(", ")))};
    if (config.validationFraction > 0)
        return Error{QStringLiteral("validation_size: a forecasting run validates on rolling origins (n_cross_validations, cv_step_size), not a holdout fraction")};
    AutoMLConfig checked = config;
    checked.task = Task::Regression;
    checked.primaryMetric = metric;
    if (checked.dataset.isEmpty())
        checked.dataset = QStringLiteral("-"); // checked when the run starts
    if (Status s = checked.validate(); !s)
        return s;
    if (Status s = parameters.validate(); !s)
        return s;
    for (const QString &name : config.allowedAlgorithms + config.blockedAlgorithms)
        if (!listed(forecastingAlgorithms(), name))
            return Error{QStringLiteral("unknown forecasting algorithm '%1' (known: %2)").arg(name, forecastingAlgorithms().join(QStringLiteral(", ")))};
    if (algorithms(config).isEmpty())
        return Error{QStringLiteral("allowed_models and blocked_models leave no forecasting algorithm")};
    return {};
}

Result<QString> ForecastingRun::start()
{
    if (m_config.primaryMetric.isEmpty())
        m_config.primaryMetric = QStringLiteral("normalized_root_mean_squared_error");
    if (Status s = validate(m_config, m_parameters); !s)
        return s.error();
    m_algorithms = algorithms(m_config);
    if (QString problem = m_log->open(m_config.debugLog); !problem.isEmpty())
        return Error{problem};

    auto version = DatasetStore(m_ws).resolve(m_config.dataset);
    if (!version)
        return version.error();
    auto profile = ComputeStore(m_ws).get(m_config.computeProfile);
    if (!profile)
        return profile.error();
    if (profile->isSlurm())
        return Error{QStringLiteral("compute profile '%1' is a Slurm partition, and forecasting trials train on this machine "
                                    "only: choose a local profile (Slurm profiles run classification and regression "
                                    "trials and batch scoring)")
                         .arg(profile->name)};
    auto table = DatasetStore(m_ws).loadTable(*version);
    if (!table)
        return table.error();
    m_table = std::move(*table);
    auto data = ForecastingData::prepare(m_table, m_config.label, m_parameters, m_config.crossValidations);
    if (!data)
        return data.error();
    m_data = std::move(*data);
    m_labelType = m_table.columns[size_t(m_table.indexOf(m_config.label))].type;
    auto experiment = ExperimentStore(m_ws).getOrCreate(m_config.experiment);
    if (!experiment)
        return experiment.error();
    m_experimentId = experiment->id;
    m_profileId = profile->id;
    m_datasetVersionId = version->id;
    m_pool = computePool(*profile);
    m_threads = std::max(1, profile->maxConcurrent * profile->threadsPerTrial);

    Run parent;
    parent.experimentId = m_experimentId;
    parent.computeProfileId = m_profileId;
    parent.datasetVersionId = m_datasetVersionId;
    QJsonObject config = m_config.toJson();
    config.insert(QStringLiteral("task"), QStringLiteral("forecasting"));
    config.insert(QStringLiteral("forecasting_parameters"), m_parameters.toJson());
    config.insert(QStringLiteral("dataset_version"), version->reference());
    config.insert(QStringLiteral("n_cross_validations"), m_data.folds);
    const QString validation = QStringLiteral("rolling-origin cross-validation: %1 folds, origins %2 periods apart, %3 series")
                                   .arg(m_data.folds)
                                   .arg(m_data.step)
                                   .arg(m_data.series.size());
    config.insert(QStringLiteral("validation"), validation);
    config.insert(QStringLiteral("algorithms"), QJsonArray::fromStringList(m_algorithms));
    config.insert(QStringLiteral("forecasting"), QJsonObject{{QStringLiteral("freq"), m_data.frequency.name()},
                                                             {QStringLiteral("freq_inferred"), m_data.frequencyInferred},
                                                             {QStringLiteral("seasonality"), m_data.season},
                                                             {QStringLiteral("forecast_horizon"), m_data.horizon},
                                                             {QStringLiteral("cv_step_size"), m_data.step},
                                                             {QStringLiteral("series"), qint64(m_data.series.size())},
                                                             {QStringLiteral("dropped_series"), QJsonArray::fromStringList(m_data.droppedSeries)}});
    parent.config = config;
    RunStore store(m_ws);
    auto made = store.create(parent);
    if (!made)
        return made.error();
    m_parentId = made->id;
    if (Status s = store.setStatus(m_parentId, RunStatus::Running); !s)
        return s.error();
    noteStored(store.putArtifact(m_parentId, QStringLiteral("guardrails"), QJsonDocument(m_data.guardrails).toJson()));
    m_log->write(QStringLiteral("forecasting run %1 started on %2: %3 series %4, horizon %5, seasonality %6; %7; algorithms %8")
                     .arg(m_parentId, version->reference())
                     .arg(m_data.series.size())
                     .arg(m_data.frequency.describe())
                     .arg(m_data.horizon)
                     .arg(m_data.season)
                     .arg(validation, m_algorithms.join(QStringLiteral(", "))));
    const QString none = QStringLiteral("none");
    m_log->write(QStringLiteral("features of the learners on lag features: known at forecast time %1; lagged only %2; "
                                "left out as unknown at forecast time %3; left out as text %4")
                     .arg(m_data.featureColumns.isEmpty() ? none : m_data.featureColumns.join(QStringLiteral(", ")),
                          m_data.laggedColumns.isEmpty() ? none : m_data.laggedColumns.join(QStringLiteral(", ")),
                          m_data.unusedColumns.isEmpty() ? none : m_data.unusedColumns.join(QStringLiteral(", ")),
                          m_data.skippedColumns.isEmpty() ? none : m_data.skippedColumns.join(QStringLiteral(", "))));
    if (m_config.experimentTimeoutSeconds > 0) {
        m_budget = QDeadlineTimer(qint64(m_config.experimentTimeoutSeconds) * 1000);
        m_timeout.start(m_config.experimentTimeoutSeconds * 1000);
    }
    m_heartbeat.start();
    QTimer::singleShot(0, this, &ForecastingRun::scheduleNext);
    return m_parentId;
}

Run ForecastingRun::childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const
{
    Run child;
    child.experimentId = m_experimentId;
    child.parentId = m_parentId;
    child.kind = kind;
    child.algorithm = algorithm;
    child.computeProfileId = m_profileId;
    child.datasetVersionId = m_datasetVersionId;
    child.config = config;
    return child;
}

void ForecastingRun::cancel()
{
    if (m_finished)
        return;
    m_log->write(QStringLiteral("canceled"));
    m_canceled = true;
    m_cancel->store(true);
    if (!m_watcher.isRunning())
        QTimer::singleShot(0, this, &ForecastingRun::scheduleNext);
}

void ForecastingRun::scheduleNext()
{
    if (m_finished || m_watcher.isRunning() || m_storing)
        return;
    if (m_canceled) {
        finish(QStringLiteral("Canceled"));
        return;
    }
    const bool more = m_next < m_algorithms.size() && (m_config.maxTrials == 0 || m_next < m_config.maxTrials) && !m_timedOut;
    if (!more) {
        addEnsemble();
        const auto board = leaderboard();
        if (board.isEmpty() || board.first().status != RunStatus::Completed) {
            finish(QStringLiteral("Failed"), QStringLiteral("no trial completed"));
            return;
        }
        m_storing = true;
        storeModel(board.first()); // finishes the run when the model is stored
        return;
    }
    const QString algorithm = m_algorithms[m_next];
    RunStore store(m_ws);
    auto child = store.create(childRun(QStringLiteral("trial"), algorithm, QJsonObject{{QStringLiteral("algorithm"), algorithm}}));
    if (!child) {
        finish(QStringLiteral("Failed"), child.message());
        return;
    }
    noteStored(store.setStatus(child->id, RunStatus::Running));
    TrialResult r;
    r.index = m_next++;
    r.runId = child->id;
    r.algorithm = algorithm;
    r.status = RunStatus::Running;
    m_results << r;
    m_forecasts.emplace_back();
    m_runningId = child->id;
    m_log->write(QStringLiteral("trial %1 (%2) started").arg(r.index).arg(algorithm));
    emit trialStarted(child->id);
    m_trialClock.start();
    const ForecastingData *data = &m_data;
    QThreadPool *pool = m_pool;
    auto cancel = m_cancel;
    const LagSpec spec = lagSpec(m_data, m_parameters);
    const int threads = std::max(1, m_threads);
    auto error = m_trialError;
    error->clear();
    m_watcher.setFuture(QtConcurrent::run(QThreadPool::globalInstance(), [algorithm, data, pool, cancel, spec, threads, error] {
        if (lagLearners().contains(algorithm))
            return lagRollingOriginForecasts(algorithm, *data, spec, threads, *cancel, error.get());
        return rollingOriginForecasts(algorithm, *data, pool, *cancel);
    }));
}

void ForecastingRun::trialDone()
{
    TrialResult &r = m_results.last();
    r.seconds = double(m_trialClock.elapsed()) / 1000.0;
    FoldForecasts f = m_watcher.result();
    RunStore store(m_ws);
    if (!m_trialError->isEmpty() && !m_cancel->load()) {
        r.status = RunStatus::Failed;
        r.error = *m_trialError;
        noteStored(store.setStatus(r.runId, RunStatus::Failed, r.error));
    } else if (m_cancel->load()) {
        r.status = RunStatus::Canceled;
        r.error = m_timedOut ? QStringLiteral("the experiment timeout was reached") : QStringLiteral("canceled");
        noteStored(store.setStatus(r.runId, RunStatus::Canceled, r.error));
    } else {
        std::vector<ScoredWindow> all;
        for (const auto &series : f.windows)
            all.insert(all.end(), series.begin(), series.end());
        r.metrics = forecastingMetrics(all, m_data.labelMin, m_data.labelMax);
        r.status = RunStatus::Completed;
        if (std::isnan(r.metrics.value(m_config.metric(), std::nan("")))) {
            // Nothing honest to score: padded folds are not scored (see scoredFrom).
            r.status = RunStatus::Failed;
            r.error = QStringLiteral("no fold could be scored: each series needs the forecast horizon plus a season of observed points (%1)")
                          .arg(m_data.horizon + std::max(2, m_data.season));
            r.metrics.clear();
            noteStored(store.setStatus(r.runId, RunStatus::Failed, r.error));
            m_log->write(QStringLiteral("trial %1 (%2) failed: %3").arg(r.index).arg(r.algorithm, r.error));
            m_runningId.clear();
            emit trialFinished(r);
            scheduleNext();
            return;
        }
        QJsonObject config{{QStringLiteral("algorithm"), r.algorithm}};
        QJsonObject details;
        for (auto it = f.details.cbegin(); it != f.details.cend(); ++it)
            details.insert(it.key(), it.value());
        if (!details.isEmpty())
            config.insert(QStringLiteral("models_chosen"), details);
        noteStored(store.setConfig(r.runId, config));
        noteStored(store.setMetrics(r.runId, r.metrics));
        noteStored(store.putArtifact(r.runId, QStringLiteral("forecasts"), QJsonDocument(forecastsArtifact(f)).toJson(QJsonDocument::Compact)));
        noteStored(store.setStatus(r.runId, RunStatus::Completed));
        m_forecasts.back() = std::move(f);
    }
    m_log->write(QStringLiteral("trial %1 (%2) %3 in %4 s: %5 %6")
                     .arg(r.index)
                     .arg(r.algorithm, runStatusName(r.status))
                     .arg(r.seconds, 0, 'f', 2)
                     .arg(m_config.metric())
                     .arg(r.metrics.value(m_config.metric(), std::nan("")), 0, 'g', 6));
    m_runningId.clear();
    emit trialFinished(r);
    scheduleNext();
}

QJsonObject ForecastingRun::forecastsArtifact(const FoldForecasts &f) const
{
    QJsonArray series;
    for (size_t s = 0; s < f.windows.size() && s < size_t(kChartSeries); ++s) {
        const RegularSeries &grid = m_data.series[s].series;
        auto folds = rollingOriginFolds(grid.values.size(), m_data.horizon, m_data.folds, m_data.step, m_data.minTrain);
        QJsonArray windows;
        for (size_t k = 0; k < f.windows[s].size(); ++k) {
            const ScoredWindow &w = f.windows[s][k];
            windows.append(QJsonObject{{QStringLiteral("origin"), gridPoint(grid, m_data.frequency, qint64((*folds)[k].origin)).toString()},
                                       {QStringLiteral("actual"), numbers(w.actual)},
                                       {QStringLiteral("forecast"), numbers(w.predicted)},
                                       {QStringLiteral("lower_80"), numbers(w.lower)},
                                       {QStringLiteral("upper_80"), numbers(w.upper)}});
        }
        series.append(QJsonObject{{QStringLiteral("series"), m_data.series[s].name(m_parameters.timeSeriesIdColumnNames)},
                                  {QStringLiteral("id"), QJsonArray::fromStringList(m_data.series[s].id)},
                                  {QStringLiteral("folds"), windows}});
    }
    return {{QStringLiteral("freq"), m_data.frequency.name()},
            {QStringLiteral("forecast_horizon"), m_data.horizon},
            {QStringLiteral("series_total"), qint64(f.windows.size())},
            {QStringLiteral("series"), series}};
}

void ForecastingRun::addEnsemble()
{
    if (!m_config.votingEnsemble || m_canceled)
        return;
    std::vector<const FoldForecasts *> members;
    QList<int> indices;
    for (int i = 0; i < m_results.size(); ++i)
        if (m_results[i].status == RunStatus::Completed && !m_results[i].isEnsemble()) {
            members.push_back(&m_forecasts[size_t(i)]);
            indices << i;
        }
    if (members.size() < 2)
        return;
    QElapsedTimer clock;
    clock.start();
    const std::vector<double> weights = caruanaWeights(members);
    FoldForecasts blended = blend(members, weights);
    TrialResult r;
    r.index = int(m_results.size());
    r.algorithm = QStringLiteral("VotingEnsemble");
    QJsonArray memberJson;
    for (size_t m = 0; m < members.size(); ++m)
        if (weights[m] > 0) {
            r.members << qMakePair(indices[int(m)], weights[m]);
            memberJson.append(QJsonObject{{QStringLiteral("algorithm"), m_results[indices[int(m)]].algorithm},
                                          {QStringLiteral("run_id"), m_results[indices[int(m)]].runId},
                                          {QStringLiteral("weight"), weights[m]}});
        }
    std::vector<ScoredWindow> all;
    for (const auto &series : blended.windows)
        all.insert(all.end(), series.begin(), series.end());
    r.metrics = forecastingMetrics(all, m_data.labelMin, m_data.labelMax);
    RunStore store(m_ws);
    auto child = store.create(childRun(QStringLiteral("ensemble"), r.algorithm,
                                       QJsonObject{{QStringLiteral("algorithm"), r.algorithm}, {QStringLiteral("members"), memberJson}}));
    if (!child)
        return;
    r.runId = child->id;
    r.status = RunStatus::Completed;
    r.seconds = double(clock.elapsed()) / 1000.0;
    noteStored(store.setStatus(r.runId, RunStatus::Running));
    noteStored(store.setMetrics(r.runId, r.metrics));
    noteStored(store.putArtifact(r.runId, QStringLiteral("forecasts"), QJsonDocument(forecastsArtifact(blended)).toJson(QJsonDocument::Compact)));
    noteStored(store.setStatus(r.runId, RunStatus::Completed));
    m_results << r;
    m_forecasts.push_back(std::move(blended));
    m_log->write(QStringLiteral("VotingEnsemble of %1 members: %2 %3").arg(r.members.size()).arg(m_config.metric()).arg(r.metrics.value(m_config.metric()), 0, 'g', 6));
    emit trialFinished(r);
}

Result<ForecastingModel> ForecastingRun::buildModel(const TrialResult &best) const
{
    ForecastingModel model;
    model.algorithm = best.algorithm;
    model.label = m_config.label;
    model.labelType = m_labelType;
    model.timeColumn = m_parameters.timeColumnName;
    model.idColumns = m_parameters.timeSeriesIdColumnNames;
    model.frequency = m_data.frequency;
    model.season = m_data.season;
    model.horizon = m_data.horizon;
    model.aggregation = m_parameters.targetAggregation;
    QList<QPair<QString, double>> members;
    if (best.isEnsemble()) {
        for (const auto &[index, weight] : best.members)
            members.append({m_results[index].algorithm, weight});
    } else {
        members.append({best.algorithm, 1});
    }
    for (const SeriesData &s : m_data.series)
        model.series.push_back({s.id, s.series.start, s.series.values, s.features});
    model.featureColumns = m_data.featureColumns;
    model.laggedColumns = m_data.laggedColumns;
    model.nonNegative = m_data.nonNegative();
    model.droppedSeries = m_data.droppedSeries;
    for (const auto &[algorithm, weight] : members)
        model.members.append({algorithm, weight, {}});
    return model;
}

void ForecastingRun::storeModel(const TrialResult &best)
{
    auto model = buildModel(best);
    // The learners on lag features are trained on every row, on the global pool (seconds on a large panel).
    const ForecastingData *data = &m_data;
    const ForecastingParameters parameters = m_parameters;
    const int threads = m_threads;
    auto cancel = m_cancel;
    auto *watcher = new QFutureWatcher<Result<ForecastingModel>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, runId = best.runId] {
        watcher->deleteLater();
        Result<ForecastingModel> fitted = watcher->result();
        if (!fitted) {
            m_log->write(QStringLiteral("the model could not be trained on every row: ") + fitted.message());
            finish(QStringLiteral("Failed"), QStringLiteral("the best model could not be trained on every row: ") + fitted.message());
            return;
        }
        const Status stored = RunStore(m_ws).putArtifact(runId, QStringLiteral("pipeline"), QJsonDocument(fitted->toJson()).toJson(QJsonDocument::Compact));
        if (!stored) {
            m_log->write(QStringLiteral("the model could not be stored: ") + stored.message());
            finish(QStringLiteral("Failed"), QStringLiteral("the best model could not be stored"));
            return;
        }
        m_best = runId;
        finish(m_canceled ? QStringLiteral("Canceled") : QStringLiteral("Completed"));
    });
    m_finalizing = watcher->future();
    watcher->setFuture(QtConcurrent::run(QThreadPool::globalInstance(), [model, data, parameters, threads, cancel]() mutable -> Result<ForecastingModel> {
        if (!model)
            return model.error();
        for (ForecastingModel::Member &member : model->members) {
            if (!lagLearners().contains(member.algorithm))
                continue;
            auto fitted = fitFinalLagModel(member.algorithm, *data, parameters, threads);
            if (!fitted)
                return Error{QStringLiteral("%1: %2").arg(member.algorithm, fitted.message())};
            member.lagModel = std::make_shared<LagModel>(std::move(*fitted));
        }
        return std::move(*model);
    }));
}

void ForecastingRun::finish(const QString &status, const QString &error)
{
    RunStore store(m_ws);
    if (!m_best.isEmpty()) {
        const auto board = leaderboard();
        const auto best = std::find_if(board.begin(), board.end(), [&](const TrialResult &r) { return r.runId == m_best; });
        noteStored(store.setMetrics(m_parentId, best->metrics));
        if (auto parent = store.get(m_parentId)) {
            QJsonObject config = parent->config;
            config.insert(QStringLiteral("best_child_run_id"), m_best);
            config.insert(QStringLiteral("best_algorithm"), best->algorithm);
            config.insert(QStringLiteral("best_reason"), QJsonObject{{QStringLiteral("code"), QStringLiteral("top")}});
            if (m_timedOut)
                config.insert(QStringLiteral("end_reason"), QJsonObject{{QStringLiteral("code"), QStringLiteral("budget")},
                                                                        {QStringLiteral("seconds"), m_config.experimentTimeoutSeconds}});
            noteStored(store.setConfig(m_parentId, config));
        }
    }
    m_log->write(QStringLiteral("run %1 %2%3").arg(m_parentId, status, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
    noteStored(store.putArtifact(m_parentId, QStringLiteral("log"), m_log->text(), QStringLiteral("text/plain")));
    noteStored(store.setStatus(m_parentId, runStatusFromName(status).value_or(RunStatus::Failed), error));
    m_heartbeat.stop();
    m_timeout.stop();
    m_finished = true;
    emit finished(status);
}

} // namespace stratus::ml::forecasting
