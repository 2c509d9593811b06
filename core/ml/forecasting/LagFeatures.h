#pragma once
// LagFeatures: the features a regression learner forecasts from (Azure's
// forecasting featurization), one row per (series, origin, horizon step):
// the origin o is the first period forecast, and a row for step h (1..H)
// describes the target at t = o + h - 1 from what is known at o — nothing
// at or after o of the target is read:
//   step                         h
//   lags                         (y_{o-k} - level) / scale for each lag k (target_lags;
//                                auto: 1, 2, 3, m and 2m)
//   seasonal naive               (y_{t - m ceil(h/m)} - level) / scale and one season further back
//   window                       level and scale are the mean and the mean absolute value of
//                                the last w points before o (target_rolling_window_size; auto:
//                                max(m, 7)): one model fits series of any size, and an outlier
//                                in the window (a holiday's dip) does not inflate the scale
//   calendar of t                the parts of its time that vary at the frequency (hour,
//                                weekday, day of month, day of year, month, quarter)
//   Fourier terms of t           sin and cos of 2 pi k phase / m, k = 1, 2 (m >= 2)
//   series                       the series' index (a code, NaN for one not trained on)
//   known-future features at t   as given (featureColumns of ForecastingData)
//   feature lags (feature_lags)  each known-future feature at t - k, and each feature unknown
//                                at forecast time at o - k (its last values before the origin),
//                                for k in featureLags (auto: the target's lags)
// The target of a row is (y_t - level) / scale; a prediction p forecasts level + scale p.

#include "ml/forecasting/Frequency.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace stratus::ml::forecasting {

struct LagSpec {
    int horizon = 1;
    int season = 1;
    std::vector<int> lags;
    int window = 7;
    Frequency frequency;
    QStringList features; // known-future feature columns, in order
    QStringList laggedFeatures; // features unknown at forecast time: only their values before the origin are read
    std::vector<int> featureLags; // empty: no feature lags (feature_lags "none")

    // The history a row needs before its origin (points).
    size_t history() const;
    int columns() const;
    QStringList columnNames() const;
    QJsonObject toJson() const;
    static LagSpec fromJson(const QJsonObject &json);
};

// One series as the features read it: the target on the grid from `start`
// (imputed points are read but never a row's target), and per feature its
// values at every grid point, which may run past the target's end (the
// future rows' known features).
struct SeriesView {
    const std::vector<double> *values = nullptr;
    const std::vector<char> *imputed = nullptr; // may be null: nothing imputed
    CivilTime start;
    // Per LagSpec::features, then per LagSpec::laggedFeatures: the value at each grid point (NaN: not given).
    std::vector<const std::vector<double> *> features;
    double code = 0; // the series' index, NaN for a series the model was not trained on
    size_t firstObserved = 0; // points before it were padded (short series): no training row reads them
};

// Writes the row of (origin, step) into out[0..columns()), with the level and
// scale it used. requires: origin >= spec.history(), origin <= values size.
void featureRow(const LagSpec &spec, const SeriesView &series, size_t origin, int step, float *out, double *level, double *scale);

} // namespace stratus::ml::forecasting
