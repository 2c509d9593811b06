#include "ml/forecasting/Arima.h"

#include <dlib/optimization.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace stratus::ml::forecasting {

namespace {

using Vector = dlib::matrix<double, 0, 1>;

// Coefficients c of 1 - sum c_i B^i from partial autocorrelations in (-1, 1)
// (the Durbin-Levinson recursion): always stationary (Jones 1980).
std::vector<double> fromPartial(const double *r, int k)
{
    std::vector<double> c;
    for (int j = 0; j < k; ++j) {
        std::vector<double> next(size_t(j) + 1);
        next[size_t(j)] = r[j];
        for (int i = 0; i < j; ++i)
            next[size_t(i)] = c[size_t(i)] - r[j] * c[size_t(j - 1 - i)];
        c = std::move(next);
    }
    return c;
}

// (1 - sum a_i B^i)(1 - sum s_i B^{m i}) as 1 - sum out_i B^i (sign = -1 for
// AR-style polynomials); (1 + ...)(1 + ...) for MA-style ones (sign = +1).
std::vector<double> multiply(const std::vector<double> &a, const std::vector<double> &s, int m, double sign)
{
    const size_t length = a.size() + s.size() * size_t(m);
    std::vector<double> full(length + 1, 0.0), left(a.size() + 1, 0.0), right(s.size() * size_t(m) + 1, 0.0);
    left[0] = right[0] = 1;
    for (size_t i = 0; i < a.size(); ++i)
        left[i + 1] = sign * a[i];
    for (size_t i = 0; i < s.size(); ++i)
        right[(i + 1) * size_t(m)] = sign * s[i];
    for (size_t i = 0; i < left.size(); ++i)
        for (size_t j = 0; j < right.size(); ++j)
            full[i + j] += left[i] * right[j];
    std::vector<double> out(length);
    for (size_t i = 0; i < length; ++i)
        out[i] = sign * full[i + 1];
    return out;
}

std::vector<double> difference(const std::vector<double> &y, int lag)
{
    std::vector<double> out;
    for (size_t t = size_t(lag); t < y.size(); ++t)
        out.push_back(y[t] - y[t - size_t(lag)]);
    return out;
}

// The differencing polynomial (1 - B)^d (1 - B^m)^D as 1 - sum delta_i B^i.
std::vector<double> differencingPolynomial(int d, int D, int m)
{
    std::vector<double> poly{1.0};
    auto times = [&](int lag) {
        std::vector<double> next(poly.size() + size_t(lag), 0.0);
        for (size_t i = 0; i < poly.size(); ++i) {
            next[i] += poly[i];
            next[i + size_t(lag)] -= poly[i];
        }
        poly = std::move(next);
    };
    for (int i = 0; i < D; ++i)
        times(m);
    for (int i = 0; i < d; ++i)
        times(1);
    std::vector<double> delta(poly.size() - 1);
    for (size_t i = 1; i < poly.size(); ++i)
        delta[i - 1] = -poly[i];
    return delta;
}

struct Css {
    double sse = 0;
    std::vector<double> residuals;
};

Css conditionalSumOfSquares(const std::vector<double> &w, double mean, const std::vector<double> &ar, const std::vector<double> &ma)
{
    Css out;
    out.residuals.assign(w.size(), 0.0);
    for (size_t t = 0; t < w.size(); ++t) {
        double e = w[t] - mean;
        for (size_t i = 0; i < ar.size() && i < t; ++i)
            e -= ar[i] * (w[t - 1 - i] - mean);
        for (size_t j = 0; j < ma.size() && j < t; ++j)
            e -= ma[j] * out.residuals[t - 1 - j];
        out.residuals[t] = e;
        out.sse += e * e;
    }
    return out;
}

} // namespace

QString ArimaOrder::describe() const
{
    QString s = QStringLiteral("ARIMA(%1,%2,%3)").arg(p).arg(d).arg(q);
    if (m > 1 && (P || D || Q))
        s += QStringLiteral("(%1,%2,%3)[%4]").arg(P).arg(D).arg(Q).arg(m);
    if (constant)
        s += d + D == 0 ? QStringLiteral(" with mean") : QStringLiteral(" with drift");
    return s;
}

