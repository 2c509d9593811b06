#pragma once
// OnnxExport: a registered model's whole pipeline as an ONNX model
// (ai.onnx opset 15, ai.onnx.ml opset 3), run by ONNX Runtime without Stratus.
//   inputs    one per input column, named as in the schema, shape [N, 1],
//             each able to carry every value the pipeline accepts, missing
//             included: decimal, integer and boolean (1 true, 0 false) ->
//             double, NaN a missing value; categorical and text -> string,
//             "" a missing value
//   outputs   classification: "label" (string [N]) and "probabilities"
//             (float [N, classes], in the model's class order);
//             regression: "variable" (float [N, 1])
// Featurization as FeaturizerGraph.h says; every learner (LearnerGraphs.h),
// computed in double as Stratus computes it; a VotingEnsemble as the weighted
// sum of its members; a StackEnsemble as its meta-learner over its members'
// log-odds (or values). A step ONNX cannot compute (a text's length, a
// date) is an error that names the column and says why. Every model is
// built with ONNX's own library and passes its checker and strict shape
// inference before it is written (Graph::model); a refusal names the node.

#include "common/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace stratus {
class Workspace;
}

namespace stratus::onnx {

// The learners an exported pipeline may hold.
QStringList exportableAlgorithms();

// What an export holds, for a report: the graph's inputs and outputs, each
// a name and its type ("int64", "double", "bool", "string", "float").
struct Exported {
    QByteArray bytes;
    QList<std::pair<QString, QString>> inputs, outputs;
    // "name (type), ..."
    static QString describe(const QList<std::pair<QString, QString>> &values);
};

Result<Exported> exportPipeline(const QJsonObject &pipeline, const QString &modelName);
// Writes the model version's ONNX file (whole or not at all).
Result<Exported> exportModel(Workspace &workspace, const QString &reference, const QString &path);

} // namespace stratus::onnx
