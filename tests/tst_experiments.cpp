// The experiment studio, driven as a user would (offscreen): the AutoML
// wizard on the shared heart-failure file to a submitted run, followed live
// with the GUI thread's longest stall measured; the leaderboard model under
// QAbstractItemModelTester; the ROC points shown equal the stored ones and
// the threshold slider's confusion matrix; cancel from the run page; the
// compare view; register a model and find it on the Models screen.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "data/import/SampleSales.h"
#include "experiments/ChildRunPage.h"
#include "experiments/CompareView.h"
#include "experiments/ExperimentListModel.h"
#include "experiments/ExperimentsScreen.h"
#include "experiments/ForecastCharts.h"
#include "experiments/wizard/ForecastingSettingsBox.h"
#include "experiments/LeaderboardModel.h"
#include "experiments/RunDetailsPage.h"
#include "experiments/RunManager.h"
#include "experiments/wizard/AutoMLDatasetPage.h"
#include "experiments/wizard/AutoMLRunPage.h"
#include "experiments/wizard/AutoMLSettingsPage.h"
#include "experiments/wizard/AutoMLWizard.h"
#include "main/MainWindow.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/ForecastingRun.h"
#include "models/ForecastFileDialog.h"
#include "models/ModelsScreen.h"
#include "ml/automl/ModelRegistration.h"
#include "models/RegisterModelDialog.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"
#include "shared/ChartView.h"
#include "shared/CurveCharts.h"
#include "shared/Reloader.h"
#include "shared/SortProxy.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSlider>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <cmath>

using namespace stratus;

namespace {

// Measures the longest gap between ticks of a 2 ms timer: how long the GUI
// thread's event loop was kept from running.
class StallProbe : public QObject {
public:
    StallProbe()
    {
        m_timer.setInterval(2);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_clock.isValid())
                m_longest = std::max(m_longest, m_clock.nsecsElapsed() / 1000000.0);
            m_clock.start();
        });
        m_timer.start();
    }
    double longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_longest = 0;
};

void clickNext(QWizard *wizard)
{
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

Run fakeRun(int i, RunStatus status, double auc)
{
    Run r;
    r.id = QStringLiteral("AutoML_x_%1").arg(i);
    r.algorithm = i % 2 ? QStringLiteral("RandomForest") : QStringLiteral("XGBoostClassifier");
    r.status = status;
    r.config.insert(QStringLiteral("iteration"), i);
    if (status == RunStatus::Completed) {
        r.metrics.insert(QStringLiteral("AUC_weighted"), auc);
        r.metrics.insert(QStringLiteral("accuracy"), auc - 0.1);
        r.metrics.insert(QStringLiteral("fit_time_seconds"), 0.01 * i);
    }
    return r;
}

} // namespace

class TestExperiments : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window; // shared by the tests that follow the wizard's run
    QString m_parent;

