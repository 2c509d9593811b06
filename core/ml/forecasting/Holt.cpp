#include "ml/forecasting/Holt.h"

#include <dlib/optimization.h>

#include <array>
#include <cmath>
#include <limits>

namespace stratus::ml::forecasting {

namespace {

// A state as an affine function of (l_0, b_0): c[0] + c[1] l_0 + c[2] b_0.
using Affine = std::array<double, 3>;

struct Pass {
    double sse = std::numeric_limits<double>::infinity();
    double level0 = 0, trend0 = 0, level = 0, trend = 0;
};

Pass run(const std::vector<double> &y, double alpha, double beta, double phi, double l0, double b0)
{
    Pass p;
    p.sse = 0;
    p.level0 = l0;
    p.trend0 = b0;
    double l = l0, b = b0;
    for (double v : y) {
        const double predicted = l + phi * b;
        p.sse += (v - predicted) * (v - predicted);
        const double next = alpha * v + (1 - alpha) * predicted;
        b = beta * (next - l) + (1 - beta) * phi * b;
        l = next;
    }
    p.level = l;
    p.trend = b;
    return p;
}

// The initial states that minimise the SSE for these parameters, and that SSE.
Pass evaluate(const std::vector<double> &y, double alpha, double beta, double phi)
{
    Affine l{0, 1, 0}, b{0, 0, 1};
    double s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0;
    for (double v : y) {
        Affine predicted;
        for (int k = 0; k < 3; ++k)
            predicted[size_t(k)] = l[size_t(k)] + phi * b[size_t(k)];
        // v - predicted = (v - c0) - c1 l0 - c2 b0: the normal equations.
        const double e = v - predicted[0];
        s11 += predicted[1] * predicted[1];
        s12 += predicted[1] * predicted[2];
        s22 += predicted[2] * predicted[2];
        r1 += predicted[1] * e;
        r2 += predicted[2] * e;
        Affine next, nextTrend;
        for (int k = 0; k < 3; ++k) {
            const double observed = k == 0 ? v : 0.0;
            next[size_t(k)] = alpha * observed + (1 - alpha) * predicted[size_t(k)];
            nextTrend[size_t(k)] = beta * (next[size_t(k)] - l[size_t(k)]) + (1 - beta) * phi * b[size_t(k)];
        }
        l = next;
        b = nextTrend;
    }
    const double det = s11 * s22 - s12 * s12;
    double l0 = y.front(), b0 = y[1] - y[0];
    if (std::abs(det) > 1e-12 * std::max(1.0, s11 * s22)) {
        l0 = (r1 * s22 - r2 * s12) / det;
        b0 = (r2 * s11 - r1 * s12) / det;
    }
    return run(y, alpha, beta, phi, l0, b0);
}

} // namespace

Holt Holt::fit(const std::vector<double> &y, bool damped)
{
    const double phiLow = damped ? 0.8 : 1.0, phiHigh = damped ? 0.98 : 1.0;
    auto sseOf = [&](double alpha, double beta, double phi) { return evaluate(y, alpha, beta, phi).sse; };
    // The best of a small grid, then BOBYQA within the bounds.
    double bestAlpha = 0.5, bestBeta = 0.1, bestPhi = phiHigh, best = std::numeric_limits<double>::infinity();
    for (double a : {0.05, 0.2, 0.5, 0.8, 0.95})
        for (double b : {0.01, 0.1, 0.3, 0.6, 0.9})
            for (double phi : damped ? std::vector<double>{0.85, 0.95} : std::vector<double>{1.0}) {
                const double sse = sseOf(a, b, phi);
                if (sse < best) {
                    best = sse;
                    bestAlpha = a;
                    bestBeta = b;
                    bestPhi = phi;
                }
            }
    using Vector = dlib::matrix<double, 0, 1>;
    const long dims = damped ? 3 : 2;
    Vector x(dims), lower(dims), upper(dims);
    x(0) = bestAlpha;
    x(1) = bestBeta;
    lower(0) = lower(1) = 0.0;
    upper(0) = upper(1) = 1.0;
    if (damped) {
        x(2) = bestPhi;
        lower(2) = phiLow;
        upper(2) = phiHigh;
    }
    try {
        dlib::find_min_bobyqa([&](const Vector &v) { return sseOf(v(0), v(1), damped ? v(2) : 1.0); }, x, 2 * dims + 1, lower,
                              upper, 0.05, 1e-9, 5000);
    } catch (const dlib::error &) {
        // BOBYQA gives up on a flat surface (a constant series): the grid's best stands.
    }
    Holt m;
    m.damped = damped;
    m.alpha = x(0);
    m.beta = x(1);
    m.phi = damped ? x(2) : 1.0;
    if (sseOf(m.alpha, m.beta, m.phi) > best) {
        m.alpha = bestAlpha;
        m.beta = bestBeta;
        m.phi = damped ? bestPhi : 1.0;
    }
    const Pass p = evaluate(y, m.alpha, m.beta, m.phi);
    m.initialLevel = p.level0;
    m.initialTrend = p.trend0;
    m.level = p.level;
    m.trend = p.trend;
    m.sse = p.sse;
    m.n = y.size();
    return m;
}

double Holt::aicc() const
{
    return aiccFromSse(sse, n, damped ? 5 : 4); // alpha, beta, l_0, b_0 (and phi)
}

Forecast Holt::forecast(int horizon, const std::vector<double> &levels) const
{
    const double sigma2 = sse / double(n);
    std::vector<double> mean(static_cast<size_t>(horizon)), spread(static_cast<size_t>(horizon));
    double phiSum = 0, phiPower = 1, weights = 0;
    for (int h = 1; h <= horizon; ++h) {
        phiPower *= phi;
        // c_{h-1} joins the variance from the second step on: c_j = alpha (1 + beta (phi + ... + phi^j)).
        if (h > 1) {
            const double c = alpha * (1 + beta * phiSum);
            weights += c * c;
        }
        phiSum += phiPower;
        mean[size_t(h - 1)] = level + phiSum * trend;
        spread[size_t(h - 1)] = std::sqrt(sigma2 * (1 + weights));
    }
    return normalForecast(std::move(mean), spread, levels);
}

} // namespace stratus::ml::forecasting
