#include "export/onnx/LearnerGraphs.h"

namespace stratus::onnx {

namespace {

using Builder = Result<QString> (*)(Graph &, const QByteArray &, const QString &);

const QList<QPair<QString, Builder>> &builders()
{
    static const QList<QPair<QString, Builder>> list{
        {QStringLiteral("LogisticRegression"), &logisticGraph},   {QStringLiteral("XGBoostClassifier"), &xgboostGraph},
        {QStringLiteral("XGBoostRegressor"), &xgboostGraph},      {QStringLiteral("RandomForest"), &xgboostGraph},
        {QStringLiteral("ExtremeRandomTrees"), &extraTreesGraph}, {QStringLiteral("ElasticNet"), &elasticNetGraph},
        {QStringLiteral("SVM"), &kernelSvmGraph},                 {QStringLiteral("KernelRidge"), &kernelRidgeGraph},
        {QStringLiteral("LinearSVM"), &linearSvmGraph},           {QStringLiteral("KNN"), &knnGraph},
        {QStringLiteral("MLP"), &mlpGraph},                       {QStringLiteral("BernoulliNaiveBayes"), &naiveBayesGraph}};
    return list;
}

} // namespace

QStringList learnerGraphAlgorithms()
{
    QStringList names;
    for (const auto &[name, builder] : builders())
        names << name;
    return names;
}

Result<QString> learnerGraph(Graph &g, const QString &algorithm, const QByteArray &model, const QString &x)
{
    for (const auto &[name, builder] : builders()) {
        if (name == algorithm)
            return builder(g, model, x);
    }
    return Error{QStringLiteral("%1 cannot be exported to ONNX").arg(algorithm)};
}

} // namespace stratus::onnx
