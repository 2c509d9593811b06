#include "EnsembleTrials.h"

#include "ClassificationMetrics.h"
#include "Ensemble.h"
#include "RegressionMetrics.h"
#include "RunStore.h"
#include "StackEnsemble.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <cmath>

namespace stratus::ml {

namespace {

QMap<QString, double> metricsOf(const Labels &labels, const std::vector<double> &p)
{
    if (labels.task == Task::Classification)
        return classificationMetrics(std::vector<int>(labels.values.begin(), labels.values.end()), p, labels.classes);
    return regressionMetrics(std::vector<double>(labels.values.begin(), labels.values.end()), p);
}

struct Built {
    TrialResult result;
    QJsonObject config;
};

std::optional<Built> voting(const AutoMLPlan &plan, const AutoMLConfig &config, const QList<TrialResult> &library)
{
    if (library.size() < 2)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    std::vector<const std::vector<double> *> predictions;
    for (const TrialResult &r : library)
        predictions.push_back(r.outOfFold.get());
    const QString metric = config.metric();
    const double sign = higherIsBetter(metric) ? 1 : -1;
    const auto chosen = selectEnsemble(predictions, [&](const std::vector<double> &p) {
        const double v = metricsOf(plan.validated, p).value(metric);
        return std::isnan(v) ? -INFINITY : sign * v;
    });
    Built b;
    b.result.algorithm = QStringLiteral("VotingEnsemble");
    QJsonArray members;
    for (const EnsembleMember &m : chosen) {
        b.result.members.append({library[m.candidate].index, m.weight});
        members.append(QJsonObject{{QStringLiteral("run_id"), library[m.candidate].runId},
                                   {QStringLiteral("algorithm"), library[m.candidate].algorithm},
                                   {QStringLiteral("weight"), m.weight}});
    }
    b.result.outOfFold = std::make_shared<const std::vector<double>>(blend(chosen, predictions));
    b.result.metrics = metricsOf(plan.validated, *b.result.outOfFold);
    b.result.seconds = double(timer.elapsed()) / 1000.0;
    b.config = {{QStringLiteral("ensemble_members"), members}};
    return b;
}

std::optional<Built> stack(const AutoMLPlan &plan, const AutoMLConfig &config, const QList<TrialResult> &library,
                           DebugLog &log)
{
    if (library.size() < 2)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    std::vector<const std::vector<double> *> predictions;
    QJsonArray members;
    Built b;
    b.result.algorithm = QStringLiteral("StackEnsemble");
    for (const TrialResult &r : library) {
        predictions.push_back(r.outOfFold.get());
        b.result.members.append({r.index, 1.0});
        members.append(QJsonObject{{QStringLiteral("run_id"), r.runId}, {QStringLiteral("algorithm"), r.algorithm}});
    }
    std::vector<int> folds;
    for (int f : plan.folds) {
        if (f >= 0)
            folds.push_back(f);
    }
    auto fitted = fitStack(predictions, plan.validated, folds, config.seed);
    if (!fitted) {
        log.write(fitted.message());
        return std::nullopt;
    }
    b.result.metaAlgorithm = fitted->metaAlgorithm;
    b.result.metaModel = fitted->meta->serialize();
    b.result.outOfFold = std::make_shared<const std::vector<double>>(std::move(fitted->outOfFold));
    b.result.metrics = metricsOf(plan.validated, *b.result.outOfFold);
    b.result.seconds = double(timer.elapsed()) / 1000.0;
    b.config = {{QStringLiteral("ensemble_members"), members},
                {QStringLiteral("meta_learner"), QJsonObject{{QStringLiteral("algorithm"), fitted->metaAlgorithm},
                                                             {QStringLiteral("hyperparameters"),
                                                              QJsonObject::fromVariantMap(fitted->metaParams)}}}};
    return b;
}

// Records one ensemble as a child run; false when the workspace refused it.
bool record(Workspace &ws, const AutoMLPlan &plan, const AutoMLConfig &config, const EnsembleRequest &request,
            Built &b, int index, DebugLog &log)
{
    RunStore store(ws);
    TrialResult &e = b.result;
    e.index = index;
    Run child = request.child;
    child.algorithm = e.algorithm;
    child.config = b.config;
    child.config.insert(QStringLiteral("iteration"), index);
    auto made = store.create(child);
    if (!made) {
        noteStored(made.error());
        return false;
    }
    e.runId = made->id;
    e.status = RunStatus::Completed;
    // An ensemble costs what its members cost together.
    QHash<int, const TrialResult *> trials;
    for (const QList<TrialResult> *library : {&request.voting, &request.stack})
        for (const TrialResult &r : *library)
            trials.insert(r.index, &r);
    for (const auto &[member, weight] : std::as_const(e.members))
        if (const TrialResult *r = trials.value(member))
            for (const QString &cost : {kFitTimeMetric, kPredictTimeMetric})
                e.metrics[cost] += r->metrics.value(cost);
    noteStored(store.setStatus(e.runId, RunStatus::Running));
    noteStored(store.setMetrics(e.runId, e.metrics));
    recordPredictions(store, e.runId, plan, *e.outOfFold);
    // The meta-learner, for explaining and refitting this child run on request (see Explain.h).
    if (!e.metaModel.isEmpty())
        noteStored(store.putArtifact(e.runId, QStringLiteral("meta_model"), e.metaModel, QStringLiteral("application/octet-stream")));
    noteStored(store.setStatus(e.runId, RunStatus::Completed));
    log.write(QStringLiteral("%1 %2: %3 = %4").arg(e.algorithm, e.runId, config.metric()).arg(e.metrics.value(config.metric()), 0, 'f', 5));
    return true;
}

} // namespace

QList<TrialResult> buildEnsembles(Workspace &ws, const AutoMLPlan &plan, const AutoMLConfig &config,
                                  const EnsembleRequest &request, DebugLog &log)
{
    QList<TrialResult> out;
    int index = request.firstIndex;
    for (auto built : {voting(plan, config, request.voting), stack(plan, config, request.stack, log)}) {
        if (built && record(ws, plan, config, request, *built, index, log)) {
            out << built->result;
            ++index;
        }
    }
    return out;
}

} // namespace stratus::ml
