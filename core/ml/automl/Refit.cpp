#include "ml/automl/Refit.h"

#include "ml/explain/PermutationImportance.h"
#include "ml/learners/Learners.h"
#include "ml/model/TrainedPipeline.h"

#include <QJsonArray>

namespace stratus::ml {

Result<QJsonObject> refitPipeline(const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                  const QList<TrialResult> &trials, const std::vector<size_t> &tableRows,
                                  const Labels &labels, const Featurizer &featurizer, const std::atomic<bool> &cancel)
{
    const QList<QPair<int, double>> parts = chosen.isEnsemble() ? chosen.members : QList<QPair<int, double>>{{chosen.index, 1.0}};
    // Every member learns from the same features: transform once.
    const FeatureMatrix x = featurizer.transform(plan.table, tableRows);
    const QJsonObject featurizerJson = featurizer.toJson();
    QJsonArray members;
    for (const auto &[index, weight] : parts) {
        const auto it = std::find_if(trials.cbegin(), trials.cend(), [index = index](const TrialResult &r) { return r.index == index; });
        const auto learner = makeLearner(it->algorithm, config.task);
        if (Status fits = checkMemory(plan, *learner, it->params, tableRows.size()); !fits)
            return fits.error();
        FitControl control;
        control.threads = qMax(1, plan.profile.maxConcurrent * plan.profile.threadsPerTrial);
        control.seed = config.seed + quint64(it->index);
        control.cancel = &cancel;
        auto model = learner->fit(x, labels, it->params, control);
        if (!model)
            return Error{QStringLiteral("%1: %2").arg(it->algorithm, model.message())};
        if (cancel.load())
            return Error{QStringLiteral("canceled")};
        members.append(QJsonObject{{QStringLiteral("algorithm"), it->algorithm},
                                   {QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(it->params)},
                                   {QStringLiteral("featurizer"), featurizerJson},
                                   {QStringLiteral("model"), QString::fromLatin1((*model)->serialize().toBase64())},
                                   {QStringLiteral("weight"), weight}});
    }
    QJsonObject pipeline{{QStringLiteral("algorithm"), chosen.algorithm},
                         {QStringLiteral("label"), config.label},
                         {QStringLiteral("task"), config.task == Task::Classification ? QStringLiteral("classification")
                                                                                      : QStringLiteral("regression")},
                         {QStringLiteral("label_type"), columnTypeName(plan.table.columns[size_t(plan.label)].type)},
                         {QStringLiteral("classes"), QJsonArray::fromStringList(plan.all.classNames)},
                         {QStringLiteral("columns"), QJsonArray::fromStringList(plan.datasetColumns)},
                         {QStringLiteral("members"), members}};
    if (!chosen.metaModel.isEmpty())
        pipeline.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("algorithm"), chosen.metaAlgorithm},
                                                            {QStringLiteral("model"), QString::fromLatin1(chosen.metaModel.toBase64())}});
    return pipeline;
}

Result<QJsonArray> chosenImportance(const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                    const QList<TrialResult> &trials, const std::atomic<bool> &cancel)
{
    std::vector<size_t> trainRows, evalRows;
    Labels trainLabels = plan.search.labels, evalLabels = plan.search.labels;
    trainLabels.values.clear();
    evalLabels.values.clear();
    for (size_t i = 0; i < plan.folds.size(); ++i) {
        const bool evaluated = plan.folds[i] == 0;
        (evaluated ? evalRows : trainRows).push_back(plan.search.rows[i]);
        (evaluated ? evalLabels : trainLabels).values.push_back(plan.search.labels.values[i]);
    }
    Featurizer featurizer;
    featurizer.fit(plan.table, plan.label, trainRows, config.featurizationMode());
    auto description = refitPipeline(plan, config, chosen, trials, trainRows, trainLabels, featurizer, cancel);
    if (!description)
        return description.error();
    auto pipeline = TrainedPipeline::fromJson(*description);
    if (!pipeline)
        return pipeline.error();
    QStringList columns;
    for (const DataColumn &c : plan.table.columns) {
        if (c.name != config.label)
            columns << c.name;
    }
    auto importance = permutationImportance(plan.table.rows(evalRows), evalLabels, columns,
                                            [&](const DataTable &t) { return pipeline->predict(t); }, config.metric(),
                                            config.seed);
    if (!importance)
        return importance.error();
    return toJson(*importance);
}

} // namespace stratus::ml
