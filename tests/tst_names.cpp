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
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
