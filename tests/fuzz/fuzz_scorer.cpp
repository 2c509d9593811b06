// libFuzzer target for what an endpoint does with a request: parse it in
// every dialect (Azure v1/v2 on /score, MLflow's four JSON shapes and CSV on
// /invocations), check it against the model's input schema, score it and
// write the answer. The first byte picks the route and the content type;
// the rest is the body. Besides crashes and sanitizer reports, it traps when
// an answer breaks the contract: a status other than 200/400/413/415/500, or
// a body that is not a JSON object, or an error without its message.
// Build and run (see README, "Fuzzing"):
//   cmake --preset fuzz && cmake --build --preset fuzz
//   build/fuzz/tests/fuzz/fuzz_scorer -max_total_time=600 tests/fuzz/corpus
#include "ml/model/TrainedPipeline.h"
#include "serve/Scorer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdio>
#include <memory>

using namespace stratus;

namespace {

std::unique_ptr<serve::Scorer> g_scorer;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QFile f(QStringLiteral(STRATUS_FUZZ_MODEL));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", STRATUS_FUZZ_MODEL);
        std::abort();
    }
    auto pipeline = ml::TrainedPipeline::fromJson(QJsonDocument::fromJson(f.readAll()).object());
    if (!pipeline) {
        std::fprintf(stderr, "%s: %s\n", STRATUS_FUZZ_MODEL, qPrintable(pipeline.message()));
        std::abort();
    }
    g_scorer = std::make_unique<serve::Scorer>(std::make_shared<const ml::TrainedPipeline>(std::move(*pipeline)), 64);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QByteArray types[] = {"application/json", "text/csv", "", "application/json; charset=utf-8"};
    const auto route = (data[0] & 1) ? serve::Scorer::Route::Invocations : serve::Scorer::Route::Score;
    const QByteArray &type = types[(data[0] >> 1) & 3];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const serve::ScoreResponse r = g_scorer->score(route, body, type);
    if (r.status != 200 && r.status != 400 && r.status != 413 && r.status != 415 && r.status != 500)
        __builtin_trap();
    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError || !answer.isObject())
        __builtin_trap();
    if (r.status != 200 && answer.object().value(QStringLiteral("error")).toString().isEmpty())
        __builtin_trap();
    return 0;
}
