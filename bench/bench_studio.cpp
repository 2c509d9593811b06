// Studio benchmark driver (not a test): how the experiment screens cope with
// many runs. It records one real AutoML run on the sample dataset, then a
// parent run with N child runs carrying that run's curves, and measures on
// the offscreen platform:
//   - the run page: loading N children (off the GUI thread) and applying them;
//   - sorting the leaderboard by each column, and scrolling it page by page;
//   - the compare view with M runs: loading, applying, redrawing the ROC chart;
// with the GUI thread's longest stall during each step. Prints key=value lines.
//   bench_studio [N=1000] [M=500]
#include "data/import/SampleData.h"
#include "experiments/CompareView.h"
#include "experiments/LeaderboardModel.h"
#include "experiments/RunDetailsPage.h"
#include "experiments/RunManager.h"
#include "ml/automl/AutoMLRun.h"
#include "registry/RunStore.h"
#include "registry/WorkspaceSetup.h"
#include "shared/ChartView.h"
#include "shared/Reloader.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace stratus;

namespace {

// The longest gap between ticks of a 1 ms timer while `step` runs the event loop.
double longestStall(const std::function<void()> &start, const std::function<bool()> &done)
{
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QElapsedTimer clock;
    double longest = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (clock.isValid())
            longest = std::max(longest, clock.nsecsElapsed() / 1e6);
        clock.start();
    });
    tick.start(1);
    start();
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return longest;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int children = argc > 1 ? atoi(argv[1]) : 1000;
    const int compared = argc > 2 ? atoi(argv[2]) : 500;
    QTemporaryDir dir;
    auto ws = openWorkspace(dir.filePath(QStringLiteral("bench.stratus")));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.message()));
        return 1;
    }
    Workspace &w = **ws;

    // One real run for its curves and config.
    ml::AutoMLConfig c;
    c.dataset = QString::fromLatin1(kSampleDatasetName);
    c.label = QStringLiteral("DEATH_EVENT");
    c.maxTrials = 4;
    c.votingEnsemble = c.stackEnsemble = false;
    ml::AutoMLRun real(w, c);
    QSignalSpy finished(&real, &ml::AutoMLRun::finished);
    if (!real.start() || !finished.wait(120000))
        return 1;
    RunStore store(w);
    const Run parentRun = *store.get(real.parentId());
    const QList<Run> realChildren = *store.children(real.parentId());
    const QByteArray curves = *store.artifact(realChildren.first().id, QStringLiteral("curves"));

    // A parent with N children, each with metrics and curves.
    QElapsedTimer timer;
    timer.start();
    Run parent = parentRun;
    parent.id.clear();
    auto made = store.create(parent);
    QStringList ids;
    for (int i = 0; i < children; ++i) {
        Run child = realChildren.at(i % realChildren.size());
        child.parentId = made->id;
        child.config.insert(QStringLiteral("iteration"), i);
        auto r = store.create(child);
        (void)store.setStatus(r->id, RunStatus::Running);
        QMap<QString, double> metrics = child.metrics;
        metrics[QStringLiteral("AUC_weighted")] += 0.0001 * (i % 97);
        (void)store.setMetrics(r->id, metrics);
        (void)store.putArtifact(r->id, QStringLiteral("curves"), curves);
        (void)store.setStatus(r->id, RunStatus::Completed);
        ids << r->id;
    }
    (void)store.setStatus(made->id, RunStatus::Running);
    (void)store.setStatus(made->id, RunStatus::Completed);
    std::printf("children=%d recorded_s=%.1f\n", children, timer.elapsed() / 1000.0);

    RunManager runs(w);
    RunDetailsPage page(w, runs);
    page.resize(1200, 780);
    page.show();
    timer.restart();
    const double loadStall = longestStall([&] { page.showRun(made->id); },
                                          [&] { return page.leaderboard()->rowCount() == children && page.reloader()->isIdle(); });
    std::printf("run_page_load_ms=%lld gui_stall_ms=%.1f\n", timer.elapsed(), loadStall);

    QTableView *view = page.leaderboardView();
    double worstSort = 0;
    for (int column = 0; column < page.leaderboard()->columnCount(); ++column) {
        timer.restart();
        view->sortByColumn(column, column % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        view->repaint();
        worstSort = std::max(worstSort, timer.nsecsElapsed() / 1e6);
    }
    std::printf("leaderboard_rows=%d columns=%d slowest_sort_and_paint_ms=%.1f\n", page.leaderboard()->rowCount(),
                page.leaderboard()->columnCount(), worstSort);
    double worstScroll = 0;
    int steps = 0;
    QScrollBar *bar = view->verticalScrollBar();
    for (int v = 0; v <= bar->maximum(); v += bar->pageStep(), ++steps) {
        timer.restart();
        bar->setValue(v);
        view->repaint();
        worstScroll = std::max(worstScroll, timer.nsecsElapsed() / 1e6);
    }
    std::printf("scroll_pages=%d slowest_page_paint_ms=%.1f\n", steps, worstScroll);

    CompareView compare(w);
    compare.resize(1200, 780);
    compare.show();
    const QStringList some = ids.mid(0, compared);
    timer.restart();
    const double compareStall = longestStall([&] { compare.showRuns(some); },
                                             [&] { return compare.reloader()->isIdle() && compare.metricTable()->columnCount() == some.size(); });
    std::printf("compared=%lld compare_load_ms=%lld gui_stall_ms=%.1f\n", qint64(some.size()), timer.elapsed(), compareStall);
    timer.restart();
    compare.rocChart()->replot();
    std::printf("roc_replot_ms=%.1f curves=%d\n", timer.nsecsElapsed() / 1e6, compare.rocChart()->plottableCount());
    return 0;
}
