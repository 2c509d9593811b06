#pragma once
// LearnerGraphs: each learner's prediction as ONNX nodes, built from its
// stored model bytes (as the learner serialized them). Every function takes
// the member's features x (float [N, F], as Stratus's FeatureMatrix holds
// them) and returns its output in double, as Stratus's predict() does:
// class probabilities [N, classes] or the predicted value [N, 1]. A model
// whose bytes do not read is an error naming the learner.

#include "common/Result.h"
#include "export/onnx/Graph.h"

namespace stratus::onnx {

// The learners these functions cover.
QStringList learnerGraphAlgorithms();
// `algorithm`'s graph (one of learnerGraphAlgorithms()).
Result<QString> learnerGraph(Graph &g, const QString &algorithm, const QByteArray &model, const QString &x);

// Trees (TreeGraphs.cpp).
Result<QString> xgboostGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> extraTreesGraph(Graph &g, const QByteArray &model, const QString &x);
// Linear and neural (LinearGraphs.cpp).
Result<QString> logisticGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> elasticNetGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> linearSvmGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> naiveBayesGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> mlpGraph(Graph &g, const QByteArray &model, const QString &x);
// Distances to stored rows (KernelGraphs.cpp).
Result<QString> kernelSvmGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> kernelRidgeGraph(Graph &g, const QByteArray &model, const QString &x);
Result<QString> knnGraph(Graph &g, const QByteArray &model, const QString &x);

// Platt-calibrated one-vs-rest (the SVMs): `scores` holds each part's
// decision value [N, 1] and its sigmoid (a, b) as p = 1 / (1 + exp(a s + b));
// returns the class probabilities [N, classes] as Stratus computes them.
struct CalibratedPart {
    QString score;
    double a = -1, b = 0;
};
QString calibratedProbabilities(Graph &g, const std::vector<CalibratedPart> &parts, int classes);

} // namespace stratus::onnx
