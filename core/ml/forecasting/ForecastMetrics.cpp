#include "ml/forecasting/ForecastMetrics.h"

#include "ml/metrics/RegressionMetrics.h"

#include <QStringList>
#include <cmath>

namespace stratus::ml::forecasting {

double maseScale(const std::vector<double> &train, int season)
{
    if (train.size() < 2)
        return std::nan("");
    const size_t lag = season > 1 && train.size() > size_t(season) ? size_t(season) : 1;
    double sum = 0;
    for (size_t t = lag; t < train.size(); ++t)
        sum += std::abs(train[t] - train[t - lag]);
    return sum / double(train.size() - lag);
}

QMap<QString, double> forecastingMetrics(const std::vector<ScoredWindow> &windows, double labelMin, double labelMax)
{
    std::vector<double> truth, predicted;
    double smape = 0, scaledSum = 0;
    size_t scaledWindows = 0, banded = 0, inside = 0;
    for (const ScoredWindow &w : windows) {
        double absolute = 0;
        size_t points = 0;
        for (size_t i = 0; i < w.actual.size(); ++i) {
            const double a = w.actual[i], f = w.predicted[i];
            if (std::isnan(a))
                continue;
            truth.push_back(a);
            predicted.push_back(f);
            absolute += std::abs(a - f);
            ++points;
            const double denominator = std::abs(a) + std::abs(f);
            smape += denominator > 0 ? 2 * std::abs(a - f) / denominator : 0;
            if (!w.lower.empty()) {
                ++banded;
                inside += a >= w.lower[i] && a <= w.upper[i];
            }
        }
        if (points > 0 && std::isfinite(w.scale) && w.scale > 0) {
            scaledSum += absolute / double(points) / w.scale;
            ++scaledWindows;
        }
    }
    QMap<QString, double> m = regressionMetrics(truth, predicted, labelMin, labelMax);
    m.insert(QStringLiteral("symmetric_mean_absolute_percentage_error"),
             truth.empty() ? std::nan("") : 100 * smape / double(truth.size()));
    m.insert(QStringLiteral("mean_absolute_scaled_error"), scaledWindows ? scaledSum / double(scaledWindows) : std::nan(""));
    if (banded)
        m.insert(QStringLiteral("prediction_interval_coverage_80"), double(inside) / double(banded));
    return m;
}

QStringList forecastingPrimaryMetrics()
{
    return {QStringLiteral("normalized_root_mean_squared_error"), QStringLiteral("normalized_mean_absolute_error"),
            QStringLiteral("r2_score"), QStringLiteral("spearman_correlation")};
}

} // namespace stratus::ml::forecasting
