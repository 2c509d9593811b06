#pragma once
// ModelPackage: a registered model version as one portable file that runs
// without the workspace it came from. A JSON document holding:
//   format, format_version          "stratus-model-package", 1
//   readme                          what it is and how to use it, for people
//   model                           name, version, description, tags, created_at
//   properties                      algorithm, task, label, classes, primary metric, metrics
//   lineage                         run, AutoML run, experiment, dataset version and its
//                                   content hash, seed, library versions
//   input_schema, sample            the columns (name, type) and a sample row
//   pipeline                        featurization and model (an ensemble's members and
//                                   weights), exactly as the registry stores it
//   pipeline_sha256                 checked on reading: a damaged file is refused
// read() checks the format and that the pipeline loads; importPackage()
// registers it as a new version (under its name or another), lineage kept.

#include "common/Result.h"
#include "registry/ModelVersion.h"

#include <QJsonObject>
#include <memory>

namespace stratus {

class Workspace;
namespace ml {
class TrainedPipeline;
namespace forecasting {
class ForecastingModel;
}
}

struct ModelPackage {
    QString name;
    int version = 0;
    QString description;
    QVariantMap tags;
    QJsonObject properties;
    QJsonObject lineage;
    QJsonObject pipeline;
    // The pipeline loaded, ready to predict (read() loads it to check it);
    // null for a forecasting model, which loads as `forecaster` instead.
    std::shared_ptr<const ml::TrainedPipeline> fitted;
    std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster;
};

namespace package {

constexpr const char *kFormat = "stratus-model-package";
constexpr int kFormatVersion = 1;

Status exportModel(Workspace &workspace, const QString &reference, const QString &path);
Result<ModelPackage> read(const QString &path);
// A new version of `name` (empty: the package's own name).
Result<ModelVersion> importPackage(Workspace &workspace, const QString &path, const QString &name = {});

} // namespace package

} // namespace stratus
