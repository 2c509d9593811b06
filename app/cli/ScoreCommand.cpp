// stratus-cli score: batch scoring of a registered dataset version with a
// registered model. Every row keeps its columns and gets the prediction
// ("predicted_<label>") and, for classification, each class's probability
// ("proba_<class>"): written to --output as CSV, or else registered as a new
// version of the dataset "<dataset>-scored".
#include "CliOutput.h"
#include "ColumnProfile.h"
#include "Commands.h"
#include "DatasetStore.h"
#include "TrainedPipeline.h"
#include "Workspace.h"

#include <QSaveFile>
#include <algorithm>

namespace stratus::cli {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// The predictions as columns added to `table`.
void addPredictions(DataTable &table, const ml::TrainedPipeline &pipeline, const std::vector<double> &predicted)
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
    for (size_t r = 0; r < table.rowCount; ++r) {
        const double *row = predicted.data() + r * width;
        if (!classification) {
            label.numbers.push_back(row[0]);
            continue;
        }
        label.codes.push_back(int32_t(std::max_element(row, row + width) - row));
        for (size_t c = 0; c < width; ++c)
            probabilities[c].numbers.push_back(row[c]);
    }
    table.columns.push_back(std::move(label));
    for (DataColumn &c : probabilities)
        table.columns.push_back(std::move(c));
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
            fields << csvField(c.name.startsWith(QLatin1String("proba_")) ? QString::number(c.numbers[r], 'g', 10) : c.display(r));
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    if (!file.commit())
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace

int scoreCommand(Workspace &ws, const CliArgs &args)
{
    if (!onlyOptions(args, {QStringLiteral("model"), QStringLiteral("dataset"), QStringLiteral("output")})
        || args.positionals().size() != 1 || !args.has(QStringLiteral("model")) || !args.has(QStringLiteral("dataset")))
        return fail(QStringLiteral("usage: score --model NAME[:V] --dataset NAME[:V] [--output CSV]"), Usage);
    auto pipeline = ml::TrainedPipeline::fromModel(ws, args.value(QStringLiteral("model")));
    if (!pipeline)
        return fail(pipeline.message());
    DatasetStore datasets(ws);
    auto version = datasets.resolve(args.value(QStringLiteral("dataset")));
    if (!version)
        return fail(version.message());
    auto table = datasets.loadTable(*version);
    if (!table)
        return fail(table.message());
    auto predicted = pipeline->predict(*table);
    if (!predicted)
        return fail(QStringLiteral("dataset %1:%2: %3").arg(version->name).arg(version->version).arg(predicted.message()));
    addPredictions(*table, *pipeline, *predicted);
    const QString what = QStringLiteral("Scored %1 rows of dataset %2:%3 with model %4 (%5)")
                             .arg(table->rowCount)
                             .arg(version->name)
                             .arg(version->version)
                             .arg(args.value(QStringLiteral("model")), pipeline->algorithm());
    if (args.has(QStringLiteral("output"))) {
        if (Status s = writeCsv(*table, args.value(QStringLiteral("output"))); !s)
            return fail(s.message());
        out() << what << ": wrote " << args.value(QStringLiteral("output")) << ".\n";
        return Ok;
    }
    RegisterRequest request;
    request.name = version->name + QStringLiteral("-scored");
    request.description = QStringLiteral("Dataset %1:%2 scored by model %3").arg(version->name).arg(version->version).arg(args.value(QStringLiteral("model")));
    auto registered = datasets.registerTable(request, *table, profileTable(*table));
    if (!registered)
        return fail(registered.message());
    out() << what << ": registered dataset " << registered->version.name << ':' << registered->version.version << ".\n";
    return Ok;
}

} // namespace stratus::cli
