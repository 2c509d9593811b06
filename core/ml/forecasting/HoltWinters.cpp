#include "ml/forecasting/HoltWinters.h"

#include <dlib/matrix.h>
#include <dlib/optimization.h>

#include <cmath>
#include <limits>

namespace stratus::ml::forecasting {

namespace {

using Vector = dlib::matrix<double, 0, 1>;

struct Params {
    double alpha, beta, gamma, phi;
};

struct Pass {
    double sse = 0, level = 0, trend = 0;
    std::vector<double> seasonals;
};

// Runs the recursions from the initial states z = (l_0, b_0, s_{1-m} .. s_0).
Pass run(const std::vector<double> &y, int m, const Params &p, const Vector &z)
{
    Pass out;
    double l = z(0), b = z(1);
    std::vector<double> s(static_cast<size_t>(m));
    for (int k = 0; k < m; ++k)
        s[size_t(k)] = z(2 + k);
    for (size_t t = 0; t < y.size(); ++t) {
        const size_t slot = t % size_t(m);
        const double base = l + p.phi * b;
        const double e = y[t] - (base + s[slot]);
        out.sse += e * e;
        const double next = p.alpha * (y[t] - s[slot]) + (1 - p.alpha) * base;
        s[slot] = p.gamma * (y[t] - base) + (1 - p.gamma) * s[slot];
        b = p.beta * (next - l) + (1 - p.beta) * p.phi * b;
        l = next;
    }
    out.level = l;
    out.trend = b;
    // Oldest first: the slot of the next period comes first.
    for (int k = 0; k < m; ++k)
        out.seasonals.push_back(s[(y.size() + size_t(k)) % size_t(m)]);
    return out;
}

// The least-squares initial states for these parameters: the one-step
// forecasts are affine in z, so each state is tracked as coefficients over (1, z).
Vector initialStates(const std::vector<double> &y, int m, const Params &p, bool trend)
{
    const long d = 2 + m;
    dlib::matrix<double> level = dlib::zeros_matrix<double>(1, d + 1), slope = level;
    level(0, 1) = 1;
    if (trend)
        slope(0, 2) = 1;
    std::vector<dlib::matrix<double>> s(static_cast<size_t>(m), dlib::zeros_matrix<double>(1, d + 1));
    for (int k = 0; k < m; ++k)
        s[size_t(k)](0, 3 + k) = 1;
    dlib::matrix<double> gram = dlib::zeros_matrix<double>(d, d);
    Vector rhs = dlib::zeros_matrix<double>(d, 1);
    for (size_t t = 0; t < y.size(); ++t) {
        const size_t slot = t % size_t(m);
        const dlib::matrix<double> base = level + p.phi * slope;
        const dlib::matrix<double> predicted = base + s[slot];
        // y - predicted = (y - c) - a' z
        Vector a(d);
        for (long k = 0; k < d; ++k)
            a(k) = predicted(0, k + 1);
        gram += a * dlib::trans(a);
        rhs += a * (y[t] - predicted(0, 0));
        dlib::matrix<double> observed = dlib::zeros_matrix<double>(1, d + 1);
        observed(0, 0) = y[t];
        const dlib::matrix<double> next = p.alpha * (observed - s[slot]) + (1 - p.alpha) * base;
        s[slot] = p.gamma * (observed - base) + (1 - p.gamma) * s[slot];
        slope = p.beta * (next - level) + (1 - p.beta) * p.phi * slope;
        level = next;
    }
    return dlib::pinv(gram) * rhs;
}

Pass evaluate(const std::vector<double> &y, int m, const Params &p, bool trend, Vector *z = nullptr)
{
    const Vector states = initialStates(y, m, p, trend);
    if (z)
        *z = states;
    return run(y, m, p, states);
}

} // namespace

HoltWinters HoltWinters::fit(const std::vector<double> &y, int season, Trend trendKind)
{
    const bool trend = trendKind != Trend::None, damped = trendKind == Trend::Damped;
    auto params = [&](double alpha, double beta, double gamma, double phi) {
        return Params{alpha, trend ? beta : 0.0, gamma, damped ? phi : (trend ? 1.0 : 0.0)};
    };
    auto sseOf = [&](const Params &p) { return evaluate(y, season, p, trend).sse; };
    Params best{0.5, 0.1, 0.1, 0.95};
    double bestSse = std::numeric_limits<double>::infinity();
    for (double a : {0.05, 0.3, 0.7, 0.95})
        for (double b : trend ? std::vector<double>{0.01, 0.2, 0.6} : std::vector<double>{0.0})
            for (double g : {0.01, 0.2, 0.6})
                for (double phi : damped ? std::vector<double>{0.85, 0.95} : std::vector<double>{0.95}) {
                    const Params p = params(a, b, g, phi);
                    const double sse = sseOf(p);
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = p;
                    }
                }
    // BOBYQA over (alpha, gamma[, beta[, phi]]).
    const long dims = 2 + (trend ? 1 : 0) + (damped ? 1 : 0);
    Vector x(dims), lower(dims), upper(dims);
    x(0) = best.alpha;
    x(1) = best.gamma;
    for (long k = 0; k < dims; ++k) {
        lower(k) = 0;
        upper(k) = 1;
    }
    if (trend)
        x(2) = best.beta;
    if (damped) {
        x(3) = best.phi;
        lower(3) = 0.8;
        upper(3) = 0.98;
    }
    const auto unpack = [&](const Vector &v) { return params(v(0), trend ? v(2) : 0.0, v(1), damped ? v(3) : 1.0); };
    try {
        dlib::find_min_bobyqa([&](const Vector &v) { return sseOf(unpack(v)); }, x, 2 * dims + 1, lower, upper, 0.05, 1e-9, 5000);
    } catch (const dlib::error &) {
        // A flat surface (a series the initial states fit exactly): the grid's best stands.
    }
    Params chosen = unpack(x);
    if (sseOf(chosen) > bestSse)
        chosen = best;
    const Pass pass = evaluate(y, season, chosen, trend);
    HoltWinters m;
    m.trendKind = trendKind;
    m.season = season;
    m.alpha = chosen.alpha;
    m.beta = chosen.beta;
    m.gamma = chosen.gamma;
    m.phi = chosen.phi;
    m.level = pass.level;
    m.trend = pass.trend;
    m.seasonals = pass.seasonals;
    m.sse = pass.sse;
    m.n = y.size();
    return m;
}

