// What one request costs without HTTP: Scorer::score on the lesson's
// single-row request, on one thread, for a registered model of a workspace.
// Prints microseconds per request and the resident memory before and after
// (a leak shows as growth proportional to the calls).
//   build/release/bench/bench_scorer WORKSPACE MODEL[:V] [CALLS]
#include "common/ProcessMemory.h"
#include "serve/Scorer.h"
#include <QJsonDocument>
#include "ml/model/TrainedPipeline.h"
#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>

using namespace stratus;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_scorer WORKSPACE MODEL[:V] [CALLS]\n");
        return 2;
    }
    auto ws = openWorkspace(args.at(1));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.message()));
        return 1;
    }
    auto pipeline = ml::TrainedPipeline::fromModel(**ws, args.at(2));
    if (!pipeline) {
        std::fprintf(stderr, "%s\n", qPrintable(pipeline.message()));
        return 1;
    }
    const serve::Scorer scorer(std::make_shared<const ml::TrainedPipeline>(std::move(*pipeline)));
    const QByteArray body = QJsonDocument(scorer.sampleRequest()).toJson(QJsonDocument::Compact);
    const int calls = args.size() > 3 ? args.at(3).toInt() : 200000;
    for (int i = 0; i < 1000; ++i) // warm-up
        scorer.score(serve::Scorer::Route::Score, body, "application/json");
    const double before = residentMegabytes();
    QElapsedTimer timer;
    timer.start();
    int failures = 0;
    for (int i = 0; i < calls; ++i)
        failures += scorer.score(serve::Scorer::Route::Score, body, "application/json").status != 200;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%s (%s): %d requests in %.2f s, %.1f us each, %d failed; RSS %.1f MB -> %.1f MB\n",
                qPrintable(args.at(2)), qPrintable(scorer.pipeline().algorithm()), calls, seconds, seconds / calls * 1e6,
                failures, before, residentMegabytes());
    return failures == 0 ? 0 : 1;
}
