#pragma once
// RetrainingPipeline: the lesson's steps as a pipeline, made from what the
// workspace holds — the guided workflow's "Automate" step. From the latest
// registered model: its training data (imported again from the folder of the
// file it came from, newest file first, or read as a parameter when it was
// not imported from a file), an AutoML run with the same task, label and
// primary metric, a comparison with the model an endpoint serves (or the
// registered model's latest version), registration under the same name, and
// a deployment to that endpoint when there is one.

#include "common/Result.h"

#include <QByteArray>

namespace stratus {
class Workspace;
}

namespace stratus::pipeline {

// The pipeline file's text (YAML); errors when no model is registered, or the
// model is a forecasting one (its settings are not carried over yet).
Result<QByteArray> retrainingPipeline(Workspace &workspace);

} // namespace stratus::pipeline
