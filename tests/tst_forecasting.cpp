// Forecasting's foundations: the calendar of a time column, frequency
// inference (Azure's `freq`, pandas' aliases), a series on its regular grid
// (gaps, duplicates, finer-grained rows), rolling-origin folds, the normal
// quantiles of prediction intervals, and the floor models computed by hand.
#include "ml/forecasting/Arima.h"
#include "ml/forecasting/ExponentialSmoothing.h"
#include "ml/forecasting/FloorModels.h"
#include "ml/forecasting/Frequency.h"
#include "ml/forecasting/Holt.h"
#include "ml/forecasting/HoltWinters.h"
#include "ml/forecasting/RollingOrigin.h"
#include "ml/forecasting/SimpleExpSmoothing.h"
#include "ml/forecasting/Theta.h"
#include "ml/forecasting/TimeGrid.h"

#include <QTest>

using namespace stratus::ml::forecasting;

namespace {

std::vector<CivilTime> parsed(const QStringList &texts)
{
    std::vector<CivilTime> out;
    for (const QString &t : texts)
        out.push_back(*CivilTime::parse(t.toStdString()));
    return out;
}

// `count` points from `start`, `frequency` apart, leaving out the indices in `gaps`.
std::vector<CivilTime> series(const QString &start, const QString &frequency, int count, const QList<int> &gaps = {})
{
    const Frequency f = *Frequency::fromName(frequency);
    const CivilTime origin = *CivilTime::parse(start.toStdString());
    std::vector<CivilTime> out;
    for (int i = 0; i < count; ++i)
        if (!gaps.contains(i))
            out.push_back(f.advance(origin, i));
    return out;
}

// Standard normal draws from a fixed linear congruential generator and
// Box-Muller: the same numbers on every machine.
std::vector<double> gaussian(size_t n, quint64 seed)
{
    std::vector<double> out;
    auto uniform = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double(seed >> 11) + 0.5) / 9007199254740992.0;
    };
    while (out.size() < n) {
        const double u = uniform(), v = uniform();
        out.push_back(std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v));
    }
    return out;
}

} // namespace

class TestForecasting : public QObject {
    Q_OBJECT
private slots:
    void civilTime()
    {
        const CivilTime t = *CivilTime::parse("2024-02-29T06:30:15");
        QCOMPARE(t.year(), 2024);
        QCOMPARE(t.month(), 2);
        QCOMPARE(t.day(), 29);
        QCOMPARE(t.weekday(), 3); // a Thursday
        QVERIFY(t.isMonthEnd());
        QCOMPARE(t.dayOfYear(), 60);
        QCOMPARE(t.toString(), QStringLiteral("2024-02-29T06:30:15"));
        QCOMPARE(CivilTime::parse("1969-12-31")->toString(), QStringLiteral("1969-12-31"));
        QCOMPARE(CivilTime::parse("1969-12-31")->weekday(), 2);
        QCOMPARE(CivilTime::parse("1900-03-01")->dayNumber() - CivilTime::parse("1900-02-28")->dayNumber(), 1); // 1900: no leap day
        QVERIFY(!CivilTime::parse("31/01/2024"));
    }

