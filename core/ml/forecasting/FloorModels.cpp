#include "ml/forecasting/FloorModels.h"

#include <cmath>

namespace stratus::ml::forecasting {

namespace {

double rms(const std::vector<double> &residuals)
{
    if (residuals.empty())
        return 0;
    double sum = 0;
    for (double r : residuals)
        sum += r * r;
    return std::sqrt(sum / double(residuals.size()));
}

} // namespace

QString floorModelName(FloorModel model)
{
    switch (model) {
    case FloorModel::Naive: return QStringLiteral("Naive");
    case FloorModel::SeasonalNaive: return QStringLiteral("SeasonalNaive");
    case FloorModel::Average: return QStringLiteral("Average");
    case FloorModel::SeasonalAverage: return QStringLiteral("SeasonalAverage");
    }
    return {};
}

Forecast floorForecast(FloorModel model, const std::vector<double> &y, int season, int horizon,
                       const std::vector<double> &levels)
{
    const size_t n = y.size();
    const size_t m = size_t(std::max(season, 1));
    if ((model == FloorModel::SeasonalNaive && n < m + 1) || (model == FloorModel::SeasonalNaive && m == 1))
        model = FloorModel::Naive;
    if (model == FloorModel::SeasonalAverage && (n <= m || m == 1))
        model = FloorModel::Average;
    std::vector<double> mean(static_cast<size_t>(horizon)), sigma(static_cast<size_t>(horizon));
    std::vector<double> residuals;
    switch (model) {
    case FloorModel::Naive: {
        for (size_t t = 1; t < n; ++t)
            residuals.push_back(y[t] - y[t - 1]);
        const double s = rms(residuals);
        for (int h = 1; h <= horizon; ++h) {
            mean[size_t(h - 1)] = y.back();
            sigma[size_t(h - 1)] = s * std::sqrt(double(h));
        }
        break;
    }
    case FloorModel::SeasonalNaive: {
        for (size_t t = m; t < n; ++t)
            residuals.push_back(y[t] - y[t - m]);
        const double s = rms(residuals);
        for (int h = 1; h <= horizon; ++h) {
            const size_t k = size_t(h - 1) / m;
            mean[size_t(h - 1)] = y[n + size_t(h) - m * (k + 1) - 1];
            sigma[size_t(h - 1)] = s * std::sqrt(double(k + 1));
        }
        break;
    }
    case FloorModel::Average: {
        double sum = 0;
        for (double v : y)
            sum += v;
        const double average = sum / double(n);
        double squares = 0;
        for (double v : y)
            squares += (v - average) * (v - average);
        const double s = n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0;
        for (int h = 1; h <= horizon; ++h) {
            mean[size_t(h - 1)] = average;
            sigma[size_t(h - 1)] = s * std::sqrt(1.0 + 1.0 / double(n));
        }
        break;
    }
    case FloorModel::SeasonalAverage: {
        // Season position of row t: counted back from the last row, so that
        // the next period follows the last one.
        std::vector<double> sums(m, 0.0), counts(m, 0.0);
        auto position = [&](size_t t) { return (t + m - n % m) % m; };
        for (size_t t = 0; t < n; ++t) {
            sums[position(t)] += y[t];
            counts[position(t)] += 1;
        }
        // The residuals' spread, with m season means estimated from them.
        double squares = 0;
        for (size_t t = 0; t < n; ++t)
            squares += std::pow(y[t] - sums[position(t)] / counts[position(t)], 2);
        const double s = std::sqrt(squares / double(n - m));
        for (int h = 1; h <= horizon; ++h) {
            const size_t p = position(n + size_t(h) - 1);
            mean[size_t(h - 1)] = sums[p] / counts[p];
            sigma[size_t(h - 1)] = s * std::sqrt(1.0 + 1.0 / counts[p]);
        }
        break;
    }
    }
    return normalForecast(std::move(mean), sigma, levels);
}

} // namespace stratus::ml::forecasting