std::optional<Arima> Arima::fit(const std::vector<double> &y, const ArimaOrder &order)
{
    std::vector<double> w = y;
    for (int i = 0; i < order.D; ++i)
        w = difference(w, order.m);
    for (int i = 0; i < order.d; ++i)
        w = difference(w, 1);
    const int k = order.p + order.q + order.P + order.Q;
    const size_t lags = size_t(order.p + order.P * order.m + order.q + order.Q * order.m);
    if (w.size() < size_t(k) + 3 || w.size() <= lags / 2 + 2)
        return std::nullopt;
    Arima a;
    a.order = order;
    a.y = y;
    a.n = w.size();
    a.mean = order.constant ? std::accumulate(w.begin(), w.end(), 0.0) / double(w.size()) : 0.0;
    auto polynomials = [&](const double *r, std::vector<double> *ar, std::vector<double> *ma) {
        const std::vector<double> phi = fromPartial(r, order.p), Phi = fromPartial(r + order.p, order.P);
        std::vector<double> theta = fromPartial(r + order.p + order.P, order.q), Theta = fromPartial(r + order.p + order.P + order.q, order.Q);
        for (double &v : theta)
            v = -v; // 1 - sum c B^i invertible, as 1 + sum theta B^i
        for (double &v : Theta)
            v = -v;
        *ar = multiply(phi, Phi, order.m, -1);
        *ma = multiply(theta, Theta, order.m, +1);
    };
    std::vector<double> r(size_t(std::max(k, 2)), 0.0);
    if (k > 0) {
        const long dims = std::max(k, 2); // BOBYQA needs two dimensions: a second one stays unused
        Vector x(dims), lower(dims), upper(dims);
        for (long i = 0; i < dims; ++i) {
            x(i) = 0.0;
            lower(i) = -0.98;
            upper(i) = 0.98;
        }
        auto objective = [&](const Vector &v) {
            std::vector<double> ar, ma;
            polynomials(&v(0), &ar, &ma);
            return conditionalSumOfSquares(w, a.mean, ar, ma).sse;
        };
        // A start a little away from zero, where an MA's surface is flat.
        for (long i = 0; i < k; ++i)
            x(i) = 0.1;
        try {
            dlib::find_min_bobyqa(objective, x, 2 * dims + 1, lower, upper, 0.2, 1e-7, 4000);
        } catch (const dlib::error &) {
            // A flat surface: the point reached stands.
        }
        for (long i = 0; i < dims; ++i)
            r[size_t(i)] = x(i);
    }
    polynomials(r.data(), &a.ar, &a.ma);
    const Css css = conditionalSumOfSquares(w, a.mean, a.ar, a.ma);
    a.sse = css.sse;
    a.residuals = css.residuals;
    a.sigma2 = css.sse / double(a.n);
    a.aicc = aiccFromSse(css.sse, a.n, k + (order.constant ? 1 : 0));
    return a;
}