    void frequencyNames_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("days") << "D" << "D";
        QTest::newRow("15 minutes") << "15min" << "15min";
        QTest::newRow("minutes, old alias") << "5T" << "5min";
        QTest::newRow("hours") << "H" << "h";
        QTest::newRow("business days") << "B" << "B";
        QTest::newRow("weeks") << "W" << "W-SUN";
        QTest::newRow("weeks on Monday") << "2W-MON" << "2W-MON";
        QTest::newRow("month start") << "MS" << "MS";
        QTest::newRow("month end") << "ME" << "M";
        QTest::newRow("quarter end") << "Q" << "Q-DEC";
        QTest::newRow("quarter start") << "QS" << "QS-JAN";
        QTest::newRow("year end, old alias") << "A" << "Y-DEC";
        QTest::newRow("year start") << "AS-JUL" << "YS-JUL";
    }
    void frequencyNames()
    {
        QFETCH(QString, given);
        QFETCH(QString, canonical);
        const auto f = Frequency::fromName(given);
        QVERIFY(f);
        QCOMPARE(f->name(), canonical);
        QCOMPARE(*Frequency::fromName(canonical), *f);
        QVERIFY(!Frequency::fromName(QStringLiteral("fortnightly")));
        QVERIFY(!Frequency::fromName(QStringLiteral("W-XYZ")));
        QVERIFY(!Frequency::fromName(QStringLiteral("0D")));
    }

    void calendarSteps()
    {
        const Frequency monthEnd = *Frequency::fromName(QStringLiteral("M"));
        const CivilTime jan = *CivilTime::parse("2024-01-31");
        QCOMPARE(monthEnd.advance(jan, 1).toString(), QStringLiteral("2024-02-29"));
        QCOMPARE(monthEnd.advance(jan, 13).toString(), QStringLiteral("2025-02-28"));
        QCOMPARE(monthEnd.advance(jan, -2).toString(), QStringLiteral("2023-11-30"));
        QCOMPARE(monthEnd.periodsBetween(jan, *CivilTime::parse("2025-02-28")), 13);
        const Frequency business = *Frequency::fromName(QStringLiteral("B"));
        const CivilTime friday = *CivilTime::parse("2024-03-08");
        QCOMPARE(business.advance(friday, 1).toString(), QStringLiteral("2024-03-11")); // Monday
        QCOMPARE(business.advance(friday, 6).toString(), QStringLiteral("2024-03-18"));
        QCOMPARE(business.advance(friday, -5).toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(business.periodsBetween(friday, *CivilTime::parse("2024-03-18")), 6);
        const Frequency quarters = *Frequency::fromName(QStringLiteral("QS-FEB"));
        QVERIFY(quarters.onGrid(*CivilTime::parse("2024-05-01")));
        QVERIFY(!quarters.onGrid(*CivilTime::parse("2024-04-01")));
    }

    void inference_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("frequency");
        QTest::addColumn<QList<int>>("gaps");
        QTest::newRow("daily") << "2024-01-01" << "D" << QList<int>{};
        QTest::newRow("daily with gaps") << "2024-01-01" << "D" << QList<int>{3, 4, 10};
        QTest::newRow("every 2 days") << "2024-01-01" << "2D" << QList<int>{};
        QTest::newRow("business days") << "2024-01-03" << "B" << QList<int>{};
        QTest::newRow("business days with a holiday") << "2024-01-03" << "B" << QList<int>{7};
        QTest::newRow("weekly, Sundays") << "2024-01-07" << "W-SUN" << QList<int>{};
        QTest::newRow("weekly, Wednesdays with a gap") << "2024-01-03" << "W-WED" << QList<int>{5};
        QTest::newRow("month start") << "2020-01-01" << "MS" << QList<int>{};
        QTest::newRow("month end") << "2020-01-31" << "M" << QList<int>{};
        QTest::newRow("month end with a gap") << "2020-01-31" << "M" << QList<int>{2};
        QTest::newRow("quarter end") << "2019-03-31" << "Q-DEC" << QList<int>{};
        QTest::newRow("quarter start") << "2019-01-01" << "QS-JAN" << QList<int>{};
        QTest::newRow("year end") << "1990-12-31" << "Y-DEC" << QList<int>{};
        QTest::newRow("year start") << "1871-01-01" << "YS-JAN" << QList<int>{};
        QTest::newRow("hourly") << "2024-01-01" << "h" << QList<int>{};
        QTest::newRow("15 minutes with gaps") << "2024-01-01T08:00" << "15min" << QList<int>{2, 9};
    }
    void inference()
    {
        QFETCH(QString, start);
        QFETCH(QString, frequency);
        QFETCH(QList<int>, gaps);
        const auto inferred = inferFrequency(series(start, frequency, 30, gaps));
        QVERIFY2(inferred, inferred ? "" : qPrintable(inferred.message()));
        QCOMPARE(inferred->name(), frequency);
    }

    void inferenceFromRealisticStamps()
    {
        // Rows stamped at one time of day are days, business days or months by their dates.
        QStringList daily, business, monthEnds, hourly;
        for (int d = 1; d <= 20; ++d)
            daily << QStringLiteral("2024-03-%1T16:00").arg(d, 2, 10, QLatin1Char('0'));
        for (const char *d : {"04", "05", "06", "07", "08", "11", "12", "13", "14", "15", "18", "19", "20"})
            business << QStringLiteral("2024-03-%1T16:00").arg(QLatin1String(d));
        for (const char *d : {"2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"})
            monthEnds << QLatin1String(d) + QStringLiteral("T23:59:59");
        for (int h = 0; h < 12; ++h)
            hourly << QStringLiteral("2024-03-01T%1:00:%2").arg(h, 2, 10, QLatin1Char('0')).arg(h == 5 ? "01" : "00");
        QCOMPARE(inferFrequency(parsed(daily))->name(), QStringLiteral("D"));
        QCOMPARE(inferFrequency(parsed(daily))->defaultSeasonality(), 7);
        QCOMPARE(inferFrequency(parsed(business))->name(), QStringLiteral("B"));
        QCOMPARE(inferFrequency(parsed(monthEnds))->name(), QStringLiteral("M"));
        // One time a second off, and a stray midday row in daily data: the most common step.
        QCOMPARE(inferFrequency(parsed(hourly))->name(), QStringLiteral("h"));
        QCOMPARE(inferFrequency(parsed(hourly))->defaultSeasonality(), 24);
        QCOMPARE(inferFrequency(parsed({QStringLiteral("2024-01-01"), QStringLiteral("2024-01-02"), QStringLiteral("2024-01-03"),
                                        QStringLiteral("2024-01-03T12:00"), QStringLiteral("2024-01-04"), QStringLiteral("2024-01-05")}))
                     ->name(),
                 QStringLiteral("D"));
        QCOMPARE(Frequency::fromName(QStringLiteral("15min"))->defaultSeasonality(), 96);
        // Long-format data: repeated times count once.
        QCOMPARE(inferFrequency(parsed({QStringLiteral("2024-01-01"), QStringLiteral("2024-01-01"), QStringLiteral("2024-01-02"),
                                        QStringLiteral("2024-01-02"), QStringLiteral("2024-01-03"), QStringLiteral("2024-01-03")}))
                     ->name(),
                 QStringLiteral("D"));
    }

    void inferenceErrors()
    {
        auto few = inferFrequency(parsed({QStringLiteral("2024-01-01"), QStringLiteral("2024-01-02"), QStringLiteral("2024-01-02")}));
        QVERIFY(!few);
        QVERIFY2(few.message().contains(QStringLiteral("too few")), qPrintable(few.message()));
        // Mostly gaps: not a frequency of this data.
        auto sparse = inferFrequency(parsed({QStringLiteral("2024-01-01"), QStringLiteral("2024-01-02"), QStringLiteral("2024-02-17"),
                                             QStringLiteral("2024-05-01")}));
        QVERIFY(!sparse);
        QVERIFY2(sparse.message().contains(QStringLiteral("irregular")), qPrintable(sparse.message()));
        QVERIFY(!Frequency::fromName(QStringLiteral("ms"))); // pandas' milliseconds, not month start
    }

    void buckets_data()
    {
        QTest::addColumn<QString>("frequency");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("bucket");
        QTest::newRow("day") << "D" << "2024-03-05T17:20" << "2024-03-05";
        QTest::newRow("hour") << "h" << "2024-03-05T17:20" << "2024-03-05T17:00:00";
        QTest::newRow("business day, Saturday") << "B" << "2024-03-09" << "2024-03-08";
        QTest::newRow("week ending Sunday") << "W-SUN" << "2024-03-05" << "2024-03-10";
        QTest::newRow("month start") << "MS" << "2024-02-17" << "2024-02-01";
        QTest::newRow("month end") << "M" << "2024-02-17" << "2024-02-29";
        QTest::newRow("quarter end") << "Q-DEC" << "2024-04-02" << "2024-06-30";
        QTest::newRow("quarter start") << "QS-JAN" << "2024-06-30" << "2024-04-01";
        QTest::newRow("fiscal year end") << "Y-JUN" << "2024-07-01" << "2025-06-30";
        QTest::newRow("year start") << "YS-JAN" << "2024-07-01" << "2024-01-01";
    }
    void buckets()
    {
        QFETCH(QString, frequency);
        QFETCH(QString, time);
        QFETCH(QString, bucket);
        const Frequency f = *Frequency::fromName(frequency);
        const CivilTime b = f.bucket(*CivilTime::parse(time.toStdString()));
        QCOMPARE(b.toString(), bucket);
        QVERIFY(f.onGrid(b));
    }

    void regularGrid()
    {
        const Frequency daily = *Frequency::fromName(QStringLiteral("D"));
        // A gap (03-03, 03-04), a duplicate (03-02 twice), a missing target (03-06).
        const auto times = parsed({QStringLiteral("2024-03-01"), QStringLiteral("2024-03-02"), QStringLiteral("2024-03-02"),
                                   QStringLiteral("2024-03-05"), QStringLiteral("2024-03-06"), QStringLiteral("2024-03-07")});
        const std::vector<double> y = {1, 2, 4, 5, std::nan(""), 7};
        const auto none = regularize(times, y, daily, Aggregation::None);
        QVERIFY(!none);
        QVERIFY2(none.message().contains(QStringLiteral("2024-03-02")) && none.message().contains(QStringLiteral("target_aggregation_function")),
                 qPrintable(none.message()));
        const auto summed = regularize(times, y, daily, Aggregation::Sum);
        QVERIFY(summed);
        QCOMPARE(summed->start.toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(summed->values, (std::vector<double>{1, 6, 6, 6, 5, 5, 7})); // carried forward
        QCOMPARE(summed->imputed, (std::vector<char>{0, 0, 1, 1, 0, 1, 0}));
        QCOMPARE(summed->imputedPoints, size_t(3));
        QCOMPARE(summed->combinedRows, size_t(1));
        QCOMPARE(summed->missingTargets, size_t(1));
        QCOMPARE(regularize(times, y, daily, Aggregation::Mean)->values[1], 3.0);
        QCOMPARE(regularize(times, y, daily, Aggregation::Max)->values[1], 4.0);
        // Daily rows into month ends: January's days belong to 01-31.
        const Frequency monthEnd = *Frequency::fromName(QStringLiteral("M"));
        const auto monthly = regularize(parsed({QStringLiteral("2024-01-03"), QStringLiteral("2024-01-20"), QStringLiteral("2024-02-10"),
                                                QStringLiteral("2024-04-01")}),
                                        {1, 2, 3, 4}, monthEnd, Aggregation::Sum);
        QVERIFY(monthly);
        QCOMPARE(monthly->start.toString(), QStringLiteral("2024-01-31"));
        QCOMPARE(monthly->values, (std::vector<double>{3, 3, 3, 4}));
        QCOMPARE(monthly->imputedPoints, size_t(1));
        QVERIFY(!regularize(parsed({QStringLiteral("2024-01-03")}), {std::nan("")}, daily, Aggregation::None));
        // A step of two days: the rows of both days combine once (a mean of the rows, not of the days).
        const Frequency twoDays = *Frequency::fromName(QStringLiteral("2D"));
        const auto pairs = regularize(parsed({QStringLiteral("2024-03-01"), QStringLiteral("2024-03-02"), QStringLiteral("2024-03-02"),
                                              QStringLiteral("2024-03-03")}),
                                      {10, 20, 30, 5}, twoDays, Aggregation::Mean);
        QVERIFY(pairs);
        QCOMPARE(pairs->values, (std::vector<double>{20, 5}));
        QVERIFY(!regularize(parsed({QStringLiteral("2024-03-01"), QStringLiteral("2024-03-02")}), {1, 2}, twoDays, Aggregation::None));
        // A sub-daily grid is aligned on midnight, as pandas' bins are.
        const auto quarterHours = regularize(parsed({QStringLiteral("2024-03-01T08:07"), QStringLiteral("2024-03-01T08:22"),
                                                     QStringLiteral("2024-03-01T08:40")}),
                                             {1, 2, 3}, *Frequency::fromName(QStringLiteral("15min")), Aggregation::Sum);
        QVERIFY(quarterHours);
        QCOMPARE(quarterHours->start.toString(), QStringLiteral("2024-03-01T08:00:00"));
        QCOMPARE(quarterHours->values, (std::vector<double>{1, 2, 3}));
        QCOMPARE(aggregationFromName(QStringLiteral("Mean")), std::optional<Aggregation>(Aggregation::Mean));
        QVERIFY(!aggregationFromName(QStringLiteral("median")));
    }

    void rollingOrigin()
    {
        // 20 points, horizon 4, 3 folds 2 apart: origins 12, 14, 16.
        const auto folds = rollingOriginFolds(20, 4, 3, 2);
        QVERIFY(folds);
        QCOMPARE(folds->size(), size_t(3));
        QCOMPARE((*folds)[0].origin, size_t(12));
        QCOMPARE((*folds)[2].origin, size_t(16));
        QCOMPARE((*folds)[2].origin + 4, size_t(20)); // the last fold scores the last horizon
        const auto few = rollingOriginFolds(9, 4, 3, 2);
        QVERIFY(!few);
        QVERIFY2(few.message().contains(QStringLiteral("at least 10")), qPrintable(few.message()));
    }

    void normalQuantiles()
    {
        QCOMPARE(std::round(normalQuantile(0.975) * 1e12), std::round(1.959963984540054 * 1e12));
        QCOMPARE(std::round(normalQuantile(0.9) * 1e12), std::round(1.2815515655446004 * 1e12));
        QCOMPARE(std::round(normalQuantile(0.1) * 1e12), std::round(-1.2815515655446004 * 1e12));
        QCOMPARE(normalQuantile(0.5), 0.0);
        QCOMPARE(std::round(normalQuantile(1e-10) * 1e9), std::round(-6.361340902404056 * 1e9));
    }

    void simpleExpSmoothing_data()
    {
        QTest::addColumn<std::vector<double>>("y");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("initialLevel");
        QTest::addColumn<double>("sse");
        QTest::addColumn<double>("forecast");
        // Recorded from statsmodels 0.13.5 (Debian's python3-statsmodels):
        // SimpleExpSmoothing(y, initialization_method="estimated").fit().
        QTest::newRow("FPP's oil production") << std::vector<double>{446.7, 454.5, 455.7, 423.6, 456.3, 440.6, 425.3, 485.1, 506.0, 526.8, 514.3, 494.2}
                                              << 0.8909308734361995 << 447.52765413440176 << 7583.597387528383 << 496.51014983;
        QTest::newRow("a zigzag with a trend") << std::vector<double>{3, 5, 4, 6, 5, 7, 6, 8, 7, 9}
                                               << 0.6125113010386282 << 3.735177054167532 << 18.090819454219982 << 8.26481431;
    }
    void simpleExpSmoothing()
    {
        QFETCH(std::vector<double>, y);
        QFETCH(double, alpha);
        QFETCH(double, initialLevel);
        QFETCH(double, sse);
        QFETCH(double, forecast);
        const SimpleExpSmoothing m = SimpleExpSmoothing::fit(y);
        QVERIFY2(std::abs(m.alpha - alpha) < 1e-3, qPrintable(QString::number(m.alpha, 'g', 10)));
        QVERIFY2(std::abs(m.initialLevel - initialLevel) < 1e-2 * std::abs(initialLevel), qPrintable(QString::number(m.initialLevel, 'g', 10)));
        QVERIFY(m.sse <= sse * (1 + 1e-7)); // least squares: never worse than statsmodels' optimum
        const Forecast f = m.forecast(3, {0.1, 0.9});
        QVERIFY2(std::abs(f.mean[2] - forecast) < 1e-3 * std::abs(forecast), qPrintable(QString::number(f.mean[2], 'g', 10)));
        // The band widens with the horizon as sqrt(1 + alpha^2 (h - 1)).
        const double sigma = std::sqrt(m.sse / double(y.size()));
        QCOMPARE(f.quantiles[1][2] - f.mean[2], normalQuantile(0.9) * sigma * std::sqrt(1 + m.alpha * m.alpha * 2));
        QVERIFY(std::isfinite(m.aicc()));
        // A constant series: no error, the constant forecast.
        const SimpleExpSmoothing flat = SimpleExpSmoothing::fit({4, 4, 4, 4, 4});
        QCOMPARE(flat.forecast(2, {0.5}).mean, (std::vector<double>{4, 4}));
    }

    void holt()
    {
        // FPP's Australian air passengers (1990-2016); statsmodels 0.13.5:
        // Holt(y, initialization_method="estimated").fit(): alpha 0.8215,
        // beta 0 (the bound), SSE 128.4222, forecasts 74.5957, 76.6938, 78.7920.
        const std::vector<double> y = {17.55, 21.86, 23.89, 26.93, 26.89, 28.83, 30.08, 30.95, 30.19, 31.58, 32.58, 33.48, 39.02, 41.39,
                                       41.60, 44.66, 46.95, 48.73, 51.49, 50.03, 60.64, 63.36, 66.36, 68.20, 68.12, 69.78, 72.60};
        const Holt m = Holt::fit(y, false);
        QVERIFY2(m.sse <= 128.42215613746794 * (1 + 1e-6), qPrintable(QString::number(m.sse, 'g', 10)));
        QVERIFY2(std::abs(m.alpha - 0.8215350480726483) < 1e-2, qPrintable(QString::number(m.alpha, 'g', 10)));
        const Forecast f = m.forecast(3, {0.1, 0.9});
        const std::vector<double> expected = {74.59568934, 76.69383572, 78.79198209};
        for (size_t h = 0; h < 3; ++h)
            QVERIFY2(std::abs(f.mean[h] - expected[h]) < 0.05, qPrintable(QString::number(f.mean[h], 'g', 10)));
        // The band: sigma^2 (1 + sum of c_j^2), c_j = alpha (1 + beta j) without damping.
        const double sigma2 = m.sse / double(y.size());
        const double c1 = m.alpha * (1 + m.beta), c2 = m.alpha * (1 + 2 * m.beta);
        QCOMPARE(f.quantiles[1][2] - f.mean[2], normalQuantile(0.9) * std::sqrt(sigma2 * (1 + c1 * c1 + c2 * c2)));
        // Damped: phi within FPP3's bounds, and the trend's steps shrink.
        const Holt d = Holt::fit(y, true);
        QVERIFY(d.phi >= 0.8 && d.phi <= 0.98);
        const Forecast g = d.forecast(3, {0.5});
        QVERIFY((g.mean[2] - g.mean[1]) < (g.mean[1] - g.mean[0]));
        QVERIFY(d.aicc() > m.aicc() - 100 && std::isfinite(d.aicc()));
        // A straight line is continued exactly.
        std::vector<double> line;
        for (int t = 0; t < 12; ++t)
            line.push_back(3 + 2 * t);
        const Holt l = Holt::fit(line, false);
        QVERIFY(l.sse < 1e-12);
        QVERIFY(std::abs(l.forecast(2, {0.5}).mean[1] - (3 + 2 * 13)) < 1e-6);
    }

    void holtWinters()
    {
        // Quarterly, additive seasons; statsmodels 0.13.5:
        // ExponentialSmoothing(y, trend=None|"add", seasonal="add", seasonal_periods=4,
        // initialization_method="estimated").fit().
        const std::vector<double> y = {30.05, 19.15, 25.32, 27.59, 32.08, 23.87, 27.21, 31.68, 35.34, 25.46, 30.44, 35.01,
                                       40.31, 27.52, 31.85, 34.73, 41.47, 30.18, 37.41, 41.64, 43.98, 33.75, 36.95, 45.46};
        struct Case {
            HoltWinters::Trend trend;
            double sse;
            std::vector<double> forecast;
        };
        const Case cases[] = {{HoltWinters::Trend::None, 73.57957641245048, {48.32144245, 37.01363196, 41.13076573, 44.86126963, 48.32144245}},
                              {HoltWinters::Trend::Additive, 31.061340582268343, {47.3522495, 36.8022495, 41.6772495, 46.16558292, 50.25146364}}};
        for (const Case &c : cases) {
            const HoltWinters m = HoltWinters::fit(y, 4, c.trend);
            QVERIFY2(m.sse <= c.sse * (1 + 1e-6), qPrintable(QString::number(m.sse, 'g', 10)));
            const Forecast f = m.forecast(5, {0.1, 0.9});
            for (size_t h = 0; h < 5; ++h)
                QVERIFY2(std::abs(f.mean[h] - c.forecast[h]) < 0.05 * std::max(1.0, std::abs(c.sse - m.sse)),
                         qPrintable(QStringLiteral("step %1: %2").arg(h + 1).arg(f.mean[h])));
            QVERIFY(f.quantiles[1][4] - f.mean[4] >= f.quantiles[1][0] - f.mean[0] - 1e-12); // never narrower further out
            QVERIFY(std::isfinite(m.aicc()));
        }
        const HoltWinters damped = HoltWinters::fit(y, 4, HoltWinters::Trend::Damped);
        QVERIFY(damped.phi >= 0.8 && damped.phi <= 0.98);
    }

    void exponentialSmoothingChoosesByAicc()
    {
        // A quarterly series with seasons and a trend: a seasonal model wins.
        const std::vector<double> seasonal = {30.05, 19.15, 25.32, 27.59, 32.08, 23.87, 27.21, 31.68, 35.34, 25.46, 30.44, 35.01,
                                              40.31, 27.52, 31.85, 34.73, 41.47, 30.18, 37.41, 41.64, 43.98, 33.75, 36.95, 45.46};
        const EtsChoice a = fitExponentialSmoothing(seasonal, 4, 4, {0.5});
        QVERIFY2(a.model.endsWith(QLatin1String(",A)")), qPrintable(a.model));
        QVERIFY(std::isfinite(a.aicc));
        QCOMPARE(a.forecast.mean.size(), size_t(4));
        // The same series without its season (season 1): a trended model, no seasonal one.
        const EtsChoice b = fitExponentialSmoothing(seasonal, 1, 4, {0.5});
        QVERIFY2(b.model.endsWith(QLatin1String(",N)")), qPrintable(b.model));
        // Too short for any AICc: simple exponential smoothing.
        QCOMPARE(fitExponentialSmoothing({1, 2, 3}, 4, 2, {0.5}).model, QStringLiteral("ETS(A,N,N)"));
    }

    void theta()
    {
        // statsmodels 0.13.5: ThetaModel(y, period=4).fit().forecast(6) (theta = 2), its
        // params (b0, alpha), and the method its seasonality test and decomposition chose.
        const std::vector<double> y = {30.05, 19.15, 25.32, 27.59, 32.08, 23.87, 27.21, 31.68, 35.34, 25.46, 30.44, 35.01,
                                       40.31, 27.52, 31.85, 34.73, 41.47, 30.18, 37.41, 41.64, 43.98, 33.75, 36.95, 45.46};
        struct Case {
            double shift; // added to y
            int period;
            bool multiplicative, seasonal;
            double b0, alpha;
            std::vector<double> forecast;
        };
        const Case cases[] = {
            {0, 4, true, true, 0.73291665, 0.79514447, {50.02399452, 35.91109807, 41.75706729, 46.14505901, 51.73245184, 37.12717795}},
            {-40, 4, false, true, 0.72798935, 0.86979521, {9.02597406, -1.82753127, 2.93296341, 6.26770808, 10.48195275, -0.37155257}}};
        for (const Case &c : cases) {
            std::vector<double> shifted = y;
            for (double &v : shifted)
                v += c.shift;
            const Theta m = Theta::fit(shifted, c.period);
            QCOMPARE(m.multiplicative, c.multiplicative);
            QCOMPARE(!m.seasonal.empty(), c.seasonal);
            QVERIFY2(std::abs(m.drift - c.b0) < 1e-6, qPrintable(QString::number(m.drift, 'g', 10)));
            QVERIFY2(std::abs(m.alpha - c.alpha) < 1e-4, qPrintable(QString::number(m.alpha, 'g', 10)));
            const Forecast f = m.forecast(6, {0.1, 0.9});
            for (size_t h = 0; h < 6; ++h)
                QVERIFY2(std::abs(f.mean[h] - c.forecast[h]) < 1e-3, qPrintable(QStringLiteral("step %1: %2").arg(h + 1).arg(f.mean[h])));
            QVERIFY(f.quantiles[0][0] < f.mean[0] && f.mean[0] < f.quantiles[1][0]);
        }
        // No season: ThetaModel(y, period=1, deseasonalize=False).
        const Theta plain = Theta::fit({10, 12, 11, 14, 13, 16, 15, 17, 19, 18, 21, 20, 23, 22, 25}, 1);
        QVERIFY(plain.seasonal.empty());
        const std::vector<double> expected = {25.0192349, 25.52102061, 26.02280632, 26.52459204};
        const Forecast f = plain.forecast(4, {0.5});
        for (size_t h = 0; h < 4; ++h)
            QVERIFY2(std::abs(f.mean[h] - expected[h]) < 1e-3, qPrintable(QString::number(f.mean[h], 'g', 10)));
    }

    void arima()
    {
        // ARIMA(0,1,0): the last value, sigma^2 the mean squared difference, sigma_h = sigma sqrt(h).
        const std::vector<double> walk = {10, 12, 11, 13, 16, 15};
        ArimaOrder o;
        o.d = 1;
        const auto rw = Arima::fit(walk, o);
        QVERIFY(rw);
        const double sigma2 = (4 + 1 + 4 + 9 + 1) / 5.0;
        QCOMPARE(rw->sigma2, sigma2);
        Forecast f = rw->forecast(3, {0.9});
        QCOMPARE(f.mean, (std::vector<double>{15, 15, 15}));
        QVERIFY(std::abs(f.quantiles[0][2] - (15 + normalQuantile(0.9) * std::sqrt(3 * sigma2))) < 1e-9);
        // With drift: the mean difference (5 / 5 = 1) a period.
        o.constant = true;
        f = Arima::fit(walk, o)->forecast(2, {0.5});
        QVERIFY(std::abs(f.mean[0] - 16) < 1e-9 && std::abs(f.mean[1] - 17) < 1e-9);
        QCOMPARE(o.describe(), QStringLiteral("ARIMA(0,1,0) with drift"));

        // AR(1), phi = 0.7 around 50, 300 points: the estimate near 0.7 (statsmodels' SARIMAX gives
        // 0.681 on such a series), forecasts decaying towards the mean.
        const std::vector<double> e = gaussian(300, 3);
        std::vector<double> y(300, 0.0);
        for (size_t t = 1; t < y.size(); ++t)
            y[t] = 0.7 * y[t - 1] + e[t];
        for (double &v : y)
            v += 50;
        ArimaOrder ar1;
        ar1.p = 1;
        ar1.constant = true;
        const auto a = Arima::fit(y, ar1);
        QVERIFY(a);
        QVERIFY2(std::abs(a->ar[0] - 0.7) < 0.1, qPrintable(QString::number(a->ar[0])));
        QVERIFY2(std::abs(a->sigma2 - 1) < 0.2, qPrintable(QString::number(a->sigma2)));
        f = a->forecast(40, {0.1, 0.9});
        QVERIFY(std::abs(f.mean[39] - a->mean) < 0.01);
        QVERIFY(f.quantiles[1][39] - f.quantiles[0][39] > f.quantiles[1][0] - f.quantiles[0][0]);
        // The tests choose the differencing: none for the AR(1), one for its running sum (a random walk).
        QCOMPARE(differences(y), 0);
        std::vector<double> sum(300, 0.0);
        for (size_t t = 1; t < sum.size(); ++t)
            sum[t] = sum[t - 1] + e[t];
        QCOMPARE(differences(sum), 1);
        // A strong monthly season is differenced seasonally; the AR(1) is not.
        std::vector<double> seasonal(120);
        for (size_t t = 0; t < seasonal.size(); ++t)
            seasonal[t] = 100 + 10 * std::sin(2 * M_PI * double(t % 12) / 12) + 0.5 * e[t];
        QCOMPARE(seasonalDifferences(seasonal, 12), 1);
        QCOMPARE(seasonalDifferences(y, 12), 0);
        const Arima chosen = autoArima(seasonal, 12);
        QCOMPARE(chosen.order.D, 1);
        f = chosen.forecast(12, {0.5});
        for (size_t h = 0; h < 12; ++h) // next year's pattern, within the noise
            QVERIFY2(std::abs(f.mean[h] - (100 + 10 * std::sin(2 * M_PI * double((120 + h) % 12) / 12))) < 2,
                     qPrintable(QStringLiteral("%1 at %2 (%3)").arg(f.mean[h]).arg(h).arg(chosen.order.describe())));
        // A cycle of about ten periods (AR(2) with complex roots) gets AR terms.
        std::vector<double> cycle(300, 0.0);
        for (size_t t = 2; t < cycle.size(); ++t)
            cycle[t] = 1.6 * cycle[t - 1] - 0.9 * cycle[t - 2] + e[t];
        QVERIFY2(autoArima(cycle, 1).order.p >= 2, qPrintable(autoArima(cycle, 1).order.describe()));
    }

    void floorModels()
    {
        const std::vector<double> y = {10, 12, 14, 11, 13, 15, 12, 14};
        const std::vector<double> levels = {0.1, 0.5, 0.9};
        const double z = normalQuantile(0.9);
        // Naive: the last value; one-step residuals 2, 2, -3, 2, 2, -3, 2 (RMS sqrt(38/7)).
        Forecast f = floorForecast(FloorModel::Naive, y, 3, 4, levels);
        QCOMPARE(f.mean, (std::vector<double>{14, 14, 14, 14}));
        QCOMPARE(f.quantiles[2][3], 14 + z * std::sqrt(38.0 / 7) * 2);
        QCOMPARE(f.quantiles[1][0], 14.0);
        // SeasonalNaive, m = 3: the last season again; residuals 1, 1, 1, 1, 1 (RMS 1).
        f = floorForecast(FloorModel::SeasonalNaive, y, 3, 4, levels);
        QCOMPARE(f.mean, (std::vector<double>{15, 12, 14, 15}));
        QCOMPARE(f.quantiles[2][3], 15 + z * std::sqrt(2.0));
        // Average: 101 / 8; the sample standard deviation times sqrt(1 + 1/8).
        f = floorForecast(FloorModel::Average, y, 3, 2, levels);
        QCOMPARE(f.mean[0], 101.0 / 8);
        double squares = 0;
        for (double v : y)
            squares += (v - 101.0 / 8) * (v - 101.0 / 8);
        QCOMPARE(f.quantiles[0][1], 101.0 / 8 - z * std::sqrt(squares / 7) * std::sqrt(1 + 1.0 / 8));
        // SeasonalAverage, m = 3: the next period is in the season of rows 2
        // and 5 (14, 15), then rows 0, 3, 6 (10, 11, 12), then 1, 4, 7 (12, 13, 14).
        f = floorForecast(FloorModel::SeasonalAverage, y, 3, 3, levels);
        QCOMPARE(f.mean, (std::vector<double>{14.5, 11, 13}));
    }
};

QTEST_GUILESS_MAIN(TestForecasting)
#include "tst_forecasting.moc"
