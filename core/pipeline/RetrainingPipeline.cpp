#include "pipeline/RetrainingPipeline.h"

#include "data/store/DatasetStore.h"
#include "pipeline/PipelineYaml.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "registry/PipelineStore.h"

#include <QFileInfo>

namespace stratus::pipeline {

namespace {

Step step(const QString &name, const QString &kind, const QJsonObject &settings, const QMap<QString, QString> &inputs = {})
{
    Step s;
    s.name = name;
    s.kind = kind;
    s.settings = settings;
    s.inputs = inputs;
    return s;
}

} // namespace

Result<QByteArray> retrainingPipeline(Workspace &ws)
{
    auto models = ModelStore(ws).list();
    if (!models)
        return models.error();
    if (models->isEmpty())
        return Error{QStringLiteral("register a model first: the pipeline retrains it")};
    const ModelVersion model = models->first();
    const QJsonObject props = model.properties;
    const QString task = props.value(QStringLiteral("task")).toString();
    if (task == QLatin1String("forecasting"))
        return Error{QStringLiteral("%1 is a forecasting model: write its pipeline's automl step with its forecasting settings").arg(model.reference())};
    Pipeline p;
    // A name of its own: an existing pipeline (and the triggers that run it) is never replaced.
    p.name = model.name + QStringLiteral("-retraining");
    for (int n = 2; PipelineStore(ws).resolve(p.name); ++n)
        p.name = QStringLiteral("%1-retraining-%2").arg(model.name).arg(n);
    p.description = QStringLiteral("Retrains %1 on new data and deploys it when it is better (made by the guided workflow)").arg(model.name);
    const QString datasetReference = props.value(QStringLiteral("dataset_version")).toString();
    auto dataset = DatasetStore(ws).resolve(datasetReference.isEmpty() ? model.name : datasetReference);
    QString training;
    if (dataset && !dataset->sourcePath.isEmpty() && QFileInfo(dataset->sourcePath).exists()) {
        p.parameters.append({QStringLiteral("incoming"), QStringLiteral("string"), QFileInfo(dataset->sourcePath).absolutePath(),
                             QStringLiteral("the folder new files arrive in (its newest .csv is imported)")});
        p.steps.append(step(QStringLiteral("import"), QStringLiteral("import"),
                            {{QStringLiteral("path"), parameterBinding(QStringLiteral("incoming"))}, {QStringLiteral("dataset"), dataset->name}}));
        training = stepOutputBinding(QStringLiteral("import"), QStringLiteral("dataset"));
    } else {
        p.parameters.append({QStringLiteral("training_data"), QStringLiteral("string"),
                             dataset ? dataset->name + QStringLiteral(":latest") : datasetReference, QStringLiteral("the dataset to train on")});
        training = parameterBinding(QStringLiteral("training_data"));
    }
    p.steps.append(step(QStringLiteral("split"), QStringLiteral("transform"),
                        {{QStringLiteral("dataset"), (dataset ? dataset->name : model.name) + QStringLiteral("-train")},
                         {QStringLiteral("split_fraction"), 0.8},
                         {QStringLiteral("seed"), 0}},
                        {{QStringLiteral("dataset"), training}}));
    QJsonObject automl{{QStringLiteral("task"), task.isEmpty() ? QStringLiteral("classification") : task},
                       {QStringLiteral("label"), props.value(QStringLiteral("label")).toString()},
                       {QStringLiteral("experiment_timeout_minutes"), 1}};
    if (!props.value(QStringLiteral("primary_metric")).toString().isEmpty())
        automl.insert(QStringLiteral("primary_metric"), props.value(QStringLiteral("primary_metric")).toString());
    p.steps.append(step(QStringLiteral("train"), QStringLiteral("automl"), automl,
                        {{QStringLiteral("training_data"), stepOutputBinding(QStringLiteral("split"), QStringLiteral("dataset"))}}));
    QString endpoint;
    for (const Endpoint &e : EndpointStore(ws).list().value_or(QList<Endpoint>()))
        if (e.model == model.name)
            endpoint = e.name;
    p.steps.append(step(QStringLiteral("compare"), QStringLiteral("compare"),
                        endpoint.isEmpty() ? QJsonObject{{QStringLiteral("reference_model"), model.name}}
                                           : QJsonObject{{QStringLiteral("reference_endpoint"), endpoint}},
                        {{QStringLiteral("model"), stepOutputBinding(QStringLiteral("train"), QStringLiteral("best_model"))},
                         {QStringLiteral("test_data"), stepOutputBinding(QStringLiteral("split"), QStringLiteral("test"))}}));
    p.steps.append(step(QStringLiteral("register"), QStringLiteral("register"), {{QStringLiteral("name"), model.name}},
                        {{QStringLiteral("model"), stepOutputBinding(QStringLiteral("compare"), QStringLiteral("model"))}}));
    if (!endpoint.isEmpty())
        p.steps.append(step(QStringLiteral("deploy"), QStringLiteral("deploy"), {{QStringLiteral("endpoint"), endpoint}},
                            {{QStringLiteral("model"), stepOutputBinding(QStringLiteral("register"), QStringLiteral("model"))}}));
    return writePipelineYaml(p);
}

} // namespace stratus::pipeline
