#include "CliOutput.h"
#include "Commands.h"
#include "export/BatchScoring.h"
#include "export/ModelPackage.h"
#include "ml/model/TrainedPipeline.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSaveFile>
#include <cmath>

namespace stratus::cli {

using batch::csvField;

namespace {

const char *kUsage = "usage: predict (--run RUN_ID | --model NAME[:V] | --package FILE) --input FILE --output FILE [--proba]";

bool usageOk(const CliArgs &args)
{
    const QStringList allowed = {QStringLiteral("run"), QStringLiteral("model"), QStringLiteral("package"), QStringLiteral("input"),
                                 QStringLiteral("output"), QStringLiteral("proba")};
    const int sources = int(args.has(QStringLiteral("run"))) + int(args.has(QStringLiteral("model"))) + int(args.has(QStringLiteral("package")));
    return onlyOptions(args, allowed) && args.positionals().size() == 1 && args.has(QStringLiteral("input"))
           && args.has(QStringLiteral("output")) && sources == 1;
}

// Predicts every row of --input and writes --output: the predicted label
// (and with --proba each class's probability) per row.
int writePredictions(const ml::TrainedPipeline &pipeline, const CliArgs &args, const QString &what)
{
    auto table = pipeline.readInput(args.value(QStringLiteral("input")));
    if (!table)
        return fail(table.message());
    auto predicted = pipeline.predict(*table);
    if (!predicted)
        return fail(QStringLiteral("%1: %2").arg(args.value(QStringLiteral("input")), predicted.message()));

    const bool proba = args.flag(QStringLiteral("proba"));
    const bool classification = pipeline.task() == ml::Task::Classification;
    const QStringList &classes = pipeline.classes();
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    QStringList header{csvField(pipeline.label())};
    if (classification && proba) {
        for (const QString &c : classes)
            header << csvField(QStringLiteral("proba_") + c);
    }
    file.write(header.join(QLatin1Char(',')).toUtf8() + '\n');
    const size_t width = classification ? size_t(classes.size()) : 1;
    for (size_t r = 0; r < table->rowCount; ++r) {
        const double *row = predicted->data() + r * width;
        QStringList fields;
        if (classification) {
            const size_t best = size_t(std::max_element(row, row + width) - row);
            fields << csvField(classes[qsizetype(best)]);
            if (proba) {
                for (size_t c = 0; c < width; ++c)
                    fields << formatDecimal(row[c]);
            }
        } else {
            fields << formatDecimal(row[0]); // the shortest text of the double, as score and /score give it
        }
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    if (!file.commit())
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    out() << QStringLiteral("Wrote %1 predictions of %2 (%3) to %4.")
                 .arg(table->rowCount)
                 .arg(what, pipeline.algorithm(), args.value(QStringLiteral("output")))
          << '\n';
    return Ok;
}

} // namespace

int predictCommand(Workspace &ws, const CliArgs &args)
{
    if (!usageOk(args) || args.has(QStringLiteral("package")))
        return fail(QString::fromLatin1(kUsage), Usage);
    const bool byModel = args.has(QStringLiteral("model"));
    auto pipeline = byModel ? ml::TrainedPipeline::fromModel(ws, args.value(QStringLiteral("model")))
                            : ml::TrainedPipeline::fromRun(ws, args.value(QStringLiteral("run")));
    if (!pipeline)
        return fail(pipeline.message());
    return writePredictions(*pipeline, args,
                            byModel ? QStringLiteral("model ") + args.value(QStringLiteral("model"))
                                    : QStringLiteral("run ") + pipeline->runId());
}

int predictPackageCommand(const CliArgs &args)
{
    if (!usageOk(args) || !args.has(QStringLiteral("package")))
        return fail(QString::fromLatin1(kUsage), Usage);
    auto package = package::read(args.value(QStringLiteral("package")));
    if (!package)
        return fail(package.message());
    if (!package->fitted)
        return fail(QStringLiteral("%1: a forecasting model forecasts future periods from its series' history; use stratus-cli forecast --package")
                        .arg(args.value(QStringLiteral("package"))));
    return writePredictions(*package->fitted, args, QStringLiteral("package %1 (%2:%3)").arg(args.value(QStringLiteral("package")), package->name).arg(package->version));
}

} // namespace stratus::cli
