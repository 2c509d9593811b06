// Naming rules (Azure's): experiments and compute profiles, and datasets.
#include "workspace/Names.h"

#include <QTest>

using namespace stratus;

class TestNames : public QObject {
    Q_OBJECT
private slots:
    void experiment_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lesson name") << "heart-failure-automl" << true;
        QTest::newRow("digit first") << "1st_try" << true;
        QTest::newRow("3 chars") << "abc" << true;
        QTest::newRow("36 chars") << QString(36, QLatin1Char('a')) << true;
        QTest::newRow("2 chars") << "ab" << false;
        QTest::newRow("37 chars") << QString(37, QLatin1Char('a')) << false;
        QTest::newRow("dash first") << "-abc" << false;
        QTest::newRow("underscore first") << "_abc" << false;
        QTest::newRow("space") << "my exp" << false;
        QTest::newRow("dot") << "my.exp" << false;
        QTest::newRow("hangul") << "실험abc" << false;
        QTest::newRow("empty") << "" << false;
    }
    void experiment()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const Status s = names::checkExperimentName(name);
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QVERIFY2(s.message().contains(QStringLiteral("3 to 36 characters")), qPrintable(s.message()));
    }

    void compute_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lesson cluster") << "cpu-cluster" << true;
        QTest::newRow("2 chars") << "ab" << true;
        QTest::newRow("16 chars") << "a234567890123456" << true;
        QTest::newRow("17 chars") << "a2345678901234567" << false;
        QTest::newRow("1 char") << "a" << false;
        QTest::newRow("digit first") << "1cpu" << false;
        QTest::newRow("underscore") << "cpu_cluster" << false;
        QTest::newRow("empty") << "" << false;
    }
    void compute()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const Status s = names::checkComputeName(name);
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QVERIFY2(s.message().contains(QStringLiteral("2 to 16 characters")), qPrintable(s.message()));
    }

    void dataset()
    {
        QVERIFY(names::checkDatasetName(QStringLiteral("heart-failure-records")).ok());
        QVERIFY(names::checkDatasetName(QStringLiteral("sales_2024.v2")).ok());
        QVERIFY(!names::checkDatasetName(QStringLiteral("has space")).ok());
        QVERIFY(!names::checkDatasetName(QStringLiteral("a:b")).ok()); // ':' separates the version
        QVERIFY(!names::checkDatasetName(QString()).ok());
    }

    void datasetNameFromFile()
    {
        QCOMPARE(names::datasetNameFromFile(QStringLiteral("/data/heart failure (2020).csv")),
                 QStringLiteral("heart-failure-2020-"));
        QCOMPARE(names::datasetNameFromFile(QStringLiteral("__sales.v2.tsv")), QStringLiteral("sales.v2"));
        QCOMPARE(names::datasetNameFromFile(QStringLiteral("/tmp/???.csv")), QStringLiteral("dataset"));
        QVERIFY(names::checkDatasetName(names::datasetNameFromFile(QString(200, QLatin1Char('x')) + QStringLiteral(".csv"))).ok());
    }

    // The deploy dialog's suggestion: valid, readable (cut between words), the version kept.
    void endpointNameForModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("name");
        QTest::newRow("lesson") << "heart-failure-model:3" << QStringList() << "heart-failure-model-3";
        QTest::newRow("long, version kept") << "heart-failure-prediction-model-final:12" << QStringList()
                                            << "heart-failure-prediction-12";
        QTest::newRow("cut at a hyphen") << "heart-failure-prediction-best-v:7" << QStringList() << "heart-failure-prediction-best-7";
        QTest::newRow("runs of others") << "sales__2024..v2:1" << QStringList() << "sales-2024-v2-1";
        QTest::newRow("leading digits") << "2024_sales:4" << QStringList() << "sales-4";
        QTest::newRow("nothing left") << "모델:2" << QStringList() << "endpoint-2";
        QTest::newRow("too short") << "ab:1" << QStringList() << "endpoint-1";
        QTest::newRow("taken") << "heart:1" << QStringList{"HEART-1"} << "heart-1-2";
        QTest::newRow("taken twice") << "heart:1" << QStringList{"heart-1", "heart-1-2"} << "heart-1-3";
        QTest::newRow("long and taken") << QString(40, QLatin1Char('m')) + ":123" << QStringList{QString(28, QLatin1Char('m')) + "-123"}
                                        << QString(26, QLatin1Char('m')) + "-123-2";
        QTest::newRow("no version") << "heart" << QStringList{"heart"} << "heart-2";
    }

    void endpointNameForModel()
    {
        QFETCH(QString, model);
        QFETCH(QStringList, taken);
        QFETCH(QString, name);
        const QString got = names::endpointNameForModel(model, taken);
        QCOMPARE(got, name);
        QVERIFY2(names::checkEndpointName(got).ok(), qPrintable(got));
        QVERIFY(!got.endsWith(QLatin1Char('-')));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
