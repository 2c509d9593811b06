#include "ml/metrics/BinaryRanking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace stratus::ml {

RankedCounts rankedCounts(const std::vector<char> &positive, const std::vector<double> &score)
{
    std::vector<size_t> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    RankedCounts r;
    double tp = 0, fp = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (positive[order[i]])
            ++tp;
        else
            ++fp;
        // One point per distinct score: after the last sample with that score.
        if (i + 1 == order.size() || score[order[i + 1]] != score[order[i]]) {
            r.thresholds.push_back(score[order[i]]);
            r.truePositives.push_back(tp);
            r.falsePositives.push_back(fp);
        }
    }
    return r;
}

OneVsRest oneVsRest(const std::vector<int> &labels, const std::vector<double> &probabilities, int classes, int c)
{
    OneVsRest r;
    r.positive.resize(labels.size());
    r.score.resize(labels.size());
    for (size_t i = 0; i < labels.size(); ++i) {
        r.positive[i] = labels[i] == c;
        r.score[i] = probabilities[i * size_t(classes) + size_t(c)];
    }
    return r;
}

double rocAuc(const std::vector<char> &positive, const std::vector<double> &score)
{
    const RankedCounts r = rankedCounts(positive, score);
    if (r.thresholds.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double p = r.truePositives.back(), n = r.falsePositives.back();
    if (p == 0 || n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    double area = 0, lastTp = 0, lastFp = 0;
    for (size_t i = 0; i < r.thresholds.size(); ++i) {
        area += (r.falsePositives[i] - lastFp) * (r.truePositives[i] + lastTp) / 2; // trapezoid
        lastTp = r.truePositives[i];
        lastFp = r.falsePositives[i];
    }
    return area / (p * n);
}

double averagePrecision(const std::vector<char> &positive, const std::vector<double> &score)
{
    const RankedCounts r = rankedCounts(positive, score);
    if (r.thresholds.empty() || r.truePositives.back() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double p = r.truePositives.back();
    double ap = 0, lastRecall = 0;
    for (size_t i = 0; i < r.thresholds.size(); ++i) {
        const double recall = r.truePositives[i] / p;
        const double precision = r.truePositives[i] / (r.truePositives[i] + r.falsePositives[i]);
        ap += (recall - lastRecall) * precision;
        lastRecall = recall;
    }
    return ap;
}

} // namespace stratus::ml
