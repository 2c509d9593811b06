#include "AutoMLRun.h"

#include "ComputeStore.h"
#include "CrossValidation.h"
#include "ClassificationMetrics.h"
#include "Curves.h"
#include "Ensemble.h"
#include "RegressionMetrics.h"
#include "DatasetStore.h"
#include "ExperimentStore.h"
#include "Folds.h"
#include "Guardrails.h"
#include "Learners.h"
#include "RunStore.h"
#include "Workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <random>

namespace stratus::ml {

namespace {

constexpr int kMaxTrials = 1000;
constexpr int kEarlyStoppingWarmup = 20;
constexpr int kEarlyStoppingPatience = 10;

// One thread pool per compute profile, sized by its concurrent trials.
QThreadPool *poolFor(const ComputeProfile &profile)
{
    static QMutex mutex;
    static QHash<QString, QThreadPool *> pools;
    QMutexLocker lock(&mutex);
    QThreadPool *&pool = pools[profile.name.toLower()];
    if (!pool)
        pool = new QThreadPool; // lives as long as the process
    pool->setMaxThreadCount(qMax(1, profile.maxConcurrent));
    return pool;
}

struct Candidate {
    QString learner;
    Params params;
};

double logUniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::exp(std::uniform_real_distribution<double>(std::log(lo), std::log(hi))(rng));
}

Params xgb(int depth, int rounds, double eta, double subsample = 0.8, double colsample = 0.8, double childWeight = 1)
{
    return {{QStringLiteral("max_depth"), depth},         {QStringLiteral("n_estimators"), rounds},
            {QStringLiteral("learning_rate"), eta},       {QStringLiteral("subsample"), subsample},
            {QStringLiteral("colsample_bytree"), colsample}, {QStringLiteral("min_child_weight"), childWeight}};
}

// The portfolio of strong defaults, then seeded random variations.
QList<Candidate> candidates(const AutoMLConfig &config, const QStringList &learners, int count)
{
    const QString boost = config.task == Task::Classification ? QStringLiteral("XGBoostClassifier")
                                                              : QStringLiteral("XGBoostRegressor");
    const QString logistic = QStringLiteral("LogisticRegression");
    const QString forest = QStringLiteral("RandomForest");
    auto rf = [](int trees, int depth, double features, double childWeight) {
        return Params{{QStringLiteral("n_estimators"), trees}, {QStringLiteral("max_depth"), depth},
                      {QStringLiteral("max_features"), features}, {QStringLiteral("min_child_weight"), childWeight},
                      {QStringLiteral("subsample"), 0.632}};
    };
    QList<Candidate> portfolio = {{boost, xgb(4, 200, 0.05)},
                                  {forest, rf(300, 8, 0.5, 1)},
                                  {logistic, {{QStringLiteral("C"), 1.0}}},
                                  {forest, rf(300, 12, 0.3, 2)},
                                  {boost, xgb(2, 400, 0.05)},
                                  {boost, xgb(6, 150, 0.05, 0.7, 0.7, 2)},
                                  {logistic, {{QStringLiteral("C"), 0.1}}},
                                  {boost, xgb(3, 600, 0.02, 0.8, 0.6)},
                                  {logistic, {{QStringLiteral("C"), 10.0}}}};
    QList<Candidate> out;
    for (const Candidate &c : portfolio) {
        if (learners.contains(c.learner))
            out << c;
    }
    std::mt19937_64 rng(config.seed ^ 0x5EEDULL);
    int turn = 0;
    while (out.size() < count) {
        const QString learner = learners[turn++ % learners.size()];
        if (learner == forest) {
            out << Candidate{learner, rf(std::uniform_int_distribution<int>(100, 500)(rng),
                                         std::uniform_int_distribution<int>(4, 16)(rng),
                                         std::uniform_real_distribution<double>(0.2, 0.9)(rng), logUniform(rng, 0.5, 8))};
        } else if (learner.startsWith(QLatin1String("XGBoost"))) {
            out << Candidate{learner, xgb(std::uniform_int_distribution<int>(2, 8)(rng),
                                          std::uniform_int_distribution<int>(50, 600)(rng), logUniform(rng, 0.01, 0.3),
                                          std::uniform_real_distribution<double>(0.5, 1.0)(rng),
                                          std::uniform_real_distribution<double>(0.5, 1.0)(rng), logUniform(rng, 0.5, 10))};
        } else {
            out << Candidate{learner, {{QStringLiteral("C"), logUniform(rng, 1e-3, 1e2)}}};
        }
    }
    out = out.mid(0, count);
    return out;
}

// Bookkeeping that failed (the workspace is unwritable, say) is reported, but
// does not stop the run: its trials' results are still in memory.
void note(const Status &status)
{
    if (!status)
        qWarning("AutoML: could not record in the workspace: %s", qPrintable(status.message()));
}

QByteArray doublesBlob(const std::vector<double> &values)
{
    QByteArray blob(qsizetype(values.size() * sizeof(double)), Qt::Uninitialized);
    std::memcpy(blob.data(), values.data(), size_t(blob.size()));
    return blob;
}

} // namespace

