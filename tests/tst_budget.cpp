// AutoML under a time budget on real-size data (100,000 rows x 20 columns):
// the scheduler's cost model, trials never started when predicted not to fit,
// a budget that ends on time, more budget never handing back a model with a
// worse validation score, each trial's fidelity recorded, and successive
// halving's rungs and promotions.
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/CostModel.h"
#include "ml/automl/SuccessiveHalving.h"
#include "ml/sampling/Folds.h"
#include "registry/RunStore.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <random>

using namespace stratus;
using namespace stratus::ml;

namespace {

constexpr int kRows = 100000;
constexpr int kFeatures = 20;

// A binary label that depends on the features through interactions and
// thresholds (a linear model reaches about 0.8 AUC, trees well above 0.9),
// registered as dataset "large".
void registerLarge(Workspace &ws)
{
    std::mt19937_64 rng(2026);
    std::normal_distribution<double> normal;
    DataTable t;
    t.rowCount = kRows;
    t.columns.resize(kFeatures + 1);
    for (int f = 0; f < kFeatures; ++f)
        t.columns[size_t(f)].name = QStringLiteral("x%1").arg(f);
    DataColumn &label = t.columns.back();
    label.name = QStringLiteral("label");
    label.type = ColumnType::Integer;
    std::vector<double> x(kFeatures);
    for (int r = 0; r < kRows; ++r) {
        for (int f = 0; f < kFeatures; ++f) {
            x[size_t(f)] = normal(rng);
            t.columns[size_t(f)].appendNumber(x[size_t(f)]);
        }
        const double z = x[0] + x[1] * x[2] + std::sin(3 * x[3]) + 0.5 * x[4] * x[4] - (x[5] > 0.5 ? 1.0 : 0.0)
                         + 0.3 * x[6] + 0.7 * normal(rng);
        label.appendInteger(z > 0.8 ? 1 : 0);
    }
    RegisterRequest request;
    request.name = QStringLiteral("large");
    if (!registerDataTable(ws, t, request))
        qFatal("cannot register the large dataset");
}

AutoMLConfig budgetConfig(int seconds)
{
    AutoMLConfig c;
    c.dataset = QStringLiteral("large");
    c.label = QStringLiteral("label");
    c.experiment = QStringLiteral("budget");
    c.experimentTimeoutSeconds = seconds;
    c.seed = 1;
    return c;
}

struct Finished {
    QString parent;
    double wallSeconds = 0;
};

Finished runFor(Workspace &ws, int seconds)
{
    AutoMLRun run(ws, budgetConfig(seconds));
    QSignalSpy finished(&run, &AutoMLRun::finished);
    // The budget counts from the run's start (after the data is loaded and checked).
    auto started = run.start();
    if (!started)
        qFatal("%s", qPrintable(started.message()));
    QElapsedTimer wall;
    wall.start();
    if (!finished.wait(seconds * 1000 + 60000))
        qFatal("the run did not finish");
    return {*started, double(wall.elapsed()) / 1000.0};
}

} // namespace

class TestBudget : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QMap<int, Finished> m_runs; // by budget (s)

    const Finished &run(int seconds)
    {
        if (!m_runs.contains(seconds))
            m_runs.insert(seconds, runFor(*m_ws, seconds));
        return m_runs[seconds];
    }
    // The run's log, line by line (a failure's message is cut short).
    void dumpLog(const QString &parent)
    {
        for (const QByteArray &line : RunStore(*m_ws).artifact(parent, QStringLiteral("log"))->split('\n'))
            qInfo("%s", line.constData());
    }
    QList<Run> trials(const QString &parent)
    {
        QList<Run> out;
        const QList<Run> children = RunStore(*m_ws).children(parent).value_or(QList<Run>());
        for (const Run &r : children)
            if (r.kind == QLatin1String("trial"))
                out << r;
        return out;
    }

