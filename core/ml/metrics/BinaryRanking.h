#pragma once
// Ranking measures of one binary problem (one class against the rest):
// the area under the ROC curve and average precision, computed the way
// scikit-learn does (ties in the scores handled as one threshold).

#include <vector>

namespace stratus::ml {

// positive[i]: whether sample i belongs to the class; score[i]: its score.
// Returns NaN when only one kind of sample is present.
double rocAuc(const std::vector<char> &positive, const std::vector<double> &score);
double averagePrecision(const std::vector<char> &positive, const std::vector<double> &score);

// The thresholds, in decreasing score order, with the cumulative true and
// false positives at each (the shared basis of ROC and precision-recall curves).
struct RankedCounts {
    std::vector<double> thresholds;
    std::vector<double> truePositives;
    std::vector<double> falsePositives;
};
RankedCounts rankedCounts(const std::vector<char> &positive, const std::vector<double> &score);

// Class c against the rest: which samples are of class c, and their
// probability of it (probabilities: row-major, `classes` per row).
struct OneVsRest {
    std::vector<char> positive;
    std::vector<double> score;
};
OneVsRest oneVsRest(const std::vector<int> &labels, const std::vector<double> &probabilities, int classes, int c);

} // namespace stratus::ml