struct AutoMLRun::Plan {
    DataTable table;
    int label = -1;
    LabelData data;
    std::vector<int> folds;
    ComputeProfile profile;
    QThreadPool *pool = nullptr;
    QList<Candidate> candidates;
    qint64 experimentId = 0;
    qint64 datasetVersionId = 0;
    Featurizer allRows; // fitted on every row: the guardrails, then the refitted pipelines
};

AutoMLRun::AutoMLRun(Workspace &workspace, AutoMLConfig config, QObject *parent)
    : QObject(parent), m_ws(workspace), m_config(std::move(config))
{
    qRegisterMetaType<stratus::ml::TrialResult>();
    m_timeout.setSingleShot(true);
    // Tell other processes that this run and its running trials are alive.
    m_heartbeat.setInterval(30000);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { note(RunStore(m_ws).heartbeat(QStringList{m_parentId} + m_runningIds)); });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_cancel.store(true);
        if (m_running == 0)
            finish();
    });
}

AutoMLRun::~AutoMLRun()
{
    m_cancel.store(true);
    for (QFutureWatcher<TrialResult> *w : std::as_const(m_watchers)) {
        w->disconnect(this);
        w->waitForFinished();
    }
}

Result<QString> AutoMLRun::start()
{
    if (Status s = m_config.validate(); !s)
        return s.error();
    auto plan = std::make_shared<Plan>();
    auto version = DatasetStore(m_ws).resolve(m_config.dataset);
    if (!version)
        return version.error();
    auto profile = ComputeStore(m_ws).get(m_config.computeProfile);
    if (!profile)
        return profile.error();
    auto experiment = ExperimentStore(m_ws).getOrCreate(m_config.experiment);
    if (!experiment)
        return experiment.error();
    auto table = DatasetStore(m_ws).loadTable(*version);
    if (!table)
        return table.error();
    plan->table = std::move(*table);
    plan->label = plan->table.indexOf(m_config.label);
    if (plan->label < 0)
        return Error{QStringLiteral("label: dataset %1 has no column '%2'").arg(version->reference(), m_config.label)};
    auto data = labelData(plan->table, plan->label, m_config.task);
    if (!data)
        return data.error();
    plan->data = std::move(*data);
    const int k = m_config.crossValidations > 0 ? m_config.crossValidations
                                                : qMax(defaultFoldCount(plan->data.rows.size()), 2);
    if (m_config.task == Task::Classification) {
        std::vector<int> labels(plan->data.labels.values.begin(), plan->data.labels.values.end());
        plan->folds = stratifiedFolds(labels, k, m_config.seed);
    } else {
        plan->folds = kFolds(plan->data.rows.size(), k, m_config.seed);
    }
    QStringList learners;
    for (const QString &name : learnerNames(m_config.task)) {
        auto matches = [&name](const QStringList &list) {
            return std::any_of(list.begin(), list.end(),
                               [&](const QString &n) { return n.compare(name, Qt::CaseInsensitive) == 0; });
        };
        if ((m_config.allowedAlgorithms.isEmpty() || matches(m_config.allowedAlgorithms))
            && !matches(m_config.blockedAlgorithms))
            learners << name;
    }
    if (learners.isEmpty())
        return Error{QStringLiteral("allowed/blocked algorithms leave no algorithm (available: %1)")
                         .arg(learnerNames(m_config.task).join(QStringLiteral(", ")))};
    plan->profile = *profile;
    plan->pool = poolFor(*profile);
    plan->candidates = candidates(m_config, learners, m_config.maxTrials > 0 ? m_config.maxTrials : kMaxTrials);
    plan->experimentId = experiment->id;
    plan->datasetVersionId = version->id;

    Run parent;
    parent.experimentId = experiment->id;
    parent.computeProfileId = profile->id;
    parent.datasetVersionId = version->id;
    QJsonObject config = m_config.toJson();
    config.insert(QStringLiteral("dataset_version"), version->reference());
    config.insert(QStringLiteral("n_cross_validations"), k);
    config.insert(QStringLiteral("rows_dropped_missing_label"), qint64(plan->data.droppedMissing));
    parent.config = config;
    RunStore store(m_ws);
    auto made = store.create(parent);
    if (!made)
        return made.error();
    m_parentId = made->id;
    if (Status s = store.setStatus(m_parentId, RunStatus::Running); !s)
        return s.error();
    {
        plan->allRows.fit(plan->table, plan->label, plan->data.rows, m_config.featurization);
        const auto guardrails = dataGuardrails(plan->table, plan->label, plan->data, plan->allRows, k);
        note(store.putArtifact(m_parentId, QStringLiteral("guardrails"), QJsonDocument(toJson(guardrails)).toJson()));
        QJsonArray columns;
        for (const ColumnSummary &c : plan->allRows.summary())
            columns.append(QJsonObject{{QStringLiteral("column"), c.column},
                                       {QStringLiteral("type"), c.type},
                                       {QStringLiteral("action"), c.action},
                                       {QStringLiteral("features"), QJsonArray::fromStringList(c.features)}});
        note(store.putArtifact(m_parentId, QStringLiteral("featurization"), QJsonDocument(columns).toJson()));
    }
    m_plan = plan;
    if (m_config.experimentTimeoutSeconds > 0)
        m_timeout.start(m_config.experimentTimeoutSeconds * 1000);
    m_heartbeat.start();
    scheduleMore();
    return m_parentId;
}

