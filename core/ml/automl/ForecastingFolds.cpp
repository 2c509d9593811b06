#include "ml/automl/ForecastingFolds.h"

#include "ml/forecasting/RollingOrigin.h"
#include "ml/forecasting/StatisticalModels.h"

#include <QThreadPool>
#include <QtConcurrent>
#include <cmath>
#include <numeric>
#include <set>

namespace stratus::ml::forecasting {

namespace {

const std::vector<double> kBand = {0.1, 0.9}; // the 80% band every trial is scored on

// A series that never goes below 0 is not forecast below it.
void clip(ScoredWindow &w, bool nonNegative)
{
    if (!nonNegative)
        return;
    for (auto *v : {&w.predicted, &w.lower, &w.upper})
        for (double &x : *v)
            x = std::max(0.0, x);
}

} // namespace

QStringList forecastingAlgorithms()
{
    return statisticalAlgorithms() + lagLearners();
}

LagSpec lagSpec(const ForecastingData &data, const ForecastingParameters &parameters)
{
    LagSpec spec;
    spec.horizon = data.horizon;
    spec.season = data.season;
    spec.frequency = data.frequency;
    spec.features = data.featureColumns;
    spec.laggedFeatures = data.laggedColumns;
    spec.window = parameters.targetRollingWindowSize > 0 ? parameters.targetRollingWindowSize : std::max(data.season, 7);
    std::set<int> lags{1, 2, 3};
    if (data.season >= 2) {
        lags.insert(data.season);
        lags.insert(2 * data.season);
    }
    if (parameters.targetLagMode == LagMode::Given)
        spec.lags = parameters.targetLags;
    else if (parameters.targetLagMode == LagMode::Auto)
        spec.lags.assign(lags.begin(), lags.end());
    // feature_lags "auto": the target's lags, or the automatic ones when the target has none.
    if (parameters.featureLags)
        spec.featureLags = spec.lags.empty() ? std::vector<int>(lags.begin(), lags.end()) : spec.lags;
    return spec;
}

std::vector<SeriesView> seriesViews(const ForecastingData &data)
{
    std::vector<SeriesView> views;
    for (size_t s = 0; s < data.series.size(); ++s) {
        SeriesView v;
        v.values = &data.series[s].series.values;
        v.imputed = &data.series[s].series.imputed;
        v.start = data.series[s].series.start;
        for (const std::vector<double> &f : data.series[s].features)
            v.features.push_back(&f);
        v.code = double(s);
        v.firstObserved = data.series[s].paddedPoints;
        views.push_back(v);
    }
    return views;
}

namespace {

// The first origin a padded series' fold is scored from: its training part
// must hold a season of observed points, or the padding (a copy of its first
// season) would hand the fold its own answers.
size_t scoredFrom(const SeriesData &s, int season)
{
    return s.paddedPoints ? s.paddedPoints + size_t(std::max(2, season)) : 0;
}

} // namespace

FoldForecasts lagRollingOriginForecasts(const QString &learner, const ForecastingData &data, const LagSpec &spec, int threads,
                                        const std::atomic<bool> &cancel, QString *error)
{
    FoldForecasts out;
    out.windows.resize(data.series.size());
    const std::vector<SeriesView> views = seriesViews(data);
    std::vector<std::vector<RollingOriginFold>> folds;
    for (const SeriesData &s : data.series)
        folds.push_back(*rollingOriginFolds(s.series.values.size(), data.horizon, data.folds, data.step, data.minTrain));
    FitControl control;
    control.threads = threads;
    control.cancel = &cancel;
    for (int k = 0; k < data.folds; ++k) {
        std::vector<size_t> ends;
        for (const auto &f : folds)
            ends.push_back(f[size_t(k)].origin);
        auto model = LagModel::fit(learner, spec, views, ends, control);
        if (!model) {
            *error = model.message();
            return {};
        }
        for (size_t s = 0; s < views.size(); ++s) {
            if (cancel.load())
                return out;
            const size_t origin = ends[s];
            const RegularSeries &series = data.series[s].series;
            Forecast f;
            if (origin >= spec.history()) {
                f = model->forecast(views[s], origin, data.horizon, {0.1, 0.9});
            } else { // too little history for the lags: the series' floor
                const std::vector<double> train(series.values.begin(), series.values.begin() + qsizetype(origin));
                f = forecastSeries(QStringLiteral("SeasonalNaive"), train, data.season, data.horizon, {0.1, 0.9}).forecast;
            }
            ScoredWindow w;
            const bool scored = origin >= scoredFrom(data.series[s], data.season);
            for (size_t h = 0; h < size_t(data.horizon); ++h)
                w.actual.push_back(!scored || series.imputed[origin + h] ? std::nan("") : series.values[origin + h]);
            const std::vector<double> train(series.values.begin(), series.values.begin() + qsizetype(origin));
            w.predicted = std::move(f.mean);
            w.lower = std::move(f.quantiles[0]);
            w.upper = std::move(f.quantiles[1]);
            w.scale = maseScale(train, data.season);
            clip(w, data.nonNegative());
            out.windows[s].push_back(std::move(w));
        }
    }
    out.details.insert(QStringLiteral("%1 on %2 features").arg(learner).arg(spec.columns()), int(data.series.size()));
    return out;
}

FoldForecasts rollingOriginForecasts(const QString &algorithm, const ForecastingData &data, QThreadPool *pool,
                                     const std::atomic<bool> &cancel)
{
    FoldForecasts out;
    out.windows.resize(data.series.size());
    std::vector<QString> details(data.series.size());
    std::vector<size_t> indices(data.series.size());
    std::iota(indices.begin(), indices.end(), size_t(0));
    QtConcurrent::blockingMap(pool, indices, [&](size_t s) {
        if (cancel.load())
            return;
        const RegularSeries &series = data.series[s].series;
        auto folds = rollingOriginFolds(series.values.size(), data.horizon, data.folds, data.step, data.minTrain);
        if (!folds)
            return; // ForecastingData made every series long enough
        for (const RollingOriginFold &fold : *folds) {
            if (cancel.load())
                return;
            const std::vector<double> train(series.values.begin(), series.values.begin() + qsizetype(fold.origin));
            ModelForecast f = forecastSeries(algorithm, train, data.season, data.horizon, kBand);
            ScoredWindow w;
            const bool scored = fold.origin >= scoredFrom(data.series[s], data.season);
            for (size_t h = 0; h < size_t(data.horizon); ++h) {
                const size_t at = fold.origin + h;
                w.actual.push_back(!scored || series.imputed[at] ? std::nan("") : series.values[at]);
            }
            w.predicted = std::move(f.forecast.mean);
            w.lower = std::move(f.forecast.quantiles[0]);
            w.upper = std::move(f.forecast.quantiles[1]);
            w.scale = maseScale(train, data.season);
            clip(w, data.nonNegative());
            out.windows[s].push_back(std::move(w));
            details[s] = f.detail;
        }
    });
    for (const QString &d : details)
        if (!d.isEmpty())
            ++out.details[d];
    return out;
}

std::vector<double> caruanaWeights(const std::vector<const FoldForecasts *> &members, int rounds)
{
    // Pooled squared error of the running blend plus one more pick of member m.
    std::vector<int> picks(members.size(), 0);
    int picked = 0;
    for (int round = 0; round < rounds; ++round) {
        size_t best = 0;
        double bestError = INFINITY;
        for (size_t m = 0; m < members.size(); ++m) {
            double error = 0;
            const auto &windows = members[m]->windows;
            for (size_t s = 0; s < windows.size(); ++s)
                for (size_t f = 0; f < windows[s].size(); ++f)
                    for (size_t h = 0; h < windows[s][f].actual.size(); ++h) {
                        const double a = windows[s][f].actual[h];
                        if (std::isnan(a))
                            continue;
                        double blendSum = 0;
                        for (size_t k = 0; k < members.size(); ++k)
                            blendSum += picks[k] * members[k]->windows[s][f].predicted[h];
                        const double p = (blendSum + windows[s][f].predicted[h]) / double(picked + 1);
                        error += (a - p) * (a - p);
                    }
            if (error < bestError) {
                bestError = error;
                best = m;
            }
        }
        ++picks[best];
        ++picked;
    }
    std::vector<double> weights(members.size());
    for (size_t m = 0; m < members.size(); ++m)
        weights[m] = double(picks[m]) / double(picked);
    return weights;
}

FoldForecasts blend(const std::vector<const FoldForecasts *> &members, const std::vector<double> &weights)
{
    FoldForecasts out;
    out.windows = members.front()->windows;
    for (size_t s = 0; s < out.windows.size(); ++s)
        for (size_t f = 0; f < out.windows[s].size(); ++f) {
            ScoredWindow &w = out.windows[s][f];
            std::fill(w.predicted.begin(), w.predicted.end(), 0.0);
            std::fill(w.lower.begin(), w.lower.end(), 0.0);
            std::fill(w.upper.begin(), w.upper.end(), 0.0);
            for (size_t m = 0; m < members.size(); ++m) {
                if (weights[m] == 0)
                    continue;
                const ScoredWindow &x = members[m]->windows[s][f];
                for (size_t h = 0; h < w.predicted.size(); ++h) {
                    w.predicted[h] += weights[m] * x.predicted[h];
                    w.lower[h] += weights[m] * x.lower[h];
                    w.upper[h] += weights[m] * x.upper[h];
                }
            }
        }
    return out;
}

} // namespace stratus::ml::forecasting