Forecast Arima::forecast(int horizon, const std::vector<double> &levels) const
{
    // The differenced series forward, then integrated.
    std::vector<double> w = y;
    for (int i = 0; i < order.D; ++i)
        w = difference(w, order.m);
    for (int i = 0; i < order.d; ++i)
        w = difference(w, 1);
    std::vector<double> centred(w.size()), e = residuals;
    for (size_t t = 0; t < w.size(); ++t)
        centred[t] = w[t] - mean;
    for (int h = 0; h < horizon; ++h) {
        const size_t t = centred.size();
        double v = 0;
        for (size_t i = 0; i < ar.size() && i < t; ++i)
            v += ar[i] * centred[t - 1 - i];
        for (size_t j = 0; j < ma.size() && j < t; ++j)
            v += ma[j] * e[t - 1 - j];
        centred.push_back(v);
        e.push_back(0.0);
    }
    const std::vector<double> delta = differencingPolynomial(order.d, order.D, order.m);
    std::vector<double> level = y;
    std::vector<double> mean_(static_cast<size_t>(horizon));
    for (int h = 0; h < horizon; ++h) {
        double v = centred[w.size() + size_t(h)] + mean;
        for (size_t i = 0; i < delta.size(); ++i)
            v += delta[i] * level[level.size() - 1 - i];
        level.push_back(v);
        mean_[size_t(h)] = v;
    }
    // psi weights of the model on y: (1 - sum delta B^i)(1 - sum ar B^i) psi(B) = 1 + sum ma B^j.
    std::vector<double> full = multiply(delta, {}, 1, -1);
    {
        std::vector<double> left(delta.size() + 1, 0.0), right(ar.size() + 1, 0.0);
        left[0] = right[0] = 1;
        for (size_t i = 0; i < delta.size(); ++i)
            left[i + 1] = -delta[i];
        for (size_t i = 0; i < ar.size(); ++i)
            right[i + 1] = -ar[i];
        std::vector<double> product(left.size() + right.size() - 1, 0.0);
        for (size_t i = 0; i < left.size(); ++i)
            for (size_t j = 0; j < right.size(); ++j)
                product[i + j] += left[i] * right[j];
        full.assign(product.size() - 1, 0.0);
        for (size_t i = 1; i < product.size(); ++i)
            full[i - 1] = -product[i];
    }
    std::vector<double> psi(static_cast<size_t>(horizon), 0.0), spread(static_cast<size_t>(horizon));
    double cumulative = 0;
    for (size_t j = 0; j < size_t(horizon); ++j) {
        double v = j == 0 ? 1.0 : (j - 1 < ma.size() ? ma[j - 1] : 0.0);
        for (size_t i = 1; i <= j && i <= full.size(); ++i)
            v += full[i - 1] * psi[j - i];
        psi[j] = v;
        cumulative += v * v;
        spread[j] = std::sqrt(sigma2 * cumulative);
    }
    return normalForecast(std::move(mean_), spread, levels);
}

double kpssStatistic(const std::vector<double> &y)
{
    const size_t n = y.size();
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / double(n);
    double partial = 0, eta = 0, s2 = 0;
    std::vector<double> e(n);
    for (size_t t = 0; t < n; ++t) {
        e[t] = y[t] - mean;
        partial += e[t];
        eta += partial * partial;
        s2 += e[t] * e[t];
    }
    eta /= double(n) * double(n);
    s2 /= double(n);
    const int lags = int(4 * std::pow(double(n) / 100, 0.25));
    for (int l = 1; l <= lags && size_t(l) < n; ++l) {
        double c = 0;
        for (size_t t = size_t(l); t < n; ++t)
            c += e[t] * e[t - size_t(l)];
        s2 += 2 * (1 - double(l) / (lags + 1)) * c / double(n);
    }
    return s2 > 0 ? eta / s2 : 0;
}

int seasonalDifferences(const std::vector<double> &y, int m)
{
    if (m < 2 || y.size() < 2 * size_t(m) + 2)
        return 0;
    // Classical additive decomposition: a centred moving average, position means.
    const size_t n = y.size(), half = size_t(m / 2);
    std::vector<double> trend(n, std::nan(""));
    for (size_t t = half; t + half < n; ++t) {
        double s = 0;
        if (m % 2 == 1) {
            for (size_t j = t - half; j <= t + half; ++j)
                s += y[j];
        } else {
            s = 0.5 * (y[t - half] + y[t + half]);
            for (size_t j = t - half + 1; j < t + half; ++j)
                s += y[j];
        }
        trend[t] = s / m;
    }
    std::vector<double> sum(size_t(m), 0.0);
    std::vector<int> count(size_t(m), 0);
    for (size_t t = 0; t < n; ++t)
        if (!std::isnan(trend[t])) {
            sum[t % size_t(m)] += y[t] - trend[t];
            ++count[t % size_t(m)];
        }
    std::vector<double> season(static_cast<size_t>(m));
    for (size_t i = 0; i < size_t(m); ++i)
        season[i] = count[i] ? sum[i] / count[i] : 0;
    const double shift = std::accumulate(season.begin(), season.end(), 0.0) / m;
    std::vector<double> remainder, detrended;
    for (size_t t = 0; t < n; ++t)
        if (!std::isnan(trend[t])) {
            detrended.push_back(y[t] - trend[t]);
            remainder.push_back(y[t] - trend[t] - (season[t % size_t(m)] - shift));
        }
    auto variance = [](const std::vector<double> &v) {
        const double mu = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
        double s = 0;
        for (double x : v)
            s += (x - mu) * (x - mu);
        return s / double(v.size());
    };
    const double total = variance(detrended);
    const double strength = total > 0 ? std::max(0.0, 1 - variance(remainder) / total) : 0;
    return strength > 0.64 ? 1 : 0;
}

