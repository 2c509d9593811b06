// The forecasting task end to end: a dataset made ready (series, grid,
// gaps, duplicates, short series, errors that name the line and column),
// rolling-origin forecasts that never read past their origin, the metrics
// computed by hand, and the CLI: `automl --task forecasting`, `forecast`,
// registering any child, and predict refusing a forecasting model.
#include "TestSupport.h"

#include "data/import/DatasetImport.h"
#include "ml/forecasting/ForecastingModel.h"
#include "serve/EndpointServer.h"
#include "ml/forecasting/ForecastMetrics.h"
#include "ml/automl/ForecastingRun.h"
#include "ml/forecasting/LagModel.h"
#include "ml/forecasting/StatisticalModels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QThreadPool>
#include <cmath>

using namespace stratus;
using namespace stratus::ml::forecasting;

namespace {

// Three stores' daily sales over `days` days from 2023-01-02 (a Monday), a
// weekly cycle and a trend, deterministic.
QByteArray salesCsv(int days, int stores = 3)
{
    QByteArray csv = "date,store,sales,holiday\n";
    for (int s = 1; s <= stores; ++s)
        for (int d = 0; d < days; ++d) {
            const QDate day = QDate(2023, 1, 2).addDays(d);
            const double v = 100 + 20 * s + 0.05 * d + 15 * std::sin(2 * M_PI * (d % 7) / 7.0) + 3 * std::sin(d * 1.7 + s);
            csv += day.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(s) + ',' + QByteArray::number(v, 'f', 2) + ",0\n";
        }
    return csv;
}

DataTable readTable(const QTemporaryDir &dir, const QString &name, const QByteArray &csv)
{
    auto read = readForImport(testing::writeFile(dir, name, csv), CsvReadOptions());
    if (!read)
        qFatal("%s", qPrintable(read.message()));
    return read->table;
}

ForecastingParameters parameters(int horizon = 7, const QStringList &ids = {QStringLiteral("store")})
{
    ForecastingParameters p;
    p.timeColumnName = QStringLiteral("date");
    p.timeSeriesIdColumnNames = ids;
    p.forecastHorizon = horizon;
    return p;
}

} // namespace

class TestForecastRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void seriesFromRows()
    {
        auto d = ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(60)), QStringLiteral("sales"), parameters(), 0);
        QVERIFY2(d, qPrintable(d.message()));
        QCOMPARE(d->series.size(), size_t(3));
        QCOMPARE(d->frequency.name(), QStringLiteral("D"));
        QVERIFY(d->frequencyInferred);
        QCOMPARE(d->season, 7);
        QCOMPARE(d->horizon, 7);
        QCOMPARE(d->folds, 3);
        QCOMPARE(d->step, 7);
        QCOMPARE(d->series[1].id, QStringList{QStringLiteral("2")});
        QCOMPARE(d->series[1].series.values.size(), size_t(60));
        QCOMPARE(d->series[1].series.start.toString(), QStringLiteral("2023-01-02"));
        // The user's values, exactly as written.
        QCOMPARE(d->series[0].series.values[0], 122.52);
        // Auto horizon: a season.
        ForecastingParameters automatic = parameters(0);
        QCOMPARE(ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(60)), QStringLiteral("sales"), automatic, 0)->horizon, 7);
    }

    void gapsAndDuplicates()
    {
        // One series with a missing day (01-04) and 01-06 given twice.
        const QByteArray csv = "date,sales\n2023-01-01,1\n2023-01-02,2\n2023-01-03,3\n2023-01-05,5\n2023-01-06,6\n2023-01-06,4\n"
                               "2023-01-07,7\n2023-01-08,8\n2023-01-09,9\n2023-01-10,10\n2023-01-11,11\n2023-01-12,12\n";
        const DataTable t = readTable(m_dir, "gaps.csv", csv);
        ForecastingParameters p = parameters(2, {});
        p.shortSeriesHandling = ShortSeries::Pad;
        auto refused = ForecastingData::prepare(t, QStringLiteral("sales"), p, 2);
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QLatin1String("2023-01-06")) && refused.message().contains(QLatin1String("target_aggregation_function")),
                 qPrintable(refused.message()));
        p.targetAggregation = Aggregation::Mean;
        p.freq = QStringLiteral("D");
        auto d = ForecastingData::prepare(t, QStringLiteral("sales"), p, 2);
        QVERIFY2(d, qPrintable(d.message()));
        const RegularSeries &s = d->series[0].series;
        QCOMPARE(s.values[3], 3.0); // 01-04 carried forward, marked imputed
        QCOMPARE(int(s.imputed[3]), 1);
        QCOMPARE(s.values[5], 5.0); // (6 + 4) / 2
        QCOMPARE(s.combinedRows, size_t(1));
        bool imputedReported = false, combinedReported = false;
        for (const QJsonValue &g : d->guardrails) {
            const QString name = g[QStringLiteral("name")].toString();
            imputedReported |= name == QLatin1String("Missing time points imputation") && g[QStringLiteral("status")].toString() == QLatin1String("Done");
            combinedReported |= name == QLatin1String("Duplicate timestamps aggregation") && g[QStringLiteral("description")].toString().contains(QLatin1String("mean"));
        }
        QVERIFY(imputedReported && combinedReported);
    }

    void shortSeries()
    {
        // Store 4 has 10 days; the others 60. A horizon of 7 with 3 folds needs 7 + 14 + 8 = 29 points.
        QByteArray csv = salesCsv(60);
        for (int d = 0; d < 10; ++d)
            csv += QDate(2023, 1, 2).addDays(d).toString(Qt::ISODate).toUtf8() + ",4," + QByteArray::number(50 + d) + ",0\n";
        const DataTable t = readTable(m_dir, "short.csv", csv);
        ForecastingParameters p = parameters();
        auto dropped = ForecastingData::prepare(t, QStringLiteral("sales"), p, 0); // auto: some are long, so drop
        QVERIFY2(dropped, qPrintable(dropped.message()));
        QCOMPARE(dropped->series.size(), size_t(3));
        QCOMPARE(dropped->droppedSeries, QStringList{QStringLiteral("store=4")});
        p.shortSeriesHandling = ShortSeries::Pad;
        auto padded = ForecastingData::prepare(t, QStringLiteral("sales"), p, 0);
        QCOMPARE(padded->series.size(), size_t(4));
        const SeriesData &four = padded->series[3];
        QCOMPARE(four.series.values.size(), padded->requiredLength());
        QCOMPARE(four.paddedPoints, padded->requiredLength() - 10);
        QCOMPARE(four.series.values.back(), 59.0); // the user's values untouched at the end
        QCOMPARE(int(four.series.imputed.front()), 1);
        // The padding copies the series' first season: no fold of a padded series is scored unless
        // it trains on a season of observed points (store 4 has 10, under the horizon plus a season).
        std::atomic<bool> never{false};
        QThreadPool pool;
        const FoldForecasts f = rollingOriginForecasts(QStringLiteral("SeasonalNaive"), *padded, &pool, never);
        for (const ScoredWindow &w : f.windows[3])
            for (double a : w.actual)
                QVERIFY(std::isnan(a));
        QVERIFY(!std::isnan(f.windows[0].back().actual[0])); // a long series is scored
        p.shortSeriesHandling = ShortSeries::None;
        auto refused = ForecastingData::prepare(t, QStringLiteral("sales"), p, 0);
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QLatin1String("store=4")) && refused.message().contains(QLatin1String("10 points")),
                 qPrintable(refused.message()));
    }

    void errorsNameTheLineAndColumn()
    {
        const DataTable t = readTable(m_dir, "bad.csv", "date,sales\n2023-01-01,1\n2023-01-02,2\nsoon,3\n2023-01-04,4\n");
        auto r = ForecastingData::prepare(t, QStringLiteral("sales"), parameters(1, {}), 2);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(QLatin1String("line 4")) && r.message().contains(QLatin1String("'soon'"))
                     && r.message().contains(QLatin1String("'date'")),
                 qPrintable(r.message()));
        r = ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(30)), QStringLiteral("revenue"), parameters(), 0);
        QVERIFY(!r);
        QVERIFY2(r.message().startsWith(QLatin1String("label: the dataset has no column 'revenue'")), qPrintable(r.message()));
        ForecastingParameters p = parameters();
        p.timeSeriesIdColumnNames = {QStringLiteral("shop")};
        r = ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(30)), QStringLiteral("sales"), p, 0);
        QVERIFY2(!r && r.message().startsWith(QLatin1String("time_series_id_column_names: the dataset has no column 'shop'")), qPrintable(r.message()));
    }

    void refusalsNameWhatToChange()
    {
        // 72 months cannot validate a 100-month horizon: refused before anything runs, with what fits.
        QByteArray monthly = "date,sales\n";
        for (int i = 0; i < 72; ++i)
            monthly += QDate(2019, 1, 1).addMonths(i + 1).addDays(-1).toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(100 + i % 12) + '\n';
        const DataTable months = readTable(m_dir, "months.csv", monthly);
        ForecastingParameters p = parameters(100, {});
        auto r = ForecastingData::prepare(months, QStringLiteral("sales"), p, 0);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(QLatin1String("Shorten the horizon (60 at most here)")), qPrintable(r.message()));
        p.forecastHorizon = 12;
        auto ok = ForecastingData::prepare(months, QStringLiteral("sales"), p, 0);
        QVERIFY2(ok, qPrintable(ok.message()));
        QCOMPARE(ok->frequency.name(), QStringLiteral("M"));
        // A text label names its first value that is not a number.
        r = ForecastingData::prepare(readTable(m_dir, "text.csv", "date,sales\n2023-01-01,1\n2023-01-02,two\n2023-01-03,3\n"),
                                     QStringLiteral("sales"), parameters(1, {}), 2);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(QLatin1String("line 3 holds 'two'")) && r.message().contains(QLatin1String("--type sales=decimal")),
                 qPrintable(r.message()));
        // Trailing rows without a target end no history: the series ends at its last value.
        QByteArray trailing = salesCsv(60, 1);
        trailing += "2023-03-03,1,,0\n2023-03-04,1,,0\n";
        auto d = ForecastingData::prepare(readTable(m_dir, "trailing.csv", trailing), QStringLiteral("sales"), parameters(), 0);
        QVERIFY2(d, qPrintable(d.message()));
        QCOMPARE(d->series[0].series.values.size(), size_t(60));
        QCOMPARE(int(d->series[0].series.imputed.back()), 0);
    }

    void nonNegativeSeriesStayNonNegative()
    {
        // Three stores whose sales fall to near 0: no fold forecasts below 0, bands included.
        QByteArray csv = "date,store,sales\n";
        for (int s = 1; s <= 3; ++s)
            for (int d = 0; d < 60; ++d)
                csv += QDate(2023, 1, 2).addDays(d).toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(s) + ','
                       + QByteArray::number(std::max(0.0, 300.0 - 5.2 * d + 3 * std::sin(d * 1.3 + s)), 'f', 2) + '\n';
        auto d = ForecastingData::prepare(readTable(m_dir, "falling.csv", csv), QStringLiteral("sales"), parameters(), 0);
        QVERIFY2(d, qPrintable(d.message()));
        QVERIFY(d->nonNegative());
        std::atomic<bool> never{false};
        QThreadPool pool;
        for (const QString &algorithm : {QStringLiteral("ExponentialSmoothing"), QStringLiteral("AutoArima"), QStringLiteral("Theta")}) {
            const FoldForecasts f = rollingOriginForecasts(algorithm, *d, &pool, never);
            for (const auto &series : f.windows)
                for (const ScoredWindow &w : series)
                    for (size_t h = 0; h < w.predicted.size(); ++h)
                        QVERIFY2(w.predicted[h] >= 0 && w.lower[h] >= 0, qPrintable(algorithm));
        }
    }

    void noLeakage()
    {
        // Changing every value at or after a fold's origin changes nothing that fold forecast.
        auto d = ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(80)), QStringLiteral("sales"), parameters(), 0);
        QVERIFY(d);
        std::atomic<bool> never{false};
        QThreadPool pool;
        for (const QString &algorithm : statisticalAlgorithms()) {
            const FoldForecasts base = rollingOriginForecasts(algorithm, *d, &pool, never);
            for (int fold = 0; fold < d->folds; ++fold) {
                ForecastingData changed = *d;
                const size_t origin = changed.series[0].series.values.size() - size_t(d->horizon) - size_t(d->step) * size_t(d->folds - 1 - fold);
                for (size_t i = origin; i < changed.series[0].series.values.size(); ++i)
                    changed.series[0].series.values[i] += 1000 * std::cos(double(i));
                const FoldForecasts after = rollingOriginForecasts(algorithm, changed, &pool, never);
                QVERIFY2(after.windows[0][size_t(fold)].predicted == base.windows[0][size_t(fold)].predicted,
                         qPrintable(QStringLiteral("%1, fold %2").arg(algorithm).arg(fold)));
                QVERIFY2(after.windows[0][size_t(fold)].upper == base.windows[0][size_t(fold)].upper, qPrintable(algorithm));
                if (fold + 1 < d->folds) // a later fold trains on the changed points: it must see them
                    QVERIFY2(after.windows[0][size_t(fold + 1)].predicted != base.windows[0][size_t(fold + 1)].predicted, qPrintable(algorithm));
            }
        }
    }

    void lagLearnersNeverReadTheFuture()
    {
        // A learner on lag features trained on what precedes a cut, and its forecast from the
        // cut, are the same whatever the values at and after the cut are; the known-future
        // feature is read at the forecast times.
        QByteArray csv = salesCsv(90);
        const DataTable table = readTable(m_dir, "lag.csv", csv);
        auto d = ForecastingData::prepare(table, QStringLiteral("sales"), parameters(), 0);
        QVERIFY(d);
        QCOMPARE(d->featureColumns, QStringList{QStringLiteral("holiday")});
        const LagSpec spec = lagSpec(*d, parameters());
        QCOMPARE(spec.lags, (std::vector<int>{1, 2, 3, 7, 14}));
        QVERIFY(spec.columnNames().contains(QStringLiteral("seasonal_naive")) && spec.columnNames().last() == QLatin1String("holiday"));
        stratus::ml::FitControl control; // one thread: the same model every time
        const size_t cut = 70;
        for (const QString &learner : lagLearners()) {
            std::vector<size_t> ends(d->series.size(), cut);
            auto before = LagModel::fit(learner, spec, seriesViews(*d), ends, control);
            QVERIFY2(before, qPrintable(before.message()));
            ForecastingData changed = *d;
            for (SeriesData &s : changed.series)
                for (size_t i = cut; i < s.series.values.size(); ++i)
                    s.series.values[i] = -500 + double(i);
            auto after = LagModel::fit(learner, spec, seriesViews(changed), ends, control);
            QVERIFY(after);
            const Forecast a = before->forecast(seriesViews(*d)[0], cut, 7, {0.1, 0.9});
            const Forecast b = after->forecast(seriesViews(changed)[0], cut, 7, {0.1, 0.9});
            QVERIFY2(a.mean == b.mean && a.quantiles == b.quantiles, qPrintable(learner));
            // A value before the cut is read.
            changed.series[0].series.values[cut - 1] += 50;
            const Forecast c = after->forecast(seriesViews(changed)[0], cut, 7, {0.1, 0.9});
            QVERIFY2(c.mean != b.mean, qPrintable(learner));
        }
    }

    void shortHistoriesAndMissingFeatures()
    {
        // AutoArima on two points answers the random walk rather than failing.
        const ModelForecast f = forecastSeries(QStringLiteral("AutoArima"), {3, 5}, 1, 3, {0.5});
        QCOMPARE(f.forecast.mean, (std::vector<double>{5, 5, 5}));
        // Without target lags and a short window, a second season back is missing for early
        // steps: ElasticNet reads it as the level and still forecasts numbers.
        auto d = ForecastingData::prepare(readTable(m_dir, "a.csv", salesCsv(80)), QStringLiteral("sales"), parameters(), 0);
        QVERIFY(d);
        ForecastingParameters p = parameters();
        p.targetLagMode = LagMode::None;
        p.targetRollingWindowSize = 3;
        const LagSpec spec = lagSpec(*d, p);
        QVERIFY(spec.lags.empty() && spec.history() < 14);
        std::vector<size_t> ends(d->series.size(), 70);
        auto m = LagModel::fit(QStringLiteral("ElasticNet"), spec, seriesViews(*d), ends, stratus::ml::FitControl());
        QVERIFY2(m, qPrintable(m.message()));
        const Forecast g = m->forecast(seriesViews(*d)[0], 70, 7, {0.1, 0.9});
        for (size_t h = 0; h < 7; ++h)
            QVERIFY2(std::isfinite(g.mean[h]) && std::isfinite(g.quantiles[0][h]), qPrintable(QString::number(h)));
    }

    void metricsByHand()
    {
        ScoredWindow w;
        w.actual = {10, 12, std::nan("")}; // the third point was imputed: not scored
        w.predicted = {11, 12, 99};
        w.lower = {10.5, 11, 0};
        w.upper = {11.5, 13, 1};
        w.scale = maseScale({1, 3, 2, 4}, 1); // (2 + 1 + 2) / 3
        QCOMPARE(w.scale, 5.0 / 3);
        const auto m = forecastingMetrics({w}, 0, 20);
        QCOMPARE(m.value(QStringLiteral("mean_absolute_error")), 0.5);
        QCOMPARE(m.value(QStringLiteral("mean_absolute_scaled_error")), 0.5 / (5.0 / 3));
        QCOMPARE(m.value(QStringLiteral("symmetric_mean_absolute_percentage_error")), 100 * (2.0 / 21) / 2);
        QCOMPARE(m.value(QStringLiteral("prediction_interval_coverage_80")), 0.5);
        QCOMPARE(m.value(QStringLiteral("normalized_root_mean_squared_error")), std::sqrt(0.5) / 20);
        // Seasonal scale: lag m when the history is longer than a season.
        QCOMPARE(maseScale({1, 2, 4, 3, 5}, 2), (3.0 + 1 + 1) / 3);
    }

    void sampleDatasetForecasts()
    {
        // A new workspace's forecasting sample, as the guided workflow uses it.
        const QString ws = m_dir.filePath(QStringLiteral("sample.stratus"));
        auto r = testing::runCli({"--workspace", ws, "automl", "--task", "forecasting", "--dataset", "store-sales", "--label", "sales",
                                  "--time-column", "date", "--series-id", "store", "--horizon", "14", "--allowed",
                                  "SeasonalNaive,ExponentialSmoothing,XGBoostRegressor", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("forecasting")).toObject().value(QStringLiteral("series")).toInt(), 4);
        QByteArray future = "date,store,holiday\n";
        for (int s = 1; s <= 4; ++s)
            for (int d = 0; d < 14; ++d) {
                const QDate day = QDate(2024, 12, 31).addDays(d);
                future += day.toString(Qt::ISODate).toUtf8() + ",store " + QByteArray::number(s) + ','
                          + (day == QDate(2025, 1, 1) ? "true" : "false") + '\n';
            }
        const QString input = testing::writeFile(m_dir, QStringLiteral("sample-future.csv"), future);
        const QString output = m_dir.filePath(QStringLiteral("sample-out.csv"));
        r = testing::runCli({"--workspace", ws, "forecast", "--run", o.value(QStringLiteral("parent_run_id")).toString(), "--input", input,
                             "--output", output, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("rows_forecast")).toInt(), 56);
        const QList<QByteArray> lines = testing::readFile(output).trimmed().split('\n');
        QCOMPARE(lines.size(), 57);
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(',');
            QVERIFY2(f[2].toDouble() > 100 && f[3].toDouble() < f[2].toDouble() && f[2].toDouble() < f[5].toDouble(), lines[i].constData());
        }
    }

    void featureLags()
    {
        // Sales jump the day after a promotion (a known-future feature) and follow yesterday's
        // footfall (unknown at forecast time). Only feature_lags "auto" lets a learner see either.
        QByteArray csv = "date,promo,footfall,sales\n";
        std::vector<int> promo(400);
        std::vector<double> footfall(400);
        for (int i = 0; i < 400; ++i) {
            promo[size_t(i)] = (i * 37) % 11 == 0 ? 1 : 0;
            footfall[size_t(i)] = std::fmod(i * 7.31, 10.0);
        }
        for (int i = 1; i < 380; ++i) {
            const double y = 100 + 60 * promo[size_t(i - 1)] + 3 * footfall[size_t(i - 1)] + std::sin(i * 1.3);
            csv += QDate(2024, 1, 1).addDays(i).toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(promo[size_t(i)]) + ','
                   + QByteArray::number(footfall[size_t(i)], 'f', 3) + ',' + QByteArray::number(y, 'f', 3) + '\n';
        }
        const QString train = testing::writeFile(m_dir, QStringLiteral("promo.csv"), csv);
        // The future rows: a promotion on the third day; footfall is not known and not given.
        QByteArray future = "date,promo,sales\n";
        for (int i = 380; i < 387; ++i)
            future += QDate(2024, 1, 1).addDays(i).toString(Qt::ISODate).toUtf8() + (i == 382 ? ",1,\n" : ",0,\n");
        const QString input = testing::writeFile(m_dir, QStringLiteral("promo-future.csv"), future);
        const QString output = m_dir.filePath(QStringLiteral("promo-out.csv"));
        QHash<QString, double> mase;
        for (const char *lags : {"none", "auto"}) {
            const QString ws = m_dir.filePath(QStringLiteral("lags-%1.stratus").arg(QLatin1String(lags)));
            auto r = testing::runCli({"--workspace", ws, "automl", "--task", "forecasting", "--train", train, "--label", "sales", "--time-column",
                                      "date", "--horizon", "7", "--features-unknown", "footfall", "--feature-lags", lags, "--allowed",
                                      "XGBoostRegressor", "--no-ensembles", "--seed", "1", "--json"});
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonObject o = QJsonDocument::fromJson(r.out).object();
            mase[QLatin1String(lags)] = o[QStringLiteral("leaderboard")][0][QStringLiteral("mean_absolute_scaled_error")].toDouble();
            r = testing::runCli({"--workspace", ws, "forecast", "--run", o.value(QStringLiteral("parent_run_id")).toString(), "--input", input,
                                 "--output", output});
            QVERIFY2(r.code == 0, r.err.constData());
            if (QLatin1String(lags) == QLatin1String("auto")) {
                const QList<QByteArray> lines = testing::readFile(output).trimmed().split('\n');
                QCOMPARE(lines.size(), 8);
                const double afterPromo = lines[4].split(',')[1].toDouble(), ordinary = lines[6].split(',')[1].toDouble();
                QVERIFY2(afterPromo > ordinary + 30, qPrintable(QStringLiteral("the day after the promotion %1, an ordinary day %2").arg(afterPromo).arg(ordinary)));
                auto workspace = openWorkspace(ws);
                QVERIFY2(workspace, qPrintable(workspace.message()));
                auto model = ForecastingModel::fromRun(**workspace, o.value(QStringLiteral("parent_run_id")).toString());
                QVERIFY2(model, qPrintable(model.message()));
                QCOMPARE(model->laggedColumns, QStringList{QStringLiteral("footfall")});
                QCOMPARE(model->series.front().features.size(), size_t(2)); // promo and footfall's history, stored for forecasts
            }
        }
        QVERIFY2(mase[QStringLiteral("auto")] < 0.8 * mase[QStringLiteral("none")],
                 qPrintable(QStringLiteral("MASE with feature lags %1, without %2").arg(mase[QStringLiteral("auto")]).arg(mase[QStringLiteral("none")])));
        auto r = testing::runCli({"--workspace", m_dir.filePath(QStringLiteral("lags-x.stratus")), "automl", "--task", "forecasting", "--train", train,
                                  "--label", "sales", "--time-column", "date", "--feature-lags", "some"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--feature-lags must be auto or none (got 'some')"), r.err.constData());
    }

    void cliRunForecastAndRegister()
    {
        const QString ws = m_dir.filePath(QStringLiteral("f.stratus"));
        const QString train = testing::writeFile(m_dir, QStringLiteral("sales.csv"), salesCsv(120));
        auto r = testing::runCli({"--workspace", ws, "automl", "--task", "forecasting", "--train", train, "--label", "sales",
                                  "--time-column", "date", "--series-id", "store", "--horizon", "7", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
        QCOMPARE(o.value(QStringLiteral("task")).toString(), QStringLiteral("forecasting"));
        QCOMPARE(o.value(QStringLiteral("forecasting")).toObject().value(QStringLiteral("freq")).toString(), QStringLiteral("D"));
        const QJsonArray board = o.value(QStringLiteral("leaderboard")).toArray();
        QCOMPARE(board.size(), 10); // seven statistical models, two learners on lag features and the VotingEnsemble
        double seasonalNaive = 0, best = board.first()[QStringLiteral("normalized_root_mean_squared_error")].toDouble();
        QString thetaRun, xgboostRun;
        for (const QJsonValue &row : board) {
            if (row[QStringLiteral("algorithm")].toString() == QLatin1String("SeasonalNaive"))
                seasonalNaive = row[QStringLiteral("normalized_root_mean_squared_error")].toDouble();
            if (row[QStringLiteral("algorithm")].toString() == QLatin1String("Theta"))
                thetaRun = row[QStringLiteral("run_id")].toString();
            if (row[QStringLiteral("algorithm")].toString() == QLatin1String("XGBoostRegressor"))
                xgboostRun = row[QStringLiteral("run_id")].toString();
            QVERIFY(row[QStringLiteral("mean_absolute_scaled_error")].toDouble() > 0);
        }
        QVERIFY2(best <= seasonalNaive, "the best is at least as good as the floor");
        const QString parent = o.value(QStringLiteral("parent_run_id")).toString();

        // Forecast the next week of every store; a row past the horizon is refused with its line.
        QByteArray future = "date,store,holiday\n";
        for (int s = 1; s <= 3; ++s)
            for (int d = 120; d < 127; ++d)
                future += QDate(2023, 1, 2).addDays(d).toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(s) + ",0\n";
        const QString input = testing::writeFile(m_dir, QStringLiteral("future.csv"), future);
        const QString output = m_dir.filePath(QStringLiteral("out.csv"));
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", input, "--output", output});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = testing::readFile(output).trimmed().split('\n');
        QCOMPARE(lines.size(), 22);
        QCOMPARE(lines[0], QByteArray("date,store,forecast,forecast_q0.1,forecast_q0.5,forecast_q0.9"));
        const QList<QByteArray> first = lines[1].split(',');
        QCOMPARE(first[0], QByteArray("2023-05-02"));
        const double f = first[2].toDouble(), lo = first[3].toDouble(), hi = first[5].toDouble();
        QVERIFY(lo < f && f < hi);
        // Store 1's Tuesday, from a trend near 126 plus the weekly cycle (+11.7): within a few units.
        QVERIFY2(std::abs(f - (120 + 0.05 * 120 + 15 * std::sin(2 * M_PI / 7))) < 6, lines[1].constData());

        // A rolling backtest of the week that followed (labelled): every period forecast from the
        // points before its origin; its first origin's forecasts are the ones just made.
        QByteArray labelled = "date,store,sales,holiday\n";
        for (const QByteArray &line : salesCsv(127).split('\n'))
            if (line.startsWith("2023-05-0") && line.split(',').value(0) >= QByteArray("2023-05-02"))
                labelled += line + '\n';
        const QString labelledFile = testing::writeFile(m_dir, QStringLiteral("labelled.csv"), labelled);
        const QString backtestFile = m_dir.filePath(QStringLiteral("backtest.csv"));
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", labelledFile, "--output", backtestFile, "--rolling", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject bt = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(bt.value(QStringLiteral("origins")).toInt(), 3); // a horizon a store
        QCOMPARE(bt.value(QStringLiteral("rows")).toInt(), 21);
        QVERIFY(bt.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("mean_absolute_scaled_error")).toDouble() > 0);
        const QList<QByteArray> btLines = testing::readFile(backtestFile).trimmed().split('\n');
        QCOMPARE(btLines[0], QByteArray("date,store,origin,step,actual,forecast,forecast_q0.1,forecast_q0.5,forecast_q0.9"));
        const QList<QByteArray> firstBt = btLines[1].split(',');
        QCOMPARE(firstBt[0], QByteArray("2023-05-02"));
        QCOMPARE(firstBt[5].toDouble(), first[2].toDouble());
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", labelledFile, "--output", backtestFile, "--rolling",
                             "--step", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        bt = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(bt.value(QStringLiteral("origins")).toInt(), 21);
        QCOMPARE(bt.value(QStringLiteral("rows")).toInt(), 3 * (7 + 6 + 5 + 4 + 3 + 2 + 1));
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", input, "--output", backtestFile, "--rolling"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no column 'sales'"), r.err.constData());

        // A file in which every row gives the target leaves nothing to forecast: said, not an empty file.
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", labelledFile, "--output", output});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("none is left to forecast") && r.err.contains("--rolling"), r.err.constData());

        const QString tooFar = testing::writeFile(m_dir, QStringLiteral("far.csv"), "date,store,holiday\n2023-06-30,1,0\n");
        r = testing::runCli({"--workspace", ws, "forecast", "--run", parent, "--input", tooFar, "--output", output});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("line 2") && r.err.contains("forecast_horizon"), r.err.constData());

        // Any child registers; a forecasting model refuses `predict` with the reason.
        r = testing::runCli({"--workspace", ws, "model", "register", "--run", thetaRun, "--name", "theta"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"--workspace", ws, "forecast", "--model", "theta", "--input", input, "--output", output, "--quantiles", "0.05,0.95"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(testing::readFile(output).startsWith("date,store,forecast,forecast_q0.05,forecast_q0.95\n"));
        // A learner on lag features reads the known-future features of the rows it forecasts.
        r = testing::runCli({"--workspace", ws, "model", "register", "--run", xgboostRun, "--name", "xgb"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"--workspace", ws, "forecast", "--model", "xgb", "--input", input, "--output", output});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(output).trimmed().split('\n').size(), 22);
        const QString noHoliday = testing::writeFile(m_dir, QStringLiteral("noholiday.csv"), "date,store\n2023-05-02,1\n");
        r = testing::runCli({"--workspace", ws, "forecast", "--model", "xgb", "--input", noHoliday, "--output", output});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no column 'holiday'"), r.err.constData());
        r = testing::runCli({"--workspace", ws, "forecast", "--model", "theta", "--input", noHoliday, "--output", output});
        QVERIFY2(r.code == 0, r.err.constData()); // a statistical model needs only the time and the series

        // A package carries it: forecast --package answers what forecast --model did, without the workspace.
        const QByteArray byModel = testing::readFile(output);
        const QString package = m_dir.filePath(QStringLiteral("theta.json"));
        r = testing::runCli({"--workspace", ws, "model", "export", "theta", "--format", "package", "--output", package});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"forecast", "--package", package, "--input", noHoliday, "--output", output});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(output), byModel);
        r = testing::runCli({"predict", "--package", package, "--input", noHoliday, "--output", output});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("forecast --package"), r.err.constData());
        r = testing::runCli({"--workspace", ws, "model", "export", "theta", "--format", "onnx", "--output", m_dir.filePath(QStringLiteral("t.onnx"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("does not export to ONNX") && r.err.contains("history"), r.err.constData());
        r = testing::runCli({"--workspace", ws, "model", "import", package, "--name", "theta-copy"});
        QVERIFY2(r.code == 0, r.err.constData());

        r = testing::runCli({"--workspace", ws, "predict", "--model", "theta", "--input", input, "--output", output});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("forecasting model"), r.err.constData());

        // The endpoint of the same run's model answers the same forecast, with quantiles, over HTTP.
        {
            auto model = ForecastingModel::fromRun(*testing::newWorkspace(m_dir, QStringLiteral("f.stratus")), parent);
            QVERIFY2(model, qPrintable(model.message()));
            serve::ServeOptions options;
            options.key = "forecast-key-0123456789";
            serve::EndpointServer server(std::make_shared<const ForecastingModel>(std::move(*model)), options);
            auto port = server.start();
            QVERIFY2(port, qPrintable(port.message()));
            QNetworkAccessManager net;
            auto post = [&](const QString &path, const QByteArray &body) {
                QNetworkRequest request{QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(*port).arg(path))};
                request.setRawHeader("Content-Type", "application/json");
                request.setRawHeader("Authorization", "Bearer forecast-key-0123456789");
                QNetworkReply *reply = body.isNull() ? net.get(request) : net.post(request, body);
                QSignalSpy done(reply, &QNetworkReply::finished);
                done.wait(20000);
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray answer = reply->readAll();
                reply->deleteLater();
                return qMakePair(status, QJsonDocument::fromJson(answer).object());
            };
            auto [status, answer] = post(QStringLiteral("/score"),
                                         R"({"data": [{"date": "2023-05-02", "store": 1, "holiday": false},
                                                      {"date": "2023-05-03", "store": "1", "holiday": 0}], "quantiles": [0.1, 0.9]})");
            QCOMPARE(status, 200);
            QCOMPARE(answer.value(QStringLiteral("forecast")).toArray().size(), 2);
            QCOMPARE(answer.value(QStringLiteral("forecast")).toArray().at(0).toDouble(), first[2].toDouble()); // as `forecast` wrote it
            QCOMPARE(answer.value(QStringLiteral("index")).toArray().at(0).toObject().value(QStringLiteral("store")).toString(), QStringLiteral("1"));
            QCOMPARE(answer.value(QStringLiteral("quantiles")).toObject().value(QStringLiteral("0.9")).toArray().at(0).toDouble(), first[5].toDouble());
            std::tie(status, answer) = post(QStringLiteral("/score"), R"({"data": [{"store": 1, "holiday": false}]})");
            QCOMPARE(status, 400);
            QCOMPARE(answer.value(QStringLiteral("field")).toString(), QStringLiteral("data[0].date"));
            std::tie(status, answer) = post(QStringLiteral("/score"), R"({"data": [{"date": "2023-07-30", "store": 1, "holiday": false}]})");
            QCOMPARE(status, 400);
            QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(QLatin1String("forecast_horizon")),
                     qPrintable(answer.value(QStringLiteral("error")).toString()));
            std::tie(status, answer) = post(QStringLiteral("/invocations"), R"({"dataframe_records": []})");
            QCOMPARE(status, 400);
            std::tie(status, answer) = post(QStringLiteral("/swagger.json"), QByteArray());
            QCOMPARE(status, 200);
            QVERIFY(answer.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/score")));
            QVERIFY(!answer.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/invocations")));
        }

        // A refused configuration stores nothing: no dataset is registered for it.
        r = testing::runCli({"--workspace", ws, "automl", "--task", "forecasting", "--train", train, "--label", "sales",
                             "--time-column", "date", "--compute", "no-such-profile"});
        QCOMPARE(r.code, 1);
        r = testing::runCli({"--workspace", ws, "automl", "--task", "forecasting", "--train", train, "--label", "sales",
                             "--time-column", "date", "--metric", "AUC_weighted"});
        QCOMPARE(r.code, 2);
        r = testing::runCli({"--workspace", ws, "dataset", "show", "sales", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("version")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestForecastRun)
#include "tst_forecastrun.moc"
