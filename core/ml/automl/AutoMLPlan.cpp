#include "ml/automl/AutoMLPlan.h"

#include "compute/SharedFolder.h"
#include "compute/SlurmCluster.h"
#include "data/TableFile.h"
#include "data/store/DatasetStore.h"
#include "ml/automl/LabelCheck.h"
#include "ml/featurize/ColumnPurposes.h"
#include "ml/learners/Learners.h"
#include "ml/sampling/Folds.h"
#include "registry/ComputeStore.h"
#include "registry/ExperimentStore.h"
#include "workspace/Workspace.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QThreadPool>

namespace stratus::ml {

namespace {

bool listed(const QStringList &list, const QString &name)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &n) { return n.compare(name, Qt::CaseInsensitive) == 0; });
}

LabelData pick(const LabelData &from, const std::vector<size_t> &indices)
{
    LabelData out;
    out.labels = from.labels;
    out.labels.values.clear();
    out.classNames = from.classNames;
    out.droppedMissing = from.droppedMissing;
    for (size_t i : indices) {
        out.rows.push_back(from.rows[i]);
        out.labels.values.push_back(from.labels.values[i]);
    }
    return out;
}

} // namespace

// One thread pool per compute profile, sized by its concurrent trials.
QThreadPool *computePool(const ComputeProfile &profile)
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

Result<std::shared_ptr<AutoMLPlan>> AutoMLPlan::prepare(Workspace &ws, const AutoMLConfig &config)
{
    if (Status s = config.validate(); !s)
        return s.error();
    auto version = DatasetStore(ws).resolve(config.dataset);
    if (!version)
        return version.error();
    auto profile = ComputeStore(ws).get(config.computeProfile);
    if (!profile)
        return profile.error();
    auto experiment = ExperimentStore(ws).getOrCreate(config.experiment);
    if (!experiment)
        return experiment.error();
    auto table = DatasetStore(ws).loadTable(*version);
    if (!table)
        return table.error();
    bool chosen = config.columnPurposes.contains(config.label);
    for (const DatasetColumn &c : version->columns)
        chosen = chosen || (c.name == config.label && c.profile.typeChosen);
    QString staged;
    if (profile->isSlurm()) {
        // Slurm's commands, the controller, the partition, the folder: said now rather than by every trial.
        if (Status s = slurm::check(*profile); !s)
            return Error{QStringLiteral("compute profile '%1': %2").arg(profile->name, s.message())};
        // The workers' copy, before the column purposes, once per dataset version.
        const slurm::SharedFolder folder(profile->slurm, ws.path());
        staged = folder.tablePath(QString(version->contentHash).replace(QLatin1Char(':'), QLatin1Char('-')));
        if (!QFileInfo::exists(staged)) {
            if (Status s = slurm::SharedFolder::makeWritable(QFileInfo(staged).path()); !s)
                return s.error();
            if (Status s = tablefile::write(*table, staged); !s)
                return Error{QStringLiteral("Shared folder: %1").arg(s.message())};
        }
    }
    auto plan = fromTable(std::move(*table), config, chosen, version->reference());
    if (!plan)
        return plan.error();
    (*plan)->stagedTable = staged;
    (*plan)->labelTypeChosen = chosen;
    (*plan)->profile = *profile;
    (*plan)->pool = computePool(*profile);
    (*plan)->experimentId = experiment->id;
    (*plan)->datasetVersionId = version->id;
    return plan;
}