int differences(const std::vector<double> &y)
{
    std::vector<double> w = y;
    int d = 0;
    while (d < 2 && w.size() > 4 && kpssStatistic(w) > 0.463) {
        w = difference(w, 1);
        ++d;
    }
    return d;
}

Arima autoArima(const std::vector<double> &y, int m)
{
    ArimaOrder base;
    base.m = std::max(1, m);
    base.D = seasonalDifferences(y, base.m);
    std::vector<double> w = y;
    if (base.D)
        w = difference(w, base.m);
    base.d = differences(w);
    const bool constantAllowed = base.d + base.D <= 1;
    const bool seasonal = base.m > 1 && y.size() >= 2 * size_t(base.m) + 2;

    std::optional<Arima> best;
    std::set<std::tuple<int, int, int, int, bool>> tried;
    auto consider = [&](int p, int q, int P, int Q, bool constant) {
        if (p < 0 || q < 0 || P < 0 || Q < 0 || p > 5 || q > 5 || P > 2 || Q > 2)
            return false;
        if (!seasonal && (P || Q))
            return false;
        if (constant && !constantAllowed)
            return false;
        if (!tried.insert({p, q, P, Q, constant}).second)
            return false;
        ArimaOrder o = base;
        o.p = p;
        o.q = q;
        o.P = P;
        o.Q = Q;
        o.constant = constant;
        auto fitted = Arima::fit(y, o);
        if (fitted && std::isfinite(fitted->aicc) && (!best || fitted->aicc < best->aicc - 1e-9)) {
            best = std::move(fitted);
            return true;
        }
        return false;
    };
    const int S = seasonal ? 1 : 0;
    consider(2, 2, S, S, constantAllowed);
    consider(0, 0, 0, 0, constantAllowed);
    consider(1, 0, S, 0, constantAllowed);
    consider(0, 1, 0, S, constantAllowed);
    if (constantAllowed)
        consider(0, 0, 0, 0, false);
    for (int round = 0; best && round < 94; ++round) {
        const ArimaOrder o = best->order;
        bool improved = false;
        const int moves[][4] = {{-1, 0, 0, 0}, {1, 0, 0, 0}, {0, -1, 0, 0}, {0, 1, 0, 0}, {0, 0, -1, 0}, {0, 0, 1, 0},
                                {0, 0, 0, -1}, {0, 0, 0, 1}, {-1, -1, 0, 0}, {1, 1, 0, 0}, {0, 0, -1, -1}, {0, 0, 1, 1},
                                {-1, 1, 0, 0}, {1, -1, 0, 0}};
        for (const auto &mv : moves)
            improved |= consider(o.p + mv[0], o.q + mv[1], o.P + mv[2], o.Q + mv[3], o.constant);
        improved |= consider(o.p, o.q, o.P, o.Q, !o.constant);
        if (!improved)
            break;
    }
    if (!best) { // too short for every order: a random walk (or white noise) as the fallback
        ArimaOrder o = base;
        o.D = 0;
        o.d = y.size() > 2 ? 1 : 0;
        best = Arima::fit(y, o);
        if (!best) {
            o.d = 0;
            o.constant = true;
            best = Arima::fit(y, o);
        }
    }
    return *best;
}

} // namespace stratus::ml::forecasting
