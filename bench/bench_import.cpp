// Import benchmark driver (not a test). Modes:
//   bench_import generate FILE ROWS COLUMNS   writes a numeric CSV
//   bench_import parse FILE                   readCsv: parse + type inference
//   bench_import import FILE WORKSPACE        the whole import into a new workspace
// Each mode prints one line of key=value figures, peak memory included.
#include "data/import/DatasetImport.h"
#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <random>
#include <sys/resource.h>

using namespace stratus;

namespace {

double peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

int generate(const QString &path, long rows, int columns)
{
    FILE *f = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!f)
        return 1;
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 1000.0);
    std::uniform_int_distribution<int> integer(0, 100000);
    for (int c = 0; c < columns; ++c)
        std::fprintf(f, c + 1 < columns ? "c%d," : "c%d\n", c);
    char line[4096];
    for (long r = 0; r < rows; ++r) {
        int n = 0;
        for (int c = 0; c < columns; ++c) {
            const char sep = c + 1 < columns ? ',' : '\n';
            if (c % 4 == 3)
                n += std::snprintf(line + n, sizeof line - size_t(n), "%d%c", integer(rng), sep);
            else
                n += std::snprintf(line + n, sizeof line - size_t(n), "%.6f%c", normal(rng), sep);
        }
        std::fwrite(line, 1, size_t(n), f);
    }
    std::fclose(f);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args[1] == QLatin1String("generate"))
        return generate(args[2], args[3].toLong(), args[4].toInt());
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_import generate|parse|import FILE [...]\n");
        return 2;
    }
    const double mb = double(QFileInfo(args[2]).size()) / 1e6;
    QElapsedTimer timer;
    timer.start();
    if (args[1] == QLatin1String("parse")) {
        auto r = readCsv(args[2]);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.message()));
            return 1;
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        std::printf("mode=parse rows=%zu columns=%zu seconds=%.3f mb_per_s=%.1f peak_mb=%.0f file_mb=%.0f\n",
                    r->table.rowCount, r->table.columns.size(), s, mb / s, peakMb(), mb);
        return 0;
    }
    if (args[1] == QLatin1String("import") && args.size() >= 4) {
        QFile::remove(args[3]);
        OpenOptions options;
        options.seedSample = false;
        auto ws = openWorkspace(args[3], options);
        if (!ws) {
            std::fprintf(stderr, "%s\n", qPrintable(ws.message()));
            return 1;
        }
        timer.restart();
        RegisterRequest request;
        request.name = QStringLiteral("bench");
        // Stage times go to stderr, for finding where the time goes.
        TaskControl control;
        double lastStage = 0;
        control.progress = [&](double f) {
            static const double marks[] = {0.55, 0.55 + 0.45 * 0.3, 1.0};
            for (double m : marks) {
                if (lastStage < m && f >= m) {
                    std::fprintf(stderr, "  reached %.2f after %.3f s\n", m, double(timer.nsecsElapsed()) / 1e9);
                    lastStage = m;
                }
            }
        };
        auto r = importDataset(**ws, args[2], {}, request, control);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.message()));
            return 1;
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        std::printf("mode=import rows=%lld columns=%lld seconds=%.3f mb_per_s=%.1f peak_mb=%.0f file_mb=%.0f\n",
                    r->version.rows, qint64(r->version.columns.size()), s, mb / s, peakMb(), mb);
        return 0;
    }
    std::fprintf(stderr, "unknown mode\n");
    return 2;
}
