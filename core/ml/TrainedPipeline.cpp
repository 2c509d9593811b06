#include "TrainedPipeline.h"

#include "Learners.h"
#include "RunStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <numeric>

namespace stratus::ml {

Result<TrainedPipeline> TrainedPipeline::fromRun(Workspace &workspace, const QString &runId)
{
    RunStore store(workspace);
    auto run = store.get(runId);
    if (!run)
        return run.error();
    QString id = runId;
    if (run->parentId.isEmpty()) {
        id = run->config.value(QStringLiteral("best_child_run_id")).toString();
        if (id.isEmpty())
            return Error{QStringLiteral("run '%1' has no best model (its status is %2)").arg(runId, runStatusName(run->status))};
    }
    auto pipeline = store.artifact(id, QStringLiteral("pipeline"));
    auto bytes = store.artifact(id, QStringLiteral("model"));
    if (!pipeline || !bytes)
        return Error{QStringLiteral("run '%1' has no stored model (only the best trial of a run keeps one)").arg(id)};
    const QJsonObject description = QJsonDocument::fromJson(*pipeline).object();
    TrainedPipeline p;
    p.m_runId = id;
    p.m_algorithm = description.value(QStringLiteral("algorithm")).toString();
    p.m_label = description.value(QStringLiteral("label")).toString();
    for (const QJsonValue &c : description.value(QStringLiteral("classes")).toArray())
        p.m_classes << c.toString();
    p.m_featurizer = Featurizer::fromJson(description.value(QStringLiteral("featurizer")).toObject());
    auto model = loadModel(p.m_algorithm, *bytes);
    if (!model)
        return model.error();
    p.m_model = std::move(*model);
    return p;
}

Result<DataTable> TrainedPipeline::readInput(const QString &path) const
{
    auto first = readCsv(path);
    if (!first)
        return first.error();
    CsvReadOptions options;
    for (const auto &[name, type] : m_featurizer.inputColumns()) {
        if (first->allColumns.contains(name) && first->table.columns[size_t(first->table.indexOf(name))].type != type)
            options.columns[name].type = type;
    }
    if (options.columns.isEmpty())
        return std::move(first->table);
    auto typed = readCsv(path, options);
    if (!typed)
        return typed.error();
    return std::move(typed->table);
}

Result<std::vector<double>> TrainedPipeline::predict(const DataTable &table) const
{
    auto bound = m_featurizer.boundTo(table);
    if (!bound)
        return bound.error();
    std::vector<size_t> rows(table.rowCount);
    std::iota(rows.begin(), rows.end(), 0);
    return m_model->predict(bound->transform(table, rows));
}

} // namespace stratus::ml
