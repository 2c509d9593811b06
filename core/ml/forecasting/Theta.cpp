#include "ml/forecasting/Theta.h"

#include "ml/forecasting/SimpleExpSmoothing.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stratus::ml::forecasting {

namespace {

// The seasonality test of statsmodels' ThetaModel: the autocorrelation at
// lag m against those below it.
bool passesSeasonalityTest(const std::vector<double> &y, int m)
{
    const size_t n = y.size();
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / double(n);
    double c0 = 0;
    for (double v : y)
        c0 += (v - mean) * (v - mean);
    if (c0 <= 0)
        return false;
    std::vector<double> r(size_t(m) + 1);
    for (int k = 0; k <= m; ++k) {
        double c = 0;
        for (size_t t = 0; t + size_t(k) < n; ++t)
            c += (y[t] - mean) * (y[t + size_t(k)] - mean);
        r[size_t(k)] = c / c0;
    }
    double below = 0;
    for (int k = 0; k < m; ++k)
        below += r[size_t(k)] * r[size_t(k)];
    return double(n) * r[size_t(m)] * r[size_t(m)] / below > 2.705543454095404;
}

// Classical decomposition's seasonal indices (statsmodels' seasonal_decompose):
// the centred moving average of length m (weights 1/2m at both ends for even m)
// as the trend, the detrended values' mean per position, normalised to mean 1
// (multiplicative) or 0 (additive).
std::vector<double> seasonalIndices(const std::vector<double> &y, int m, bool multiplicative)
{
    const size_t n = y.size();
    std::vector<double> sum(size_t(m), 0.0);
    std::vector<int> count(size_t(m), 0);
    const size_t half = size_t(m / 2);
    for (size_t t = half; t + half < n; ++t) {
        double trend = 0;
        if (m % 2 == 1) {
            for (size_t j = t - half; j <= t + half; ++j)
                trend += y[j];
        } else {
            trend = 0.5 * (y[t - half] + y[t + half]);
            for (size_t j = t - half + 1; j < t + half; ++j)
                trend += y[j];
        }
        trend /= double(m);
        sum[t % size_t(m)] += multiplicative ? y[t] / trend : y[t] - trend;
        ++count[t % size_t(m)];
    }
    std::vector<double> index(static_cast<size_t>(m));
    for (size_t i = 0; i < size_t(m); ++i)
        index[i] = count[i] ? sum[i] / count[i] : (multiplicative ? 1.0 : 0.0);
    const double mean = std::accumulate(index.begin(), index.end(), 0.0) / double(m);
    for (double &v : index)
        v = multiplicative ? v / mean : v - mean;
    return index;
}

} // namespace

Theta Theta::fit(const std::vector<double> &y, int period)
{
    Theta t;
    t.n = y.size();
    t.period = std::max(1, period);
    std::vector<double> x = y;
    if (t.period >= 2 && t.n >= 2 * size_t(t.period) && passesSeasonalityTest(y, t.period)) {
        t.multiplicative = *std::min_element(y.begin(), y.end()) > 0;
        t.seasonal = seasonalIndices(y, t.period, t.multiplicative);
        if (t.multiplicative && *std::min_element(t.seasonal.begin(), t.seasonal.end()) <= 0) {
            t.multiplicative = false;
            t.seasonal = seasonalIndices(y, t.period, false);
        }
        for (size_t i = 0; i < t.n; ++i)
            x[i] = t.multiplicative ? y[i] / t.seasonal[i % size_t(t.period)] : y[i] - t.seasonal[i % size_t(t.period)];
    }
    // The least-squares slope of x on 0..n-1.
    const double tMean = double(t.n - 1) / 2;
    const double xMean = std::accumulate(x.begin(), x.end(), 0.0) / double(t.n);
    double sxy = 0, sxx = 0;
    for (size_t i = 0; i < t.n; ++i) {
        sxy += (double(i) - tMean) * (x[i] - xMean);
        sxx += (double(i) - tMean) * (double(i) - tMean);
    }
    t.drift = sxx > 0 ? sxy / sxx : 0;
    const SimpleExpSmoothing ses = SimpleExpSmoothing::fitWithInitialLevel(x, x.front());
    t.alpha = ses.alpha;
    t.level = ses.level;
    // The model's own one-step errors: the SES level plus half the drift.
    double level = x.front(), sse = 0;
    for (size_t i = 0; i < t.n; ++i) {
        const double e = x[i] - (level + t.drift / 2);
        sse += e * e;
        level = t.alpha * x[i] + (1 - t.alpha) * level;
    }
    t.sigma2 = sse / double(t.n);
    return t;
}

QString Theta::describe() const
{
    if (seasonal.empty())
        return QStringLiteral("Theta");
    return multiplicative ? QStringLiteral("Theta (multiplicative season)") : QStringLiteral("Theta (additive season)");
}

Forecast Theta::forecast(int horizon, const std::vector<double> &levels) const
{
    std::vector<double> mean(static_cast<size_t>(horizon)), spread(static_cast<size_t>(horizon));
    const double shift = alpha > 0 ? 1 / alpha - std::pow(1 - alpha, double(n)) / alpha : 0;
    for (int k = 0; k < horizon; ++k) {
        double f = level + drift / 2 * (double(k) + shift);
        double s = std::sqrt(sigma2 * (1 + double(k) * (1 + (alpha - 1) * (alpha - 1))));
        if (!seasonal.empty()) {
            const double index = seasonal[(n + size_t(k)) % size_t(period)];
            f = multiplicative ? f * index : f + index;
            if (multiplicative)
                s *= index;
        }
        mean[size_t(k)] = f;
        spread[size_t(k)] = s;
    }
    return normalForecast(std::move(mean), spread, levels);
}

} // namespace stratus::ml::forecasting
