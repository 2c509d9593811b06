#pragma once
// The learners AutoML can use, by Azure's algorithm names (matched without
// regard to case).

#include "ml/learners/Learner.h"

#include <QStringList>

namespace stratus::ml {

QStringList learnerNames(Task task);
// Whether the ONNX export (export/onnx) has a graph for the learner's models:
// what AutoML's ONNX-compatible option keeps. The catalogue says it so that
// the AutoML engine does not depend on the exporter; tst_onnx checks that the
// exporter agrees.
bool exportsToOnnx(const QString &name);
// nullptr when no learner of that name does the task.
std::unique_ptr<Learner> makeLearner(const QString &name, Task task);
// A model that `name`'s learner serialized.
Result<std::unique_ptr<Model>> loadModel(const QString &name, const QByteArray &bytes);

} // namespace stratus::ml
