#pragma once
// PipelineValidation: what `stratus-cli pipeline validate`, `create` and a
// run check before anything runs, against the step catalogue (StepKinds.h):
// unknown step types, unknown, missing or mistyped settings, references to
// parameters that are not declared, inputs left unbound or bound to an output
// that does not exist or has another type, and cycles. Each problem names the
// step, the field and, for a pipeline read from a file, the step's line.

#include "pipeline/Pipeline.h"
#include "pipeline/StepKinds.h"

#include <QList>
#include <QStringList>

namespace stratus::pipeline {

struct Problem {
    QString step;  // empty: the pipeline itself
    QString field; // "type", "inputs.training_data", a setting's name
    QString message;
    int line = 0;

    // "retrain.yaml:12: step 'train', field 'labl': not a setting of automl (did you mean 'label'?)"
    QString text(const QString &source = {}) const;
};

QList<Problem> validate(const Pipeline &pipeline);

// The steps in an order where each comes after the steps it reads from
// (the file's order among independent ones). requires: validate() found no cycle.
QStringList topologicalOrder(const Pipeline &pipeline);
// The steps `step` reads outputs of.
QStringList upstreamSteps(const Step &step);
// A step's outputs: its kind's, or a command's declared `outputs`.
QList<Port> stepOutputs(const Step &step);

} // namespace stratus::pipeline
