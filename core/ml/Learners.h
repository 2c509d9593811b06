#pragma once
// The learners AutoML can use, by Azure's algorithm names (matched without
// regard to case).

#include "Learner.h"

#include <QStringList>

namespace stratus::ml {

QStringList learnerNames(Task task);
// nullptr when no learner of that name does the task.
std::unique_ptr<Learner> makeLearner(const QString &name, Task task);
// A model that `name`'s learner serialized.
Result<std::unique_ptr<Model>> loadModel(const QString &name, const QByteArray &bytes);

} // namespace stratus::ml
