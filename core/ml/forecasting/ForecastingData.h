#pragma once
// ForecastingData: a dataset made ready for the forecasting task — its rows
// split into series by the time series id columns, each series put on the
// frequency's regular grid (TimeGrid), and the settings Azure decides from
// the data ("auto") decided: the frequency (inferred from the longest
// series), the seasonality, the forecast horizon, the rolling-origin folds;
// series too short for them padded or dropped as
// short_series_handling_configuration says; and the forecasting guardrails
// (frequency detection, missing time points, duplicate timestamps, short
// series, series count, horizon against history) as the run reports them.
//
// Every error names the column, and the line or row, that caused it.

#include "data/DataTable.h"
#include "ml/forecasting/ForecastingParameters.h"

#include <QJsonArray>

namespace stratus::ml::forecasting {

struct SeriesData {
    QStringList id;            // the id columns' values as written (empty: the only series)
    RegularSeries series;
    size_t rows = 0;           // dataset rows in it
    size_t paddedPoints = 0;   // points added before its start (short series "pad"); counted in imputed
    // Per known-future feature (ForecastingData::featureColumns), then per feature unknown at
    // forecast time (ForecastingData::laggedColumns), its value at each grid point
    // (the first row's, when rows share a point; NaN where no row gave one).
    std::vector<std::vector<double>> features;
    // The series' name for messages and the leaderboard's picker: "store=3, item=A", or "(all rows)".
    QString name(const QStringList &idColumns) const;
};

struct ForecastingData {
    Frequency frequency;
    bool frequencyInferred = false;
    int season = 1;            // periods
    int horizon = 1;           // periods
    int folds = 3;             // rolling-origin folds
    int step = 1;              // periods between origins
    size_t minTrain = 2;       // grid points the earliest origin trains on at least
    std::vector<SeriesData> series;
    QStringList droppedSeries; // short series dropped (their names)
    // The numeric and boolean columns besides the time, ids and label, less
    // features_unknown_at_forecast_time: known for future rows, so the
    // learners on lag features use them at the time they forecast.
    QStringList featureColumns;
    // Numeric features_unknown_at_forecast_time, with feature_lags "auto": the learners read
    // their values before each origin.
    QStringList laggedColumns;
    QStringList unusedColumns;  // features_unknown_at_forecast_time left out (feature_lags "none")
    QStringList skippedColumns; // text, categorical and date columns the learners do not use (yet)
    double labelMin = 0, labelMax = 0; // over every series' observed values
    // No observed value is below 0 (sales, counts): forecasts and their bands are clipped at 0.
    bool nonNegative() const { return labelMin >= 0; }
    // The guardrails as a run stores them (ml::toJson of Guardrails.h): {name, status, description}.
    QJsonArray guardrails;

    // requires: label and the parameters' columns exist in `table` (errors
    // say which does not); crossValidations 0 means 3.
    static Result<ForecastingData> prepare(const DataTable &table, const QString &label, const ForecastingParameters &parameters,
                                           int crossValidations);
    // The grid points a series needs for the folds: horizon + step (folds - 1) + minTrain.
    size_t requiredLength() const { return size_t(horizon) + size_t(step) * size_t(folds - 1) + minTrain; }
};

// The time column's values as calendar times: a date/time column, text that
// reads as dates, or whole years (an integer column of values 1..9999, as
// January 1st). Errors name the row (DataTable::where) and the value.
Result<std::vector<CivilTime>> timeValues(const DataTable &table, int column);
// A row's series key: the id columns' values joined (empty without ids).
QStringList seriesKey(const DataTable &table, const std::vector<int> &idColumns, size_t row);

} // namespace stratus::ml::forecasting
