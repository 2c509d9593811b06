#include "ml/automl/ChildRunModels.h"

#include "ml/automl/ForecastingRun.h"

#include "ml/automl/Refit.h"
#include "registry/RunStore.h"

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

struct ChildContext {
    std::shared_ptr<AutoMLPlan> plan;
    AutoMLConfig config;
    TrialResult chosen;
    QList<TrialResult> trials; // the chosen one first, then an ensemble's members
};

// The child's run prepared again from its parent's stored configuration.
Result<ChildContext> loadChild(Workspace &ws, const QString &childRunId, const char *purpose)
{
    RunStore store(ws);
    auto child = store.get(childRunId);
    if (!child)
        return child.error();
    if (child->parentId.isEmpty())
        return Error{QStringLiteral("run '%1' is an AutoML run: %2 one of its child runs").arg(childRunId, QLatin1String(purpose))};
    if (child->status != RunStatus::Completed)
        return Error{QStringLiteral("run '%1' did not complete (%2): there is no model to %3")
                         .arg(childRunId, runStatusName(child->status), QLatin1String(purpose))};
    auto parent = store.get(child->parentId);
    if (!parent)
        return parent.error();
    ChildContext c;
    c.config = AutoMLConfig::fromJson(parent->config);
    c.config.dataset = parent->config.value(QStringLiteral("dataset_version")).toString();
    c.config.debugLog.clear();
    auto plan = AutoMLPlan::prepare(ws, c.config);
    if (!plan)
        return plan.error();
    c.plan = *plan;
    TrialResult chosen = trialOf(*child);
    c.trials = {chosen};
    for (const QJsonValue &m : child->config.value(QStringLiteral("ensemble_members")).toArray()) {
        auto member = store.get(m.toObject().value(QStringLiteral("run_id")).toString());
        if (!member)
            return member.error();
        c.trials << trialOf(*member);
        chosen.members.append({c.trials.last().index, m.toObject().value(QStringLiteral("weight")).toDouble(1.0)});
    }
    if (child->algorithm == QLatin1String("StackEnsemble")) {
        auto meta = store.artifact(childRunId, QStringLiteral("meta_model"));
        if (!meta)
            return Error{QStringLiteral("run '%1' has no stored meta-learner").arg(childRunId)};
        chosen.metaModel = *meta;
        chosen.metaAlgorithm = child->config.value(QStringLiteral("meta_learner")).toObject().value(QStringLiteral("algorithm")).toString();
    }
    c.trials.first() = chosen;
    c.chosen = chosen;
    return c;
}

} // namespace

Result<QJsonArray> explainChildRun(Workspace &ws, const QString &childRunId)
{
    auto c = loadChild(ws, childRunId, "explain");
    if (!c)
        return c.error();
    std::atomic<bool> never{false};
    auto importance = chosenImportance(*c->plan, c->config, c->chosen, c->trials, never);
    if (!importance)
        return importance.error();
    if (Status s = RunStore(ws).putArtifact(childRunId, QStringLiteral("importance"), QJsonDocument(*importance).toJson(QJsonDocument::Compact)); !s)
        return s.error();
    return *importance;
}

Status refitChildRun(Workspace &ws, const QString &childRunId)
{
    RunStore store(ws);
    if (store.artifact(childRunId, QStringLiteral("pipeline")))
        return {};
    if (auto child = store.get(childRunId); child && !child->parentId.isEmpty())
        if (auto parent = store.get(child->parentId); parent && forecasting::ForecastingRun::isForecastingRun(parent->config))
            return forecasting::storeChildModel(ws, *parent, *child);
    auto c = loadChild(ws, childRunId, "refit");
    if (!c)
        return c.error();
    std::atomic<bool> never{false};
    auto pipeline = refitPipeline(*c->plan, c->config, c->chosen, c->trials, c->plan->all.rows, c->plan->all.labels,
                                  c->plan->allRows, never);
    if (!pipeline)
        return pipeline.error();
    return store.putArtifact(childRunId, QStringLiteral("pipeline"), QJsonDocument(*pipeline).toJson(QJsonDocument::Compact));
}

} // namespace stratus::ml
