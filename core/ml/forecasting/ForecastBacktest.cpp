#include "ml/forecasting/ForecastBacktest.h"

#include "ml/forecasting/ForecastMetrics.h"
#include "ml/forecasting/ForecastingData.h"

#include <cmath>
#include <map>

namespace stratus::ml::forecasting {

Result<Backtest> rollingBacktest(const ForecastingModel &model, const DataTable &input, const std::vector<double> &levels, int step)
{
    auto column = [&](const QString &name, const QString &what) -> Result<int> {
        const int i = input.indexOf(name);
        if (i < 0)
            return Error{QStringLiteral("the input has no column '%1' (%2)").arg(name, what)};
        return i;
    };
    auto time = column(model.timeColumn, QStringLiteral("the model's time column"));
    if (!time)
        return time.error();
    auto target = column(model.label, QStringLiteral("the target: a backtest compares its values with the forecasts"));
    if (!target)
        return target.error();
    if (!input.columns[size_t(*target)].isNumeric())
        return Error{QStringLiteral("the input's column '%1' (the target) must hold numbers").arg(model.label)};
    std::vector<int> ids, featureIndex;
    for (const QString &name : model.idColumns) {
        auto i = column(name, QStringLiteral("a time series id column of the model"));
        if (!i)
            return i.error();
        ids.push_back(*i);
    }
    auto features = model.featureInputColumns(input);
    if (!features)
        return features.error();
    featureIndex = *features;
    auto times = timeValues(input, *time);
    if (!times)
        return times.error();
    const DataColumn &y = input.columns[size_t(*target)];
    const Frequency &f = model.frequency;
    const int every = step > 0 ? step : model.horizon;
    std::vector<double> all(levels);
    all.push_back(0.1);
    all.push_back(0.9);

    std::map<QStringList, std::vector<size_t>> groups;
    for (size_t r = 0; r < input.rowCount; ++r)
        groups[seriesKey(input, ids, r)].push_back(r);
    Backtest out;
    std::vector<ScoredWindow> windows;
    double low = INFINITY, high = -INFINITY;
    for (const auto &[key, rows] : groups) {
        const ForecastingModel::History *stored = nullptr;
        double code = std::nan("");
        for (size_t i = 0; i < model.series.size(); ++i)
            if (model.series[i].id == key) {
                stored = &model.series[i];
                code = double(i);
            }
        std::vector<CivilTime> t;
        std::vector<double> v;
        std::map<qint64, char> given;
        CivilTime first = (*times)[rows.front()];
        for (size_t r : rows) {
            first = std::min(first, f.bucket((*times)[r]));
            t.push_back((*times)[r]);
            v.push_back(y.numbers[r]);
            given[f.bucket((*times)[r]).seconds] = 1;
        }
        if (stored)
            for (size_t i = 0; i < stored->values.size(); ++i) {
                const CivilTime point = f.advance(stored->start, qint64(i));
                if (!given.count(point.seconds)) {
                    t.push_back(point);
                    v.push_back(stored->values[i]);
                }
            }
        const QString name = key.isEmpty() ? QString() : QStringLiteral(" (series %1)").arg(key.join(QStringLiteral(", ")));
        auto regular = regularize(t, v, f, model.aggregation);
        if (!regular)
            return Error{QStringLiteral("the history%1: %2").arg(name, regular.message())};
        const size_t length = regular->values.size();
        const std::vector<std::vector<double>> features = model.featureGrid(stored, regular->start, length, input, rows, *times, featureIndex);
        const qint64 firstIndex = std::max<qint64>(2, f.periodsBetween(regular->start, first));
        for (size_t origin = size_t(firstIndex); origin < length; origin += size_t(every)) {
            const std::vector<double> history(regular->values.begin(), regular->values.begin() + qsizetype(origin));
            const std::vector<char> imputed(regular->imputed.begin(), regular->imputed.begin() + qsizetype(origin));
            SeriesView view;
            view.values = &history;
            view.imputed = &imputed;
            view.start = regular->start;
            view.code = code;
            for (const auto &feature : features)
                view.features.push_back(&feature);
            const int steps = int(std::min<size_t>(size_t(model.horizon), length - origin));
            const Forecast forecast = model.forecast(view, steps, all);
            ScoredWindow w;
            w.scale = maseScale(history, model.season);
            for (int s = 0; s < steps; ++s) {
                const size_t at = origin + size_t(s);
                BacktestRow row;
                row.id = key;
                row.origin = f.advance(regular->start, qint64(origin));
                row.time = f.advance(regular->start, qint64(at));
                row.step = s + 1;
                row.actual = regular->imputed[at] ? std::nan("") : regular->values[at];
                row.forecast = forecast.mean[size_t(s)];
                for (size_t q = 0; q < levels.size(); ++q)
                    row.quantiles.push_back(forecast.quantiles[q][size_t(s)]);
                w.actual.push_back(row.actual);
                w.predicted.push_back(row.forecast);
                w.lower.push_back(forecast.quantiles[levels.size()][size_t(s)]);
                w.upper.push_back(forecast.quantiles[levels.size() + 1][size_t(s)]);
                if (!std::isnan(row.actual)) {
                    low = std::min(low, row.actual);
                    high = std::max(high, row.actual);
                }
                out.rows.push_back(std::move(row));
            }
            windows.push_back(std::move(w));
            ++out.origins;
        }
    }
    if (out.rows.empty())
        return Error{QStringLiteral("the input gives no period after a history of two points to backtest")};
    out.metrics = forecastingMetrics(windows, low, high);
    return out;
}

} // namespace stratus::ml::forecasting
