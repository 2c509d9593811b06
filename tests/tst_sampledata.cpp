// The synthetic heart-failure records: same columns as the UCI file, the same
// every time, with marginals and class means close to the real data's.
#include "data/import/SampleData.h"
#include "TestSupport.h"

#include <algorithm>
#include <numeric>

using namespace stratus;

namespace {

struct Stats {
    double mean, median, min, max;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    const double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return {mean, median, v.front(), v.back()};
}

double classMean(const DataTable &t, int column, bool died)
{
    double sum = 0;
    int n = 0;
    for (size_t r = 0; r < t.rowCount; ++r) {
        if ((t.columns[12].numbers[r] == 1) == died) {
            sum += t.columns[size_t(column)].numbers[r];
            ++n;
        }
    }
    return sum / n;
}

} // namespace

class TestSampleData : public QObject {
    Q_OBJECT
private slots:
    void columnsAndDeterminism()
    {
        const DataTable a = generateHeartFailureRecords(kSampleRows);
        const DataTable b = generateHeartFailureRecords(kSampleRows);
        QStringList names;
        for (const auto &c : a.columns)
            names << c.name;
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("age,anaemia,creatinine_phosphokinase,diabetes,ejection_fraction,high_blood_pressure,"
                                "platelets,serum_creatinine,serum_sodium,sex,smoking,time,DEATH_EVENT"));
        QCOMPARE(a.rowCount, size_t(299));
        for (size_t c = 0; c < a.columns.size(); ++c)
            QCOMPARE(a.columns[c].numbers, b.columns[c].numbers);
        QCOMPARE(std::count(a.columns[12].numbers.begin(), a.columns[12].numbers.end(), 1.0), 96);
    }

    void marginals_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("meanTolerance");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("medianTolerance");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        // Real file: mean / median / min / max.
        QTest::newRow("age") << 0 << 60.8 << 1.0 << 60.0 << 2.0 << 40.0 << 95.0;
        QTest::newRow("anaemia") << 1 << 0.43 << 0.02 << 0.0 << 1.0 << 0.0 << 1.0;
        QTest::newRow("creatinine_phosphokinase") << 2 << 582.0 << 80.0 << 250.0 << 30.0 << 23.0 << 7861.0;
        QTest::newRow("diabetes") << 3 << 0.42 << 0.02 << 0.0 << 1.0 << 0.0 << 1.0;
        QTest::newRow("ejection_fraction") << 4 << 38.1 << 1.0 << 38.0 << 2.0 << 14.0 << 80.0;
        QTest::newRow("high_blood_pressure") << 5 << 0.35 << 0.02 << 0.0 << 1.0 << 0.0 << 1.0;
        QTest::newRow("platelets") << 6 << 263358.0 << 5000.0 << 262000.0 << 6000.0 << 25100.0 << 850000.0;
        QTest::newRow("serum_creatinine") << 7 << 1.39 << 0.08 << 1.1 << 0.12 << 0.5 << 9.4;
        QTest::newRow("serum_sodium") << 8 << 136.6 << 0.5 << 137.0 << 1.0 << 113.0 << 148.0;
        QTest::newRow("sex") << 9 << 0.65 << 0.02 << 1.0 << 0.0 << 0.0 << 1.0;
        QTest::newRow("smoking") << 10 << 0.32 << 0.02 << 0.0 << 0.0 << 0.0 << 1.0;
        QTest::newRow("time") << 11 << 130.0 << 5.0 << 115.0 << 15.0 << 4.0 << 285.0;
        QTest::newRow("DEATH_EVENT") << 12 << 0.32 << 0.01 << 0.0 << 0.0 << 0.0 << 1.0;
    }
    void marginals()
    {
        static const DataTable t = generateHeartFailureRecords(20000);
        QFETCH(int, column);
        QFETCH(double, mean);
        QFETCH(double, meanTolerance);
        QFETCH(double, median);
        QFETCH(double, medianTolerance);
        QFETCH(double, min);
        QFETCH(double, max);
        const Stats s = stats(t.columns[size_t(column)].numbers);
        QVERIFY2(qAbs(s.mean - mean) <= meanTolerance, qPrintable(QStringLiteral("mean %1").arg(s.mean)));
        QVERIFY2(qAbs(s.median - median) <= medianTolerance, qPrintable(QStringLiteral("median %1").arg(s.median)));
        QVERIFY2(s.min >= min && s.max <= max, qPrintable(QStringLiteral("range %1..%2").arg(s.min).arg(s.max)));
    }

    void classMeans_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("died");
        QTest::addColumn<double>("survived");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("age") << 0 << 65.2 << 58.8 << 1.0;
        QTest::newRow("ejection_fraction") << 4 << 33.5 << 40.3 << 1.0;
        QTest::newRow("serum_creatinine") << 7 << 1.84 << 1.18 << 0.1;
        QTest::newRow("serum_sodium") << 8 << 135.4 << 137.2 << 0.5;
        QTest::newRow("time") << 11 << 71.0 << 158.0 << 6.0;
    }
    void classMeans()
    {
        static const DataTable t = generateHeartFailureRecords(20000);
        QFETCH(int, column);
        QFETCH(double, died);
        QFETCH(double, survived);
        QFETCH(double, tolerance);
        const double d = classMean(t, column, true), s = classMean(t, column, false);
        QVERIFY2(qAbs(d - died) <= tolerance, qPrintable(QStringLiteral("died %1").arg(d)));
        QVERIFY2(qAbs(s - survived) <= tolerance, qPrintable(QStringLiteral("survived %1").arg(s)));
    }
};

QTEST_GUILESS_MAIN(TestSampleData)
#include "tst_sampledata.moc"