void AutoMLRun::cancel()
{
    m_cancel.store(true);
    m_timeout.stop();
    if (m_running == 0 && !m_finished && m_plan)
        finish();
}

bool AutoMLRun::shouldStopScheduling() const
{
    if (m_cancel.load() || m_next >= m_plan->candidates.size())
        return true;
    if (m_config.earlyStopping && m_results.size() >= kEarlyStoppingWarmup
        && m_sinceImprovement >= kEarlyStoppingPatience)
        return true;
    if (m_config.exitScore) {
        const QString best = bestRunId();
        for (const TrialResult &r : m_results) {
            if (r.runId == best) {
                const double s = r.metrics.value(m_config.metric());
                return higherIsBetter(m_config.metric()) ? s >= *m_config.exitScore : s <= *m_config.exitScore;
            }
        }
    }
    return false;
}

void AutoMLRun::scheduleMore()
{
    const int limit = m_config.maxConcurrentTrials > 0 ? qMin(m_config.maxConcurrentTrials, m_plan->profile.maxConcurrent)
                                                       : m_plan->profile.maxConcurrent;
    while (m_running < limit && !shouldStopScheduling()) {
        const int index = m_next++;
        const Candidate candidate = m_plan->candidates[index];
        auto made = RunStore(m_ws).create(
            childRun(QStringLiteral("trial"), candidate.learner,
                     {{QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(candidate.params)},
                      {QStringLiteral("iteration"), index}}));
        if (!made) {
            m_cancel.store(true);
            break;
        }
        note(RunStore(m_ws).setStatus(made->id, RunStatus::Queued));
        emit trialQueued(made->id, candidate.learner);
        m_runningIds << made->id;
        ++m_running;
        auto plan = m_plan;
        const AutoMLConfig config = m_config;
        const QString runId = made->id;
        Workspace *ws = &m_ws;
        std::atomic<bool> *cancel = &m_cancel;
        auto *watcher = new QFutureWatcher<TrialResult>(this);
        m_watchers << watcher;
        connect(watcher, &QFutureWatcher<TrialResult>::finished, this, [this, watcher] {
            m_watchers.removeOne(watcher);
            watcher->deleteLater();
            trialDone(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(plan->pool, [=]() {
            TrialResult r;
            r.index = index;
            r.runId = runId;
            r.algorithm = candidate.learner;
            r.params = candidate.params;
            RunStore store(*ws);
            QElapsedTimer timer;
            timer.start();
            if (cancel->load()) {
                r.status = RunStatus::Canceled;
                note(store.setStatus(runId, r.status));
                return r;
            }
            note(store.setStatus(runId, RunStatus::Running));
            FitControl control;
            control.threads = plan->profile.threadsPerTrial;
            control.seed = config.seed + quint64(index);
            control.cancel = cancel;
            if (config.trialTimeoutSeconds > 0)
                control.deadline = QDeadlineTimer(qint64(config.trialTimeoutSeconds) * 1000);
            const auto learner = makeLearner(candidate.learner, config.task);
            auto cv = crossValidate(plan->table, plan->label, plan->data, plan->folds, *learner, candidate.params,
                                    config.featurization, control);
            r.seconds = double(timer.elapsed()) / 1000.0;
            if (cv && !cancel->load()) {
                r.status = RunStatus::Completed;
                r.metrics = cv->metrics;
                r.outOfFold = std::make_shared<const std::vector<double>>(cv->outOfFold);
                note(store.setMetrics(runId, r.metrics));
                note(store.putArtifact(runId, QStringLiteral("predictions"), doublesBlob(cv->outOfFold),
                                  QStringLiteral("application/x-float64-le")));
                if (config.task == Task::Classification) {
                    std::vector<int> labels(plan->data.labels.values.begin(), plan->data.labels.values.end());
                    const auto curves = classificationCurves(labels, cv->outOfFold, plan->data.labels.classes);
                    note(store.putArtifact(runId, QStringLiteral("curves"),
                                      QJsonDocument(curves.toJson()).toJson(QJsonDocument::Compact)));
                }
            } else if (cancel->load()) {
                r.status = RunStatus::Canceled;
            } else {
                r.status = RunStatus::Failed;
                r.error = control.deadline.hasExpired() ? QStringLiteral("trial timeout: stopped after %1 s")
                                                              .arg(config.trialTimeoutSeconds)
                                                        : cv.message();
            }
            note(store.setStatus(runId, r.status, r.error));
            return r;
        }));
    }
    if (m_running == 0 && !m_finished)
        finish();
}

Run AutoMLRun::childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const
{
    Run child;
    child.experimentId = m_plan->experimentId;
    child.parentId = m_parentId;
    child.kind = kind;
    child.algorithm = algorithm;
    child.computeProfileId = m_plan->profile.id;
    child.datasetVersionId = m_plan->datasetVersionId;
    child.config = config;
    return child;
}

Result<QJsonObject> AutoMLRun::refit(const TrialResult &trial, const FeatureMatrix &allRows) const
{
    FitControl control;
    control.threads = qMax(1, m_plan->profile.maxConcurrent * m_plan->profile.threadsPerTrial);
    control.seed = m_config.seed + quint64(trial.index);
    auto model = makeLearner(trial.algorithm, m_config.task)->fit(allRows, m_plan->data.labels, trial.params, control);
    if (!model)
        return model.error();
    return QJsonObject{{QStringLiteral("algorithm"), trial.algorithm},
                       {QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(trial.params)},
                       {QStringLiteral("featurizer"), m_plan->allRows.toJson()},
                       {QStringLiteral("model"), QString::fromLatin1((*model)->serialize().toBase64())}};
}

void AutoMLRun::addVotingEnsemble()
{
    constexpr int kLibrary = 15;
    QList<TrialResult> library;
    for (const TrialResult &r : leaderboard()) {
        if (r.status == RunStatus::Completed && r.outOfFold && r.members.isEmpty() && library.size() < kLibrary)
            library << r;
    }
    if (library.size() < 2)
        return;
    QElapsedTimer timer;
    timer.start();
    std::vector<const std::vector<double> *> predictions;
    for (const TrialResult &r : library)
        predictions.push_back(r.outOfFold.get());
    const bool classification = m_config.task == Task::Classification;
    const std::vector<int> labels(m_plan->data.labels.values.begin(), m_plan->data.labels.values.end());
    const std::vector<double> truth(m_plan->data.labels.values.begin(), m_plan->data.labels.values.end());
    auto metricsOf = [&](const std::vector<double> &p) {
        return classification ? classificationMetrics(labels, p, m_plan->data.labels.classes) : regressionMetrics(truth, p);
    };
    const QString metric = m_config.metric();
    const double sign = higherIsBetter(metric) ? 1 : -1;
    const auto chosen = selectEnsemble(predictions, [&](const std::vector<double> &p) {
        const double v = metricsOf(p).value(metric);
        return std::isnan(v) ? -INFINITY : sign * v;
    });
    TrialResult e;
    e.index = m_next++;
    e.algorithm = QStringLiteral("VotingEnsemble");
    QJsonArray members;
    for (const EnsembleMember &m : chosen) {
        e.members.append({library[m.candidate].index, m.weight});
        members.append(QJsonObject{{QStringLiteral("run_id"), library[m.candidate].runId},
                                   {QStringLiteral("algorithm"), library[m.candidate].algorithm},
                                   {QStringLiteral("weight"), m.weight}});
    }
    const std::vector<double> blended = blend(chosen, predictions);
    e.outOfFold = std::make_shared<const std::vector<double>>(blended);
    e.metrics = metricsOf(blended);
    RunStore store(m_ws);
    auto made = store.create(childRun(QStringLiteral("ensemble"), e.algorithm,
                                      {{QStringLiteral("ensemble_members"), members},
                                       {QStringLiteral("iteration"), e.index}}));
    if (!made) {
        note(made.error());
        return;
    }
    e.runId = made->id;
    note(store.setStatus(e.runId, RunStatus::Running));
    note(store.setMetrics(e.runId, e.metrics));
    note(store.putArtifact(e.runId, QStringLiteral("predictions"), doublesBlob(blended),
                           QStringLiteral("application/x-float64-le")));
    if (classification)
        note(store.putArtifact(e.runId, QStringLiteral("curves"),
                               QJsonDocument(classificationCurves(labels, blended, m_plan->data.labels.classes).toJson())
                                   .toJson(QJsonDocument::Compact)));
    e.seconds = double(timer.elapsed()) / 1000.0;
    e.status = RunStatus::Completed;
    note(store.setStatus(e.runId, RunStatus::Completed));
    m_results << e;
    emit trialFinished(e);
}

double AutoMLRun::score(const TrialResult &r) const
{
    if (r.status != RunStatus::Completed)
        return -INFINITY;
    const double v = r.metrics.value(m_config.metric(), std::nan(""));
    if (std::isnan(v))
        return -INFINITY;
    return higherIsBetter(m_config.metric()) ? v : -v;
}

void AutoMLRun::trialDone(TrialResult result)
{
    --m_running;
    m_runningIds.removeOne(result.runId);
    const QString before = bestRunId();
    m_results << result;
    const QString after = bestRunId();
    if (after != before && !after.isEmpty()) {
        m_sinceImprovement = 0;
        emit bestChanged(after, m_config.metric().isEmpty() ? 0 : result.metrics.value(m_config.metric()));
    } else {
        ++m_sinceImprovement;
    }
    note(RunStore(m_ws).heartbeat({m_parentId}));
    emit trialFinished(result);
    if (!m_finished)
        scheduleMore();
}

QList<TrialResult> AutoMLRun::leaderboard() const
{
    QList<TrialResult> sorted = m_results;
    std::stable_sort(sorted.begin(), sorted.end(), [this](const TrialResult &a, const TrialResult &b) {
        const double sa = score(a), sb = score(b);
        return sa > sb || (sa == sb && a.index < b.index);
    });
    return sorted;
}

QString AutoMLRun::bestRunId() const
{
    const auto board = leaderboard();
    return !board.isEmpty() && board.first().status == RunStatus::Completed ? board.first().runId : QString();
}

void AutoMLRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_heartbeat.stop();
    RunStore store(m_ws);
    const QString best = bestRunId();
    QString status;
    if (m_cancel.load() && !m_timedOut) {
        note(store.setStatus(m_parentId, RunStatus::Canceled));
        status = QStringLiteral("Canceled");
    } else if (best.isEmpty()) {
        note(store.setStatus(m_parentId, RunStatus::Failed, QStringLiteral("no trial completed")));
        status = QStringLiteral("Failed");
    } else {
        note(store.setStatus(m_parentId, RunStatus::Finalizing));
        if (m_config.votingEnsemble)
            addVotingEnsemble();
        // Refit the winner's pipeline (each member's, for an ensemble) on every row.
        const TrialResult winner = leaderboard().first();
        QJsonArray members;
        QString problem;
        const QList<QPair<int, double>> parts =
            winner.members.isEmpty() ? QList<QPair<int, double>>{{winner.index, 1.0}} : winner.members;
        // Every member learns from the same all-rows features: transform once.
        const FeatureMatrix allRows = m_plan->allRows.transform(m_plan->table, m_plan->data.rows);
        for (const auto &[index, weight] : parts) {
            const auto it = std::find_if(m_results.cbegin(), m_results.cend(),
                                         [index = index](const TrialResult &r) { return r.index == index; });
            auto member = refit(*it, allRows);
            if (!member) {
                problem = member.message();
                break;
            }
            member->insert(QStringLiteral("weight"), weight);
            members.append(*member);
        }
        if (problem.isEmpty()) {
            QJsonObject pipeline{{QStringLiteral("algorithm"), winner.algorithm},
                                 {QStringLiteral("label"), m_config.label},
                                 {QStringLiteral("task"), m_config.task == Task::Classification
                                                              ? QStringLiteral("classification")
                                                              : QStringLiteral("regression")},
                                 {QStringLiteral("classes"), QJsonArray::fromStringList(m_plan->data.classNames)},
                                 {QStringLiteral("members"), members}};
            note(store.putArtifact(winner.runId, QStringLiteral("pipeline"),
                                   QJsonDocument(pipeline).toJson(QJsonDocument::Compact)));
        }
        note(store.setMetrics(m_parentId, winner.metrics));
        QJsonObject config = store.get(m_parentId)->config;
        config.insert(QStringLiteral("best_child_run_id"), winner.runId);
        note(store.setConfig(m_parentId, config));
        if (problem.isEmpty()) {
            note(store.setStatus(m_parentId, RunStatus::Completed));
            status = QStringLiteral("Completed");
        } else {
            note(store.setStatus(m_parentId, RunStatus::Failed, QStringLiteral("refitting the best model failed: ") + problem));
            status = QStringLiteral("Failed");
        }
    }
    emit finished(status);
}

} // namespace stratus::ml
