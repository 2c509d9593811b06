#pragma once
// Pipeline: a named workflow of steps, as Azure ML's v2 pipeline job
// describes one (https://learn.microsoft.com/azure/machine-learning/
// reference-yaml-job-pipeline): pipeline parameters (`inputs`, Azure's
// PipelineParameter) and steps (`jobs`), each of a kind of StepKinds.h with
// its settings and its inputs bound to a pipeline parameter or to another
// step's output:
//
//   name: retrain
//   inputs:
//     folder: {type: string, default: incoming}
//   jobs:
//     import:
//       type: import
//       path: ${{parent.inputs.folder}}
//       dataset: heart-failure
//     train:
//       type: automl
//       inputs:
//         training_data: ${{parent.jobs.import.outputs.dataset}}
//       task: classification
//       label: DEATH_EVENT
//
// A setting's text may hold ${{parent.inputs.NAME}} anywhere (replaced by
// the parameter's value for the run); a whole setting that is only such a
// reference takes the parameter's type. PipelineYaml reads and writes this
// form; validate() (PipelineValidation.h) checks it against the catalogue.

#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace stratus::pipeline {

// A pipeline parameter (Azure's PipelineParameter): string, number, integer or boolean.
struct Parameter {
    QString name;
    QString type = QStringLiteral("string");
    QJsonValue defaultValue; // Undefined: the run must set it
    QString description;
};

struct Step {
    QString name;   // unique in the pipeline: [A-Za-z_][A-Za-z0-9_-]*
    QString kind;   // StepKinds.h: import, transform, automl, ...
    QString displayName;
    QJsonObject settings;         // the kind's settings, as written (references unresolved)
    QMap<QString, QString> inputs; // input port -> "${{parent.jobs.S.outputs.P}}" or "${{parent.inputs.N}}"
    bool allowReuse = true;       // Azure's allow_reuse: an unchanged step reuses its earlier outputs
    int line = 0;                 // where the step starts in its file (0: not read from one)
    QHash<QString, int> fieldLines; // each setting's line ("inputs.PORT" for an input), when read from a file
};

struct Pipeline {
    QString name;
    QString description;
    QList<Parameter> parameters;
    QList<Step> steps; // in the file's order

    const Step *step(const QString &name) const;
    const Parameter *parameter(const QString &name) const;
};

// A parsed input binding: a step's output or a pipeline parameter.
struct Binding {
    enum class Kind { StepOutput, Parameter, Invalid } kind = Kind::Invalid;
    QString step, name; // step and output, or the parameter's name
};
Binding parseBinding(const QString &text);
QString stepOutputBinding(const QString &step, const QString &output); // "${{parent.jobs.S.outputs.P}}"
QString parameterBinding(const QString &name);                          // "${{parent.inputs.N}}"

// The pipeline as the YAML file's JSON form ({name, description, inputs: {N: {type, default,
// description}}, jobs: {S: {type, display_name, allow_reuse, inputs, ...settings}}}), and back.
// fromJson's errors name the file (`source`), the line when `lines` has it (keys "jobs.S",
// "inputs.N", or a top-level key) and the field.
QJsonObject toJson(const Pipeline &pipeline);
Result<Pipeline> pipelineFromJson(const QJsonObject &json, const QString &source = {}, const QHash<QString, int> &lines = {});
// "source:line: " (or "source: ", or nothing), the start of an error about a place in a file.
QString locate(const QString &source, int line);

} // namespace stratus::pipeline
