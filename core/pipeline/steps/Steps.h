#pragma once
// The built-in steps' code, one function per kind (StepKinds.h says what
// each takes and gives), and what they share: reading and registering
// datasets with the lineage tags that name the pipeline run and step.

#include "data/DataTable.h"
#include "data/store/DatasetVersion.h"
#include "pipeline/steps/StepContext.h"

#include <QVariantMap>

namespace stratus::pipeline::steps {

Result<StepResult> importStep(StepContext &context);
Result<QString> importFingerprint(const StepContext &context);
Result<StepResult> transformStep(StepContext &context);
Result<StepResult> automlStep(StepContext &context);
Result<StepResult> evaluateStep(StepContext &context);
Result<StepResult> compareStep(StepContext &context);
Result<StepResult> registerStep(StepContext &context);
Result<StepResult> deployStep(StepContext &context);
Result<StepResult> batchScoreStep(StepContext &context);
Result<StepResult> commandStep(StepContext &context);
// The contents of the program and of every file the command's words name (a script, its
// configuration): a step whose script changed runs again instead of being reused.
Result<QString> commandFingerprint(const StepContext &context);

// {pipeline_run, pipeline_step}: what every output records of the run and step that made it.
QVariantMap lineageTags(const StepContext &context);
StepValue datasetValue(const DatasetVersion &version);
// A dataset input ("name:version") loaded whole.
Result<DataTable> loadDataset(const StepContext &context, const QString &reference);
// `table` registered as a new version of `name`, tagged with the lineage.
Result<StepValue> registerTable(const StepContext &context, const QString &name, const DataTable &table, const QString &description);

} // namespace stratus::pipeline::steps
