#include "ml/metrics/Curves.h"

#include "ml/metrics/BinaryRanking.h"
#include "ml/metrics/ClassificationMetrics.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

namespace stratus::ml {

namespace {

QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(std::isfinite(x) ? QJsonValue(x) : QJsonValue());
    return a;
}

std::vector<double> fromArray(const QJsonArray &a)
{
    std::vector<double> v;
    v.reserve(size_t(a.size()));
    for (const QJsonValue &x : a)
        v.push_back(x.isDouble() ? x.toDouble() : std::numeric_limits<double>::infinity());
    return v;
}

// y of a piecewise-linear curve at x (curve x ascending; steps take the last y).
double interpolate(const Curve &c, double x)
{
    const auto it = std::upper_bound(c.x.begin(), c.x.end(), x);
    if (it == c.x.begin())
        return c.y.front();
    if (it == c.x.end())
        return c.y.back();
    const size_t hi = size_t(it - c.x.begin()), lo = hi - 1;
    if (c.x[hi] == c.x[lo])
        return c.y[hi];
    return c.y[lo] + (c.y[hi] - c.y[lo]) * (x - c.x[lo]) / (c.x[hi] - c.x[lo]);
}

// The best precision at recall >= r, for r on the grid.
std::vector<double> interpolatedPrecision(const Curve &pr, const std::vector<double> &grid)
{
    std::vector<double> out;
    for (double r : grid) {
        double best = 0;
        for (size_t i = 0; i < pr.x.size(); ++i) {
            if (pr.x[i] >= r - 1e-12)
                best = std::max(best, pr.y[i]);
        }
        out.push_back(best);
    }
    return out;
}

std::vector<double> recallGrid()
{
    std::vector<double> grid(101);
    for (int i = 0; i <= 100; ++i)
        grid[size_t(i)] = i / 100.0;
    return grid;
}

} // namespace

QJsonObject Curve::toJson() const
{
    QJsonObject o{{QStringLiteral("x"), toArray(x)}, {QStringLiteral("y"), toArray(y)}};
    if (!thresholds.empty())
        o.insert(QStringLiteral("thresholds"), toArray(thresholds));
    return o;
}

Curve Curve::fromJson(const QJsonObject &json)
{
    Curve c;
    c.x = fromArray(json.value(QStringLiteral("x")).toArray());
    c.y = fromArray(json.value(QStringLiteral("y")).toArray());
    c.thresholds = fromArray(json.value(QStringLiteral("thresholds")).toArray());
    return c;
}

Curve rocCurve(const std::vector<char> &positive, const std::vector<double> &score)
{
    const RankedCounts r = rankedCounts(positive, score);
    Curve c;
    const double p = r.truePositives.empty() ? 0 : r.truePositives.back();
    const double n = r.falsePositives.empty() ? 0 : r.falsePositives.back();
    c.x.push_back(0);
    c.y.push_back(0);
    c.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (size_t i = 0; i < r.thresholds.size(); ++i) {
        c.x.push_back(n > 0 ? r.falsePositives[i] / n : 0);
        c.y.push_back(p > 0 ? r.truePositives[i] / p : 0);
        c.thresholds.push_back(r.thresholds[i]);
    }
    return c;
}

Curve precisionRecallCurve(const std::vector<char> &positive, const std::vector<double> &score)
{
    const RankedCounts r = rankedCounts(positive, score);
    Curve c;
    const double p = r.truePositives.empty() ? 0 : r.truePositives.back();
    for (size_t i = r.thresholds.size(); i-- > 0;) {
        c.x.push_back(p > 0 ? r.truePositives[i] / p : 0);
        c.y.push_back(r.truePositives[i] / (r.truePositives[i] + r.falsePositives[i]));
        c.thresholds.push_back(r.thresholds[i]);
    }
    c.x.push_back(0);
    c.y.push_back(1);
    return c;
}

// The calibration bin of a probability: bins (0, 0.1], (0.1, 0.2], ... with
// [0, 0.1] first, edges computed as scikit-learn's linspace computes them.
int calibrationBin(double p)
{
    int bin = 0;
    for (int edge = 1; edge < 10; ++edge) {
        if (p > edge * 0.1)
            bin = edge;
    }
    return bin;
}

Curve calibrationCurve(const std::vector<char> &positive, const std::vector<double> &score)
{
    constexpr int kBins = 10;
    std::vector<double> sum(kBins, 0), hits(kBins, 0), count(kBins, 0);
    for (size_t i = 0; i < score.size(); ++i) {
        const int b = calibrationBin(score[i]);
        sum[size_t(b)] += score[i];
        hits[size_t(b)] += positive[i] ? 1 : 0;
        count[size_t(b)] += 1;
    }
    Curve c;
    for (int b = 0; b < kBins; ++b) {
        if (count[size_t(b)] == 0)
            continue;
        c.x.push_back(sum[size_t(b)] / count[size_t(b)]);
        c.y.push_back(hits[size_t(b)] / count[size_t(b)]);
        c.thresholds.push_back(count[size_t(b)]); // the bin's size
    }
    return c;
}