private slots:
    void wizardSubmitsARunFollowedLive()
    {
        REQUIRE_SHARED_DATA();
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("studio.stratus"));
        RegisterRequest request;
        request.name = QStringLiteral("heart");
        QVERIFY(importDataset(*ws, testing::sharedHeartFailureCsv(), {}, request).ok());
        m_window = std::make_unique<MainWindow>(std::move(ws));
        m_window->show();
        m_window->showScreen(MainWindow::Experiments);
        ExperimentsScreen *screen = m_window->experimentsScreen();
        screen->startAutoML();
        auto *wizard = m_window->findChild<AutoMLWizard *>();
        QVERIFY(wizard);
        // (1) the dataset, with its preview
        auto *datasets = wizard->datasetPage()->list();
        QCOMPARE(datasets->count(), 1);
        QCOMPARE(datasets->currentItem()->text(), QStringLiteral("heart"));
        QCOMPARE(wizard->dataset().rows, 299);
        clickNext(wizard);
        // (2) experiment, label (the last column by default), compute
        AutoMLRunPage *run = wizard->runPage();
        QCOMPARE(run->label()->currentData().toString(), QStringLiteral("DEATH_EVENT"));
        run->experiment()->setCurrentText(QStringLiteral("bad name!"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!run->experiment()->toolTip().isEmpty()); // flagged in place
        run->experiment()->setCurrentText(QStringLiteral("heart-wizard"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        clickNext(wizard);
        // (3) settings: a boolean label means classification and AUC_weighted
        AutoMLSettingsPage *settings = wizard->settingsPage();
        QCOMPARE(settings->task()->currentIndex(), 0);
        QCOMPARE(settings->metric()->currentText(), QStringLiteral("AUC_weighted"));
        QCOMPARE(settings->columns()->rowCount(), 12); // every column but the label
        settings->timeout()->setValue(0);
        settings->maxTrials()->setValue(0);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(settings->message()->text().contains(QStringLiteral("timeout")));
        settings->maxTrials()->setValue(16);
        QVERIFY(settings->message()->text().isEmpty());
        // Ignore one column; block one algorithm.
        static_cast<QComboBox *>(settings->columns()->cellWidget(11, 2))->setCurrentIndex(1); // "time": Ignore
        QCOMPARE(settings->columns()->item(11, 0)->text(), QStringLiteral("time"));
        settings->algorithms()->findItems(QStringLiteral("KNN"), Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
        clickNext(wizard);
        const ml::AutoMLConfig config = wizard->config();
        QCOMPARE(config.dataset, QStringLiteral("heart:1"));
        QCOMPARE(config.maxTrials, 16);
        QCOMPARE(config.columnPurposes.value(QStringLiteral("time")), QStringLiteral("ignore"));
        QCOMPARE(config.blockedAlgorithms, QStringList{QStringLiteral("KNN")});
        // (4) review and submit; the run's page opens and follows it.
        StallProbe probe;
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        RunDetailsPage *page = screen->runPage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->runId().isEmpty() && page->isVisible(), 20000);
        m_parent = page->runId();
        QTRY_VERIFY_WITH_TIMEOUT(page->leaderboard()->rowCount() > 0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(runStatusName(page->run().status), QStringLiteral("Completed"), 180000);
        QTRY_VERIFY(page->reloader()->isIdle());
        const double stall = probe.longestMs();
        qInfo("longest GUI stall during the run: %.1f ms", stall);
        QVERIFY2(stall < 50, qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(stall)));
        // The leaderboard: 16 trials and 3 ensembles, ranked by AUC_weighted, KNN absent.
        LeaderboardModel *board = page->leaderboard();
        QCOMPARE(board->rowCount(), 19);
        double previous = INFINITY;
        for (int rank = 1; rank <= board->rowCount(); ++rank) {
            int row = -1;
            for (int r = 0; r < board->rowCount(); ++r)
                if (board->rank(r) == rank)
                    row = r;
            if (row < 0)
                break;
            const double auc = board->runAt(row).metrics.value(QStringLiteral("AUC_weighted"));
            QVERIFY(auc <= previous);
            previous = auc;
            QVERIFY(board->runAt(row).algorithm != QLatin1String("KNN"));
        }
        // The column that was ignored is not in the featurization summary.
        auto parent = RunStore(m_window->workspace()).get(m_parent);
        QCOMPARE(parent->config.value(QStringLiteral("column_purposes")).toObject().value(QStringLiteral("time")).toString(),
                 QStringLiteral("ignore"));
        const QByteArray summary = *RunStore(m_window->workspace()).artifact(m_parent, QStringLiteral("featurization"));
        QVERIFY(!summary.contains("\"time\""));
        // The experiment list shows it.
        QTRY_VERIFY(screen->experiments()->rowCount() == 1);
        QCOMPARE(screen->experiments()->nameAt(0), QStringLiteral("heart-wizard"));
    }

    void childRunShowsTheStoredCurves()
    {
        if (m_parent.isEmpty())
            QSKIP("needs the run of wizardSubmitsARunFollowedLive");
        Workspace &ws = m_window->workspace();
        const QString best = RunStore(ws).get(m_parent)->config.value(QStringLiteral("best_child_run_id")).toString();
        ExperimentsScreen *screen = m_window->experimentsScreen();
        screen->openChildRun(best);
        ChildRunPage *page = screen->childPage();
        QTRY_VERIFY(page->reloader()->isIdle() && page->metricTable()->rowCount() > 0);
        const QJsonObject curves = QJsonDocument::fromJson(*RunStore(ws).artifact(best, QStringLiteral("curves"))).object();
        const QJsonObject roc = curves.value(QStringLiteral("roc")).toArray().at(1).toObject();
        // The curve shown for the positive class is the stored one, point for point.
        const QList<QPointF> shown = page->chart(QStringLiteral("roc"))->seriesPoints(QStringLiteral("class true"));
        const auto x = curves::numbers(roc.value(QStringLiteral("x"))), y = curves::numbers(roc.value(QStringLiteral("y")));
        QCOMPARE(size_t(shown.size()), x.size());
        for (size_t i = 0; i < x.size(); ++i) {
            QCOMPARE(shown[int(i)].x(), x[i]);
            QCOMPARE(shown[int(i)].y(), y[i]);
        }
        // Threshold 0.5 gives the stored (argmax) confusion matrix and the stored accuracy.
        page->thresholdSlider()->setValue(50);
        const auto at50 = page->confusionAt(0.5);
        const QJsonArray stored = curves.value(QStringLiteral("confusion_matrix")).toArray();
        double total = 0, correct = 0;
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 2; ++j) {
                QCOMPARE(at50[i][j], stored.at(i).toArray().at(j).toDouble());
                total += at50[i][j];
                correct += i == j ? at50[i][j] : 0;
            }
        QCOMPARE(total, 299.0);
        const double accuracy = RunStore(ws).get(best)->metrics.value(QStringLiteral("accuracy"));
        QVERIFY(std::abs(correct / total - accuracy) < 1e-12);
        QCOMPARE(page->confusionTable()->item(1, 1)->data(Qt::UserRole).toDouble(), at50[1][1]);
        // Threshold 0: every row predicted positive; the table and the text follow the slider.
        page->thresholdSlider()->setValue(0);
        QCOMPARE(page->confusionTable()->item(0, 0)->data(Qt::UserRole).toDouble(), 0.0);
        QCOMPARE(page->confusionTable()->item(1, 0)->data(Qt::UserRole).toDouble(), 0.0);
        QVERIFY(page->thresholdMetrics()->text().contains(QStringLiteral("recall 1.0000")));
        // The operating point sits on the ROC curve at (1, 1).
        const QList<QPointF> point = page->chart(QStringLiteral("roc"))->seriesPoints(QObject::tr("Operating point"));
        QCOMPARE(point.size(), 1);
        QCOMPARE(point.first(), QPointF(1, 1));
        // A chart saves as PNG, SVG and PDF.
        for (const QString &suffix : {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) {
            const QString path = m_dir.filePath(QStringLiteral("roc.") + suffix);
            QVERIFY(page->chart(QStringLiteral("roc"))->saveTo(path));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QVERIFY(testing::readFile(m_dir.filePath(QStringLiteral("roc.svg"))).contains("<svg"));
    }

    void wizardSubmitsAForecastingRun()
    {
        // The guided workflow on the forecasting sample: the wizard proposes the task, the time
        // column and the series id from the data, and the run it submits completes.
        auto window = std::make_unique<MainWindow>(testing::newWorkspace(m_dir, QStringLiteral("wizard-forecast.stratus")));
        QVERIFY(registerSalesSample(window->workspace()));
        window->show();
        window->showScreen(MainWindow::Experiments);
        ExperimentsScreen *screen = window->experimentsScreen();
        screen->startAutoML(QString::fromLatin1(kSalesSampleName));
        auto *wizard = window->findChild<AutoMLWizard *>();
        QVERIFY(wizard);
        QCOMPARE(wizard->dataset().name, QString::fromLatin1(kSalesSampleName));
        clickNext(wizard);
        AutoMLRunPage *run = wizard->runPage();
        QCOMPARE(run->label()->currentData().toString(), QStringLiteral("sales")); // the sample's tag names it
        run->experiment()->setCurrentText(QStringLiteral("sales-forecast"));
        clickNext(wizard);
        AutoMLSettingsPage *settings = wizard->settingsPage();
        QVERIFY(settings->isForecasting());
        QCOMPARE(settings->task()->currentData().toString(), QStringLiteral("forecasting"));
        QCOMPARE(settings->metric()->currentText(), QStringLiteral("normalized_root_mean_squared_error"));
        ForecastingSettingsBox *box = settings->forecasting();
        QVERIFY(box->isVisible());
        QCOMPARE(box->timeColumn()->currentText(), QStringLiteral("date"));
        const auto parameters = settings->forecastingParameters();
        QCOMPARE(parameters.timeSeriesIdColumnNames, QStringList{QStringLiteral("store")});
        QCOMPARE(settings->algorithms()->count(), ml::forecasting::forecastingAlgorithms().size());
        box->horizon()->setValue(14);
        settings->maxTrials()->setValue(3);
        QVERIFY(settings->message()->text().isEmpty());
        clickNext(wizard);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        RunDetailsPage *page = screen->runPage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->runId().isEmpty() && page->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(runStatusName(page->run().status), QStringLiteral("Completed"), 60000);
        const auto parent = RunStore(window->workspace()).get(page->runId());
        QCOMPARE(parent->config.value(QStringLiteral("task")).toString(), QStringLiteral("forecasting"));
        QCOMPARE(parent->config.value(QStringLiteral("forecasting")).toObject().value(QStringLiteral("forecast_horizon")).toInt(), 14);
        QCOMPARE(parent->config.value(QStringLiteral("forecasting")).toObject().value(QStringLiteral("series")).toInt(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(page->leaderboard()->rowCount(), 4, 20000); // three trials and the VotingEnsemble
    }

    void forecastingChildRunShowsItsFolds()
    {
        // A forecasting run's trial: its rolling-origin forecasts instead of ROC curves.
        auto window = std::make_unique<MainWindow>(testing::newWorkspace(m_dir, QStringLiteral("forecast.stratus")));
        Workspace &ws = window->workspace();
        QVERIFY(registerSalesSample(ws));
        ml::AutoMLConfig config;
        config.dataset = QString::fromLatin1(kSalesSampleName);
        config.label = QStringLiteral("sales");
        config.maxTrials = 2; // Naive and SeasonalNaive, then the VotingEnsemble
        ml::forecasting::ForecastingParameters parameters;
        parameters.timeColumnName = QStringLiteral("date");
        parameters.timeSeriesIdColumnNames = {QStringLiteral("store")};
        parameters.forecastHorizon = 14;
        ml::forecasting::ForecastingRun run(ws, config, parameters);
        QSignalSpy finished(&run, &ml::forecasting::ForecastingRun::finished);
        auto started = run.start();
        QVERIFY2(started, qPrintable(started.message()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));
        const QString trial = run.leaderboard().last().runId; // a statistical trial
        window->show();
        window->showScreen(MainWindow::Experiments);
        ExperimentsScreen *screen = window->experimentsScreen();
        screen->openChildRun(trial);
        ChildRunPage *page = screen->childPage();
        QTRY_VERIFY(page->reloader()->isIdle() && page->metricTable()->rowCount() > 0);
        ForecastCharts *charts = page->forecastCharts();
        QTRY_VERIFY(charts->isVisible());
        QVERIFY(!page->chart(QStringLiteral("roc"))->isVisible());
        QCOMPARE(charts->seriesPicker()->count(), 4);
        QCOMPARE(charts->seriesPicker()->itemText(0), QStringLiteral("store=store 1"));
        // The actual values drawn are the stored ones of the series picked, every fold's.
        const QJsonObject stored = QJsonDocument::fromJson(*RunStore(ws).artifact(trial, QStringLiteral("forecasts"))).object();
        auto countActual = [&](int series) {
            int n = 0;
            for (const QJsonValue &fold : stored.value(QStringLiteral("series")).toArray().at(series)[QStringLiteral("folds")].toArray())
                for (double v : curves::numbers(fold[QStringLiteral("actual")]))
                    n += !std::isnan(v);
            return n;
        };
        QCOMPARE(charts->chart(QStringLiteral("forecast"))->seriesPoints(QObject::tr("Actual")).size(), countActual(0));
        QCOMPARE(countActual(0), 3 * 14);
        charts->seriesPicker()->setCurrentIndex(2);
        QCOMPARE(charts->chart(QStringLiteral("forecast"))->seriesPoints(QObject::tr("Actual")).size(), countActual(2));
        QVERIFY(charts->chart(QStringLiteral("error_by_step"))->plottableCount() > 0);

        // Registered, the model forecasts a file of future rows from the Models screen, and plots it.
        QVERIFY(ml::registerRunModel(ws, run.parentId(), QStringLiteral("sales-forecast")));
        window->showScreen(MainWindow::Models);
        ModelsScreen *models = window->modelsScreen();
        models->refresh();
        QTRY_VERIFY(models->reloader()->isIdle());
        models->select(QStringLiteral("sales-forecast:1"));
        QTRY_COMPARE(models->selectedReference(), QStringLiteral("sales-forecast:1"));
        QVERIFY(models->findChild<QPushButton *>(QStringLiteral("forecastFile"))->isVisibleTo(models));
        QByteArray future = "date,store,holiday\n";
        for (int store = 1; store <= 4; ++store)
            for (int d = 0; d < 14; ++d)
                future += QDate(2024, 12, 31).addDays(d).toString(Qt::ISODate).toUtf8() + ",store " + QByteArray::number(store) + ",false\n";
        ForecastFileDialog *dialog = models->forecastFile(testing::writeFile(m_dir, QStringLiteral("sales-future.csv"), future));
        QSignalSpy ready(dialog, &ForecastFileDialog::forecastReady);
        QVERIFY(ready.wait(30000));
        QCOMPARE(dialog->seriesPicker()->count(), 4);
        QCOMPARE(dialog->csv().count('\n'), 1 + 4 * 14);
        QCOMPARE(dialog->chart()->seriesPoints(QObject::tr("History")).size(), 3 * 14);
        dialog->close();
        // A row past the horizon: the error names its line.
        dialog = models->forecastFile(testing::writeFile(m_dir, QStringLiteral("too-far.csv"), "date,store,holiday\n2025-06-01,store 1,false\n"));
        QSignalSpy failed(dialog, &ForecastFileDialog::forecastReady);
        QVERIFY(failed.wait(30000));
        QVERIFY2(dialog->status()->text().contains(QLatin1String("line 2")), qPrintable(dialog->status()->text()));
        QVERIFY(dialog->csv().isEmpty());
        dialog->close();
    }

    void registerFromAChildRun()
    {
        if (m_parent.isEmpty())
            QSKIP("needs the run of wizardSubmitsARunFollowedLive");
        Workspace &ws = m_window->workspace();
        // Not the best child: its model is trained on every row when it is registered.
        const QString best = RunStore(ws).get(m_parent)->config.value(QStringLiteral("best_child_run_id")).toString();
        QString other;
        const QList<Run> children = *RunStore(ws).children(m_parent);
        for (const Run &r : children)
            if (r.id != best && r.status == RunStatus::Completed && r.kind == QLatin1String("trial"))
                other = r.id;
        QVERIFY(!other.isEmpty());
        ExperimentsScreen *screen = m_window->experimentsScreen();
        screen->registerModel(other);
        // The dialog deletes itself when it closes.
        QPointer<RegisterModelDialog> dialog = m_window->findChild<RegisterModelDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("heart-model"));
        dialog->nameEdit()->setText(QStringLiteral("-bad"));
        QVERIFY(!dialog->nameEdit()->toolTip().isEmpty());
        dialog->nameEdit()->setText(QStringLiteral("heart-model"));
        dialog->tagsEdit()->setText(QStringLiteral("stage=test"));
        dialog->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 60000);
        auto version = ModelStore(ws).resolve(QStringLiteral("heart-model"));
        QVERIFY(version.ok());
        QCOMPARE(version->runId, other);
        QCOMPARE(version->tags.value(QStringLiteral("stage")).toString(), QStringLiteral("test"));
        // The Models screen lists it with its lineage.
        m_window->showScreen(MainWindow::Models);
        ModelsScreen *models = m_window->modelsScreen();
        QTRY_VERIFY(models->reloader()->isIdle() && models->tree()->topLevelItemCount() == 1);
        QCOMPARE(models->tree()->topLevelItem(0)->text(0), QStringLiteral("heart-model"));
        QCOMPARE(models->tree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Version 1"));
        QVERIFY(models->findChild<QLabel *>(QStringLiteral("modelDetails"))->text().contains(QStringLiteral("heart:1")));
    }

    void compareRunsAcrossRuns()
    {
        if (m_parent.isEmpty())
            QSKIP("needs the run of wizardSubmitsARunFollowedLive");
        Workspace &ws = m_window->workspace();
        // A second run in another experiment, headless.
        ml::AutoMLConfig c;
        c.dataset = QStringLiteral("heart");
        c.label = QStringLiteral("DEATH_EVENT");
        c.experiment = QStringLiteral("heart-other");
        c.maxTrials = 3;
        c.allowedAlgorithms = {QStringLiteral("LogisticRegression")};
        c.votingEnsemble = c.stackEnsemble = false;
        ml::AutoMLRun second(ws, c);
        QSignalSpy finished(&second, &ml::AutoMLRun::finished);
        QVERIFY(second.start().ok());
        QVERIFY(finished.wait(60000));
        QStringList ids;
        const auto first = *RunStore(ws).children(m_parent);
        ids << first.at(0).id << first.at(1).id << RunStore(ws).children(second.parentId())->at(0).id;
        ExperimentsScreen *screen = m_window->experimentsScreen();
        m_window->showScreen(MainWindow::Experiments);
        screen->compare(ids);
        CompareView *view = screen->compareView();
        QTRY_VERIFY(view->reloader()->isIdle() && view->metricTable()->columnCount() == 3);
        // Three curves, one per run, named in the legend.
        int curves = 0;
        for (int i = 0; i < view->rocChart()->plottableCount(); ++i)
            curves += view->rocChart()->plottable(i)->name().contains(QLatin1String("heart-")) ? 1 : 0;
        QCOMPARE(curves, 3);
        QVERIFY(view->rocChart()->legend->visible());
        // Every row marks its best value; "differences only" hides rows that are equal.
        QTableWidget *table = view->metricTable();
        const int rows = table->rowCount();
        for (int r = 0; r < rows; ++r) {
            bool marked = false;
            for (int col = 0; col < 3; ++col)
                marked = marked || table->item(r, col)->data(Qt::UserRole).toBool();
            QVERIFY2(marked, qPrintable(table->verticalHeaderItem(r)->text()));
        }
        view->differencesOnly()->setChecked(true);
        QVERIFY(table->rowCount() < rows);
        QVERIFY(table->rowCount() > 0);
        // Parallel coordinates and the cost scatter have something to draw.
        QVERIFY(view->parallelAlgorithm()->count() >= 2);
        QVERIFY(view->parallelChart()->plottableCount() >= 1);
        QVERIFY(view->costChart()->plottableCount() >= 2);
        // The basket collects runs from several AutoML runs.
        screen->openRun(second.parentId());
        RunDetailsPage *page = screen->runPage();
        QTRY_VERIFY(page->reloader()->isIdle() && page->leaderboard()->rowCount() == 3);
        page->leaderboardView()->selectRow(0);
        emit page->addToComparison(page->selectedRunIds());
        QCOMPARE(screen->comparisonBasket().size(), 1);
    }

    void cancelFromTheRunPage()
    {
        auto window = std::make_unique<MainWindow>(testing::newWorkspace(m_dir, QStringLiteral("cancel.stratus")));
        QVERIFY(registerSampleDataset(window->workspace()).ok());
        window->show();
        ml::AutoMLConfig c;
        c.dataset = QString::fromLatin1(kSampleDatasetName);
        c.label = QStringLiteral("DEATH_EVENT");
        c.experimentTimeoutSeconds = 600;
        c.earlyStopping = false;
        c.seed = 3;
        window->runManager()->submit(c);
        RunDetailsPage *page = window->experimentsScreen()->runPage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->runId().isEmpty(), 20000);
        // Let the leaderboard grow, watching the GUI thread.
        window->showScreen(MainWindow::Experiments);
        StallProbe probe;
        auto completedRows = [page] {
            int n = 0;
            for (int r = 0; r < page->leaderboard()->rowCount(); ++r)
                n += page->leaderboard()->runAt(r).status == RunStatus::Completed ? 1 : 0;
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(completedRows() >= 60, 180000);
        qInfo("longest GUI stall while 60 trials ran: %.1f ms", probe.longestMs());
        QVERIFY2(probe.longestMs() < 50, qPrintable(QString::number(probe.longestMs())));
        QVERIFY(page->cancelButton()->isEnabled());
        // The confirmation is answered Yes.
        QTimer answer;
        connect(&answer, &QTimer::timeout, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                    box->button(QMessageBox::Yes)->click();
        });
        answer.start(50);
        QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(runStatusName(page->run().status), QStringLiteral("Canceled"), 60000);
        QVERIFY(!page->cancelButton()->isEnabled());
        // Trials that finished are kept.
        bool completed = false;
        for (int r = 0; r < page->leaderboard()->rowCount(); ++r)
            completed = completed || page->leaderboard()->runAt(r).status == RunStatus::Completed;
        QVERIFY(completed);
    }

    void leaderboardModelIsSound()
    {
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SortProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetrics(QStringLiteral("AUC_weighted"), {QStringLiteral("accuracy")});
        QList<Run> runs;
        for (int i = 0; i < 1000; ++i)
            runs << fakeRun(i, i % 10 == 9 ? RunStatus::Running : RunStatus::Completed, 0.5 + 0.4 * std::fmod(i * 0.618, 1.0));
        model.setRuns(runs);
        QCOMPARE(model.rowCount(), 1000);
        // Updates in place (statuses change, metrics arrive) and appends.
        for (Run &r : runs)
            if (r.status == RunStatus::Running)
                r = fakeRun(r.config.value(QStringLiteral("iteration")).toInt(), RunStatus::Completed, 0.99);
        runs << fakeRun(1000, RunStatus::Queued, 0);
        model.setRuns(runs);
        QCOMPARE(model.rowCount(), 1001);
        // Rank 1 is the best completed run; queued runs have no rank and sort last.
        int best = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.rank(r) == 1)
                best = r;
        QCOMPARE(model.runAt(best).metrics.value(QStringLiteral("AUC_weighted")), 0.99);
        QVERIFY(model.index(1000, LeaderboardModel::RankColumn).data(Qt::UserRole).isNull());
        proxy.sort(LeaderboardModel::RankColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, LeaderboardModel::RankColumn).data().toInt(), 1);
        QVERIFY(proxy.index(1000, LeaderboardModel::RankColumn).data(Qt::UserRole).isNull());
        proxy.sort(LeaderboardModel::PrimaryColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, LeaderboardModel::PrimaryColumn).data().toString(), QStringLiteral("0.9900"));
        QVERIFY(proxy.index(1000, LeaderboardModel::PrimaryColumn).data(Qt::UserRole).isNull()); // missing values last both ways
        proxy.setFilterFixedString(QStringLiteral("Queued"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QString());
        // A metric where lower is better ranks the other way.
        model.setMetrics(QStringLiteral("normalized_root_mean_squared_error"), {});
        QList<Run> regression;
        for (int i = 0; i < 3; ++i) {
            Run r = fakeRun(2000 + i, RunStatus::Completed, 0);
            r.metrics = {{QStringLiteral("normalized_root_mean_squared_error"), 0.3 - 0.1 * i}};
            regression << r;
        }
        model.clear();
        model.setRuns(regression);
        QCOMPARE(model.rank(2), 1);
        QCOMPARE(model.rank(0), 3);
        QCOMPARE(model.headerData(LeaderboardModel::PrimaryColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("normalized_root_mean_squared_error"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestExperiments)
#include "tst_experiments.moc"
