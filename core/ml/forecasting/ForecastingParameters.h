#pragma once
// ForecastingParameters: the settings of a forecasting AutoML run, with
// Azure's names and meanings (azureml.automl.core.forecasting_parameters.
// ForecastingParameters). Values Azure calls "auto" are 0 or empty here and
// are decided from the data when the run starts (ForecastingData):
//   time_column_name                    required
//   forecast_horizon                    periods; 0: auto (the season, at most a
//                                       fifth of the shortest series; at least 1)
//   time_series_id_column_names         columns naming each series (empty: one series)
//   freq                                a pandas alias (Frequency.h); empty: inferred
//   target_lags                         auto, none, or lags in periods
//   target_rolling_window_size          periods (0: none)
//   feature_lags                        "auto" (each numeric feature lagged by the target's
//                                       lags; LagFeatures.h) or "none"
//   seasonality                         periods; 0: auto (Frequency::defaultSeasonality)
//   short_series_handling_configuration auto (drop short series when some are long
//                                       enough, else pad), pad, drop, or none (an error)
//   target_aggregation_function         none, sum, mean, min, max (TimeGrid.h)
//   cv_step_size                        periods between origins; 0: auto (the horizon)
//   features_unknown_at_forecast_time   columns not known for future rows: left out, or with
//                                       feature_lags "auto" read only before each origin
// The number of rolling-origin folds is AutoMLConfig::crossValidations (0: auto, 3).

#include "common/Result.h"
#include "ml/forecasting/TimeGrid.h"

#include <QJsonObject>
#include <QStringList>

namespace stratus::ml::forecasting {

enum class LagMode { None, Auto, Given };
enum class ShortSeries { Auto, Pad, Drop, None };

struct ForecastingParameters {
    QString timeColumnName;
    int forecastHorizon = 0;
    QStringList timeSeriesIdColumnNames;
    QString freq;
    LagMode targetLagMode = LagMode::Auto;
    std::vector<int> targetLags; // LagMode::Given
    int targetRollingWindowSize = 0;
    bool featureLags = false; // feature_lags = "auto"
    int seasonality = 0;
    ShortSeries shortSeriesHandling = ShortSeries::Auto;
    Aggregation targetAggregation = Aggregation::None;
    int cvStepSize = 0;
    QStringList featuresUnknownAtForecastTime;

    // Checks every field on its own (the data is checked when the run
    // starts); errors name the field: "forecast_horizon must be ...".
    Status validate() const;
    // Azure's JSON names; "auto" for the values decided from the data.
    QJsonObject toJson() const;
    // Reads what toJson() wrote; errors name the field.
    static Result<ForecastingParameters> fromJson(const QJsonObject &json);
    // "auto", "none" or lags "1,2,7" (as the CLI's --target-lags takes them).
    Status setTargetLags(const QString &text);
};

QString shortSeriesName(ShortSeries s); // "auto", "pad", "drop", "none"
std::optional<ShortSeries> shortSeriesFromName(const QString &name);

} // namespace stratus::ml::forecasting
