#include "ml/metrics/RegressionCurves.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace stratus::ml {

namespace {

QJsonArray array(const std::vector<double> &v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

double percentile(std::vector<double> &v, double q)
{
    std::sort(v.begin(), v.end());
    const double at = q * double(v.size() - 1);
    const size_t lo = size_t(std::floor(at));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (at - double(lo));
}

} // namespace

RegressionCurves regressionCurves(const std::vector<double> &truth, const std::vector<double> &predicted)
{
    RegressionCurves c;
    if (truth.empty())
        return c;
    const auto [lo, hi] = std::minmax_element(truth.begin(), truth.end());
    constexpr int kBins = 10;
    const double width = (*hi - *lo) / kBins;
    std::vector<std::vector<double>> predictions(kBins);
    std::vector<double> trueSum(kBins, 0.0);
    for (size_t i = 0; i < truth.size(); ++i) {
        const int bin = width > 0 ? std::min(kBins - 1, int((truth[i] - *lo) / width)) : 0;
        predictions[size_t(bin)].push_back(predicted[i]);
        trueSum[size_t(bin)] += truth[i];
    }
    for (int b = 0; b < kBins; ++b) {
        std::vector<double> &p = predictions[size_t(b)];
        if (p.empty())
            continue;
        double sum = 0;
        for (double v : p)
            sum += v;
        c.binTrue.push_back(trueSum[size_t(b)] / double(p.size()));
        c.binPredicted.push_back(sum / double(p.size()));
        c.binLow.push_back(percentile(p, 0.25));
        c.binHigh.push_back(percentile(p, 0.75));
        c.binCount.push_back(double(p.size()));
    }
    std::vector<double> residuals(truth.size());
    for (size_t i = 0; i < truth.size(); ++i)
        residuals[i] = predicted[i] - truth[i];
    const auto [rlo, rhi] = std::minmax_element(residuals.begin(), residuals.end());
    constexpr int kResidualBins = 20;
    const double step = *rhi > *rlo ? (*rhi - *rlo) / kResidualBins : 1.0;
    for (int e = 0; e <= kResidualBins; ++e)
        c.residualEdges.push_back(*rlo + step * e);
    c.residualCounts.assign(kResidualBins, 0.0);
    for (double r : residuals)
        c.residualCounts[size_t(std::clamp(int((r - *rlo) / step), 0, kResidualBins - 1))] += 1;
    return c;
}

QJsonObject RegressionCurves::toJson() const
{
    return {{QStringLiteral("predicted_vs_true"),
             QJsonObject{{QStringLiteral("true_mean"), array(binTrue)},
                         {QStringLiteral("predicted_mean"), array(binPredicted)},
                         {QStringLiteral("predicted_p25"), array(binLow)},
                         {QStringLiteral("predicted_p75"), array(binHigh)},
                         {QStringLiteral("count"), array(binCount)}}},
            {QStringLiteral("residuals"),
             QJsonObject{{QStringLiteral("edges"), array(residualEdges)}, {QStringLiteral("counts"), array(residualCounts)}}}};
}

} // namespace stratus::ml