Result<std::shared_ptr<AutoMLPlan>> AutoMLPlan::fromTable(DataTable table, const AutoMLConfig &config, bool labelTypeChosen,
                                                        const QString &datasetReference)
{
    auto plan = std::make_shared<AutoMLPlan>();
    plan->table = std::move(table);
    plan->datasetReference = datasetReference;
    for (const DataColumn &c : plan->table.columns)
        plan->datasetColumns << c.name;
    QMap<QString, QString> purposes = config.columnPurposes;
    for (const QString &c : labelPredictionColumns(plan->datasetColumns, config.label))
        if (!purposes.contains(c)) {
            purposes.insert(c, QStringLiteral("ignore"));
            plan->predictionColumns << c;
        }
    if (Status s = applyColumnPurposes(plan->table, purposes); !s)
        return s.error();
    plan->label = plan->table.indexOf(config.label);
    if (plan->label < 0)
        return Error{QStringLiteral("label: dataset %1 has no column '%2'").arg(datasetReference, config.label)};
    if (Status s = checkLabel(plan->table, plan->label, config.task, labelTypeChosen); !s)
        return Error{QStringLiteral("label: %1").arg(s.message())};
    auto data = labelData(plan->table, plan->label, config.task);
    if (!data)
        return data.error();
    plan->all = std::move(*data);
    const bool classification = config.task == Task::Classification;
    auto classesOf = [classification](const LabelData &d) {
        return classification ? std::vector<int>(d.labels.values.begin(), d.labels.values.end())
                              : std::vector<int>(d.labels.values.size(), 0);
    };
    const size_t rows = plan->all.rows.size();
    QString sampled;
    if (rows > kSearchRows) {
        plan->search = pick(plan->all, subsampleRows(classesOf(plan->all), kSearchRows, config.seed));
        sampled = QStringLiteral(" (a sample of %1 of the %2 rows; the best model is refitted on all of them)")
                      .arg(plan->search.rows.size())
                      .arg(rows);
    } else {
        plan->search = plan->all;
    }
    const size_t searchRows = plan->search.rows.size();
    const double fraction = config.validationFraction > 0 ? config.validationFraction
                            : (config.crossValidations == 0 && defaultFoldCount(rows) == 0) ? 0.1 : 0.0;
    if (fraction > 0) {
        plan->folds = holdoutFolds(classesOf(plan->search), fraction, config.seed);
        plan->validation = QStringLiteral("%1% of %2 rows held out for validation%3")
                               .arg(fraction * 100, 0, 'g', 3)
                               .arg(searchRows)
                               .arg(sampled);
    } else {
        plan->foldCount = config.crossValidations > 0 ? config.crossValidations : defaultFoldCount(rows);
        if (searchRows < size_t(plan->foldCount))
            return Error{QStringLiteral("%1 rows are too few for %2-fold cross-validation").arg(searchRows).arg(plan->foldCount)};
        plan->folds = classification ? stratifiedFolds(classesOf(plan->search), plan->foldCount, config.seed)
                                     : kFolds(searchRows, plan->foldCount, config.seed);
        plan->validation = QStringLiteral("%1-fold %2cross-validation over %3 rows%4")
                               .arg(plan->foldCount)
                               .arg(classification ? QStringLiteral("stratified ") : QString())
                               .arg(searchRows)
                               .arg(sampled);
    }
    plan->validationDetail = {{QStringLiteral("folds"), plan->foldCount},
                              {QStringLiteral("fraction"), fraction},
                              {QStringLiteral("stratified"), classification},
                              {QStringLiteral("rows"), qint64(searchRows)},
                              {QStringLiteral("all_rows"), qint64(rows)}};
    plan->validated = validatedLabels(plan->search, plan->folds);
    plan->trainedRows = size_t(std::count_if(plan->folds.begin(), plan->folds.end(), [](int f) { return f != 0; }));

    QStringList unsuited;
    for (const QString &name : learnerNames(config.task)) {
        if ((!config.allowedAlgorithms.isEmpty() && !listed(config.allowedAlgorithms, name))
            || listed(config.blockedAlgorithms, name) || (config.onnxCompatible && !exportsToOnnx(name)))
            continue;
        if (makeLearner(name, config.task)->maxRows() < searchRows)
            unsuited << name;
        else
            plan->learners << name;
    }
    if (plan->learners.isEmpty())
        return Error{QStringLiteral("allowed/blocked algorithms%3 leave no algorithm (available: %1%2)")
                         .arg(learnerNames(config.task).join(QStringLiteral(", ")),
                              unsuited.isEmpty() ? QString()
                                                 : QStringLiteral("; too many rows for %1").arg(unsuited.join(QStringLiteral(", "))),
                              config.onnxCompatible ? QStringLiteral(" and ONNX compatibility") : QString())};
    plan->allRows.fit(plan->table, plan->label, plan->all.rows, config.featurizationMode());
    return plan;
}

} // namespace stratus::ml
