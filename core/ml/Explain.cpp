#include "Explain.h"

#include "Refit.h"
#include "RunStore.h"

#include <QJsonDocument>

namespace stratus::ml {

namespace {

TrialResult trialOf(const Run &run)
{
    TrialResult t;
    t.index = run.config.value(QStringLiteral("iteration")).toInt();
    t.runId = run.id;
    t.algorithm = run.algorithm;
    t.params = run.config.value(QStringLiteral("hyperparameters")).toObject().toVariantMap();
    t.status = run.status;
    t.metrics = run.metrics;
    return t;
}

} // namespace

Result<QJsonArray> explainChildRun(Workspace &ws, const QString &childRunId)
{
    RunStore store(ws);
    auto child = store.get(childRunId);
    if (!child)
        return child.error();
    if (child->parentId.isEmpty())
        return Error{QStringLiteral("run '%1' is an AutoML run: explain one of its child runs").arg(childRunId)};
    if (child->status != RunStatus::Completed)
        return Error{QStringLiteral("run '%1' did not complete (%2): there is no model to explain")
                         .arg(childRunId, runStatusName(child->status))};
    auto parent = store.get(child->parentId);
    if (!parent)
        return parent.error();
    AutoMLConfig config = AutoMLConfig::fromJson(parent->config);
    config.dataset = parent->config.value(QStringLiteral("dataset_version")).toString();
    config.debugLog.clear();
    auto plan = AutoMLPlan::prepare(ws, config);
    if (!plan)
        return plan.error();
    TrialResult chosen = trialOf(*child);
    QList<TrialResult> trials{chosen};
    for (const QJsonValue &m : child->config.value(QStringLiteral("ensemble_members")).toArray()) {
        auto member = store.get(m.toObject().value(QStringLiteral("run_id")).toString());
        if (!member)
            return member.error();
        trials << trialOf(*member);
        chosen.members.append({trials.last().index, m.toObject().value(QStringLiteral("weight")).toDouble(1.0)});
    }
    if (child->algorithm == QLatin1String("StackEnsemble")) {
        auto meta = store.artifact(childRunId, QStringLiteral("meta_model"));
        if (!meta)
            return Error{QStringLiteral("run '%1' has no stored meta-learner").arg(childRunId)};
        chosen.metaModel = *meta;
        chosen.metaAlgorithm = child->config.value(QStringLiteral("meta_learner")).toObject().value(QStringLiteral("algorithm")).toString();
    }
    trials.first() = chosen;
    std::atomic<bool> never{false};
    auto importance = chosenImportance(**plan, config, chosen, trials, never);
    if (!importance)
        return importance.error();
    if (Status s = store.putArtifact(childRunId, QStringLiteral("importance"), QJsonDocument(*importance).toJson(QJsonDocument::Compact)); !s)
        return s.error();
    return *importance;
}

} // namespace stratus::ml
