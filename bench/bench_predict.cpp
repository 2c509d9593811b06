// Stratus's own predict for a registered model: one row at a time and a
// 10,000-row batch (median of repeated runs, one thread), printed as JSON —
// the figures bench/onnx_benchmark.sh sets beside ONNX Runtime's.
//   build/release/bench/bench_predict WORKSPACE MODEL[:V]
#include "ml/model/TrainedPipeline.h"
#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace stratus;

namespace {

// The pipeline's sample row, `rows` times.
DataTable rowsOfSample(const ml::TrainedPipeline &pipeline, size_t rows)
{
    const QJsonObject sample = pipeline.sampleRow();
    DataTable t;
    t.rowCount = rows;
    for (const auto &[name, type] : pipeline.inputColumns()) {
        DataColumn c;
        c.name = name;
        c.type = type;
        const QJsonValue v = sample.value(name);
        if (c.isNumeric()) {
            c.numbers.assign(rows, v.isBool() ? (v.toBool() ? 1.0 : 0.0) : v.toDouble());
        } else {
            c.dictionary = {v.toString().toStdString()};
            c.codes.assign(rows, 0);
        }
        t.columns.push_back(std::move(c));
    }
    return t;
}

double medianMs(const ml::TrainedPipeline &pipeline, const DataTable &table, int times)
{
    std::vector<double> ms;
    for (int i = 0; i < times; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!pipeline.predict(table))
            return -1;
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_predict WORKSPACE MODEL[:V]\n");
        return 2;
    }
    auto ws = openWorkspace(QString::fromLocal8Bit(argv[1]));
    if (!ws)
        return std::fprintf(stderr, "%s\n", qPrintable(ws.message())), 1;
    auto pipeline = ml::TrainedPipeline::fromModel(**ws, QString::fromLocal8Bit(argv[2]));
    if (!pipeline)
        return std::fprintf(stderr, "%s\n", qPrintable(pipeline.message())), 1;
    const DataTable one = rowsOfSample(*pipeline, 1), batch = rowsOfSample(*pipeline, 10000);
    medianMs(*pipeline, one, 50);
    std::printf("{\"single_row_ms\": %.4f, \"batch_10000_ms\": %.3f}\n", medianMs(*pipeline, one, 2000), medianMs(*pipeline, batch, 20));
    return 0;
}
