#pragma once
// Registering a model from any run: an AutoML run registers its best child
// (refitted when the run ended); another completed child run is first trained
// on every labelled row (refitChildRun), then registered. What the studio's
// "Register model" and `stratus-cli model register` both call.

#include "common/Result.h"
#include "registry/ModelVersion.h"

#include <QVariantMap>

namespace stratus {
class Workspace;
}

namespace stratus::ml {

Result<ModelVersion> registerRunModel(Workspace &workspace, const QString &runId, const QString &name,
                                      const QString &description = {}, const QVariantMap &tags = {});

} // namespace stratus::ml
