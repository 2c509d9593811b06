#include "ml/automl/CompletedTrialEnsembles.h"

#include "ml/automl/AutoMLConfig.h"
#include "ml/automl/AutoMLPlan.h"
#include "ml/automl/DebugLog.h"
#include "ml/automl/EnsembleTrials.h"
#include "registry/RunStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstring>

namespace stratus::ml {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::CompletedTrialEnsembles)
};

constexpr int kFamilies = 3; // as AutoMLRun: the three strongest algorithms

QString endedHow(const Run &parent)
{
    return parent.status == RunStatus::Canceled ? QStringLiteral("canceled") : QStringLiteral("interrupted");
}

} // namespace

Status canEnsembleCompletedTrials(const Run &parent, const QList<Run> &children)
{
    // RunStore::recoverInterrupted marks an interrupted run with a best completed trial so.
    const bool interrupted = parent.status == RunStatus::Failed
                             && parent.config.value(QStringLiteral("best_reason")).toObject().value(QStringLiteral("code")).toString()
                                    == QLatin1String("interrupted");
    if (parent.status != RunStatus::Canceled && !interrupted)
        return Error{Tr::tr("Only a canceled or interrupted run builds its ensembles afterwards.")};
    const AutoMLConfig config = AutoMLConfig::fromJson(parent.config);
    if (!config.votingEnsemble && !config.stackEnsemble)
        return Error{Tr::tr("This run's settings turn the ensembles off.")};
    int completed = 0;
    for (const Run &c : children) {
        if (c.kind == QLatin1String("ensemble"))
            return Error{Tr::tr("This run has its ensembles already.")};
        completed += c.status == RunStatus::Completed ? 1 : 0;
    }
    if (completed < 2)
        return Error{Tr::tr("An ensemble needs at least two completed trials; this run has %1.").arg(completed)};
    return {};
}

Result<QString> ensembleCompletedTrials(Workspace &ws, const QString &parentRunId)
{
    RunStore store(ws);
    auto parent = store.get(parentRunId);
    if (!parent)
        return parent.error();
    auto children = store.children(parentRunId);
    if (!children)
        return children.error();
    if (Status s = canEnsembleCompletedTrials(*parent, *children); !s)
        return s.error();
    AutoMLConfig config = AutoMLConfig::fromJson(parent->config);
    config.dataset = parent->config.value(QStringLiteral("dataset_version")).toString();
    config.debugLog.clear();
    auto plan = AutoMLPlan::prepare(ws, config);
    if (!plan)
        return plan.error();
    const size_t rows = (*plan)->validated.values.size();

    // The completed trials with their out-of-fold predictions, best first.
    QList<TrialResult> board;
    int next = 0;
    for (const Run &c : std::as_const(*children)) {
        const int iteration = c.config.value(QStringLiteral("iteration")).toInt();
        next = std::max(next, iteration + 1);
        if (c.status != RunStatus::Completed)
            continue;
        auto blob = store.artifact(c.id, QStringLiteral("predictions"));
        if (!blob)
            return Error{Tr::tr("Trial %1 (%2) kept no predictions: %3").arg(c.id, c.algorithm, blob.message())};
        const size_t values = size_t(blob->size()) / sizeof(double);
        if (rows == 0 || values == 0 || values % rows != 0 || size_t(blob->size()) % sizeof(double) != 0)
            return Error{Tr::tr("Trial %1 (%2) kept predictions for other rows than its run's data prepared again.").arg(c.id, c.algorithm)};
        std::vector<double> predictions(values);
        std::memcpy(predictions.data(), blob->constData(), values * sizeof(double));
        TrialResult t;
        t.index = iteration;
        t.runId = c.id;
        t.algorithm = c.algorithm;
        t.params = c.config.value(QStringLiteral("hyperparameters")).toObject().toVariantMap();
        t.status = c.status;
        t.metrics = c.metrics;
        t.outOfFold = std::make_shared<const std::vector<double>>(std::move(predictions));
        board << t;
    }
    const QString metric = config.metric();
    std::stable_sort(board.begin(), board.end(), [&](const TrialResult &a, const TrialResult &b) {
        return signedScore(a.metrics, metric) > signedScore(b.metrics, metric);
    });

    EnsembleRequest request;
    request.child.experimentId = parent->experimentId;
    request.child.parentId = parentRunId;
    request.child.kind = QStringLiteral("ensemble");
    request.child.computeProfileId = parent->computeProfileId;
    request.child.datasetVersionId = parent->datasetVersionId;
    if (config.votingEnsemble)
        request.voting = board.mid(0, 15);
    if (config.stackEnsemble)
        request.stack = board.mid(0, 5);
    if (config.votingEnsemble) {
        QStringList seen;
        for (const TrialResult &r : std::as_const(board))
            if (request.families.size() < kFamilies && !seen.contains(r.algorithm)) {
                seen << r.algorithm;
                request.families << r;
            }
    }
    request.top = board.first();
    request.firstIndex = next;
    DebugLog log;
    log.write(QStringLiteral("building the ensembles of the %1 run from its %2 completed trials").arg(endedHow(*parent)).arg(board.size()));
    const QList<TrialResult> ensembles = buildEnsembles(ws, **plan, config, request, log);
    if (ensembles.isEmpty())
        return Error{Tr::tr("No ensemble could be built from the completed trials (the run's log says why).")};

    // The model the run hands back now.
    board << ensembles;
    std::stable_sort(board.begin(), board.end(), [&](const TrialResult &a, const TrialResult &b) {
        return signedScore(a.metrics, metric) > signedScore(b.metrics, metric);
    });
    QJsonObject reason;
    const TrialResult chosen = recommendedModel(board, &reason);
    reason.insert(QStringLiteral("ensembled_after"), endedHow(*parent));
    log.write(QStringLiteral("best: %1 (%2)").arg(chosen.runId, chosen.algorithm));
    QJsonObject settings = parent->config;
    settings.insert(QStringLiteral("best_child_run_id"), chosen.runId);
    settings.insert(QStringLiteral("best_algorithm"), chosen.algorithm);
    settings.insert(QStringLiteral("best_reason"), reason);
    if (Status s = store.setConfig(parentRunId, settings); !s)
        return s.error();
    if (Status s = store.setMetrics(parentRunId, chosen.metrics); !s)
        return s.error();
    const QByteArray before = store.artifact(parentRunId, QStringLiteral("log")).value_or(QByteArray());
    noteStored(store.putArtifact(parentRunId, QStringLiteral("log"), before + log.text(), QStringLiteral("text/plain")));
    return chosen.runId;
}

} // namespace stratus::ml
