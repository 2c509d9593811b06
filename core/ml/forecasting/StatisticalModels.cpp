#include "ml/forecasting/StatisticalModels.h"

#include "ml/forecasting/Arima.h"
#include "ml/forecasting/ExponentialSmoothing.h"
#include "ml/forecasting/FloorModels.h"
#include "ml/forecasting/Theta.h"

namespace stratus::ml::forecasting {

QStringList statisticalAlgorithms()
{
    return {QStringLiteral("Naive"), QStringLiteral("SeasonalNaive"), QStringLiteral("Average"), QStringLiteral("SeasonalAverage"),
            QStringLiteral("ExponentialSmoothing"), QStringLiteral("Theta"), QStringLiteral("AutoArima")};
}

bool isStatisticalAlgorithm(const QString &algorithm)
{
    return statisticalAlgorithms().contains(algorithm);
}

ModelForecast forecastSeries(const QString &algorithm, const std::vector<double> &history, int season, int horizon,
                             const std::vector<double> &levels)
{
    for (FloorModel m : {FloorModel::Naive, FloorModel::SeasonalNaive, FloorModel::Average, FloorModel::SeasonalAverage})
        if (algorithm == floorModelName(m))
            return {floorForecast(m, history, season, horizon, levels), {}};
    if (algorithm == QLatin1String("ExponentialSmoothing")) {
        EtsChoice c = fitExponentialSmoothing(history, season, horizon, levels);
        return {std::move(c.forecast), c.model};
    }
    if (algorithm == QLatin1String("AutoArima") && history.size() < 4) // too short for any ARIMA fit: the random walk
        return {floorForecast(FloorModel::Naive, history, season, horizon, levels), QStringLiteral("Naive (too short for ARIMA)")};
    if (algorithm == QLatin1String("AutoArima")) {
        const Arima a = autoArima(history, season);
        return {a.forecast(horizon, levels), a.order.describe()};
    }
    const Theta t = Theta::fit(history, season);
    return {t.forecast(horizon, levels), t.describe()};
}

} // namespace stratus::ml::forecasting
