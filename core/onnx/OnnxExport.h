#pragma once
// OnnxExport: a registered model's whole pipeline as an ONNX model
// (ai.onnx opset 15, ai.onnx.ml opset 3), run by ONNX Runtime without Stratus.
//   inputs    one per input column, named as in the schema, shape [N, 1]:
//             decimal -> double (NaN is a missing value), integer -> int64,
//             boolean -> bool
//   outputs   classification: "label" (string [N]) and "probabilities"
//             (float [N, classes], in the model's class order);
//             regression: "variable" (float [N, 1])
// Featurization steps: numeric (imputed with the training median, with a
// missing indicator, standardised; computed in double as Stratus does) and
// one-hot encoding of integer values. Learners: LogisticRegression (Gemm +
// Softmax), XGBoostClassifier, XGBoostRegressor and RandomForest
// (TreeEnsembleRegressor for the margins, then XGBoost's sigmoid or softmax),
// ExtremeRandomTrees (TreeEnsembleRegressor averaging its leaves);
// a VotingEnsemble of those as the weighted sum of its members. Anything else
// (another learner, a StackEnsemble, another featurization step) is an error
// that names it and says why.

#include "Result.h"

#include <QJsonObject>
#include <QStringList>

namespace stratus {
class Workspace;
}

namespace stratus::onnx {

// The learners an exported pipeline may hold.
QStringList exportableAlgorithms();

Result<QByteArray> exportPipeline(const QJsonObject &pipeline, const QString &modelName);
Status exportModel(Workspace &workspace, const QString &reference, const QString &path);

} // namespace stratus::onnx
