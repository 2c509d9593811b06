#pragma once
// StepKinds: the catalogue of built-in pipeline steps, with their typed
// inputs and outputs and the settings each takes. Port types:
//   dataset   a registered dataset version ("name:version")
//   model     a model: a registered version ("name:version") or a run's ("run:RUN_ID")
//   endpoint  an endpoint's name
//   metrics   a JSON object of metric: value
//   file      a file's path
//   any       (a command's inputs) whatever is bound
//
// The kinds (Azure ML's names where it has the step):
//   import       a file, or the newest file of a folder matching `pattern`, into a new
//                version of `dataset`                               -> dataset
//   transform    select, drop or rename columns, filter rows, drop rows with missing
//                values, split by fraction or by time (dataset <- input) -> dataset, test
//   automl       an Automated ML run (AutoMLConfig's settings; forecasting takes
//                Azure's ForecastingParameters under `forecasting`) -> best_model, metrics
//   evaluate     a model scored on a labelled dataset            -> metrics (and the step
//                run's "curves" artifact: ROC, precision-recall, calibration, lift, gains)
//   compare      continue only when `model` beats a reference (a registered model's
//                latest version or what an endpoint serves) on a metric by a margin -> model
//   register     a model registered as a new version of `name`   -> model
//   deploy       an endpoint created, or a running one switched, to the model -> endpoint
//   batch_score  a dataset scored by a model, into a new dataset version (and a CSV) -> scored
//   command      a program run with inputs as files and parameters as arguments
//                (Azure's command job / PythonScriptStep); declared outputs collected

#include <QList>
#include <QString>
#include <QStringList>

namespace stratus::pipeline {

struct Port {
    QString name;
    QString type;          // dataset, model, endpoint, metrics, file, any
    bool optional = false; // an input that may be left unbound
};

struct SettingSpec {
    QString name;
    QString type; // string, number, integer, boolean, list, object
    bool required = false;
    QString description;
};

struct StepKind {
    QString name;
    QString description;
    QList<Port> inputs;  // a command's inputs are free: any name, type any
    QList<Port> outputs; // a command's come from its `outputs` setting
    QList<SettingSpec> settings;
    bool freeInputs = false;

    const Port *input(const QString &name) const;
    const Port *output(const QString &name) const;
    const SettingSpec *setting(const QString &name) const;
};

const QList<StepKind> &stepKinds();
const StepKind *stepKind(const QString &name);
QStringList stepKindNames();
// Whether an output of type `from` may feed an input of type `to`.
bool portTypesMatch(const QString &from, const QString &to);

} // namespace stratus::pipeline