double HoltWinters::aicc() const
{
    // alpha, gamma, l_0 and m - 1 free seasons; beta and b_0 with a trend; phi when damped.
    return aiccFromSse(sse, n, 2 + 1 + (season - 1) + (trendKind != Trend::None ? 2 : 0) + (trendKind == Trend::Damped ? 1 : 0));
}

Forecast HoltWinters::forecast(int horizon, const std::vector<double> &levels) const
{
    const double sigma2 = sse / double(n);
    std::vector<double> mean(static_cast<size_t>(horizon)), spread(static_cast<size_t>(horizon));
    double phiSum = 0, phiPower = 1, weights = 0;
    for (int h = 1; h <= horizon; ++h) {
        if (h > 1) {
            const int j = h - 1;
            const double c = alpha + alpha * beta * phiSum + (j % season == 0 ? gamma : 0.0);
            weights += c * c;
        }
        phiPower *= (trendKind == Trend::None ? 0.0 : phi);
        phiSum += phiPower;
        mean[size_t(h - 1)] = level + phiSum * trend + seasonals[size_t((h - 1) % season)];
        spread[size_t(h - 1)] = std::sqrt(sigma2 * (1 + weights));
    }
    return normalForecast(std::move(mean), spread, levels);
}

} // namespace stratus::ml::forecasting
