// stratus-cli score: batch scoring of a registered dataset version with a
// registered model (export/BatchScoring.h): every row keeps its columns and gets
// the prediction and the class probabilities, written to --output as CSV,
// or else registered as a new version of the dataset "<dataset>-scored".
#include "CliOutput.h"
#include "Commands.h"
#include "export/BatchScoring.h"
#include "workspace/Workspace.h"

namespace stratus::cli {

int scoreCommand(Workspace &ws, const CliArgs &args)
{
    if (!onlyOptions(args, {QStringLiteral("model"), QStringLiteral("dataset"), QStringLiteral("output"), QStringLiteral("compute"),
                            QStringLiteral("chunks")})
        || args.positionals().size() != 1 || !args.has(QStringLiteral("model")) || !args.has(QStringLiteral("dataset")))
        return fail(QStringLiteral("usage: score --model NAME[:V] --dataset NAME[:V] [--output CSV] [--compute PROFILE [--chunks N]]"), Usage);
    ScoreRequest request;
    request.model = args.value(QStringLiteral("model"));
    request.dataset = args.value(QStringLiteral("dataset"));
    request.outputCsv = args.value(QStringLiteral("output"));
    request.registerDataset = request.outputCsv.isEmpty();
    request.compute = args.value(QStringLiteral("compute"));
    if (args.has(QStringLiteral("chunks"))) {
        QString error;
        const auto chunks = args.integer(QStringLiteral("chunks"), &error);
        if (!chunks || *chunks < 1)
            return fail(chunks ? QStringLiteral("--chunks must be at least 1") : error, Usage);
        request.chunks = *chunks;
    }
    auto result = batch::run(ws, request);
    if (!result)
        return fail(result.message());
    out() << QStringLiteral("Scored %1 rows of dataset %2 with model %3 (%4)%5: ")
                 .arg(result->rows)
                 .arg(request.dataset, request.model, result->algorithm,
                      result->chunks > 0 ? QStringLiteral(" on Slurm profile %1, chunks: %2%3")
                                               .arg(request.compute)
                                               .arg(result->chunks)
                                               .arg(request.chunks > result->chunks ? QStringLiteral(" (at most one per 1,000 rows)") : QString())
                                         : QString())
          << (result->registered.isEmpty() ? QStringLiteral("wrote %1.").arg(request.outputCsv)
                                           : QStringLiteral("registered dataset %1.").arg(result->registered))
          << '\n';
    return Ok;
}

} // namespace stratus::cli