private slots:
    void initTestCase()
    {
        m_ws = testing::newWorkspace(m_dir, QStringLiteral("budget.stratus"));
        registerLarge(*m_ws);
    }

    void costModelResizesToFit()
    {
        TrialShape shape{72000, 8000, 40, 2, 1, 1};
        CostModel model;
        const Candidate boost{QStringLiteral("XGBoostClassifier"),
                              {{QStringLiteral("n_estimators"), 1000}, {QStringLiteral("learning_rate"), 0.1},
                               {QStringLiteral("max_depth"), 6}}};
        const auto cost = [&](const Candidate &c) { return model.predict(c, shape); };
        const double full = cost(boost);
        QVERIFY(full > 0);
        // Fits as it is: unchanged.
        QCOMPARE(CostModel::shrinkToFit(boost, full * 1.01, cost)->params, boost.params);
        // A third of the time: fewer rounds, as many as fit.
        const auto third = CostModel::shrinkToFit(boost, full / 3, cost);
        QVERIFY(third);
        const int rounds = third->params.value(QStringLiteral("n_estimators")).toInt();
        QVERIFY2(rounds >= 100 && rounds < 1000, qPrintable(QString::number(rounds)));
        QVERIFY(cost(*third) <= full / 3);
        Candidate more = *third;
        more.params.insert(QStringLiteral("n_estimators"), rounds + 1);
        QVERIFY(cost(more) > full / 3);
        // Below 10 / learning_rate rounds boosting is underfit: not started.
        QVERIFY(!CostModel::shrinkToFit(boost, full / 50, cost));
        // Learners that cannot be resized fit or do not.
        const Candidate linear{QStringLiteral("LogisticRegression"), {{QStringLiteral("C"), 1.0}}};
        QVERIFY(!CostModel::shrinkToFit(linear, cost(linear) / 2, cost));
        // Calibration: a learner observed twice as slow is predicted twice as slow; others follow the mean.
        model.observe(boost, shape, CostModel::formula(boost, shape) * 2);
        QCOMPARE(std::round(model.factor(boost.learner) * 1000), 2000.0);
        QCOMPARE(std::round(model.predict(linear, shape) / CostModel::formula(linear, shape) * 1000), 2000.0);
    }

    void budgetEndsOnTime()
    {
        const Finished &r = run(8);
        auto parent = RunStore(*m_ws).get(r.parent);
        QCOMPARE(runStatusName(parent->status), QStringLiteral("Completed"));
        if (r.wallSeconds > 8 + 3)
            dumpLog(r.parent);
        QVERIFY2(r.wallSeconds <= 8 + 3, qPrintable(QStringLiteral("%1 s for an 8 s budget").arg(r.wallSeconds)));
        // Trials that grow in steps stop at their share instead of being canceled.
        const QJsonObject scheduler = parent->config.value(QStringLiteral("scheduler")).toObject();
        QVERIFY(scheduler.value(QStringLiteral("large_data")).toBool());
        QVERIFY2(scheduler.value(QStringLiteral("canceled_share")).toDouble() < 0.1,
                 qPrintable(QString::number(scheduler.value(QStringLiteral("canceled_share")).toDouble())));
    }

    void neverStartsATrialPredictedNotToFit()
    {
        for (int budget : {3, 8}) {
            const Finished &r = run(budget);
            const QList<Run> started = trials(r.parent);
            QVERIFY(!started.isEmpty());
            for (const Run &t : started) {
                const QJsonObject f = t.config.value(QStringLiteral("fidelity")).toObject();
                QVERIFY2(f.contains(QStringLiteral("predicted_seconds")), qPrintable(t.id));
                if (f.value(QStringLiteral("forced")).toBool())
                    continue; // the first trial when nothing fits: the run still hands back a model
                const double needed = f.value(QStringLiteral("predicted_seconds")).toDouble()
                                      + f.value(QStringLiteral("refit_reserve_seconds")).toDouble();
                QVERIFY2(needed <= f.value(QStringLiteral("seconds_left")).toDouble() + 1e-9,
                         qPrintable(QStringLiteral("%1 (%2) needed %3 s with %4 s left")
                                        .arg(t.id, t.algorithm)
                                        .arg(needed)
                                        .arg(f.value(QStringLiteral("seconds_left")).toDouble())));
            }
        }
        // With 8 s on 90,000 rows, most of the portfolio does not fit: skipped, each with its reason.
        const QJsonArray skipped = RunStore(*m_ws).get(run(8).parent)->config.value(QStringLiteral("scheduler"))[QStringLiteral("skipped")].toArray();
        QVERIFY(!skipped.isEmpty());
        for (const QJsonValue &s : skipped)
            QVERIFY(s[QStringLiteral("reason")].toString().contains(QStringLiteral("s left")));
    }

    void moreBudgetNeverLowersTheValidationScore()
    {
        double previous = -1;
        for (int budget : {3, 8, 20}) {
            auto parent = RunStore(*m_ws).get(run(budget).parent);
            const double score = parent->metrics.value(QStringLiteral("AUC_weighted"), -1);
            if (score < previous)
                dumpLog(parent->id);
            QVERIFY2(score >= previous, qPrintable(QStringLiteral("%1 s: %2 after %3").arg(budget).arg(score).arg(previous)));
            previous = score;
        }
        QVERIFY(previous > 0.9); // trees find the interactions
    }

    void fidelityIsRecorded()
    {
        int boosted = 0;
        for (const Run &t : trials(run(20).parent)) {
            if (t.status != RunStatus::Completed)
                continue;
            const QJsonObject f = t.config.value(QStringLiteral("fidelity")).toObject();
            // Successive halving's rungs of the 90,000 training rows (a 10% holdout).
            const qint64 rows = f.value(QStringLiteral("rows")).toInteger();
            QVERIFY2(rows == 10000 || rows == 30000 || rows == kRows * 9 / 10, qPrintable(QString::number(rows)));
            QCOMPARE(f.value(QStringLiteral("rungs")).toInt(), 3);
            QVERIFY(f.value(QStringLiteral("threads")).toInt() >= 1);
            if (!t.algorithm.startsWith(QLatin1String("XGBoost")))
                continue;
            ++boosted;
            const int planned = f.value(QStringLiteral("n_estimators_planned")).toInt();
            const int reached = f.value(QStringLiteral("n_estimators_reached")).toInt();
            QVERIFY2(reached > 0 && reached <= planned, qPrintable(t.id));
            // The rounds kept are what the refit grows.
            QCOMPARE(t.config.value(QStringLiteral("hyperparameters"))[QStringLiteral("n_estimators")].toInt(), reached);
            if (f.value(QStringLiteral("early_stopped")).toBool())
                QVERIFY(reached < planned);
        }
        QVERIFY(boosted > 0);
    }

    void successiveHalvingRungs()
    {
        std::vector<int> classes(kRows);
        for (int i = 0; i < kRows; ++i)
            classes[size_t(i)] = i % 5 == 0 ? 1 : 0; // a fifth positive
        const std::vector<int> folds = holdoutFolds(classes, 0.1, 7);
        SuccessiveHalving sh(folds, classes, 7);
        QCOMPARE(sh.rungs(), 3);
        QCOMPARE(sh.rows(0), size_t(10000));
        QCOMPARE(sh.rows(1), size_t(30000));
        QCOMPARE(sh.rows(2), size_t(90000));
        for (int k = 0; k < 3; ++k) {
            const std::vector<int> &rung = *sh.folds(k);
            size_t trained = 0, positive = 0;
            for (size_t i = 0; i < rung.size(); ++i) {
                QCOMPARE(rung[i] == 0, folds[i] == 0); // the same validation rows on every rung
                if (rung[i] == -1) {
                    ++trained;
                    positive += size_t(classes[i]);
                    if (k > 0)
                        continue;
                    for (int j = 1; j < 3; ++j)
                        QCOMPARE((*sh.folds(j))[i], -1); // nested: rung 0's rows are every rung's
                }
            }
            QCOMPARE(trained, sh.rows(k));
            QVERIFY(std::abs(double(positive) / double(trained) - 0.2) < 0.001); // stratified
        }
        // Asynchronous promotion: the top third of a rung's finished trials
        // (failed ones not counted), best first, each once.
        const Candidate c{QStringLiteral("XGBoostClassifier"), {}};
        for (int i = 0; i < 5; ++i) {
            sh.started(i, 0, c);
            sh.finished(i, i == 3 ? -INFINITY : 0.9 + 0.01 * i); // trial 3 failed
        }
        auto p = sh.next(); // floor(4 / 3) = 1: the best, trial 4
        QVERIFY(p);
        QCOMPARE(p->from, 4);
        QCOMPARE(p->rung, 1);
        QCOMPARE(sh.next()->from, 4); // due until it starts (or is dropped)
        sh.started(5, 1, c, 4);
        QCOMPARE(sh.promotedFrom(5), 4);
        QCOMPARE(sh.rungOf(5), 1);
        QVERIFY(!sh.tellsSearch(5));
        QVERIFY(!sh.next());
        sh.started(6, 0, c);
        sh.finished(6, 0.5);
        QVERIFY(!sh.next()); // floor(5 / 3) = 1, made
        sh.started(7, 0, c);
        sh.finished(7, 0.2);
        p = sh.next(); // floor(6 / 3) = 2: trial 2 is second
        QVERIFY(p);
        QCOMPARE(p->from, 2);
        sh.drop(2); // it did not fit the time left: not offered again
        QVERIFY(!sh.next());
        QVERIFY(sh.tellsSearch(7));
        // Rung 1's best third goes on before rung 0's.
        sh.finished(5, 0.95);
        sh.started(8, 1, c);
        sh.finished(8, 0.97);
        sh.started(9, 1, c);
        sh.finished(9, 0.93);
        sh.started(10, 0, c);
        sh.finished(10, 0.99);
        sh.started(11, 0, c);
        sh.finished(11, 0.1); // rung 0: floor(8 / 3) = 2, and trial 10 is due
        p = sh.next();
        QVERIFY(p);
        QCOMPARE(p->from, 8);
        QCOMPARE(p->rung, 2);
        sh.started(12, 2, c, 8);
        QCOMPARE(sh.next()->from, 10);
        // Fewer than 3 x 10,000 training rows, or cross-validation: one rung, no halving.
        const std::vector<int> small(classes.begin(), classes.begin() + 30000);
        QVERIFY(!SuccessiveHalving(holdoutFolds(small, 0.1, 7), small, 7).halving());
        QVERIFY(!SuccessiveHalving(stratifiedFolds(classes, 3, 7), classes, 7).halving());
    }

    void promotionsRerunTheirSourceOnMoreRows()
    {
        // Every promoted trial re-runs a finished trial of the rung below with
        // its hyperparameters, on three times the rows.
        const QList<Run> all = trials(run(20).parent);
        QHash<int, Run> byIndex;
        for (const Run &t : all)
            byIndex.insert(t.config.value(QStringLiteral("iteration")).toInt(), t);
        int promoted = 0, finalists = 0;
        for (const Run &t : all) {
            const QJsonObject f = t.config.value(QStringLiteral("fidelity")).toObject();
            const int rung = f.value(QStringLiteral("rung")).toInt();
            const int from = f.value(QStringLiteral("promoted_from")).toInt();
            if (t.status == RunStatus::Completed && f.value(QStringLiteral("rows")).toInteger() == kRows * 9 / 10)
                ++finalists;
            if (rung == 0) {
                QCOMPARE(from, -1);
                continue;
            }
            ++promoted;
            QVERIFY2(byIndex.contains(from), qPrintable(t.id));
            const Run &source = byIndex[from];
            QCOMPARE(source.algorithm, t.algorithm);
            QCOMPARE(source.status, RunStatus::Completed);
            const QJsonObject sf = source.config.value(QStringLiteral("fidelity")).toObject();
            QCOMPARE(sf.value(QStringLiteral("rung")).toInt(), rung - 1);
            QCOMPARE(f.value(QStringLiteral("rows")).toInteger(), 3 * sf.value(QStringLiteral("rows")).toInteger());
            QJsonObject a = source.config.value(QStringLiteral("hyperparameters")).toObject(),
                        b = t.config.value(QStringLiteral("hyperparameters")).toObject();
            a.remove(CostModel::sizeParameter(t.algorithm)); // the rounds, trees or epochs each reached
            b.remove(CostModel::sizeParameter(t.algorithm));
            QCOMPARE(a, b);
        }
        if (promoted == 0)
            dumpLog(run(20).parent);
        QVERIFY(promoted > 0);
        // How many reached every training row depends on the machine's speed.
        qInfo("%d promoted trials, %d finalists on every training row", promoted, finalists);
    }

    void largeDataWithoutBudgetHasNoRungs()
    {
        // Successive halving is for budgeted runs: with a number of trials,
        // every trial trains on every training row, as before.
        AutoMLConfig c;
        c.dataset = QStringLiteral("large");
        c.label = QStringLiteral("label");
        c.experiment = QStringLiteral("no-budget");
        c.maxTrials = 2;
        c.seed = 1;
        c.allowedAlgorithms = {QStringLiteral("LogisticRegression")};
        c.votingEnsemble = c.stackEnsemble = false;
        AutoMLRun automl(*m_ws, c);
        QSignalSpy finished(&automl, &AutoMLRun::finished);
        const auto started = automl.start();
        QVERIFY2(started, started ? "" : qPrintable(started.message()));
        QVERIFY(finished.wait(120000));
        const QList<Run> done = trials(automl.parentId());
        QCOMPARE(done.size(), 2);
        for (const Run &t : done) {
            const QJsonObject f = t.config.value(QStringLiteral("fidelity")).toObject();
            QCOMPARE(f.value(QStringLiteral("rows")).toInteger(), qint64(kRows * 9 / 10));
            QVERIFY(!f.contains(QStringLiteral("rung")));
        }
    }

    void runsWithoutBudgetAreUnchanged()
    {
        // A number of trials and no time budget: no scheduler, no predictions, the rounds asked for.
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("trials.stratus"));
        QVERIFY(registerSampleDataset(*ws));
        AutoMLConfig c;
        c.dataset = QString::fromLatin1(kSampleDatasetName);
        c.label = QStringLiteral("DEATH_EVENT");
        c.maxTrials = 2;
        c.seed = 1;
        c.allowedAlgorithms = {QStringLiteral("XGBoostClassifier")};
        c.votingEnsemble = c.stackEnsemble = false;
        AutoMLRun automl(*ws, c);
        QSignalSpy finished(&automl, &AutoMLRun::finished);
        QVERIFY(automl.start());
        QVERIFY(finished.wait(120000));
        QVERIFY(!RunStore(*ws).get(automl.parentId())->config.contains(QStringLiteral("scheduler")));
        const QList<Run> children = RunStore(*ws).children(automl.parentId()).value_or(QList<Run>());
        for (const Run &t : children) {
            const QJsonObject f = t.config.value(QStringLiteral("fidelity")).toObject();
            QVERIFY(!f.contains(QStringLiteral("predicted_seconds")));
            QCOMPARE(f.value(QStringLiteral("n_estimators_reached")).toInt(), f.value(QStringLiteral("n_estimators_planned")).toInt());
            QCOMPARE(t.config.value(QStringLiteral("hyperparameters"))[QStringLiteral("n_estimators")].toInt(),
                     f.value(QStringLiteral("n_estimators_planned")).toInt());
        }
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
