// The studio a user can trust (issue 16), each item driven as the user did,
// offscreen: back links go where their labels say; the register buttons act
// on what they name; the run page says which model it recommends and why;
// the wizard starts from the user's data; long tasks say what happened;
// canceled and interrupted runs keep their best model; the lesson's request.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "data/store/DatasetStore.h"
#include "export/BatchScoring.h"
#include "datasets/DatasetPage.h"
#include "datasets/DatasetsScreen.h"
#include "experiments/ChildRunPage.h"
#include "experiments/CompareView.h"
#include "experiments/ExperimentListModel.h"
#include "experiments/ExperimentsScreen.h"
#include "experiments/LeaderboardModel.h"
#include "experiments/RunDetailsPage.h"
#include "experiments/RunManager.h"
#include "experiments/wizard/AutoMLDatasetPage.h"
#include "experiments/wizard/AutoMLRunPage.h"
#include "experiments/wizard/AutoMLWizard.h"
#include "main/MainWindow.h"
#include "ml/learners/Learners.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/CompletedTrialEnsembles.h"
#include "ml/automl/ModelRegistration.h"
#include "ml/automl/Recommendation.h"
#include "ml/model/TrainedPipeline.h"
#include "models/ModelsScreen.h"
#include "models/RegisterModelDialog.h"
#include "models/ScoreDatasetDialog.h"
#include "endpoints/DeployDialog.h"
#include "compute/ComputeDialog.h"
#include "datasets/import/ImportWizard.h"
#include "registry/ComputeStore.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"
#include "registry/WorkspaceSetup.h"
#include "serve/Scorer.h"
#include "shared/ChartView.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "TestSupport.h"
#include "KoreanSupport.h"
#include "TrainSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QTranslator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QMessageBox>

using namespace stratus;

namespace {

// A run of `dataset` in `experiment`: a few trials and the ensembles, so that a blend can be recommended.
QString train(Workspace &ws, const QString &dataset, const QString &experiment, int trials = 6)
{
    ml::AutoMLConfig c = testing::quickConfig(dataset, {QStringLiteral("LogisticRegression"), QStringLiteral("XGBoostClassifier"),
                                                        QStringLiteral("RandomForest"), QStringLiteral("KNN")},
                                              trials);
    c.experiment = experiment;
    c.votingEnsemble = c.stackEnsemble = true;
    auto run = testing::runAutoML(ws, c);
    return run ? *run : QString();
}

QString firstChild(Workspace &ws, const QString &parent)
{
    return RunStore(ws).children(parent)->first().id;
}

} // namespace

