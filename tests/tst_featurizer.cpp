// Featurization "auto": what each kind of column becomes, fitted on the
// training rows only (no leakage), and stored and restored exactly.
#include "data/csv/CsvReader.h"
#include "data/import/SampleData.h"
#include "ml/automl/Guardrails.h"
#include "ml/featurize/Featurizer.h"
#include "TestSupport.h"

#include <cmath>
#include <numeric>

using namespace stratus;
using namespace stratus::ml;

namespace {

std::vector<size_t> range(size_t from, size_t to)
{
    std::vector<size_t> v(to - from);
    std::iota(v.begin(), v.end(), from);
    return v;
}

DataTable table(const QTemporaryDir &dir, const QByteArray &csv, const CsvReadOptions &options = {})
{
    auto r = readCsv(testing::writeFile(dir, QStringLiteral("f.csv"), csv), options);
    if (!r)
        qFatal("%s", qPrintable(r.message()));
    return r->table;
}

} // namespace

class TestFeaturizer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void heartFailureColumns()
    {
        const DataTable t = generateHeartFailureRecords(299);
        Featurizer f;
        f.fit(t, t.indexOf(QStringLiteral("DEATH_EVENT")), range(0, 299));
        QCOMPARE(f.featureNames(),
                 QStringList({"age", "anaemia", "creatinine_phosphokinase", "diabetes", "ejection_fraction",
                              "high_blood_pressure", "platelets", "serum_creatinine", "serum_sodium", "sex", "smoking",
                              "time"}));
        const FeatureMatrix m = f.transform(t, range(0, 299));
        QCOMPARE(m.cols, size_t(12));
        double sum = 0, squares = 0;
        for (size_t r = 0; r < m.rows; ++r) {
            sum += m.at(r, 0);
            squares += double(m.at(r, 0)) * m.at(r, 0);
        }
        QVERIFY(std::abs(sum / 299) < 1e-5);                 // standardised age
        QVERIFY(std::abs(squares / 299 - 1) < 1e-4);
        QCOMPARE(m.at(0, 1), float(t.columns[1].numbers[0])); // booleans stay 0/1
    }

    void fittedOnTrainingRowsOnly()
    {
        DataTable t = generateHeartFailureRecords(299);
        const int label = t.indexOf(QStringLiteral("DEATH_EVENT"));
        const auto train = range(0, 200);
        Featurizer before;
        before.fit(t, label, train);
        // Wild values in the validation rows change nothing that was fitted.
        for (size_t r = 200; r < 299; ++r) {
            t.columns[0].numbers[r] = 1e6;
            t.columns[6].numbers[r] = std::nan("");
        }
        Featurizer after;
        after.fit(t, label, train);
        QCOMPARE(after.toJson(), before.toJson());
        QCOMPARE(after.transform(t, train).values, before.transform(t, train).values);
        QCOMPARE(after.featureNames().contains(QStringLiteral("platelets_missing")), false);
    }

    void missingValuesAndCategories()
    {
        const DataTable t = table(m_dir, "x,colour,y\n1.5,red,0\n,red,1\n3.5,blue,0\n5.5,,1\n7.5,green,0\n9.5,red,1\n");
        Featurizer f;
        f.fit(t, 2, range(0, 6));
        QCOMPARE(f.featureNames(), QStringList({"x", "x_missing", "colour=red", "colour=blue", "colour=green"}));
        QVERIFY(f.imputedAny());
        const FeatureMatrix m = f.transform(t, range(0, 6));
        // x: median 5.5 for the missing value, standardised with the present values' mean 5.5.
        QCOMPARE(m.at(1, 0), 0.0f);
        QCOMPARE(m.at(1, 1), 1.0f);
        QCOMPARE(m.at(0, 1), 0.0f);
        // A missing category is the most frequent one (red).
        QCOMPARE(m.at(3, 2), 1.0f);
        QCOMPARE(m.at(2, 3), 1.0f);
        // A category never seen in training sets no one-hot feature.
        const DataTable other = table(m_dir, "x,colour,y\n2,purple,0\n");
        const FeatureMatrix o = f.transform(other, {0});
        QCOMPARE(o.at(0, 2) + o.at(0, 3) + o.at(0, 4), 0.0f);
    }

    void droppedColumns()
    {
        QByteArray csv = "id,constant,empty,code,few,label\n";
        for (int i = 0; i < 60; ++i)
            csv += QByteArray::number(i + 1) + ",7,," + "c" + QByteArray::number(i) + "," + QByteArray::number(i % 4)
                   + "," + QByteArray::number(i % 2) + "\n";
        const DataTable t = table(m_dir, csv);
        Featurizer f;
        f.fit(t, 5, range(0, 60));
        QStringList actions;
        for (const ColumnSummary &s : f.summary())
            actions << s.column + QLatin1Char(':') + s.action;
        QCOMPARE(actions, QStringList({"id:dropped: ID-like", "constant:dropped: constant", "empty:dropped: all missing",
                                       "code:dropped: ID-like", "few:one-hot (few values)"}));
        QCOMPARE(f.featureNames(), QStringList({"few=0", "few=1", "few=2", "few=3"}));
    }

    void highCardinalityTextAndDates()
    {
        QByteArray csv = "city,note,when,label\n";
        for (int i = 0; i < 200; ++i)
            csv += "city" + QByteArray::number(i % 40) + ",\"" + QByteArray(i % 7 + 25, 'w') + " review\","
                   + "2024-0" + QByteArray::number(i % 9 + 1) + "-1" + QByteArray::number(i % 9) + "T0"
                   + QByteArray::number(i % 10) + ":00:00," + QByteArray::number(i % 2) + "\n";
        CsvReadOptions options;
        options.columns[QStringLiteral("note")].type = ColumnType::Text;
        const DataTable t = table(m_dir, csv, options);
        QCOMPARE(t.columns[1].type, ColumnType::Text);
        QCOMPARE(t.columns[2].type, ColumnType::DateTime);
        Featurizer f;
        f.fit(t, 3, range(0, 200));
        QCOMPARE(f.highCardinalityColumns(), QStringList{"city"});
        QCOMPARE(f.featureNames(), QStringList({"city_frequency", "note_frequency", "note_length", "when_year",
                                                "when_month", "when_day", "when_weekday", "when_hour",
                                                "when_day_of_year"}));
        const FeatureMatrix m = f.transform(t, {0});
        QCOMPARE(m.at(0, 0), 5.0f / 200);          // city0: 5 of 200 rows
        QCOMPARE(m.at(0, 2), float(25 + 7));        // "www...w review"
        QCOMPARE(m.at(0, 3), 2024.0f);
        QCOMPARE(m.at(0, 4), 1.0f);                 // January
        QCOMPARE(m.at(0, 5), 10.0f);
        QCOMPARE(m.at(0, 7), 0.0f);

        // "Portable" (AutoML's ONNX-compatible option): the note without its
        // length, the date left out, saying why.
        Featurizer portable;
        portable.fit(t, 3, range(0, 200), Featurizer::Mode::Portable);
        QCOMPARE(portable.featureNames(), QStringList({"city_frequency", "note_frequency"}));
        QCOMPARE(portable.highCardinalityColumns(), QStringList{"city"});
        QCOMPARE(portable.summary()[2].action, QStringLiteral("dropped: datetime (ONNX's operators cannot read dates)"));
        QCOMPARE(portable.transform(t, {0}).at(0, 1), f.transform(t, {0}).at(0, 1));
    }

    void featurizationOff()
    {
        const DataTable t = table(m_dir, "x,colour,flag,y\n1,red,true,0\n,blue,false,1\n3,red,true,0\n");
        Featurizer f;
        f.fit(t, 3, range(0, 3), Featurizer::Mode::Off);
        QCOMPARE(f.featureNames(), QStringList({"x", "flag"}));
        const FeatureMatrix m = f.transform(t, range(0, 3));
        QCOMPARE(m.at(0, 0), 1.0f); // not standardised
        QCOMPARE(m.at(1, 0), 2.0f); // the median
    }

    void guardrails()
    {
        QByteArray csv = "x,city,label\n";
        for (int i = 0; i < 200; ++i)
            csv += (i % 17 ? QByteArray::number(i * 0.5) : QByteArray()) + ",city" + QByteArray::number(i % 40) + ","
                   + (i % 20 == 0 ? "yes" : "no") + "\n";
        const DataTable t = table(m_dir, csv);
        auto data = labelData(t, 2, Task::Classification);
        QVERIFY(data.ok());
        Featurizer f;
        f.fit(t, 2, data->rows);
        const auto g = dataGuardrails(t, 2, *data, f, QStringLiteral("5-fold cross-validation over 200 rows"));
        QCOMPARE(g.size(), 4);
        QCOMPARE(g[0].status, QStringLiteral("Done"));
        QVERIFY(g[0].description.startsWith(QStringLiteral("5-fold cross-validation over 200 rows")));
        QCOMPARE(g[1].status, QStringLiteral("Alerted")); // 10 "yes" against 190 "no"
        QVERIFY(g[1].description.contains(QStringLiteral("'yes' has 10 rows"))); // a boolean keeps its own spellings
        QCOMPARE(g[2].status, QStringLiteral("Done"));
        QVERIFY(g[2].description.contains(QStringLiteral("x")));
        QCOMPARE(g[3].status, QStringLiteral("Done"));
        QVERIFY(g[3].description.contains(QStringLiteral("city")));
    }

    void storedAndRestored()
    {
        const DataTable t = table(m_dir, "x,colour,when,y\n1,red,2024-01-02,0\n,blue,2024-03-04,1\n3,red,,0\n4,green,2025-12-31,1\n");
        Featurizer f;
        f.fit(t, 3, range(0, 4));
        const Featurizer back = Featurizer::fromJson(f.toJson());
        QCOMPARE(back.featureNames(), f.featureNames());
        QCOMPARE(back.transform(t, range(0, 4)).values, f.transform(t, range(0, 4)).values);
    }
};

QTEST_GUILESS_MAIN(TestFeaturizer)
#include "tst_featurizer.moc"
