#pragma once
// The statistical models of the forecasting task under Azure's names, fitted
// to one series at a time: Naive, SeasonalNaive, Average, SeasonalAverage
// (FloorModels.h), ExponentialSmoothing (the ETS family by AICc,
// ExponentialSmoothing.h), Theta (Theta.h) and AutoArima (Arima.h). Each takes a series' history
// on its regular grid and answers the next `horizon` periods with quantiles.

#include "ml/forecasting/Forecast.h"

#include <QString>
#include <QStringList>

namespace stratus::ml::forecasting {

struct ModelForecast {
    Forecast forecast;
    QString detail; // the model the algorithm settled on: "ETS(A,Ad,N)", "Theta (additive season)"; may be empty
};

// Every statistical algorithm, the floor models first.
QStringList statisticalAlgorithms();
bool isStatisticalAlgorithm(const QString &algorithm);

// requires: isStatisticalAlgorithm(algorithm), history.size() >= 2 with no
// NaN, season >= 1, horizon >= 1, levels in (0, 1).
ModelForecast forecastSeries(const QString &algorithm, const std::vector<double> &history, int season, int horizon,
                             const std::vector<double> &levels);

} // namespace stratus::ml::forecasting
