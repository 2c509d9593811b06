#pragma once
// The learners AutoML can use, by Azure's algorithm names (matched without
// regard to case).

#include "Learner.h"

#include <QStringList>

namespace stratus::ml {

QStringList learnerNames(Task task);
// nullptr when no learner of that name does the task.
std::unique_ptr<Learner> makeLearner(const QString &name, Task task);

} // namespace stratus::ml
