#include "pipeline/StepKinds.h"

namespace stratus::pipeline {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

SettingSpec setting(const char *name, const char *type, bool required, const char *description)
{
    return {s(name), s(type), required, s(description)};
}

QList<StepKind> makeKinds()
{
    QList<StepKind> kinds;
    kinds.append({s("import"),
                  s("A file, or the newest file of a folder, into a new version of a dataset"),
                  {},
                  {{s("dataset"), s("dataset")}},
                  {setting("path", "string", true, "a CSV file, or a folder whose newest file matching pattern is imported"),
                   setting("dataset", "string", true, "the dataset the file becomes a new version of"),
                   setting("pattern", "string", false, "with a folder: the file names to consider (default *.csv)"),
                   setting("delimiter", "string", false, "comma, tab, semicolon, pipe or a character (default: sniffed)"),
                   setting("description", "string", false, "the new version's description")}});
    kinds.append({s("transform"),
                  s("Select, drop or rename columns, filter rows, drop missing values, split into two datasets"),
                  {{s("dataset"), s("dataset")}},
                  {{s("dataset"), s("dataset")}, {s("test"), s("dataset"), true}},
                  {setting("dataset", "string", true, "the dataset the result becomes a new version of"),
                   setting("select", "list", false, "the columns to keep, in this order"),
                   setting("drop", "list", false, "columns to leave out"),
                   setting("rename", "object", false, "old name: new name"),
                   setting("filter", "string", false, "rows to keep: COLUMN OP VALUE, OP one of == != < <= > >="),
                   setting("drop_missing", "boolean", false, "leave out rows with a missing value"),
                   setting("split_fraction", "number", false, "the share of rows in `dataset`; the rest go to `test`"),
                   setting("split_time_column", "string", false, "split by this column's order (the latest rows to test)"),
                   setting("seed", "integer", false, "the random split's seed (default 0)"),
                   setting("test_dataset", "string", false, "the dataset `test` becomes a new version of (default: <dataset>-test)")}});
    kinds.append({s("automl"),
                  s("An Automated ML run; its best model and metrics"),
                  {{s("training_data"), s("dataset")}},
                  {{s("best_model"), s("model")}, {s("metrics"), s("metrics")}},
                  {setting("task", "string", true, "classification, regression or forecasting"),
                   setting("label", "string", true, "the label column"),
                   setting("primary_metric", "string", false, "the metric the run optimizes (Azure's names)"),
                   setting("experiment", "string", false, "the experiment of the run (default: the pipeline run's)"),
                   setting("experiment_timeout_minutes", "number", false, "the run's budget"),
                   setting("max_trials", "integer", false, "at most this many trials"),
                   setting("n_cross_validations", "integer", false, "folds (default: by row count)"),
                   setting("allowed_models", "list", false, "algorithms to try"),
                   setting("blocked_models", "list", false, "algorithms not to try"),
                   setting("enable_ensembles", "boolean", false, "the VotingEnsemble and StackEnsemble (default true)"),
                   setting("seed", "integer", false, "the search's seed"),
                   setting("compute", "string", false, "the compute profile (default local)"),
                   setting("forecasting", "object", false, "Azure's ForecastingParameters (time_column_name, forecast_horizon, ...)")}});
    kinds.append({s("evaluate"),
                  s("A model scored on a labelled dataset"),
                  {{s("model"), s("model")}, {s("test_data"), s("dataset")}},
                  {{s("metrics"), s("metrics")}},
                  {}});
    kinds.append({s("compare"),
                  s("Continue only when the model beats a reference by a margin"),
                  {{s("model"), s("model")}, {s("test_data"), s("dataset")}},
                  {{s("model"), s("model")}},
                  {setting("reference_model", "string", false, "a registered model: its latest version is the reference"),
                   setting("reference_endpoint", "string", false, "an endpoint: the model it serves is the reference"),
                   setting("metric", "string", false, "the metric compared (default: the model's primary metric)"),
                   setting("margin", "number", false, "how much better the model must be (default 0)")}});
    kinds.append({s("register"),
                  s("Register a model as a new version"),
                  {{s("model"), s("model")}},
                  {{s("model"), s("model")}},
                  {setting("name", "string", true, "the model's name"),
                   setting("description", "string", false, "the version's description"),
                   setting("tags", "object", false, "the version's tags")}});
    kinds.append({s("deploy"),
                  s("Create an endpoint, or switch a running endpoint to the model"),
                  {{s("model"), s("model")}},
                  {{s("endpoint"), s("endpoint")}},
                  {setting("endpoint", "string", true, "the endpoint's name"),
                   setting("port", "integer", false, "a new endpoint's port (default: a free one)"),
                   setting("auth", "string", false, "a new endpoint's authentication: key (default) or none")}});
    kinds.append({s("batch_score"),
                  s("A dataset scored by a model into a new dataset version"),
                  {{s("model"), s("model")}, {s("dataset"), s("dataset")}},
                  {{s("scored"), s("dataset")}},
                  {setting("output_path", "string", false, "also write the scored rows to this CSV file")}});
    StepKind command{s("command"),
                     s("A program run with the inputs as files and the parameters as arguments"),
                     {},
                     {},
                     {setting("command", "string", true, "the program and its arguments; ${{inputs.X}} and ${{outputs.Y}} are replaced by paths"),
                      setting("outputs", "object", false, "output name: file or dataset (a CSV the program writes, registered)"),
                      setting("timeout_seconds", "integer", false, "stop the program after this long (default: none)")}};
    command.freeInputs = true;
    kinds.append(command);
    return kinds;
}

} // namespace

const Port *StepKind::input(const QString &port) const
{
    for (const Port &p : inputs)
        if (p.name == port)
            return &p;
    return nullptr;
}

const Port *StepKind::output(const QString &port) const
{
    for (const Port &p : outputs)
        if (p.name == port)
            return &p;
    return nullptr;
}

const SettingSpec *StepKind::setting(const QString &key) const
{
    for (const SettingSpec &p : settings)
        if (p.name == key)
            return &p;
    return nullptr;
}

const QList<StepKind> &stepKinds()
{
    static const QList<StepKind> kinds = makeKinds();
    return kinds;
}

const StepKind *stepKind(const QString &name)
{
    for (const StepKind &k : stepKinds())
        if (k.name == name)
            return &k;
    return nullptr;
}

QStringList stepKindNames()
{
    QStringList names;
    for (const StepKind &k : stepKinds())
        names << k.name;
    return names;
}

bool portTypesMatch(const QString &from, const QString &to)
{
    return from == to || from == QLatin1String("any") || to == QLatin1String("any");
}

} // namespace stratus::pipeline
