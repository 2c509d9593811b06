#include "ml/metrics/ClassificationMetrics.h"

#include "ml/metrics/BinaryRanking.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stratus::ml {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLogLossEpsilon = 1e-15;

double safeDivide(double a, double b)
{
    return b == 0 ? 0.0 : a / b;
}

struct Averages {
    double macro = 0, weighted = 0;
};

// Averages per-class values over the classes, skipping undefined (NaN) ones.
Averages average(const std::vector<double> &perClass, const std::vector<double> &support)
{
    double sum = 0, weightedSum = 0, count = 0, weights = 0;
    for (size_t c = 0; c < perClass.size(); ++c) {
        if (std::isnan(perClass[c]))
            continue;
        sum += perClass[c];
        ++count;
        weightedSum += perClass[c] * support[c];
        weights += support[c];
    }
    return {count ? sum / count : kNaN, weights ? weightedSum / weights : kNaN};
}

} // namespace

double classificationMetric(const std::vector<int> &labels, const std::vector<double> &probabilities, int classes,
                            const QString &metric)
{
    if (metric != QLatin1String("AUC_weighted"))
        return classificationMetrics(labels, probabilities, classes).value(metric, kNaN);
    const size_t k = size_t(classes);
    std::vector<double> auc(k), support(k, 0.0);
    for (int label : labels)
        support[size_t(label)] += 1;
    for (size_t c = 0; c < k; ++c) {
        const OneVsRest one = oneVsRest(labels, probabilities, classes, int(c));
        auc[c] = rocAuc(one.positive, one.score);
    }
    return average(auc, support).weighted;
}

std::vector<int> predictedClasses(const std::vector<double> &probabilities, int classes)
{
    const size_t n = probabilities.size() / size_t(classes);
    std::vector<int> predicted(n);
    for (size_t i = 0; i < n; ++i) {
        const double *row = probabilities.data() + i * size_t(classes);
        predicted[i] = int(std::max_element(row, row + classes) - row);
    }
    return predicted;
}

std::vector<std::vector<double>> confusionMatrix(const std::vector<int> &labels, const std::vector<int> &predicted,
                                                 int classes)
{
    std::vector<std::vector<double>> m(size_t(classes), std::vector<double>(size_t(classes), 0.0));
    for (size_t i = 0; i < labels.size(); ++i)
        m[size_t(labels[i])][size_t(predicted[i])] += 1;
    return m;
}

QMap<QString, double> classificationMetrics(const std::vector<int> &labels, const std::vector<double> &probabilities,
                                            int classes)
{
    const size_t n = labels.size();
    const size_t k = size_t(classes);
    const std::vector<int> predicted = predictedClasses(probabilities, classes);
    const auto m = confusionMatrix(labels, predicted, classes);

    std::vector<double> support(k, 0), predictedCount(k, 0), precision(k), recall(k), f1(k);
    double correct = 0;
    for (size_t t = 0; t < k; ++t) {
        for (size_t p = 0; p < k; ++p) {
            support[t] += m[t][p];
            predictedCount[p] += m[t][p];
        }
        correct += m[t][t];
    }
    for (size_t c = 0; c < k; ++c) {
        precision[c] = safeDivide(m[c][c], predictedCount[c]);
        recall[c] = safeDivide(m[c][c], support[c]);
        f1[c] = safeDivide(2 * precision[c] * recall[c], precision[c] + recall[c]);
    }
    const double accuracy = safeDivide(correct, double(n));

    QMap<QString, double> out;
    out[QStringLiteral("accuracy")] = accuracy;
    const Averages p = average(precision, support), r = average(recall, support), f = average(f1, support);
    out[QStringLiteral("precision_score_macro")] = p.macro;
    out[QStringLiteral("precision_score_weighted")] = p.weighted;
    out[QStringLiteral("precision_score_micro")] = accuracy; // single-label: micro averages equal accuracy
    out[QStringLiteral("recall_score_macro")] = r.macro;
    out[QStringLiteral("recall_score_weighted")] = r.weighted;
    out[QStringLiteral("recall_score_micro")] = accuracy;
    out[QStringLiteral("f1_score_macro")] = f.macro;
    out[QStringLiteral("f1_score_weighted")] = f.weighted;
    out[QStringLiteral("f1_score_micro")] = accuracy;
    out[QStringLiteral("balanced_accuracy")] = r.macro;
    const double chance = 1.0 / double(k);
    out[QStringLiteral("norm_macro_recall")] = std::max(0.0, (r.macro - chance) / (1.0 - chance));

    // Weighted accuracy: each sample weighs its class's frequency.
    double weightedCorrect = 0, weightTotal = 0;
    for (size_t c = 0; c < k; ++c) {
        weightedCorrect += m[c][c] * support[c];
        weightTotal += support[c] * support[c];
    }
    out[QStringLiteral("weighted_accuracy")] = safeDivide(weightedCorrect, weightTotal);

    // Matthews correlation, multiclass form.
    double sumTP = 0, sumT2 = 0, sumP2 = 0;
    for (size_t c = 0; c < k; ++c) {
        sumTP += support[c] * predictedCount[c];
        sumT2 += support[c] * support[c];
        sumP2 += predictedCount[c] * predictedCount[c];
    }
    const double s = double(n);
    const double denominator = std::sqrt((s * s - sumP2) * (s * s - sumT2));
    out[QStringLiteral("matthews_correlation")] = denominator == 0 ? 0.0 : (correct * s - sumTP) / denominator;

    double logLoss = 0;
    for (size_t i = 0; i < n; ++i) {
        const double *row = probabilities.data() + i * k;
        double total = 0;
        for (size_t c = 0; c < k; ++c)
            total += std::clamp(row[c], kLogLossEpsilon, 1 - kLogLossEpsilon);
        logLoss -= std::log(std::clamp(row[size_t(labels[i])], kLogLossEpsilon, 1 - kLogLossEpsilon) / total);
    }
    out[QStringLiteral("log_loss")] = n ? logLoss / s : kNaN;

    // Ranking metrics: one class against the rest, then averaged; micro on
    // the flattened one-hot labels and probabilities.
    std::vector<double> auc(k), ap(k);
    std::vector<char> flatPositive;
    flatPositive.reserve(n * k);
    for (size_t c = 0; c < k; ++c) {
        const OneVsRest one = oneVsRest(labels, probabilities, classes, int(c));
        auc[c] = rocAuc(one.positive, one.score);
        ap[c] = averagePrecision(one.positive, one.score);
    }
    for (size_t i = 0; i < n; ++i) {
        for (size_t c = 0; c < k; ++c)
            flatPositive.push_back(labels[i] == int(c));
    }
    const Averages a = average(auc, support), pr = average(ap, support);
    out[QStringLiteral("AUC_macro")] = a.macro;
    out[QStringLiteral("AUC_weighted")] = a.weighted;
    out[QStringLiteral("AUC_micro")] = rocAuc(flatPositive, probabilities);
    out[QStringLiteral("average_precision_score_macro")] = pr.macro;
    out[QStringLiteral("average_precision_score_weighted")] = pr.weighted;
    out[QStringLiteral("average_precision_score_micro")] = averagePrecision(flatPositive, probabilities);
    return out;
}

} // namespace stratus::ml
