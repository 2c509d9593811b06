#include "ml/metrics/RegressionMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stratus::ml {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean(const std::vector<double> &v)
{
    return v.empty() ? kNaN : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

double variance(const std::vector<double> &v)
{
    const double m = mean(v);
    double s = 0;
    for (double x : v)
        s += (x - m) * (x - m);
    return v.empty() ? kNaN : s / double(v.size());
}

double median(std::vector<double> v)
{
    if (v.empty())
        return kNaN;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + long(mid), v.end());
    if (v.size() % 2)
        return v[mid];
    const double upper = v[mid];
    return (*std::max_element(v.begin(), v.begin() + long(mid)) + upper) / 2;
}

std::vector<double> ranks(const std::vector<double> &v)
{
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        const double rank = (double(i) + double(j)) / 2 + 1;
        for (size_t t = i; t <= j; ++t)
            r[order[t]] = rank;
        i = j + 1;
    }
    return r;
}

double pearson(const std::vector<double> &a, const std::vector<double> &b)
{
    const double ma = mean(a), mb = mean(b);
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? kNaN : sab / std::sqrt(saa * sbb);
}

} // namespace

double spearman(const std::vector<double> &a, const std::vector<double> &b)
{
    return pearson(ranks(a), ranks(b));
}

QMap<QString, double> regressionMetrics(const std::vector<double> &truth, const std::vector<double> &predicted,
                                        double labelMin, double labelMax)
{
    const size_t n = truth.size();
    if (std::isnan(labelMin) && std::isnan(labelMax) && n > 0) {
        const auto [lo, hi] = std::minmax_element(truth.begin(), truth.end());
        labelMin = *lo;
        labelMax = *hi;
    }
    const double range = labelMax - labelMin;
    std::vector<double> error(n), absolute(n);
    double squared = 0, squaredLog = 0, percent = 0, nonZero = 0;
    bool logDefined = true;
    for (size_t i = 0; i < n; ++i) {
        error[i] = truth[i] - predicted[i];
        absolute[i] = std::abs(error[i]);
        squared += error[i] * error[i];
        if (truth[i] < 0 || predicted[i] < 0)
            logDefined = false;
        else
            squaredLog += std::pow(std::log1p(truth[i]) - std::log1p(predicted[i]), 2);
        if (truth[i] != 0) {
            percent += absolute[i] / std::abs(truth[i]);
            ++nonZero;
        }
    }
    const double count = double(n);
    const double truthVariance = variance(truth);
    QMap<QString, double> out;
    out[QStringLiteral("explained_variance")] = truthVariance == 0 ? kNaN : 1 - variance(error) / truthVariance;
    out[QStringLiteral("r2_score")] = truthVariance == 0 ? kNaN : 1 - (squared / count) / truthVariance;
    out[QStringLiteral("mean_absolute_error")] = mean(absolute);
    out[QStringLiteral("median_absolute_error")] = median(absolute);
    out[QStringLiteral("mean_absolute_percentage_error")] = nonZero ? 100 * percent / nonZero : kNaN;
    out[QStringLiteral("root_mean_squared_error")] = n ? std::sqrt(squared / count) : kNaN;
    out[QStringLiteral("root_mean_squared_log_error")] = logDefined && n ? std::sqrt(squaredLog / count) : kNaN;
    out[QStringLiteral("spearman_correlation")] = spearman(truth, predicted);
    auto normalized = [range](double v) { return range > 0 ? v / range : kNaN; };
    out[QStringLiteral("normalized_mean_absolute_error")] = normalized(out[QStringLiteral("mean_absolute_error")]);
    out[QStringLiteral("normalized_median_absolute_error")] = normalized(out[QStringLiteral("median_absolute_error")]);
    out[QStringLiteral("normalized_root_mean_squared_error")] =
        normalized(out[QStringLiteral("root_mean_squared_error")]);
    const double logRange = labelMin >= 0 ? std::log1p(labelMax) - std::log1p(labelMin) : kNaN;
    out[QStringLiteral("normalized_root_mean_squared_log_error")] =
        logRange > 0 ? out[QStringLiteral("root_mean_squared_log_error")] / logRange : kNaN;
    return out;
}

} // namespace stratus::ml
