#pragma once
// FeaturizerGraph: a fitted Featurizer (as Featurizer::toJson() wrote it) as
// ONNX nodes, giving the member's features (float [N, F], as
// Featurizer::transform() computes them).
//   numeric           the training median for a missing value (NaN), a missing
//                     indicator, standardised in double
//   integer one-hot   one feature per trained value
//   category one-hot  LabelEncoder to the category's position, then one-hot;
//                     a value not seen in training sets none
//   frequency         LabelEncoder to the category's training share (0 unseen)
// A missing string is "" or a missing-value word Stratus reads (?, NA, N/A,
// NaN, null in their usual cases): it takes the most frequent category, as
// in Stratus. Text (its length) and date/time steps have no ONNX operators:
// they are an error naming the column, and AutoML's ONNX-compatible option
// featurizes such columns without them.

#include "common/Result.h"
#include "export/onnx/Graph.h"

#include <QHash>
#include <QJsonObject>

namespace stratus::onnx {

// inputs: each column's input value, as double [N, 1] for numeric and
// boolean columns and string [N, 1] for the others.
Result<QString> featurizerGraph(Graph &g, const QJsonObject &featurizer, const QHash<QString, QString> &inputs, const QString &member);

} // namespace stratus::onnx
