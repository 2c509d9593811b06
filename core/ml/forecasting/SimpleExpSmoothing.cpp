#include "ml/forecasting/SimpleExpSmoothing.h"

#include <cmath>
#include <limits>

namespace stratus::ml::forecasting {

namespace {

struct Pass {
    double sse = 0, initialLevel = 0, level = 0;
};

// For one alpha: the initial level that minimises the SSE (the one-step
// forecasts are linear in it: A_{t-1} + B_{t-1} l_0), and that SSE.
Pass evaluate(const std::vector<double> &y, double alpha, const double *knownLevel = nullptr)
{
    double a = 0, b = 1, sxy = 0, sxx = 0;
    for (double v : y) {
        sxy += b * (v - a);
        sxx += b * b;
        a = alpha * v + (1 - alpha) * a;
        b = (1 - alpha) * b;
    }
    Pass p;
    p.initialLevel = knownLevel ? *knownLevel : sxx > 0 ? sxy / sxx : y.front();
    double level = p.initialLevel;
    for (double v : y) {
        p.sse += (v - level) * (v - level);
        level = alpha * v + (1 - alpha) * level;
    }
    p.level = level;
    return p;
}

} // namespace

SimpleExpSmoothing SimpleExpSmoothing::fit(const std::vector<double> &y)
{
    return fitAlpha(y, nullptr);
}

SimpleExpSmoothing SimpleExpSmoothing::fitWithInitialLevel(const std::vector<double> &y, double initialLevel)
{
    return fitAlpha(y, &initialLevel);
}

SimpleExpSmoothing SimpleExpSmoothing::fitAlpha(const std::vector<double> &y, const double *knownLevel)
{
    // A grid over [0, 1], then golden-section search around its best point.
    constexpr int kGrid = 50;
    int best = 0;
    double bestSse = std::numeric_limits<double>::infinity();
    for (int i = 0; i <= kGrid; ++i) {
        const double sse = evaluate(y, double(i) / kGrid, knownLevel).sse;
        if (sse < bestSse) {
            bestSse = sse;
            best = i;
        }
    }
    double lo = std::max(0.0, double(best - 1) / kGrid), hi = std::min(1.0, double(best + 1) / kGrid);
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo);
    double f1 = evaluate(y, x1, knownLevel).sse, f2 = evaluate(y, x2, knownLevel).sse;
    while (hi - lo > 1e-10) {
        if (f1 < f2) {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - ratio * (hi - lo);
            f1 = evaluate(y, x1, knownLevel).sse;
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + ratio * (hi - lo);
            f2 = evaluate(y, x2, knownLevel).sse;
        }
    }
    double alpha = (lo + hi) / 2;
    if (evaluate(y, double(best) / kGrid, knownLevel).sse < evaluate(y, alpha, knownLevel).sse)
        alpha = double(best) / kGrid; // the bounds themselves (0 or 1) may be best
    const Pass p = evaluate(y, alpha, knownLevel);
    SimpleExpSmoothing m;
    m.alpha = alpha;
    m.initialLevel = p.initialLevel;
    m.level = p.level;
    m.sse = p.sse;
    m.n = y.size();
    return m;
}

double SimpleExpSmoothing::aicc() const
{
    return aiccFromSse(sse, n, 2); // alpha, l_0
}

Forecast SimpleExpSmoothing::forecast(int horizon, const std::vector<double> &levels) const
{
    const double sigma = std::sqrt(sse / double(n));
    std::vector<double> mean(static_cast<size_t>(horizon), level), spread(static_cast<size_t>(horizon));
    for (int h = 1; h <= horizon; ++h)
        spread[size_t(h - 1)] = sigma * std::sqrt(1 + alpha * alpha * (h - 1));
    return normalForecast(std::move(mean), spread, levels);
}

} // namespace stratus::ml::forecasting
