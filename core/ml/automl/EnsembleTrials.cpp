#include "ml/automl/EnsembleTrials.h"

#include "ml/ensembles/Ensemble.h"
#include "ml/ensembles/StackEnsemble.h"
#include "ml/metrics/ClassificationMetrics.h"
#include "ml/metrics/RegressionMetrics.h"
#include "registry/RunStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <cmath>
#include <random>

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

std::vector<const std::vector<double> *> outOfFoldOf(const QList<TrialResult> &library)
{
    std::vector<const std::vector<double> *> predictions;
    for (const TrialResult &r : library)
        predictions.push_back(r.outOfFold.get());
    return predictions;
}

// An ensemble of library members with weights: the weighted sum of their
// out-of-fold predictions (`predictions`, the library's, in order).
Built weighted(const AutoMLPlan &plan, const QString &algorithm, const QList<TrialResult> &library,
               const std::vector<const std::vector<double> *> &predictions, const std::vector<EnsembleMember> &chosen,
               const QElapsedTimer &timer)
{
    Built b;
    b.result.algorithm = algorithm;
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

std::optional<Built> voting(const AutoMLPlan &plan, const AutoMLConfig &config, const QList<TrialResult> &library)
{
    if (library.size() < 2)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    const auto predictions = outOfFoldOf(library);
    const bool classification = plan.validated.task == Task::Classification;
    const std::vector<int> labels = classification ? std::vector<int>(plan.validated.values.begin(), plan.validated.values.end())
                                                   : std::vector<int>();
    const auto chosen = selectEnsemble(predictions, [&](const std::vector<double> &p) {
        if (!classification)
            return signedScore(metricsOf(plan.validated, p), config.metric());
        // The primary metric alone: the selection scores hundreds of blends.
        const double value = classificationMetric(labels, p, plan.validated.classes, config.metric());
        return signedScore({{config.metric(), value}}, config.metric());
    });
    return weighted(plan, QStringLiteral("VotingEnsemble"), library, predictions, chosen, timer);
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

std::optional<Built> bestOfFamily(const AutoMLPlan &plan, const QList<TrialResult> &library)
{
    if (library.size() < 2)
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    std::vector<EnsembleMember> equal;
    for (int i = 0; i < library.size(); ++i)
        equal.push_back({i, 1.0 / double(library.size())});
    return weighted(plan, QStringLiteral("BestOfFamilyEnsemble"), library, outOfFoldOf(library), equal, timer);
}

// The standard error of metric(a) - metric(b) on the validated rows, from a
// paired bootstrap (of at most 2,000 rows, scaled to all of them).
double pairedStandardError(const Labels &labels, const QString &metric, const std::vector<double> &a,
                           const std::vector<double> &b, quint64 seed)
{
    const size_t n = labels.values.size();
    if (n < 2 || a.size() != b.size())
        return 0;
    const size_t width = a.size() / n, m = std::min<size_t>(n, 2000);
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<size_t> row(0, n - 1);
    Labels sample = labels;
    sample.values.resize(m);
    std::vector<double> pa(m * width), pb(m * width), differences;
    for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < m; ++i) {
            const size_t r = row(random);
            sample.values[i] = labels.values[r];
            std::copy_n(a.begin() + qsizetype(r * width), width, pa.begin() + qsizetype(i * width));
            std::copy_n(b.begin() + qsizetype(r * width), width, pb.begin() + qsizetype(i * width));
        }
        const double d = metricsOf(sample, pa).value(metric) - metricsOf(sample, pb).value(metric);
        if (std::isfinite(d))
            differences.push_back(d);
    }
    if (differences.size() < 2)
        return 0;
    double mean = 0, squares = 0;
    for (double d : differences)
        mean += d / double(differences.size());
    for (double d : differences)
        squares += (d - mean) * (d - mean);
    return std::sqrt(squares / double(differences.size() - 1) * double(m) / double(n));
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
    for (const QList<TrialResult> *library : {&request.voting, &request.stack, &request.families})
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
    const QString metric = config.metric();
    auto scoreOf = [&](const TrialResult &r) { return signedScore(r.metrics, metric); };
    TrialResult best = request.top; // the best of the trials and the ensembles recorded so far
    auto keep = [&](Built &built) {
        if (!record(ws, plan, config, request, built, index, log))
            return;
        if (scoreOf(built.result) > scoreOf(best))
            best = built.result;
        out << built.result;
        ++index;
    };
    for (auto built : {voting(plan, config, request.voting), stack(plan, config, request.stack, log)}) {
        if (built)
            keep(*built);
    }
    if (auto family = bestOfFamily(plan, request.families)) {
        TrialResult &e = family->result;
        const double gap = scoreOf(best) - scoreOf(e);
        const double se = best.outOfFold ? pairedStandardError(plan.validated, metric, *best.outOfFold, *e.outOfFold, config.seed) : 0;
        e.recommended = gap <= 3 * se;
        e.recommendation = {{QStringLiteral("gap"), gap},
                            {QStringLiteral("standard_error"), se},
                            {QStringLiteral("against"), best.runId},
                            {QStringLiteral("against_algorithm"), best.algorithm}};
        family->config.insert(QStringLiteral("recommended"), e.recommended);
        family->config.insert(QStringLiteral("recommendation"), e.recommendation);
        log.write(QStringLiteral("BestOfFamilyEnsemble is%1 the model to hand back: %2 below the best (%3), whose paired standard error is %4")
                      .arg(e.recommended ? QString() : QStringLiteral(" not"))
                      .arg(gap, 0, 'g', 3)
                      .arg(best.algorithm)
                      .arg(se, 0, 'g', 3));
        keep(*family);
    }
    return out;
}

TrialResult recommendedModel(QList<TrialResult> board, QJsonObject *reason)
{
    const QString top = board.first().runId;
    QJsonObject blend; // the family blend's comparison, when there is one
    for (const TrialResult &r : board)
        if (!r.recommendation.isEmpty())
            blend = r.recommendation;
    std::stable_partition(board.begin(), board.end(), [](const TrialResult &r) { return r.recommended; });
    *reason = board.first().recommended ? blend : QJsonObject{};
    if (!board.first().recommended && !blend.isEmpty()) {
        reason->insert(QStringLiteral("blend_gap"), blend.value(QStringLiteral("gap")));
        reason->insert(QStringLiteral("blend_standard_error"), blend.value(QStringLiteral("standard_error")));
    }
    reason->insert(QStringLiteral("code"), board.first().recommended ? QStringLiteral("blend") : QStringLiteral("top"));
    reason->insert(QStringLiteral("top"), top);
    return board.first();
}

} // namespace stratus::ml
