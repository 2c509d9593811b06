#pragma once
// Classification metrics under their Azure AutoML names, from class
// probabilities (the predicted class is the most probable one):
// AUC_macro/micro/weighted, accuracy, average_precision_score_macro/micro/
// weighted, balanced_accuracy, f1_score_*, log_loss, norm_macro_recall,
// matthews_correlation, precision_score_*, recall_score_*, weighted_accuracy.
//
// requires: labels[i] in [0, classes); probabilities has labels.size() rows
//           of `classes` values each (row-major), each row summing to 1.
// Metrics that are undefined for the data (an AUC with one class present)
// are NaN.

#include <QMap>
#include <QString>
#include <vector>

namespace stratus::ml {

QMap<QString, double> classificationMetrics(const std::vector<int> &labels, const std::vector<double> &probabilities,
                                            int classes);

// One metric of classificationMetrics, computed alone when that is cheaper
// (AUC_weighted: the ensemble selection scores hundreds of blends);
// the same value as classificationMetrics(...)[metric].
double classificationMetric(const std::vector<int> &labels, const std::vector<double> &probabilities, int classes,
                            const QString &metric);

// The class with the highest probability in each row (the first on ties).
std::vector<int> predictedClasses(const std::vector<double> &probabilities, int classes);

// counts[true][predicted], classes x classes.
std::vector<std::vector<double>> confusionMatrix(const std::vector<int> &labels, const std::vector<int> &predicted,
                                                 int classes);

} // namespace stratus::ml
