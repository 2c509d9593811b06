#pragma once
// Naming rules of workspace objects, following Azure ML's. Each check returns
// an Error whose message states the rule, so the user knows how to fix it.

#include "common/Result.h"

#include <optional>

#include <QStringList>

namespace stratus::names {

// Experiments: 3-36 characters, starting with a letter or digit; letters,
// digits, '_' and '-'.
Status checkExperimentName(const QString &name);

// Compute profiles (Azure's cluster rule): 2-16 characters, starting with a
// letter; letters, digits and hyphens.
Status checkComputeName(const QString &name);

// Datasets: 1-64 characters, starting with a letter or digit; letters,
// digits, '_', '-' and '.'.
Status checkDatasetName(const QString &name);

// Models (Azure's rule): 1-255 characters, starting with a letter or digit;
// letters, digits, '_', '-' and '.'.
Status checkModelName(const QString &name);

// Endpoints (Azure's rule for online endpoints): 3-32 characters, starting
// with a letter; letters, digits and hyphens.
Status checkEndpointName(const QString &name);

// A dataset name made from a file's name ("heart failure.csv" ->
// "heart-failure"), valid by checkDatasetName; `fallback` when nothing is left.
QString datasetNameFromFile(const QString &path, const QString &fallback = QStringLiteral("dataset"));

// An endpoint name for a model ("heart-failure-model:3" ->
// "heart-failure-model-3"), valid by checkEndpointName and readable: runs of
// other characters become one hyphen, never a hyphen at either end, the
// version kept (the name is shortened for it, between words when it can),
// and "-2", "-3", ... added until it is not in `taken` (compared without
// case). "endpoint-<version>" when too little of the name is left.
QString endpointNameForModel(const QString &modelReference, const QStringList &taken = {});

// A reference to a version of a named thing (dataset, model, pipeline):
// "NAME", "NAME:latest" or "NAME:3". version 0 means the latest.
struct VersionReference {
    QString name;
    int version = 0;
};
// nullopt when the part after the last colon is neither "latest" nor a number >= 1.
std::optional<VersionReference> parseVersionReference(const QString &reference);

} // namespace stratus::names
