// The AutoML run on the synthetic heart-failure records: trials as child
// runs with metrics and curves, the best model refitted and stored, the same
// leaderboard for the same seed, cancel and the experiment timeout.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "export/onnx/OnnxExport.h"
#include "ml/automl/AutoMLRun.h"
#include "registry/ComputeStore.h"
#include "registry/RunStore.h"
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

// y = 2a - b + noise over `rows` rows, registered as dataset "line".
void registerLine(Workspace &ws, int rows)
{
    DataTable t;
    t.rowCount = size_t(rows);
    DataColumn a, b, y;
    a.name = QStringLiteral("a");
    b.name = QStringLiteral("b");
    y.name = QStringLiteral("y");
    for (int i = 0; i < rows; ++i) {
        a.numbers.push_back(std::sin(i * 0.37));
        b.numbers.push_back(std::cos(i * 0.11));
        y.numbers.push_back(2 * a.numbers.back() - b.numbers.back() + 0.05 * std::sin(i * 7.7));
    }
    t.columns = {a, b, y};
    RegisterRequest request;
    request.name = QStringLiteral("line");
    if (!registerDataTable(ws, t, request))
        qFatal("cannot register");
}

QList<Run> childrenOf(Workspace &ws, const QString &parent)
{
    return *RunStore(ws).children(parent);
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
        QCOMPARE(board.size(), 9); // 6 trials, the VotingEnsemble, the StackEnsemble and the BestOfFamilyEnsemble
        QCOMPARE(trials.size(), 9);
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
        auto children = store.children(*id);
        QCOMPARE(children->size(), 9);
        // BestOfFamilyEnsemble: the best trial of each of the three best algorithms, equally weighted.
        const Run family = children->at(8);
        QCOMPARE(family.algorithm, QStringLiteral("BestOfFamilyEnsemble"));
        const QJsonArray familyMembers = family.config.value(QStringLiteral("ensemble_members")).toArray();
        QCOMPARE(familyMembers.size(), 3);
        QStringList familyAlgorithms;
        for (const QJsonValue &m : familyMembers) {
            QCOMPARE(m.toObject().value(QStringLiteral("weight")).toDouble(), 1.0 / 3);
            const QString runId = m.toObject().value(QStringLiteral("run_id")).toString();
            const auto member = std::find_if(board.begin(), board.end(), [&](const TrialResult &r) { return r.runId == runId; });
            QVERIFY(member != board.end());
            QCOMPARE(member->algorithm, m.toObject().value(QStringLiteral("algorithm")).toString());
            familyAlgorithms << member->algorithm;
            for (const TrialResult &r : board) // no trial of its algorithm scores higher
                QVERIFY(r.isEnsemble() || r.algorithm != member->algorithm
                        || r.metrics.value(QStringLiteral("AUC_weighted")) <= member->metrics.value(QStringLiteral("AUC_weighted")));
        }
        familyAlgorithms.removeDuplicates();
        QCOMPARE(familyAlgorithms.size(), 3);
        // It is the model handed back when recommended (it is on this data), else the leaderboard's top.
        QVERIFY(family.config.value(QStringLiteral("recommended")).toBool());
        QCOMPARE(run.bestRunId(), family.id);
        QCOMPARE(parent->config.value(QStringLiteral("best_algorithm")).toString(), QStringLiteral("BestOfFamilyEnsemble"));
        QCOMPARE(parent->metrics.value(QStringLiteral("AUC_weighted")), family.metrics.value(QStringLiteral("AUC_weighted")));
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
        // Past the portfolio into the model-based search and past early
        // stopping's warm-up, two trials at a time: still the same, to the last digit.
        auto ws = workspace(m_dir, QStringLiteral("seed.stratus"));
        QList<QStringList> boards;
        for (int attempt = 0; attempt < 2; ++attempt) {
            AutoMLConfig c = config(30, 42);
            c.maxConcurrentTrials = 2;
            c.crossValidations = 3;
            AutoMLRun run(*ws, c);
            QSignalSpy finished(&run, &AutoMLRun::finished);
            QVERIFY(run.start().ok());
            QVERIFY(finished.wait(180000));
            QStringList rows;
            for (const TrialResult &r : run.leaderboard())
                rows << QStringLiteral("%1 %2 %3 %4")
                            .arg(r.index)
                            .arg(r.algorithm)
                            .arg(r.metrics.value(QStringLiteral("AUC_weighted")), 0, 'g', 17)
                            .arg(QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(r.params)).toJson(QJsonDocument::Compact)));
            boards << rows;
        }
        QCOMPARE(boards[0], boards[1]);
        // At least 20 trials (early stopping waits for 20) and both ensembles.
        QVERIFY2(boards[0].size() >= 22, qPrintable(QString::number(boards[0].size())));
        QSet<QString> algorithms;
        for (const QString &row : boards[0])
            algorithms << row.section(QLatin1Char(' '), 1, 1);
        QVERIFY2(algorithms.size() >= 8, qPrintable(boards[0].join(QLatin1Char('\n'))));
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
        // The model kept is the one chosen without a timeout (the recommended
        // BestOfFamilyEnsemble, or the top): its refit easily fits in what the timeout leaves.
        const auto board = run.leaderboard();
        const auto recommended = std::find_if(board.begin(), board.end(), [](const TrialResult &r) { return r.recommended; });
        QCOMPARE(run.bestRunId(), recommended != board.end() ? recommended->runId : board.first().runId);
    }

    void unequalFamiliesKeepTheTop()
    {
        // y is linear in a and b: ElasticNet fits it to the noise, KNN and
        // boosted trees are far behind. An equal blend of the three would be
        // worse by many standard errors, so the run hands back the top.
        auto ws = workspace(m_dir, QStringLiteral("unequal.stratus"));
        registerLine(*ws, 400);
        AutoMLConfig c = config(4);
        c.task = Task::Regression;
        c.dataset = QStringLiteral("line");
        c.label = QStringLiteral("y");
        c.allowedAlgorithms = {QStringLiteral("ElasticNet"), QStringLiteral("KNN"), QStringLiteral("XGBoostRegressor")};
        c.stackEnsemble = false;
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QVERIFY(run.start().ok());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));
        const auto board = run.leaderboard();
        const auto family = std::find_if(board.begin(), board.end(),
                                         [](const TrialResult &r) { return r.algorithm == QLatin1String("BestOfFamilyEnsemble"); });
        QVERIFY(family != board.end());
        QCOMPARE(family->members.size(), 3);
        QVERIFY(!family->recommended);
        QVERIFY(board.first().algorithm != QLatin1String("BestOfFamilyEnsemble"));
        QCOMPARE(run.bestRunId(), board.first().runId);
        QVERIFY(RunStore(*ws).get(family->runId)->config.contains(QStringLiteral("recommended")));
    }

    void failingTrialFailsAlone()
    {
        // KernelRidge on 2,250 training rows needs ~80 MB, more than the profile's 64 MB:
        // its trial fails with that reason; ElasticNet's completes, and so does the run.
        auto ws = workspace(m_dir, QStringLiteral("fail.stratus"));
        registerLine(*ws, 3000);
        ComputeProfile small;
        small.name = QStringLiteral("small");
        small.maxConcurrent = 1;
        small.memoryMb = 64;
        QVERIFY(ComputeStore(*ws).create(small).ok());
        AutoMLConfig c = config(2);
        c.task = Task::Regression;
        c.dataset = QStringLiteral("line");
        c.label = QStringLiteral("y");
        c.crossValidations = 4;
        c.computeProfile = QStringLiteral("small");
        c.allowedAlgorithms = {QStringLiteral("kernelridge"), QStringLiteral("ELASTICNET")};
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        auto id = run.start();
        QVERIFY2(id.ok(), qPrintable(id.message()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));
        const QList<Run> children = childrenOf(*ws, *id);
        QCOMPARE(children.size(), 2);
        for (const Run &child : children) {
            if (child.algorithm == QLatin1String("KernelRidge")) {
                QCOMPARE(child.status, RunStatus::Failed);
                QVERIFY2(child.error.contains(QStringLiteral("more than the 64 MB per trial of compute profile 'small'")),
                         qPrintable(child.error));
                QVERIFY(child.metrics.isEmpty());
            } else {
                QCOMPARE(child.algorithm, QStringLiteral("ElasticNet"));
                QCOMPARE(child.status, RunStatus::Completed);
                QVERIFY(child.metrics.value(QStringLiteral("r2_score")) > 0.99);
                QCOMPARE(child.id, run.bestRunId());
            }
        }
        // Regression charts and the permutation importance of the raw columns.
        RunStore store(*ws);
        const QJsonObject curves = QJsonDocument::fromJson(*store.artifact(run.bestRunId(), QStringLiteral("curves"))).object();
        QCOMPARE(curves.value(QStringLiteral("residuals")).toObject().value(QStringLiteral("counts")).toArray().size(), 20);
        QVERIFY(curves.value(QStringLiteral("predicted_vs_true")).toObject().value(QStringLiteral("true_mean")).toArray().size() >= 8);
        const QJsonArray importance = QJsonDocument::fromJson(*store.artifact(run.bestRunId(), QStringLiteral("importance"))).array();
        QCOMPARE(importance.size(), 2);
        QCOMPARE(importance.at(0).toObject().value(QStringLiteral("column")).toString(), QStringLiteral("a")); // weight 2 beats 1
        QVERIFY(importance.at(1).toObject().value(QStringLiteral("importance")).toDouble() > 0.1);
        const QString log = QString::fromUtf8(*store.artifact(*id, QStringLiteral("log")));
        QVERIFY2(log.contains(QStringLiteral("Failed after")) && log.contains(QStringLiteral("64 MB")), qPrintable(log));
    }

    void trialTimeout()
    {
        // 300 extremely randomized trees on 33,000 rows, three times, take
        // several seconds: the one-second trial timeout stops the trial.
        auto ws = workspace(m_dir, QStringLiteral("trial-timeout.stratus"));
        QVERIFY(registerSyntheticRecords(*ws, QStringLiteral("big"), 50000).ok());
        AutoMLConfig c = config(1);
        c.dataset = QStringLiteral("big");
        c.crossValidations = 3;
        c.trialTimeoutSeconds = 1;
        c.allowedAlgorithms = {QStringLiteral("ExtremeRandomTrees")};
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QElapsedTimer timer;
        timer.start();
        auto id = run.start();
        QVERIFY(id.ok());
        QVERIFY(finished.wait(60000));
        QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Failed"));
        const Run child = childrenOf(*ws, *id).first();
        QCOMPARE(child.status, RunStatus::Failed);
        QCOMPARE(child.error, QStringLiteral("trial timeout: stopped after 1 s"));
        // The run says why nothing completed, from its first failed trial.
        QCOMPARE(RunStore(*ws).get(*id)->error, QStringLiteral("no trial completed; trial 0: trial timeout: stopped after 1 s"));
    }

    void holdoutAndDebugLog()
    {
        auto ws = workspace(m_dir, QStringLiteral("holdout.stratus"));
        AutoMLConfig c = config(4);
        c.crossValidations = 0;
        c.validationFraction = 0.2;
        c.debugLog = m_dir.filePath(QStringLiteral("debug.log"));
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        auto id = run.start();
        QVERIFY2(id.ok(), qPrintable(id.message()));
        QVERIFY(finished.wait(60000));
        RunStore store(*ws);
        // 20% of each class held out: 41 of 203 survivors, 19 of 96 deaths.
        QCOMPARE(store.artifact(run.bestRunId(), QStringLiteral("predictions"))->size(), qsizetype(60 * 2 * 8));
        const QJsonArray guardrails = QJsonDocument::fromJson(*store.artifact(*id, QStringLiteral("guardrails"))).array();
        QVERIFY2(guardrails.at(0).toObject().value(QStringLiteral("description")).toString().startsWith(QStringLiteral("20% of 299 rows held out")),
                 qPrintable(guardrails.at(0).toObject().value(QStringLiteral("description")).toString()));
        QFile log(c.debugLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(text.contains("trial 3 Completed after"));
        QVERIFY(text.contains(" Completed\n") || text.contains("Completed"));
        QCOMPARE(QByteArray(*store.artifact(*id, QStringLiteral("log"))), text);
    }

    void cancelOneTrial()
    {
        auto ws = workspace(m_dir, QStringLiteral("one.stratus"));
        AutoMLConfig c = config(3);
        c.maxConcurrentTrials = 1;
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QString first;
        connect(&run, &AutoMLRun::trialQueued, &run, [&](const QString &id) {
            if (first.isEmpty()) {
                first = id;
                QVERIFY(run.cancelTrial(id));
            }
        });
        auto id = run.start();
        QVERIFY(id.ok());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("Completed"));
        QCOMPARE(RunStore(*ws).get(first)->status, RunStatus::Canceled);
        QVERIFY(!run.cancelTrial(first)); // no longer running
        int completed = 0;
        for (const Run &child : childrenOf(*ws, *id))
            completed += child.status == RunStatus::Completed;
        QCOMPARE(completed, 2 + 3); // the two other trials and the three ensembles
    }

    // Azure's enable_onnx_compatible_models: the run is recorded as such, and
    // the model it picks exports to ONNX. (tst_onnx checks the featurization
    // it implies for text and date columns, and the exports in ONNX Runtime.)
    void onnxCompatibleSearch()
    {
        auto ws = workspace(m_dir, QStringLiteral("onnx.stratus"));
        AutoMLConfig c = config(10);
        c.onnxCompatible = true;
        AutoMLRun run(*ws, c);
        QSignalSpy finished(&run, &AutoMLRun::finished);
        QVERIFY(run.start().ok());
        QVERIFY(finished.wait(120000));
        const auto parent = RunStore(*ws).get(run.parentId());
        QVERIFY(parent->config.value(QStringLiteral("enable_onnx_compatible_models")).toBool());
        const QString best = parent->config.value(QStringLiteral("best_child_run_id")).toString();
        const auto pipeline = RunStore(*ws).artifact(best, QStringLiteral("pipeline"));
        QVERIFY2(pipeline.ok(), qPrintable(pipeline.message()));
        const auto exported = onnx::exportPipeline(QJsonDocument::fromJson(*pipeline).object(), QStringLiteral("best"));
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QVERIFY(exported->bytes.size() > 1000);
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
