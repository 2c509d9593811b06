#include "export/BatchScoring.h"

#include "export/SlurmScoring.h"
#include "registry/ComputeStore.h"
#include "registry/ModelStore.h"

#include "data/profile/ColumnProfile.h"
#include "data/store/DatasetStore.h"
#include "ml/model/TrainedPipeline.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <algorithm>

namespace stratus {

namespace {

constexpr size_t kChunkRows = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("stratus::batch", text);
}

} // namespace

namespace batch {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Result<DataTable> score(const ml::TrainedPipeline &pipeline, DataTable table, const TaskControl &control)
{
    const bool classification = pipeline.task() == ml::Task::Classification;
    const QStringList &classes = pipeline.classes();
    const size_t width = classification ? size_t(classes.size()) : 1;
    DataColumn label;
    label.name = QStringLiteral("predicted_") + pipeline.label();
    if (classification) {
        label.type = ColumnType::Categorical;
        for (const QString &c : classes)
            label.dictionary.push_back(c.toStdString());
    }
    std::vector<DataColumn> probabilities(classification ? width : 0);
    for (size_t c = 0; c < probabilities.size(); ++c) {
        probabilities[c].name = QStringLiteral("proba_") + classes[qsizetype(c)];
        probabilities[c].type = ColumnType::Decimal;
    }
    for (size_t from = 0; from < table.rowCount; from += kChunkRows) {
        if (control.canceled())
            return Error{tr("Canceled.")};
        const size_t to = std::min(table.rowCount, from + kChunkRows);
        // The rows as the model's input, by the same rules as every scoring path.
        auto input = conformTable(from == 0 && to == table.rowCount ? table : table.slice(from, to), pipeline.inputSchema());
        if (!input)
            return input.error();
        auto predicted = pipeline.predict(*input);
        if (!predicted)
            return Error{tr("rows %1 to %2: %3").arg(from + 1).arg(to).arg(predicted.message())};
        for (size_t r = 0; r < to - from; ++r) {
            const double *row = predicted->data() + r * width;
            if (!classification) {
                label.numbers.push_back(row[0]);
                continue;
            }
            label.codes.push_back(int32_t(std::max_element(row, row + width) - row));
            for (size_t c = 0; c < width; ++c)
                probabilities[c].numbers.push_back(row[c]);
        }
        control.report(double(to) / double(table.rowCount));
    }
    table.columns.push_back(std::move(label));
    for (DataColumn &c : probabilities)
        table.columns.push_back(std::move(c));
    return table;
}

Status writeCsv(const DataTable &table, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    QStringList header;
    for (const DataColumn &c : table.columns)
        header << csvField(c.name);
    file.write(header.join(QLatin1Char(',')).toUtf8() + '\n');
    for (size_t r = 0; r < table.rowCount; ++r) {
        QStringList fields;
        for (const DataColumn &c : table.columns)
            fields << csvField(c.display(r)); // every column as written; decimals (the scores too) as their shortest exact text
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    if (!file.commit())
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    return {};
}

Result<ScoreResult> run(Workspace &ws, const ScoreRequest &request, const TaskControl &control)
{
    if (request.outputCsv.isEmpty() && !request.registerDataset)
        return Error{tr("Choose where the scores go: a CSV file, a new dataset version, or both.")};
    // The model's stored pipeline, read once: built here, and sent as it is to Slurm's jobs.
    auto described = ModelStore(ws).resolveWithPipeline(request.model);
    if (!described)
        return described.error();
    auto pipeline = ml::TrainedPipeline::fromJson(described->pipeline, described->version.runId);
    if (!pipeline)
        return pipeline.error();
    std::optional<ComputeProfile> profile;
    if (!request.compute.isEmpty()) {
        auto found = ComputeStore(ws).get(request.compute);
        if (!found)
            return found.error();
        if (found->isSlurm())
            profile = *found;
    }
    if (request.chunks > 0 && !profile)
        return Error{tr("Chunks are for a Slurm profile (the jobs that score them); %1 scores on this machine.")
                         .arg(request.compute.isEmpty() ? tr("without a compute profile, Stratus") : QStringLiteral("'%1'").arg(request.compute))};
    DatasetStore datasets(ws);
    auto version = datasets.resolve(request.dataset);
    if (!version)
        return version.error();
    TaskControl loading{[&control](double f) { control.report(0.2 * f); }, control.cancel};
    auto table = datasets.loadTable(*version, loading);
    if (!table)
        return table.error();
    TaskControl scoring{[&control](double f) { control.report(0.2 + 0.7 * f); }, control.cancel};
    Result<DataTable> scored = Error{};
    int chunks = 0;
    if (profile) {
        scored = scoreOnSlurm(ws.path(), *profile, described->pipeline, std::move(*table), request.chunks, scoring, &chunks);
    } else {
        scored = score(*pipeline, std::move(*table), scoring);
    }
    if (!scored)
        return Error{tr("dataset %1:%2, %3").arg(version->name).arg(version->version).arg(scored.message())};
    ScoreResult result;
    result.rows = qint64(scored->rowCount);
    result.algorithm = pipeline->algorithm();
    result.chunks = chunks;
    if (control.canceled())
        return Error{tr("Canceled.")};
    if (request.registerDataset) {
        RegisterRequest r;
        r.name = version->name + QStringLiteral("-scored");
        r.description = tr("Dataset %1:%2 scored by model %3").arg(version->name).arg(version->version).arg(request.model);
        auto registered = datasets.registerTable(r, *scored, profileTable(*scored), control);
        if (!registered)
            return registered.error();
        result.registered = QStringLiteral("%1:%2").arg(registered->version.name).arg(registered->version.version);
    }
    if (!request.outputCsv.isEmpty())
        if (Status s = writeCsv(*scored, request.outputCsv); !s)
            return Error{result.registered.isEmpty() ? s.message()
                                                     : tr("%1 (the scores were registered as dataset %2)").arg(s.message(), result.registered)};
    control.report(1.0);
    return result;
}

} // namespace batch

ScoreJob::ScoreJob(Workspace &workspace, ScoreRequest request, QObject *parent)
    : BackgroundJob(parent), m_ws(workspace), m_request(std::move(request))
{
}

void ScoreJob::start()
{
    run([ws = &m_ws, request = m_request, out = m_result](const TaskControl &control) { *out = batch::run(*ws, request, control); });
}

} // namespace stratus
