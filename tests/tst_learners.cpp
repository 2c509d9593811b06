// Learners on real data: cross-validated on the heart-failure file (or the
// synthetic records when the file is absent), deterministic with a seed,
// stored and reloaded with identical predictions, stopping when told.
#include "CrossValidation.h"
#include "CsvReader.h"
#include "Folds.h"
#include "LogisticRegression.h"
#include "SampleData.h"
#include "TestSupport.h"
#include "XGBoostLearner.h"

#include <QElapsedTimer>
#include <cmath>
#include <numeric>

using namespace stratus;
using namespace stratus::ml;

namespace {

DataTable heartFailure()
{
    if (QFile::exists(testing::sharedHeartFailureCsv())) {
        auto r = readCsv(testing::sharedHeartFailureCsv());
        if (r)
            return r->table;
    }
    return generateHeartFailureRecords(299);
}

struct Setup {
    DataTable table;
    int label;
    LabelData data;
    std::vector<int> folds;
};

Setup setup()
{
    Setup s;
    s.table = heartFailure();
    s.label = s.table.indexOf(QStringLiteral("DEATH_EVENT"));
    s.data = *labelData(s.table, s.label, Task::Classification);
    std::vector<int> labels(s.data.labels.values.begin(), s.data.labels.values.end());
    s.folds = stratifiedFolds(labels, 10, 7);
    return s;
}

} // namespace

class TestLearners : public QObject {
    Q_OBJECT
private slots:
    void crossValidatedQuality_data()
    {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<double>("minimumAuc");
        // The 12 features predict DEATH_EVENT well (Azure's best: about 0.91 AUC_weighted).
        QTest::newRow("XGBoostClassifier") << "xgboost" << 0.85;
        QTest::newRow("LogisticRegression") << "logistic" << 0.82;
        QTest::newRow("RandomForest") << "forest" << 0.85;
    }
    void crossValidatedQuality()
    {
        QFETCH(QString, learner);
        QFETCH(double, minimumAuc);
        const Setup s = setup();
        QCOMPARE(s.data.classNames, QStringList({"false", "true"}));
        std::unique_ptr<Learner> l;
        if (learner == QLatin1String("xgboost"))
            l = std::make_unique<XGBoostLearner>();
        else if (learner == QLatin1String("forest"))
            l = std::make_unique<XGBoostLearner>(Task::Classification, XGBoostLearner::Flavor::RandomForest);
        else
            l = std::make_unique<LogisticRegression>();
        FitControl control;
        control.seed = 1;
        auto cv = crossValidate(s.table, s.label, s.data, s.folds, *l, l->defaults(Task::Classification),
                                Featurizer::Mode::Auto, control);
        QVERIFY2(cv.ok(), qPrintable(cv.message()));
        const double auc = cv->metrics.value(QStringLiteral("AUC_weighted"));
        qInfo("%s: AUC_weighted %.4f, accuracy %.4f", qPrintable(l->name()), auc,
              cv->metrics.value(QStringLiteral("accuracy")));
        QVERIFY2(auc >= minimumAuc, qPrintable(QString::number(auc)));
        for (size_t i = 0; i < cv->outOfFold.size(); i += 2)
            QVERIFY(std::abs(cv->outOfFold[i] + cv->outOfFold[i + 1] - 1) < 1e-6);
    }

    void deterministicWithASeed()
    {
        const Setup s = setup();
        XGBoostLearner xgb;
        FitControl control;
        control.seed = 3;
        control.threads = 2;
        Params p = xgb.defaults(Task::Classification);
        auto a = crossValidate(s.table, s.label, s.data, s.folds, xgb, p, Featurizer::Mode::Auto, control);
        auto b = crossValidate(s.table, s.label, s.data, s.folds, xgb, p, Featurizer::Mode::Auto, control);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->outOfFold, b->outOfFold);
    }

    void storedModelPredictsTheSame()
    {
        const Setup s = setup();
        Featurizer f;
        f.fit(s.table, s.label, s.data.rows);
        const FeatureMatrix x = f.transform(s.table, s.data.rows);
        XGBoostLearner xgb;
        auto model = xgb.fit(x, s.data.labels, {{QStringLiteral("n_estimators"), 50}}, {});
        QVERIFY2(model.ok(), qPrintable(model.message()));
        auto loaded = XGBoostLearner::load((*model)->serialize());
        QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
        QCOMPARE((*loaded)->predict(x), (*model)->predict(x));
    }

    void multiclass()
    {
        // Three classes from two features.
        DataTable t;
        t.rowCount = 300;
        DataColumn a, b, y;
        a.name = QStringLiteral("a");
        b.name = QStringLiteral("b");
        y.name = QStringLiteral("y");
        y.type = ColumnType::Integer;
        for (int i = 0; i < 300; ++i) {
            const int cls = i % 3;
            a.numbers.push_back(cls * 2.0 + std::sin(i * 1.7));
            b.numbers.push_back(std::cos(i * 0.3));
            y.numbers.push_back(cls);
        }
        t.columns = {a, b, y};
        auto data = labelData(t, 2, Task::Classification);
        QVERIFY(data.ok());
        QCOMPARE(data->labels.classes, 3);
        std::vector<int> labels(data->labels.values.begin(), data->labels.values.end());
        const auto folds = stratifiedFolds(labels, 5, 1);
        for (const Learner *l : std::initializer_list<const Learner *>{new XGBoostLearner, new LogisticRegression}) {
            std::unique_ptr<const Learner> owner(l);
            auto cv = crossValidate(t, 2, *data, folds, *l, l->defaults(Task::Classification), Featurizer::Mode::Auto, {});
            QVERIFY2(cv.ok(), qPrintable(cv.message()));
            QCOMPARE(cv->outOfFold.size(), size_t(900));
            QVERIFY2(cv->metrics.value(QStringLiteral("accuracy")) > 0.9, qPrintable(l->name()));
        }
    }

    void stopsWhenTold()
    {
        const Setup s = setup();
        Featurizer f;
        f.fit(s.table, s.label, s.data.rows);
        const FeatureMatrix x = f.transform(s.table, s.data.rows);
        std::atomic<bool> cancel{true};
        FitControl control;
        control.cancel = &cancel;
        QElapsedTimer timer;
        timer.start();
        auto model = XGBoostLearner().fit(x, s.data.labels, {{QStringLiteral("n_estimators"), 100000}}, control);
        QVERIFY(model.ok()); // a model of the rounds done (none)
        QVERIFY(timer.elapsed() < 2000);
        auto cv = crossValidate(s.table, s.label, s.data, s.folds, LogisticRegression(), {}, Featurizer::Mode::Auto, control);
        QVERIFY(!cv.ok());
        QVERIFY(cv.message().contains(QStringLiteral("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestLearners)
#include "tst_learners.moc"