class TestTrust : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_runA, m_runB, m_canceled;

    Workspace &ws() { return m_window->workspace(); }
    ExperimentsScreen *screen() { return m_window->experimentsScreen(); }

    void click(const char *name, QWidget *in)
    {
        auto *button = in->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button, name);
        QVERIFY2(button->isVisible() && button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        auto ws = testing::newWorkspace(m_dir);
        QVERIFY(registerSampleDataset(*ws).ok());
        RegisterRequest request; // the user's own data: the heart-failure file (or a file of the synthetic records)
        request.name = QStringLiteral("patients");
        QString file = testing::sharedHeartFailureCsv();
        if (!QFile::exists(file)) {
            qInfo("../shared/data is absent: a file of synthetic records stands in for the heart-failure file");
            file = m_dir.filePath(QStringLiteral("patients.csv"));
            QVERIFY(batch::writeCsv(generateHeartFailureRecords(299), file).ok());
        }
        QVERIFY(importDataset(*ws, file, {}, request).ok());
        const QString data = QStringLiteral("patients");
        m_runA = train(*ws, data, QStringLiteral("first"));
        m_runB = train(*ws, data, QStringLiteral("second"));
        QVERIFY(!m_runA.isEmpty() && !m_runB.isEmpty());
        m_window = std::make_unique<MainWindow>(std::move(ws));
        m_window->resize(1024, 700);
        m_window->show();
        m_window->showScreen(MainWindow::Experiments);
    }

    // 1. Open run A, one of its child runs, then run B (as a submitted run
    //    opens): "← Experiment" opens B's experiment, "← Run" a child's run.
    void backLinksGoWhereTheirLabelsSay()
    {
        screen()->openRun(m_runA);
        screen()->openChildRun(firstChild(ws(), m_runA));
        screen()->openRun(m_runB); // RunManager::started does this for a run submitted with Ctrl+R
        QCOMPARE(screen()->currentPage(), static_cast<QWidget *>(screen()->runPage()));
        QTRY_COMPARE(screen()->runPage()->run().id, m_runB);
        click("backToExperiment", screen()->runPage());
        QCOMPARE(screen()->currentPage(), screen()->experimentPage());
        QCOMPARE(screen()->currentExperiment(), QStringLiteral("second"));

        screen()->openChildRun(firstChild(ws(), m_runB));
        click("backToRun", screen()->childPage());
        QCOMPARE(screen()->currentPage(), static_cast<QWidget *>(screen()->runPage()));
        QCOMPARE(screen()->runPage()->runId(), m_runB);
        QTRY_COMPARE(screen()->runPage()->run().id, m_runB);
        click("backToExperiment", screen()->runPage());
        QCOMPARE(screen()->currentPage(), screen()->experimentPage());
        QCOMPARE(screen()->currentExperiment(), QStringLiteral("second"));
        click("backToExperiments", screen()->experimentPage());
        QCOMPARE(screen()->currentPage(), screen()->listPage());

        // Alt+Left / Alt+Right walk the pages visited, as a browser does.
        QTest::keyClick(screen(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(screen()->currentPage(), screen()->experimentPage());
        QTest::keyClick(screen(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(screen()->currentPage(), static_cast<QWidget *>(screen()->runPage()));
        QTest::keyClick(screen(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(screen()->currentPage(), screen()->experimentPage());

        // One style of back link everywhere.
        auto *datasetsBack = m_window->datasetsScreen()->page()->findChild<QPushButton *>(QStringLiteral("backButton"));
        QVERIFY(datasetsBack && datasetsBack->text().startsWith(QStringLiteral("← ")));
    }

    // 2. "Register recommended..." registers the model it names, whatever rows
    //    are selected; a selected row has its own action.
    void registerActsOnWhatItNames()
    {
        screen()->openRun(m_runB);
        RunDetailsPage *page = screen()->runPage();
        QTRY_VERIFY(!page->recommendation().runId.isEmpty());
        page->leaderboardView()->setFocus();
        page->leaderboardView()->selectAll(); // filter, then Ctrl+A
        QVERIFY(page->selectedRunIds().size() > 1);
        QVERIFY(!page->registerSelectedButton()->isEnabled()); // one row at a time
        QTest::mouseClick(page->registerRecommendedButton(), Qt::LeftButton);
        auto *dialog = m_window->findChild<RegisterModelDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->runId(), page->recommendation().runId);
        dialog->nameEdit()->setText(QStringLiteral("recommended"));
        QSignalSpy registered(dialog, &RegisterModelDialog::registeredModel);
        dialog->submit();
        QVERIFY(registered.wait(60000));
        QCOMPARE(ModelStore(ws()).resolve(QStringLiteral("recommended"))->runId, page->recommendation().runId);
        // The page says so, with a link to the model.
        QVERIFY(screen()->notice()->isVisible());
        QVERIFY2(screen()->notice()->text().contains(QStringLiteral("recommended:1")), qPrintable(screen()->notice()->text()));

        page->leaderboardView()->selectRow(page->leaderboardView()->model()->rowCount() - 1);
        page->leaderboardView()->clearSelection();
        page->leaderboardView()->selectRow(0);
        QCOMPARE(page->selectedRunIds().size(), 1);
    }

    // 3. The header says which model the run recommends, its rank, and why.
    void recommendationInWords()
    {
        screen()->openRun(m_runB);
        RunDetailsPage *page = screen()->runPage();
        QTRY_VERIFY(!page->recommendation().runId.isEmpty());
        const ml::Recommendation &rec = page->recommendation();
        const QString text = page->recommendationLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("Recommended: ") + rec.algorithm), qPrintable(text));
        QVERIFY2(rec.isTop() ? text.contains(QStringLiteral("the top-ranked model"))
                             : text.contains(QStringLiteral("rank %1 of %2").arg(rec.rank).arg(rec.ranked)),
                 qPrintable(text));
        QVERIFY2(rec.sentence.size() > rec.algorithm.size() + 40 || rec.isTop(), qPrintable(rec.sentence)); // a reason, not just a name
        // Register or deploy either model in one click: the top-ranked one's buttons show when it is another.
        QCOMPARE(page->registerTopButton()->isVisible(), !rec.isTop());
        QCOMPARE(page->deployTopButton()->isVisible(), !rec.isTop());
        QVERIFY(page->deployRecommendedButton()->isVisible());
        // And why it ended.
        QVERIFY2(page->endLabel()->text().contains(QStringLiteral("trials it was allowed")), qPrintable(page->endLabel()->text()));
    }

    // 4. The wizard starts from the user's data, not the sample; the label is
    //    suggested by name and type, never a prediction column.
    void wizardStartsFromTheUsersData()
    {
        AutoMLWizard wizard(ws());
        auto *list = wizard.datasetPage()->findChild<QListWidget *>(QStringLiteral("wizardDatasets"));
        QVERIFY(list->currentItem());
        QVERIFY2(!list->currentItem()->text().contains(QStringLiteral("sample")), qPrintable(list->currentItem()->text()));
        bool markedSample = false;
        for (int i = 0; i < list->count(); ++i)
            markedSample = markedSample || list->item(i)->text().startsWith(QString::fromLatin1(kSampleDatasetName) + QStringLiteral(" (sample"));
        QVERIFY(markedSample);
        wizard.show();
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.runPage()->label()->currentData().toString(), QStringLiteral("DEATH_EVENT"));
        QVERIFY2(wizard.runPage()->impliedTask()->text().startsWith(QStringLiteral("Classification: predicts one of 2 classes")),
                 qPrintable(wizard.runPage()->impliedTask()->text()));
        wizard.reject();

        // A scored dataset ends with predicted_* and proba_* columns: they are never suggested.
        RegisterRequest request;
        request.name = QStringLiteral("scored");
        QVERIFY(importDataset(ws(), testing::writeFile(m_dir, QStringLiteral("scored.csv"),
                                                       "age,smoker,outcome,predicted_outcome,proba_no,proba_yes\n"
                                                       "61,yes,no,no,0.8,0.2\n70,no,yes,yes,0.3,0.7\n55,no,no,no,0.9,0.1\n"),
                              {}, request)
                    .ok());
        AutoMLWizard scored(ws(), QStringLiteral("scored"));
        scored.show();
        QTest::mouseClick(scored.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(scored.runPage()->label()->currentData().toString(), QStringLiteral("outcome"));
        scored.reject();
    }

    // 7. An interrupted run ends when it was last heard of, not when the studio restarted.
    void interruptedRunEndsWhenItStopped()
    {
        RunStore store(ws());
        Run parent = *store.get(m_runA);
        Run r;
        r.experimentId = parent.experimentId;
        r.config = parent.config;
        r.config.remove(QStringLiteral("best_child_run_id"));
        auto made = store.create(r);
        QVERIFY(made.ok());
        QVERIFY(store.setStatus(made->id, RunStatus::Queued).ok());
        QVERIFY(store.setStatus(made->id, RunStatus::Running).ok());
        Run child;
        child.experimentId = parent.experimentId;
        child.parentId = made->id;
        child.kind = QStringLiteral("trial");
        child.algorithm = QStringLiteral("LogisticRegression");
        auto kid = store.create(child);
        QVERIFY(kid.ok());
        QVERIFY(store.setStatus(kid->id, RunStatus::Queued).ok() && store.setStatus(kid->id, RunStatus::Running).ok());
        QVERIFY(store.setMetrics(kid->id, {{QStringLiteral("AUC_weighted"), 0.81}}).ok());
        QVERIFY(store.setStatus(kid->id, RunStatus::Completed).ok());
        // The process that ran it is gone; it was last heard of an hour ago.
        QSqlQuery q(ws().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE runs SET owner = 'nohost:1', heartbeat_at = '2026-01-01T10:00:00.000Z' WHERE id = '%1'").arg(made->id)));
        QCOMPARE(*store.recoverInterrupted(0), 1);
        const Run recovered = *store.get(made->id);
        QCOMPARE(recovered.status, RunStatus::Failed);
        QCOMPARE(recovered.endedAt, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));
        // 9. It keeps its best completed trial as its model.
        QCOMPARE(recovered.config.value(QStringLiteral("best_child_run_id")).toString(), kid->id);
        QVERIFY(ml::recommendation(recovered, *store.children(made->id)).sentence.contains(QStringLiteral("interrupted")));
        // Shown as interrupted, not as an error: in the experiment's run table and on its page.
        QVERIFY(recovered.wasInterrupted());
        screen()->openExperiment(recovered.experiment);
        QTRY_VERIFY([&] {
            for (int row = 0; row < screen()->runTable()->rowCount(); ++row)
                if (screen()->runTable()->item(row, 1) && screen()->runTable()->item(row, 1)->text() == made->id)
                    return screen()->runTable()->item(row, 2)->text() == QLatin1String("Interrupted");
            return false;
        }());
        screen()->openRun(made->id);
        QTRY_VERIFY(screen()->runPage()->statusLabel()->text().contains(QStringLiteral("Interrupted")));
        QVERIFY(screen()->runPage()->endLabel()->text().contains(QStringLiteral("interrupted")));
    }

    // 4. A scored dataset's predictions of the label are not learned from: the
    //    wizard marks them Ignore, the run leaves them out and says so.
    void scoredDatasetsPredictionsAreNotFeatures()
    {
        const auto pipeline = ml::TrainedPipeline::fromRun(ws(), m_runB);
        QVERIFY(pipeline.ok());
        const QString scored = m_dir.filePath(QStringLiteral("scored.csv"));
        auto table = DatasetStore(ws()).loadTable(*DatasetStore(ws()).resolve(QStringLiteral("patients")));
        QVERIFY(table.ok());
        auto scoredTable = batch::score(*pipeline, *table);
        QVERIFY(scoredTable.ok());
        QVERIFY(batch::writeCsv(*scoredTable, scored).ok());
        RegisterRequest request;
        request.name = QStringLiteral("patients-scored");
        QVERIFY(importDataset(ws(), scored, {}, request).ok());
        const QStringList leaks{QStringLiteral("predicted_DEATH_EVENT"), QStringLiteral("proba_false"), QStringLiteral("proba_true")};
        // The wizard: the label suggested, the predictions set to Ignore.
        AutoMLWizard wizard(ws(), QStringLiteral("patients-scored"));
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.config().label, QStringLiteral("DEATH_EVENT"));
        wizard.next();
        auto *columns = wizard.findChild<QTableWidget *>(QStringLiteral("wizardColumns"));
        QVERIFY(columns);
        QStringList ignored;
        for (int row = 0; row < columns->rowCount(); ++row)
            if (static_cast<QComboBox *>(columns->cellWidget(row, 2))->currentData().toString() == QLatin1String("ignore"))
                ignored << columns->item(row, 0)->text();
        QCOMPARE(ignored, leaks);
        // The engine, from the CLI or a script (no column purposes): left out, with a guardrail.
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("patients-scored"), {QStringLiteral("LogisticRegression")}, 2);
        c.experiment = QStringLiteral("scored");
        const auto run = testing::runAutoML(ws(), c);
        QVERIFY(run.ok());
        const QJsonArray guardrails = QJsonDocument::fromJson(*RunStore(ws()).artifact(*run, QStringLiteral("guardrails"))).array();
        bool said = false;
        for (const QJsonValue &g : guardrails)
            said = said || (g.toObject().value(QStringLiteral("code")).toString() == QLatin1String("prediction_columns")
                            && g.toObject().value(QStringLiteral("args")).toObject().value(QStringLiteral("columns")).toString()
                                   == leaks.join(QStringLiteral(", ")));
        QVERIFY(said);
        const QJsonArray featurization = QJsonDocument::fromJson(*RunStore(ws()).artifact(*run, QStringLiteral("featurization"))).array();
        for (const QJsonValue &f : featurization)
            QVERIFY2(!leaks.contains(f.toObject().value(QStringLiteral("column")).toString()), qPrintable(f.toObject().value(QStringLiteral("column")).toString()));
        // Not a model that reads the answer: its score is the patients' (below 0.99), not a leak's.
        QVERIFY(RunStore(ws()).get(*run)->metrics.value(QStringLiteral("AUC_weighted")) < 0.99);
    }

    // 9. A canceled run keeps its best completed trial: shown, registered (refitted), scored in the list.
    void canceledRunKeepsItsBestModel()
    {
        ml::AutoMLConfig c = testing::quickConfig(QStringLiteral("patients"), {QStringLiteral("LogisticRegression"), QStringLiteral("KNN")}, 0);
        c.maxTrials = 0;
        c.experimentTimeoutSeconds = 300;
        c.experiment = QStringLiteral("canceled");
        c.votingEnsemble = c.stackEnsemble = true;
        ml::AutoMLRun run(ws(), c);
        QSignalSpy finished(&run, &ml::AutoMLRun::finished);
        QSignalSpy trials(&run, &ml::AutoMLRun::trialFinished);
        QVERIFY(run.start().ok());
        // Until a few trials, of both algorithms, have completed (so that every kind of ensemble can be built afterwards).
        const auto algorithms = [&] {
            QSet<QString> seen;
            for (const QList<QVariant> &t : std::as_const(trials))
                if (const auto r = t.first().value<ml::TrialResult>(); r.status == RunStatus::Completed)
                    seen << r.algorithm;
            return seen.size();
        };
        QVERIFY(trials.wait(60000));
        while ((trials.size() < 3 || algorithms() < 2) && trials.size() < 20 && trials.wait(30000)) {
        }
        run.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000); // cancel() may end the run before it returns
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Canceled"));
        const Run parent = *RunStore(ws()).get(run.parentId());
        const QString best = parent.config.value(QStringLiteral("best_child_run_id")).toString();
        QVERIFY(!best.isEmpty());
        QVERIFY(parent.metrics.contains(QStringLiteral("AUC_weighted"))); // the experiment list shows its score
        screen()->openRun(run.parentId());
        QTRY_COMPARE(screen()->runPage()->recommendation().runId, best);
        QVERIFY(screen()->runPage()->recommendationLabel()->text().contains(QStringLiteral("canceled")));
        QVERIFY(screen()->runPage()->registerRecommendedButton()->isVisible());
        QVERIFY(screen()->runPage()->endLabel()->text().contains(QStringLiteral("canceled")));
        auto registered = ml::registerRunModel(ws(), best, QStringLiteral("kept-from-cancel"));
        QVERIFY2(registered.ok(), qPrintable(registered.message()));

        // The experiment list shows its score.
        m_window->showScreen(MainWindow::Experiments);
        screen()->showList();
        ExperimentListModel *list = screen()->experiments();
        QTRY_VERIFY([&] {
            for (int r = 0; r < list->rowCount(); ++r)
                if (list->index(r, ExperimentListModel::NameColumn).data().toString() == QLatin1String("canceled"))
                    return list->index(r, ExperimentListModel::BestColumn).data().toString()
                           == format::metric(parent.metrics.value(QStringLiteral("AUC_weighted")));
            return false;
        }());

        // The offer to build the ensembles from the completed trials: they are built, and recommended as at a run's end.
        screen()->openRun(run.parentId());
        RunDetailsPage *page = screen()->runPage();
        QTRY_VERIFY(page->buildEnsemblesButton()->isVisible());
        QTest::mouseClick(page->buildEnsemblesButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->recommendationLabel()->text().contains(QStringLiteral("built from the completed trials after the run was canceled")),
                                 60000);
        QTRY_VERIFY(!page->buildEnsemblesButton()->isVisible());
        const Run after = *RunStore(ws()).get(run.parentId());
        QCOMPARE(after.status, RunStatus::Canceled);
        // Voting and stack ensembles always; the family blend when two algorithms completed trials.
        QStringList ensembles, families;
        const QList<Run> children = *RunStore(ws()).children(run.parentId());
        for (const Run &r : children)
            if (r.kind == QLatin1String("ensemble") && r.status == RunStatus::Completed)
                ensembles << r.algorithm;
            else if (r.status == RunStatus::Completed && !families.contains(r.algorithm))
                families << r.algorithm;
        QStringList expected{QStringLiteral("VotingEnsemble"), QStringLiteral("StackEnsemble")};
        if (families.size() >= 2)
            expected << QStringLiteral("BestOfFamilyEnsemble");
        QCOMPARE(ensembles, expected);
        QVERIFY2(families.size() >= 2, "the family blend was not tried: one algorithm completed");
        QVERIFY(RunStore(ws()).artifact(run.parentId(), QStringLiteral("log"))->contains("from its"));
        const ml::Recommendation rec = ml::recommendation(after, children);
        QCOMPARE(after.config.value(QStringLiteral("best_child_run_id")).toString(), rec.runId);
        QCOMPARE(after.metrics.value(QStringLiteral("AUC_weighted")), rec.score);
        // Built once: the offer is gone and a second build is refused.
        QVERIFY(!ml::ensembleCompletedTrials(ws(), run.parentId()).ok());
        // The recommended model registers (refitted on every row).
        auto again = ml::registerRunModel(ws(), rec.runId, QStringLiteral("ensembled-after-cancel"));
        QVERIFY2(again.ok(), qPrintable(again.message()));
    }

    // 11. The lesson's request, exactly, for a model of the lesson's columns.
    void theLessonsRequest()
    {
        const auto pipeline = ml::TrainedPipeline::fromRun(ws(), m_runB);
        QVERIFY(pipeline.ok());
        const serve::Scorer scorer(std::make_shared<const ml::TrainedPipeline>(*pipeline));
        const QJsonObject row = scorer.sampleRequest().value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(row.value(QStringLiteral("serum_creatinine")).toString(), QStringLiteral("1.40"));
        QCOMPARE(row.value(QStringLiteral("sex")).toString(), QStringLiteral("false"));
        QCOMPARE(row.value(QStringLiteral("time")).toString(), QStringLiteral("130"));
        QCOMPARE(row, serve::Scorer::lessonRow());
        QCOMPARE(scorer.score(serve::Scorer::Route::Score, QJsonDocument(scorer.sampleRequest()).toJson(), "application/json").status, 200);
    }

    // 6. Korean without English holes: every screen, in Korean, with Qt's own
    //    catalogue; no visible text may hold a word of an English-only list.
    void koreanWithoutEnglishHoles()
    {
        testing::Korean korean;
        if (!korean.qtCatalogueFound())
            QSKIP("Qt's Korean catalogue is not installed (./setup.sh installs qt6-translations-l10n)");
        QVERIFY(korean.ready());
        auto window = std::make_unique<MainWindow>(std::move(*openWorkspace(ws().path())));
        window->resize(1024, 700);
        window->show();
        QStringList found;
        const QString shots = QStringLiteral(STRATUS_SCREENSHOTS);
        const auto collect = [&](const QString &where) { found << testing::englishHoles(window.get(), where); };
        const auto shoot = [&](const QString &name) {
            QApplication::processEvents();
            window->grab().save(QDir(shots).filePath(name + QStringLiteral("-ko.png")));
        };
        for (MainWindow::Screen s : {MainWindow::Home, MainWindow::Datasets, MainWindow::Compute, MainWindow::Experiments,
                                     MainWindow::Models, MainWindow::Endpoints}) {
            window->showScreen(s);
            collect(QStringLiteral("screen %1").arg(int(s)));
        }
        window->showScreen(MainWindow::Datasets);
        window->datasetsScreen()->openDataset(QStringLiteral("patients"));
        collect(QStringLiteral("dataset page"));
        // A model's details (its task, its lineage).
        if (ModelStore(window->workspace()).list().value_or(QList<ModelVersion>()).isEmpty())
            QVERIFY(ml::registerRunModel(window->workspace(), firstChild(window->workspace(), m_runB), QStringLiteral("korean")).ok());
        window->showScreen(MainWindow::Models);
        QTRY_VERIFY(window->modelsScreen()->tree()->topLevelItemCount() > 0);
        window->modelsScreen()->select(ModelStore(window->workspace()).list()->first().reference());
        QTRY_VERIFY(!window->modelsScreen()->selectedReference().isEmpty());
        collect(QStringLiteral("model details"));
        shoot(QStringLiteral("models"));
        window->showScreen(MainWindow::Experiments);
        ExperimentsScreen *experiments = window->experimentsScreen();
        experiments->openExperiment(QStringLiteral("second"));
        QTRY_VERIFY(experiments->runTable()->rowCount() > 0);
        collect(QStringLiteral("experiment page"));
        experiments->openRun(m_runB);
        QTRY_VERIFY(experiments->runPage()->leaderboard()->rowCount() > 0);
        for (int tab = 0; tab < experiments->runPage()->tabs()->count(); ++tab) {
            experiments->runPage()->tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            collect(QStringLiteral("run page, tab %1").arg(tab));
        }
        experiments->runPage()->tabs()->setCurrentIndex(0);
        shoot(QStringLiteral("run"));
        experiments->openChildRun(firstChild(window->workspace(), m_runB));
        QTest::qWait(300);
        collect(QStringLiteral("child run page"));
        experiments->openChildRun(experiments->runPage()->recommendation().runId);
        QTest::qWait(300);
        collect(QStringLiteral("recommended child run page"));
        shoot(QStringLiteral("child"));
        QStringList ids;
        for (const Run &r : RunStore(window->workspace()).children(m_runB)->mid(0, 3))
            ids << r.id;
        experiments->compare(ids);
        QTRY_VERIFY(experiments->compareView()->reloader()->isIdle() && experiments->compareView()->metricTable()->columnCount() == 3);
        QTest::qWait(300);
        collect(QStringLiteral("compare"));
        shoot(QStringLiteral("compare"));
        if (auto *tabs = experiments->compareView()->findChild<QTabWidget *>())
            for (int tab = 1; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                collect(QStringLiteral("compare, tab %1").arg(tab));
                shoot(QStringLiteral("compare-tab%1").arg(tab));
            }

        // The dialogs, with Qt's buttons from Qt's own catalogue.
        AutoMLWizard wizard(window->workspace(), QStringLiteral("patients"));
        QVERIFY2(wizard.buttonText(QWizard::CancelButton) != QLatin1String("Cancel"), qPrintable(wizard.buttonText(QWizard::CancelButton)));
        QVERIFY2(!wizard.buttonText(QWizard::NextButton).contains(QLatin1String("Next")), qPrintable(wizard.buttonText(QWizard::NextButton)));
        wizard.show();
        for (int page = 0; page < 6 && wizard.currentPage(); ++page) {
            found << testing::englishHoles(&wizard, QStringLiteral("AutoML wizard, page %1").arg(page));
            wizard.grab().save(QDir(shots).filePath(QStringLiteral("dialog-automl-%1-ko.png").arg(page)));
            const int before = wizard.currentId();
            wizard.next();
            if (wizard.currentId() == before)
                break;
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // 8. Compare: legends beside the data, never over it, and whole; entries
    //    name the AutoML run and the child; parallel coordinates show real
    //    values (log axes where the learner searches on one) and one run.
    void compareHidesNothing()
    {
        QStringList ids; // eight: more than a column of names holds, so the legend lays them out in as many columns as fit
        for (const QString &parent : {m_runA, m_runB})
            for (const Run &r : RunStore(ws()).children(parent)->mid(0, 4))
                ids << r.id;
        m_window->resize(1024, 700);
        m_window->showScreen(MainWindow::Experiments);
        screen()->compare(ids);
        CompareView *view = screen()->compareView();
        QTRY_VERIFY(view->reloader()->isIdle() && view->metricTable()->columnCount() == ids.size());
        QApplication::processEvents();
        // "first run 1 · #0 LogisticRegression (0.8811)": two experiments, so each names its own.
        const QRegularExpression entry(QStringLiteral("^(first|second) run 1 · #\\d+ \\w+ \\(\\d\\.\\d{4}\\)$"));
        for (ChartView *chart : {view->rocChart(), view->precisionRecallChart()}) {
            chart->replot();
            int entries = 0;
            for (int i = 0; i < chart->legend->itemCount(); ++i) { // the grid's cells, the last row's perhaps empty
                QCPAbstractLegendItem *item = chart->legend->item(i);
                if (!item)
                    continue;
                ++entries;
                const QString name = static_cast<QCPPlottableLegendItem *>(item)->plottable()->name();
                QVERIFY2(entry.match(name).hasMatch(), qPrintable(name));
                // Whole: the entry has the room its text needs, inside the chart.
                QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(), qPrintable(name));
                QVERIFY2(chart->rect().contains(item->outerRect()), qPrintable(name));
            }
            QCOMPARE(entries, ids.size());
            // Beside the data: the legend and the plot's axis rectangle do not overlap.
            QVERIFY(!chart->legend->outerRect().intersects(chart->axisRect()->rect()));
        }
        // The metric against training time names each run the same way.
        for (int i = 0; i < view->costChart()->plottableCount(); ++i)
            QVERIFY2(entry.match(view->costChart()->plottable(i)->name()).hasMatch(), qPrintable(view->costChart()->plottable(i)->name()));

        // Only ensembles: no hyperparameters to draw, said in words.
        QStringList ensembles;
        for (const QString &parent : {m_runA, m_runB}) {
            const QList<Run> children = RunStore(ws()).children(parent).value_or(QList<Run>());
            for (const Run &r : children)
                if (r.kind == QLatin1String("ensemble") && r.algorithm == QLatin1String("VotingEnsemble"))
                    ensembles << r.id;
        }
        view->showRuns(ensembles);
        QTRY_VERIFY(view->reloader()->isIdle() && view->metricTable()->columnCount() == ensembles.size());
        QVERIFY(!view->findChild<QLabel *>(QStringLiteral("noHyperparameters"))->isHidden()); // shown when its tab is
        QVERIFY(view->parallelChart()->isHidden());

        // Parallel coordinates of one algorithm's runs of one AutoML run: each axis's lowest and highest real value is written on it.
        QStringList sameRun;
        QString algorithm;
        QMap<QString, int> counts;
        const QList<Run> children = *RunStore(ws()).children(m_runB);
        for (const Run &r : children)
            ++counts[r.algorithm];
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it.value() >= 2 && ml::makeLearner(it.key(), ml::Task::Classification))
                algorithm = it.key();
        QVERIFY2(!algorithm.isEmpty(), "a run with two trials of one algorithm");
        QMap<QString, std::pair<double, double>> range;
        for (const Run &r : children)
            if (r.algorithm == algorithm) {
                sameRun << r.id;
                const QJsonObject h = r.config.value(QStringLiteral("hyperparameters")).toObject();
                for (auto it = h.begin(); it != h.end(); ++it)
                    if (it.value().isDouble()) {
                        auto [lo, hi] = range.value(it.key(), {INFINITY, -INFINITY});
                        range.insert(it.key(), {std::min(lo, it.value().toDouble()), std::max(hi, it.value().toDouble())});
                    }
            }
        view->showRuns(sameRun);
        QTRY_VERIFY(view->reloader()->isIdle() && view->metricTable()->columnCount() == sameRun.size());
        view->parallelAlgorithm()->setCurrentIndex(view->parallelAlgorithm()->findData(algorithm));
        ChartView *parallel = view->parallelChart();
        QStringList written;
        for (int i = 0; i < parallel->itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(parallel->item(i)))
                written << text->text();
        const auto ticks = static_cast<QCPAxisTickerText *>(parallel->xAxis->ticker().data())->ticks();
        QSet<QString> logNamed;
        for (const ml::Dimension &d : ml::makeLearner(algorithm, ml::Task::Classification)->space(ml::Task::Classification))
            if (d.log)
                logNamed << d.name;
        QVERIFY(!range.isEmpty());
        for (auto it = range.begin(); it != range.end(); ++it) {
            QVERIFY2(written.contains(QLocale().toString(it->first, 'g', 4)), qPrintable(it.key() + QLatin1String(": ") + written.join(' ')));
            QVERIFY2(written.contains(QLocale().toString(it->second, 'g', 4)), qPrintable(it.key()));
            const QString label = logNamed.contains(it.key()) ? QStringLiteral("%1 (log)").arg(it.key()) : it.key();
            QVERIFY2(ticks.values().contains(label), qPrintable(label + QLatin1String(" not in ") + ticks.values().join(' ')));
        }

        // One run: one line through the middle of every axis, each value written.
        view->showRuns({sameRun.first()});
        QTRY_VERIFY(view->reloader()->isIdle() && view->metricTable()->columnCount() == 1);
        QCOMPARE(parallel->plottableCount(), 1);
        const QList<QPointF> points = parallel->seriesPoints(parallel->plottable(0)->name());
        QVERIFY(!points.isEmpty());
        for (const QPointF &p : points)
            QCOMPARE(p.y(), 0.5);
    }

    // 7. The Logs tab follows the tail while the user is at the bottom, and
    //    stays where the user scrolled otherwise.
    void logsFollowTheTail()
    {
        ml::AutoMLConfig endless = testing::quickConfig(QStringLiteral("patients"), {}, 0);
        endless.maxTrials = 1000;
        endless.experimentTimeoutSeconds = 600;
        endless.earlyStopping = false;
        endless.experiment = QStringLiteral("logs");
        QSignalSpy started(m_window->runManager(), &RunManager::started);
        m_window->runManager()->submit(endless);
        QVERIFY(started.wait(20000));
        const QString id = started.first().first().toString();
        auto cancel = qScopeGuard([&] {
            ml::AutoMLRun *run = m_window->runManager()->run(id);
            QSignalSpy finished(run, &ml::AutoMLRun::finished);
            if (m_window->runManager()->cancel(id))
                finished.wait(60000);
        });
        screen()->openRun(id);
        RunDetailsPage *page = screen()->runPage();
        page->tabs()->setCurrentWidget(page->logView());
        QScrollBar *bar = page->logView()->verticalScrollBar();
        const auto lines = [page] { return page->logView()->blockCount(); };
        // Longer than the view, and still at its end as it grows.
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0, 30000);
        int seen = lines();
        QTRY_VERIFY_WITH_TIMEOUT(lines() > seen, 30000);
        QCOMPARE(bar->value(), bar->maximum());
        // Scrolled up: it stays there while lines arrive.
        bar->setValue(0);
        seen = lines();
        QTRY_VERIFY_WITH_TIMEOUT(lines() > seen, 30000);
        QCOMPARE(bar->value(), 0);
        // Back at the bottom: it follows again.
        bar->setValue(bar->maximum());
        seen = lines();
        QTRY_VERIFY_WITH_TIMEOUT(lines() > seen, 30000);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // 7. Quitting while a run trains asks: "Don't quit" keeps everything;
    //    "Stop and quit" cancels the run (it keeps its best completed model)
    //    and closes once it has stopped; "Keep training and quit" closes the
    //    window at once and the process's window goes away when the run ends.
    void quittingWhileTrainingAsks()
    {
        const auto answer = [](const char *button) {
            auto *timer = new QTimer;
            QObject::connect(timer, &QTimer::timeout, timer, [timer, button] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()
                        && box->objectName() == QLatin1String("quitWhileTraining")) {
                        box->findChild<QPushButton *>(QLatin1String(button))->click();
                        timer->deleteLater();
                    }
            });
            timer->start(50);
        };
        const QString path = m_dir.filePath(QStringLiteral("quit.stratus"));
        {
            auto ws = testing::newWorkspace(m_dir, QStringLiteral("quit.stratus"));
            QVERIFY(registerSampleDataset(*ws).ok());
        }
        auto *window = new MainWindow(std::move(*openWorkspace(path)));
        window->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy destroyed(window, &QObject::destroyed);
        window->show();
        ml::AutoMLConfig endless = testing::quickConfig(QString::fromLatin1(kSampleDatasetName), {}, 0);
        endless.maxTrials = 1000;
        endless.experimentTimeoutSeconds = 600;
        endless.earlyStopping = false;
        QSignalSpy started(window->runManager(), &RunManager::started);
        window->runManager()->submit(endless);
        QVERIFY(started.wait(20000));
        const QString first = started.first().first().toString();

        answer("dontQuit");
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QCOMPARE(window->runManager()->training(), QStringList{first});

        // Stop and quit: once a trial has completed, so that there is a best model to keep.
        QTRY_VERIFY_WITH_TIMEOUT(RunStore(window->workspace()).children(first).value_or(QList<Run>()).size() >= 3, 30000);
        answer("stopAndQuit");
        QVERIFY(!window->close()); // not yet: the run is stopping
        QVERIFY(!window->isEnabled());
        QVERIFY(destroyed.wait(60000));
        {
            auto ws = openWorkspace(path);
            const Run run = *RunStore(**ws).get(first);
            QCOMPARE(run.status, RunStatus::Canceled);
            QVERIFY(!run.config.value(QStringLiteral("best_child_run_id")).toString().isEmpty());
        }

        // The run ends while the question is open: the question says so, and Quit closes at once.
        window = new MainWindow(std::move(*openWorkspace(path)));
        window->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy closed(window, &QObject::destroyed);
        window->show();
        QSignalSpy startedShort(window->runManager(), &RunManager::started);
        window->runManager()->submit(testing::quickConfig(QString::fromLatin1(kSampleDatasetName), {QStringLiteral("LogisticRegression")}, 4));
        QVERIFY(startedShort.wait(20000));
        auto *late = new QTimer;
        QObject::connect(late, &QTimer::timeout, late, [late, window] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()
                    && box->objectName() == QLatin1String("quitWhileTraining") && window->runManager()->training().isEmpty()) {
                    QApplication::processEvents();
                    if (!box->text().contains(QLatin1String("finished")))
                        return;
                    box->findChild<QPushButton *>(QStringLiteral("stopAndQuit"))->click();
                    late->deleteLater();
                }
        });
        late->start(50);
        QVERIFY(!window->close());
        QVERIFY(closed.wait(30000));

        // Keep training and quit: the window goes at once; the run completes, then the window closes.
        window = new MainWindow(std::move(*openWorkspace(path)));
        window->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy gone(window, &QObject::destroyed);
        window->show();
        ml::AutoMLConfig some = testing::quickConfig(QString::fromLatin1(kSampleDatasetName),
                                                     {QStringLiteral("LogisticRegression"), QStringLiteral("RandomForest")}, 16);
        QSignalSpy startedAgain(window->runManager(), &RunManager::started);
        window->runManager()->submit(some);
        QVERIFY(startedAgain.wait(20000));
        const QString second = startedAgain.first().first().toString();
        answer("keepTrainingAndQuit");
        QVERIFY(!window->close());
        QVERIFY(!window->isVisible());
        QCOMPARE(RunStore(window->workspace()).get(second)->status, RunStatus::Running);
        QVERIFY(gone.wait(120000));
        auto ws = openWorkspace(path);
        QCOMPARE(RunStore(**ws).get(second)->status, RunStatus::Completed);
    }

    // 5. Every dialog fits 1024x700 as it opens and on each of its pages.
    void everyDialogFits1024x700()
    {
        const QSize small(1024, 700);
        const QString shots = QStringLiteral(STRATUS_SCREENSHOTS);
        QStringList problems;
        const auto check = [&](QWidget *dialog, const QString &name) {
            dialog->show();
            QApplication::processEvents();
            QTest::qWait(50);
            const QSize needed = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
            if (qEnvironmentVariableIsSet("STRATUS_SIZE_DEBUG"))
                qInfo("%s: size %dx%d, minimum %dx%d, hint %dx%d", qPrintable(name), dialog->width(), dialog->height(), needed.width(),
                      needed.height(), dialog->sizeHint().width(), dialog->sizeHint().height());
            if (needed.width() > small.width() || needed.height() > small.height())
                problems << QStringLiteral("%1 needs %2x%3").arg(name).arg(needed.width()).arg(needed.height());
            if (dialog->width() > small.width() || dialog->height() > small.height())
                problems << QStringLiteral("%1 opens at %2x%3").arg(name).arg(dialog->width()).arg(dialog->height());
            dialog->grab().save(QDir(shots).filePath(name + QStringLiteral(".png")));
        };
        {
            AutoMLWizard wizard(ws(), QStringLiteral("patients"));
            wizard.show();
            for (int page = 0; page < 6 && wizard.currentPage(); ++page) {
                check(&wizard, QStringLiteral("dialog-automl-%1").arg(page));
                const int before = wizard.currentId();
                wizard.next();
                if (wizard.currentId() == before)
                    break;
            }
        }
        {
            QString file = testing::sharedHeartFailureCsv();
            if (!QFile::exists(file)) {
                file = m_dir.filePath(QStringLiteral("dialog.csv"));
                QVERIFY(batch::writeCsv(generateHeartFailureRecords(50), file).ok());
            }
            ImportWizard wizard(ws(), file);
            wizard.show();
            for (int page = 0; page < 6 && wizard.currentPage(); ++page) {
                QTest::qWait(300); // the preview reads the file in the background
                check(&wizard, QStringLiteral("dialog-import-%1").arg(page));
                const int before = wizard.currentId();
                wizard.next();
                if (wizard.currentId() == before)
                    break;
            }
        }
        {
            ComputeDialog dialog(ws(), ComputeStore(ws()).list()->first());
            check(&dialog, QStringLiteral("dialog-compute"));
        }
        {
            RegisterModelDialog dialog(ws(), screen()->runPage()->recommendation().runId.isEmpty() ? firstChild(ws(), m_runB)
                                                                                                   : screen()->runPage()->recommendation().runId,
                                       QStringLiteral("heart-failure-model"));
            check(&dialog, QStringLiteral("dialog-register"));
        }
        if (ModelStore(ws()).list().value_or(QList<ModelVersion>()).isEmpty())
            QVERIFY(ml::registerRunModel(ws(), firstChild(ws(), m_runB), QStringLiteral("dialogs")).ok());
        const QList<ModelVersion> models = ModelStore(ws()).list().value_or(QList<ModelVersion>());
        {
            DeployDialog dialog(ws(), *m_window->supervisor(), models.first().reference());
            check(&dialog, QStringLiteral("dialog-deploy"));
        }
        {
            ScoreDatasetDialog dialog(ws(), models.first().reference());
            check(&dialog, QStringLiteral("dialog-score"));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // 5. Every screen fits 1024x700: the window never needs more (no growth),
    //    and each page is grabbed for the README's screenshots.
    void everyScreenFits1024x700()
    {
        const QSize small(1024, 700);
        m_window->resize(small);
        QStringList problems;
        const QString shots = QStringLiteral(STRATUS_SCREENSHOTS);
        QDir().mkpath(shots);
        const auto check = [&](const QString &name) {
            QApplication::processEvents();
            QTest::qWait(100);
            const QSize needed = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
            if (needed.width() > small.width() || needed.height() > small.height())
                problems << QStringLiteral("%1 needs %2x%3").arg(name).arg(needed.width()).arg(needed.height());
            if (m_window->size() != small)
                problems << QStringLiteral("%1 grew the window to %2x%3").arg(name).arg(m_window->width()).arg(m_window->height());
            m_window->grab().save(QDir(shots).filePath(name + QStringLiteral(".png")));
        };
        for (auto [screen, name] : {std::pair{MainWindow::Home, "home"}, {MainWindow::Datasets, "datasets"}, {MainWindow::Compute, "compute"},
                                    {MainWindow::Experiments, "experiments"}, {MainWindow::Models, "models"}, {MainWindow::Endpoints, "endpoints"}}) {
            m_window->showScreen(screen);
            check(QString::fromLatin1(name));
        }
        m_window->showScreen(MainWindow::Datasets);
        m_window->datasetsScreen()->openDataset(QStringLiteral("patients"));
        check(QStringLiteral("dataset"));
        m_window->showScreen(MainWindow::Experiments);
        screen()->openRun(m_runB);
        QTRY_VERIFY(screen()->runPage()->leaderboard()->rowCount() > 0);
        check(QStringLiteral("run"));
        // The leaderboard gives the algorithm its name's width before Rank and Iteration.
        QTableView *board = screen()->runPage()->leaderboardView();
        const int algorithm = board->columnWidth(LeaderboardModel::AlgorithmColumn);
        QFont bold = board->font();
        bold.setBold(true); // the recommended row's
        QVERIFY2(algorithm >= QFontMetrics(bold).horizontalAdvance(QStringLiteral("BestOfFamilyEnsemble")),
                 qPrintable(QString::number(algorithm)));
        QVERIFY2(board->columnWidth(LeaderboardModel::RankColumn) < algorithm / 2, qPrintable(QString::number(board->columnWidth(LeaderboardModel::RankColumn))));
        // 7. The progress text is whole inside its bar, and its colour stands out from the fill (WCAG's 4.5:1).
        QProgressBar *progress = screen()->runPage()->progressBar();
        QVERIFY2(progress->fontMetrics().horizontalAdvance(progress->text()) + 8 <= progress->width(), qPrintable(progress->text()));
        const auto luminance = [](const QColor &c) {
            const auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
        };
        const double fill = luminance(progress->palette().color(QPalette::Highlight)),
                     text = luminance(progress->palette().color(QPalette::HighlightedText));
        QVERIFY2((std::max(fill, text) + 0.05) / (std::min(fill, text) + 0.05) >= 4.5, "the progress text is hard to read over its fill");
        for (int tab = 1; tab < screen()->runPage()->tabs()->count(); ++tab) {
            screen()->runPage()->tabs()->setCurrentIndex(tab);
            check(QStringLiteral("run-tab%1").arg(tab));
        }
        screen()->openChildRun(screen()->runPage()->recommendation().runId);
        QTest::qWait(300);
        check(QStringLiteral("child"));
        screen()->compare(RunStore(ws()).children(m_runB)->mid(0, 3).isEmpty() ? QStringList{} : [&] {
            QStringList ids;
            for (const Run &r : RunStore(ws()).children(m_runB)->mid(0, 3))
                ids << r.id;
            return ids;
        }());
        QTest::qWait(500);
        check(QStringLiteral("compare"));
        if (auto *tabs = screen()->compareView()->findChild<QTabWidget *>())
            for (int tab = 1; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                check(QStringLiteral("compare-tab%1").arg(tab));
            }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTrust)
#include "tst_trust.moc"