Curve gainsCurve(const std::vector<char> &positive, const std::vector<double> &score)
{
    std::vector<size_t> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    const double total = double(std::count(positive.begin(), positive.end(), char(1)));
    Curve c;
    c.x.push_back(0);
    c.y.push_back(0);
    double found = 0;
    size_t taken = 0;
    for (int percent = 1; percent <= 100; ++percent) {
        const size_t upto = size_t(std::llround(double(order.size()) * percent / 100.0));
        for (; taken < upto; ++taken)
            found += positive[order[taken]] ? 1 : 0;
        c.x.push_back(percent / 100.0);
        c.y.push_back(total > 0 ? found / total : 0);
    }
    return c;
}

Curve liftCurve(const std::vector<char> &positive, const std::vector<double> &score)
{
    const Curve gains = gainsCurve(positive, score);
    Curve c;
    for (size_t i = 1; i < gains.x.size(); ++i) {
        c.x.push_back(gains.x[i]);
        c.y.push_back(gains.y[i] / gains.x[i]);
    }
    return c;
}

ClassificationCurves classificationCurves(const std::vector<int> &labels, const std::vector<double> &probabilities,
                                          int classes)
{
    const size_t n = labels.size(), k = size_t(classes);
    ClassificationCurves out;
    out.confusion = confusionMatrix(labels, predictedClasses(probabilities, classes), classes);
    std::vector<double> support(k, 0);
    std::vector<char> flatPositive;
    flatPositive.reserve(n * k);
    for (size_t i = 0; i < n; ++i) {
        support[size_t(labels[i])] += 1;
        for (size_t c = 0; c < k; ++c)
            flatPositive.push_back(labels[i] == int(c));
    }
    out.calibrationCounts.assign(10, 0);
    for (size_t c = 0; c < k; ++c) {
        const auto [positive, score] = oneVsRest(labels, probabilities, classes, int(c));
        for (double p : score)
            out.calibrationCounts[size_t(calibrationBin(p))] += 1;
        out.roc.push_back(rocCurve(positive, score));
        out.precisionRecall.push_back(precisionRecallCurve(positive, score));
        out.calibration.push_back(calibrationCurve(positive, score));
        out.gains.push_back(gainsCurve(positive, score));
        out.lift.push_back(liftCurve(positive, score));
    }
    out.rocMicro = rocCurve(flatPositive, probabilities);
    out.precisionRecallMicro = precisionRecallCurve(flatPositive, probabilities);

    // Averaged ROC: every false-positive rate of any class.
    std::set<double> fprs;
    for (const Curve &c : out.roc)
        fprs.insert(c.x.begin(), c.x.end());
    const double total = std::accumulate(support.begin(), support.end(), 0.0);
    for (double fpr : fprs) {
        double macro = 0, weighted = 0;
        for (size_t c = 0; c < k; ++c) {
            const double tpr = interpolate(out.roc[c], fpr);
            macro += tpr / double(k);
            weighted += tpr * support[c] / total;
        }
        out.rocMacro.x.push_back(fpr);
        out.rocMacro.y.push_back(macro);
        out.rocWeighted.x.push_back(fpr);
        out.rocWeighted.y.push_back(weighted);
    }
    const std::vector<double> grid = recallGrid();
    out.precisionRecallMacro.x = out.precisionRecallWeighted.x = grid;
    out.precisionRecallMacro.y.assign(grid.size(), 0);
    out.precisionRecallWeighted.y.assign(grid.size(), 0);
    for (size_t c = 0; c < k; ++c) {
        const std::vector<double> precision = interpolatedPrecision(out.precisionRecall[c], grid);
        for (size_t g = 0; g < grid.size(); ++g) {
            out.precisionRecallMacro.y[g] += precision[g] / double(k);
            out.precisionRecallWeighted.y[g] += precision[g] * support[c] / total;
        }
    }
    return out;
}

QJsonObject ClassificationCurves::toJson() const
{
    auto list = [](const std::vector<Curve> &curves) {
        QJsonArray a;
        for (const Curve &c : curves)
            a.append(c.toJson());
        return a;
    };
    QJsonArray matrix;
    for (const auto &row : confusion)
        matrix.append(toArray(row));
    return {{QStringLiteral("roc"), list(roc)},
            {QStringLiteral("roc_micro"), rocMicro.toJson()},
            {QStringLiteral("roc_macro"), rocMacro.toJson()},
            {QStringLiteral("roc_weighted"), rocWeighted.toJson()},
            {QStringLiteral("precision_recall"), list(precisionRecall)},
            {QStringLiteral("precision_recall_micro"), precisionRecallMicro.toJson()},
            {QStringLiteral("precision_recall_macro"), precisionRecallMacro.toJson()},
            {QStringLiteral("precision_recall_weighted"), precisionRecallWeighted.toJson()},
            {QStringLiteral("calibration"), list(calibration)},
            {QStringLiteral("calibration_counts"), toArray(calibrationCounts)},
            {QStringLiteral("lift"), list(lift)},
            {QStringLiteral("gains"), list(gains)},
            {QStringLiteral("confusion_matrix"), matrix}};
}

} // namespace stratus::ml
