#include "ml/model/TrainedPipeline.h"

#include "ml/ensembles/StackEnsemble.h"
#include "ml/learners/Learners.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <numeric>

namespace stratus::ml {

Result<TrainedPipeline> TrainedPipeline::fromRun(Workspace &workspace, const QString &runId)
{
    auto stored = RunStore(workspace).storedModel(runId);
    if (!stored)
        return stored.error();
    return fromJson(stored->pipeline, stored->runId);
}

Result<TrainedPipeline> TrainedPipeline::fromModel(Workspace &workspace, const QString &reference)
{
    auto found = ModelStore(workspace).resolveWithPipeline(reference);
    if (!found)
        return found.error();
    return fromJson(found->pipeline, found->version.runId);
}

Result<TrainedPipeline> TrainedPipeline::fromJson(const QJsonObject &description, const QString &id)
{
    if (description.value(QStringLiteral("task")).toString() == QLatin1String("forecasting"))
        return Error{QStringLiteral("%1 is a forecasting model: it forecasts future periods from its series' history "
                                    "(stratus-cli forecast), it does not predict rows on their own")
                         .arg(id.isEmpty() ? QStringLiteral("the model") : QStringLiteral("run '%1'").arg(id))};
    TrainedPipeline p;
    p.m_runId = id;
    p.m_algorithm = description.value(QStringLiteral("algorithm")).toString();
    p.m_label = description.value(QStringLiteral("label")).toString();
    p.m_regression = description.value(QStringLiteral("task")).toString() == QLatin1String("regression");
    p.m_labelType = columnTypeFromName(description.value(QStringLiteral("label_type")).toString());
    for (const QJsonValue &c : description.value(QStringLiteral("classes")).toArray())
        p.m_classes << c.toString();
    for (const QJsonValue &v : description.value(QStringLiteral("members")).toArray()) {
        const QJsonObject o = v.toObject();
        Member m;
        m.algorithm = o.value(QStringLiteral("algorithm")).toString();
        m.weight = o.value(QStringLiteral("weight")).toDouble(1.0);
        m.featurizer = Featurizer::fromJson(o.value(QStringLiteral("featurizer")).toObject());
        auto model = loadModel(m.algorithm, QByteArray::fromBase64(o.value(QStringLiteral("model")).toString().toLatin1()));
        if (!model)
            return model.error();
        m.model = std::move(*model);
        p.m_members << m;
    }
    if (p.m_members.isEmpty())
        return Error{QStringLiteral("the stored pipeline of run '%1' has no model").arg(id)};
    // The input schema: the columns every member reads; the other columns of
    // the training data (or, for an older pipeline, those the featurizer
    // looked at) and the label are accepted unused.
    QStringList known;
    for (const QJsonValue &c : description.value(QStringLiteral("columns")).toArray())
        known << c.toString();
    for (const Member &m : std::as_const(p.m_members)) {
        for (const ColumnSpec &c : m.featurizer.inputSpecs()) {
            if (p.m_schema.indexOf(c.name) < 0)
                p.m_schema.columns << c;
        }
        known << m.featurizer.consideredColumns();
    }
    known << p.m_label;
    for (const QString &name : std::as_const(known)) {
        if (!name.isEmpty() && p.m_schema.indexOf(name) < 0 && !p.m_schema.unused.contains(name))
            p.m_schema.unused << name;
    }
    if (description.contains(QStringLiteral("meta"))) {
        const QJsonObject meta = description.value(QStringLiteral("meta")).toObject();
        auto model = loadModel(meta.value(QStringLiteral("algorithm")).toString(),
                               QByteArray::fromBase64(meta.value(QStringLiteral("model")).toString().toLatin1()));
        if (!model)
            return model.error();
        p.m_meta = std::move(*model);
    }
    return p;
}

QList<QPair<QString, ColumnType>> TrainedPipeline::inputColumns() const
{
    QList<QPair<QString, ColumnType>> columns;
    QSet<QString> seen;
    for (const Member &m : m_members)
        for (const auto &column : m.featurizer.inputColumns())
            if (!seen.contains(column.first)) {
                seen.insert(column.first);
                columns << column;
            }
    return columns;
}

QJsonObject TrainedPipeline::sampleRow() const
{
    QJsonObject row;
    for (const Member &m : m_members) {
        const QJsonObject r = m.featurizer.sampleRow();
        for (auto it = r.begin(); it != r.end(); ++it)
            if (!row.contains(it.key()))
                row.insert(it.key(), it.value());
    }
    return row;
}

Result<DataTable> TrainedPipeline::readCsvInput(const std::function<Result<CsvReadResult>(const CsvReadOptions &)> &read) const
{
    // The header first, to bind its columns to the schema's.
    CsvReadOptions head;
    head.maxRows = 1;
    auto first = read(head);
    if (!first)
        return first.error();
    if (auto bound = m_schema.bind(first->allColumns); !bound)
        return Error{QStringLiteral("%1: %2").arg(first->sourceName, bound.message())};
    CsvReadOptions options;
    for (const QString &name : std::as_const(first->allColumns)) {
        const int index = m_schema.indexOf(name);
        if (index < 0) {
            options.columns[name].ignored = true;
            continue;
        }
        const ColumnSpec &spec = m_schema.columns[index];
        // Integer columns take any number (the learners see doubles).
        options.columns[name].type = spec.type == ColumnType::Integer ? ColumnType::Decimal : spec.type;
        options.columns[name].spelling = spec.spelling;
    }
    auto typed = read(options);
    if (!typed)
        return typed.error();
    // The schema's columns, in its order.
    DataTable table;
    table.rowCount = typed->table.rowCount;
    table.sourceLines = std::move(typed->table.sourceLines);
    for (const ColumnSpec &c : m_schema.columns)
        table.columns.push_back(std::move(typed->table.columns[size_t(typed->table.indexOf(c.name))]));
    return table;
}

Result<DataTable> TrainedPipeline::readInput(const QString &path) const
{
    return readCsvInput([&](const CsvReadOptions &options) { return readCsv(path, options); });
}

Result<DataTable> TrainedPipeline::readInputData(const QByteArray &csv, const QString &name) const
{
    return readCsvInput([&](const CsvReadOptions &options) { return readCsvData(csv, name, options); });
}

Result<std::vector<double>> TrainedPipeline::predict(const DataTable &table) const
{
    std::vector<size_t> rows(table.rowCount);
    std::iota(rows.begin(), rows.end(), 0);
    std::vector<double> total;
    std::vector<std::vector<double>> each;
    for (const Member &m : m_members) {
        auto bound = m.featurizer.boundTo(table);
        if (!bound)
            return bound.error();
        const std::vector<double> p = m.model->predict(bound->transform(table, rows));
        if (m_meta)
            each.push_back(p);
        if (total.empty())
            total.assign(p.size(), 0.0);
        if (p.size() != total.size())
            return Error{QStringLiteral("%1 predicted %2 values, not %3").arg(m.algorithm).arg(p.size()).arg(total.size())};
        for (size_t i = 0; i < p.size(); ++i)
            total[i] += m.weight * p[i];
    }
    if (m_meta) {
        std::vector<const std::vector<double> *> inputs;
        for (const std::vector<double> &p : each)
            inputs.push_back(&p);
        return m_meta->predict(stackFeatures(inputs, m_regression ? 0 : int(m_classes.size()), table.rowCount));
    }
    return total;
}

} // namespace stratus::ml
