#pragma once
// The curves of a classifier's out-of-fold predictions, as the studio draws
// them and the workspace stores them: ROC and precision-recall per class and
// averaged (micro, macro, weighted by class support), calibration, lift and
// cumulative gains per class, and the confusion matrix.
//
// ROC points follow scikit-learn's roc_curve (drop_intermediate=False): one
// point per distinct score, starting at (0, 0). Precision-recall points
// follow precision_recall_curve, ending at recall 0, precision 1. Macro and
// weighted ROC curves average the per-class true-positive rates at every
// false-positive rate any class has (linear interpolation); macro and
// weighted precision-recall curves average interpolated precision (the best
// precision at that recall or higher) on a grid of 101 recall values.

#include <QJsonObject>
#include <vector>

namespace stratus::ml {

struct Curve {
    std::vector<double> x;
    std::vector<double> y;
    std::vector<double> thresholds; // empty for averaged curves and grids

    QJsonObject toJson() const;
    static Curve fromJson(const QJsonObject &json);
};

struct ClassificationCurves {
    std::vector<Curve> roc, precisionRecall, calibration, lift, gains; // per class
    Curve rocMicro, rocMacro, rocWeighted;
    Curve precisionRecallMicro, precisionRecallMacro, precisionRecallWeighted;
    std::vector<double> calibrationCounts; // per bin, summed over classes
    std::vector<std::vector<double>> confusion; // [true][predicted]

    QJsonObject toJson() const;
};

// requires: as classificationMetrics().
ClassificationCurves classificationCurves(const std::vector<int> &labels, const std::vector<double> &probabilities,
                                          int classes);

// One class against the rest.
Curve rocCurve(const std::vector<char> &positive, const std::vector<double> &score);
Curve precisionRecallCurve(const std::vector<char> &positive, const std::vector<double> &score);
// 10 equal-width bins of predicted probability: x = mean predicted, y = fraction positive (empty bins left out).
Curve calibrationCurve(const std::vector<char> &positive, const std::vector<double> &score);
// At each percentile 1..100 of the samples ranked by score: the share of all
// positives found (gains) and that share over the percentile (lift).
Curve gainsCurve(const std::vector<char> &positive, const std::vector<double> &score);
Curve liftCurve(const std::vector<char> &positive, const std::vector<double> &score);

} // namespace stratus::ml
