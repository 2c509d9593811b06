#include "CliOutput.h"
#include "Commands.h"
#include "TrainedPipeline.h"
#include "Workspace.h"

#include <QFile>
#include <QSaveFile>
#include <cmath>

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

} // namespace

int predictCommand(Workspace &ws, const CliArgs &args)
{
    const QStringList allowed = {QStringLiteral("run"), QStringLiteral("model"), QStringLiteral("input"),
                                 QStringLiteral("output"), QStringLiteral("proba")};
    if (!onlyOptions(args, allowed) || args.positionals().size() != 1 || !args.has(QStringLiteral("input"))
        || !args.has(QStringLiteral("output")) || args.has(QStringLiteral("run")) == args.has(QStringLiteral("model")))
        return fail(QStringLiteral("usage: predict (--run RUN_ID | --model NAME[:V]) --input FILE --output FILE [--proba]"),
                    Usage);
    const bool byModel = args.has(QStringLiteral("model"));
    auto pipeline = byModel ? ml::TrainedPipeline::fromModel(ws, args.value(QStringLiteral("model")))
                            : ml::TrainedPipeline::fromRun(ws, args.value(QStringLiteral("run")));
    if (!pipeline)
        return fail(pipeline.message());
    auto table = pipeline->readInput(args.value(QStringLiteral("input")));
    if (!table)
        return fail(table.message());
    auto predicted = pipeline->predict(*table);
    if (!predicted)
        return fail(QStringLiteral("%1: %2").arg(args.value(QStringLiteral("input")), predicted.message()));

    const bool proba = args.flag(QStringLiteral("proba"));
    const bool classification = pipeline->task() == ml::Task::Classification;
    const QStringList &classes = pipeline->classes();
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    QStringList header{csvField(pipeline->label())};
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
                    fields << QString::number(row[c], 'g', 10);
            }
        } else {
            fields << QString::number(row[0], 'g', 10);
        }
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    if (!file.commit())
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    out() << QStringLiteral("Wrote %1 predictions of %2 (%3) to %4.")
                 .arg(table->rowCount)
                 .arg(byModel ? QStringLiteral("model ") + args.value(QStringLiteral("model")) : QStringLiteral("run ") + pipeline->runId(),
                      pipeline->algorithm(), args.value(QStringLiteral("output")))
          << '\n';
    return Ok;
}

} // namespace stratus::cli
