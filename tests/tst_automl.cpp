// The AutoML run on the synthetic heart-failure records: trials as child
// runs with metrics and curves, the best model refitted and stored, the same
// leaderboard for the same seed, cancel and the experiment timeout.
#include "AutoMLRun.h"
#include "RunStore.h"
#include "SampleData.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace stratus;
using namespace stratus::ml;

namespace {

AutoMLConfig config(int trials, quint64 seed = 1)
{
    AutoMLConfig c;
    c.dataset = QString::fromLatin1(kSampleDatasetName);
    c.label = QStringLiteral("DEATH_EVENT");
    c.experiment = QStringLiteral("heart-failure");
    c.maxTrials = trials;
    c.crossValidations = 5;
    c.seed = seed;
    return c;
}

std::unique_ptr<Workspace> workspace(const QTemporaryDir &dir, const QString &name)
{
    auto ws = testing::newWorkspace(dir, name);
    if (!registerSampleDataset(*ws))
        qFatal("no sample");
    return ws;
}

} // namespace

class TestAutoML : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void runRecordsTrialsAndTheBestModel()
    {
        auto ws = workspace(m_dir, QStringLiteral("run.stratus"));
        AutoMLRun run(*ws, config(6));
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QSignalSpy trials(&run, &AutoMLRun::trialFinished);
        auto id = run.start();
        QVERIFY2(id.ok(), qPrintable(id.message()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));

        const auto board = run.leaderboard();
        QCOMPARE(board.size(), 8); // 6 trials, the VotingEnsemble and the StackEnsemble
        QCOMPARE(trials.size(), 8);
        for (int i = 1; i < board.size(); ++i)
            QVERIFY(board[i - 1].metrics.value(QStringLiteral("AUC_weighted")) >= board[i].metrics.value(QStringLiteral("AUC_weighted")));
        QVERIFY2(board.first().metrics.value(QStringLiteral("AUC_weighted")) > 0.8,
                 qPrintable(QString::number(board.first().metrics.value(QStringLiteral("AUC_weighted")))));

        RunStore store(*ws);
        auto parent = store.get(*id);
        QCOMPARE(parent->status, RunStatus::Completed);
        QCOMPARE(parent->config.value(QStringLiteral("best_child_run_id")).toString(), run.bestRunId());
        const QJsonArray guardrails = QJsonDocument::fromJson(*store.artifact(*id, QStringLiteral("guardrails"))).array();
        QCOMPARE(guardrails.size(), 4);
        QCOMPARE(guardrails.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Class balancing detection"));
        QCOMPARE(guardrails.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("Passed")); // 32% deaths
        QCOMPARE(guardrails.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("Passed")); // nothing missing
        QCOMPARE(QJsonDocument::fromJson(*store.artifact(*id, QStringLiteral("featurization"))).array().size(), 12);
        QCOMPARE(parent->metrics.value(QStringLiteral("AUC_weighted")), board.first().metrics.value(QStringLiteral("AUC_weighted")));
        auto children = store.children(*id);
        QCOMPARE(children->size(), 8);
        const Run ensemble = children->at(6);
        QCOMPARE(ensemble.algorithm, QStringLiteral("VotingEnsemble"));
        QVERIFY(!ensemble.config.value(QStringLiteral("ensemble_members")).toArray().isEmpty());
        double weights = 0;
        for (const QJsonValue &m : ensemble.config.value(QStringLiteral("ensemble_members")).toArray())
            weights += m.toObject().value(QStringLiteral("weight")).toDouble();
        QVERIFY(std::abs(weights - 1) < 1e-9);
        // The ensemble is at least as good as its best member on the out-of-fold predictions.
        double bestTrial = 0;
        for (const Run &child : *children) {
            if (child.kind == QLatin1String("trial"))
                bestTrial = std::max(bestTrial, child.metrics.value(QStringLiteral("AUC_weighted")));
        }
        QVERIFY(ensemble.metrics.value(QStringLiteral("AUC_weighted")) >= bestTrial);
        for (const Run &child : *children) {
            QCOMPARE(child.status, RunStatus::Completed);
            QVERIFY(child.metrics.contains(QStringLiteral("log_loss")));
            QVERIFY(store.artifact(child.id, QStringLiteral("curves")).ok());
            QCOMPARE(store.artifact(child.id, QStringLiteral("predictions"))->size(), qsizetype(299 * 2 * 8));
        }
        const QJsonObject pipeline = QJsonDocument::fromJson(*store.artifact(run.bestRunId(), QStringLiteral("pipeline"))).object();
        QCOMPARE(pipeline.value(QStringLiteral("label")).toString(), QStringLiteral("DEATH_EVENT"));
        QVERIFY(!pipeline.value(QStringLiteral("members")).toArray().isEmpty());
    }

    void sameSeedSameLeaderboard()
    {
        auto ws = workspace(m_dir, QStringLiteral("seed.stratus"));
        QList<QList<double>> boards;
        for (int attempt = 0; attempt < 2; ++attempt) {
            AutoMLRun run(*ws, config(5, 42));
            QSignalSpy finished(&run, &AutoMLRun::finished);
            QVERIFY(run.start().ok());
            QVERIFY(finished.wait(60000));
            QList<double> scores;
            for (const TrialResult &r : run.leaderboard())
                scores << r.metrics.value(QStringLiteral("AUC_weighted")) << r.index;
            boards << scores;
        }
        QCOMPARE(boards[0], boards[1]);
    }

    void cancel()
    {
        auto ws = workspace(m_dir, QStringLiteral("cancel.stratus"));
        AutoMLRun run(*ws, config(200));
        QSignalSpy finished(&run, &AutoMLRun::finished);
        connect(&run, &AutoMLRun::trialFinished, &run, [&run] { run.cancel(); });
        auto id = run.start();
        QVERIFY(id.ok());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Canceled"));
        QCOMPARE(RunStore(*ws).get(*id)->status, RunStatus::Canceled);
        QVERIFY(RunStore(*ws).children(*id)->size() < 10);
    }

    void experimentTimeout()
    {
        auto ws = workspace(m_dir, QStringLiteral("timeout.stratus"));
        AutoMLConfig c = config(0);
        c.experimentTimeoutSeconds = 2;
        c.earlyStopping = false;
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run.start().ok());
        QVERIFY(finished.wait(30000));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed")); // a timeout ends the run normally
        QVERIFY(!run.bestRunId().isEmpty());
    }

    void badConfiguration_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("metric") << "metric" << "primary metric 'r2_score' is not one of";
        QTest::newRow("label") << "label" << "has no column 'outcome'";
        QTest::newRow("algorithms") << "algorithms" << "leave no algorithm (available: XGBoostClassifier, RandomForest";
        QTest::newRow("no end") << "budget" << "never ends";
        QTest::newRow("dataset") << "dataset" << "no dataset named 'nothing'";
        QTest::newRow("holdout") << "holdout" << "validation fraction must be above 0 and at most 0.5";
        QTest::newRow("holdout and folds") << "both" << "not both";
    }
    void badConfiguration()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        auto ws = workspace(m_dir, QStringLiteral("bad-%1.stratus").arg(what));
        AutoMLConfig c = config(3);
        if (what == QLatin1String("metric"))
            c.primaryMetric = QStringLiteral("r2_score");
        else if (what == QLatin1String("label"))
            c.label = QStringLiteral("outcome");
        else if (what == QLatin1String("algorithms"))
            c.allowedAlgorithms = {QStringLiteral("ElasticNet")}; // a regressor
        else if (what == QLatin1String("budget"))
            c.maxTrials = 0;
        else if (what == QLatin1String("holdout"))
            c.validationFraction = 0.7;
        else if (what == QLatin1String("both"))
            c.validationFraction = 0.2;
        else
            c.dataset = QStringLiteral("nothing");
        AutoMLRun run(*ws, c);
        auto id = run.start();
        QVERIFY(!id.ok());
        QVERIFY2(id.message().contains(message), qPrintable(id.message()));
        QCOMPARE(RunStore(*ws).list()->size(), 0); // nothing recorded
    }
};

QTEST_GUILESS_MAIN(TestAutoML)
#include "tst_automl.moc"
