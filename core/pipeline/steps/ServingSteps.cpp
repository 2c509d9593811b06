// The serving steps: deploy (an endpoint created, or an existing one pointed
// at the new model version, its URI and keys kept) and batch_score (a dataset
// scored into a new dataset version, and a CSV when asked).
#include "pipeline/steps/Steps.h"

#include "export/BatchScoring.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/EndpointStore.h"

#include <QDir>

namespace stratus::pipeline::steps {

Result<StepResult> deployStep(StepContext &c)
{
    const QString model = c.inputs.value(QStringLiteral("model")).value;
    if (model.startsWith(QLatin1String("run:")))
        return Error{QStringLiteral("inputs.model: an endpoint serves a registered model; register %1 first (a register step)").arg(model)};
    const QString name = c.text(QStringLiteral("endpoint"));
    EndpointStore endpoints(c.workspace);
    StepResult r;
    if (auto existing = endpoints.get(name)) {
        const QString before = existing->modelReference();
        if (Status s = endpoints.setModel(name, model, lineageTags(c)); !s)
            return s.error();
        r.summary = QStringLiteral("endpoint %1 switched from %2 to %3 (%4)%5")
                        .arg(name, before, model, existing->scoringUri(),
                             existing->state == EndpointState::Healthy ? QStringLiteral(": its server loads the new version and answers with it next")
                                                                       : QStringLiteral("; it is %1: start it in the studio's Endpoints screen or with stratus-cli serve --endpoint %2")
                                                                             .arg(endpointStateName(existing->state), name));
    } else {
        EndpointRequest request;
        request.name = name;
        request.model = model;
        request.port = c.settings.value(QStringLiteral("port")).toInt(0);
        request.keyAuth = c.text(QStringLiteral("auth"), QStringLiteral("key")) != QLatin1String("none");
        request.description = QStringLiteral("deployed by pipeline run %1").arg(c.pipelineRunId);
        request.tags = lineageTags(c);
        auto made = endpoints.create(request);
        if (!made)
            return made.error();
        if (Status s = endpoints.setShouldRun(name, true); !s)
            return s.error();
        r.summary = QStringLiteral("endpoint %1 created for %2 (%3); it starts with the studio (Endpoints), or run stratus-cli serve --endpoint %1")
                        .arg(name, model, made->scoringUri());
    }
    r.outputs.insert(QStringLiteral("endpoint"), {QStringLiteral("endpoint"), name, name + QLatin1Char('@') + model});
    return r;
}

Result<StepResult> batchScoreStep(StepContext &c)
{
    const QString model = c.inputs.value(QStringLiteral("model")).value;
    auto pipeline = model.startsWith(QLatin1String("run:")) ? ml::TrainedPipeline::fromRun(c.workspace, model.mid(4))
                                                            : ml::TrainedPipeline::fromModel(c.workspace, model);
    if (!pipeline)
        return pipeline.error();
    const QString dataset = c.inputs.value(QStringLiteral("dataset")).value;
    auto table = loadDataset(c, dataset);
    if (!table)
        return table.error();
    auto scored = batch::score(*pipeline, std::move(*table));
    if (!scored)
        return Error{QStringLiteral("%1: %2").arg(dataset, scored.message())};
    const QString name = dataset.left(dataset.lastIndexOf(QLatin1Char(':'))) + QStringLiteral("-scored");
    auto stored = registerTable(c, name, *scored, QStringLiteral("%1 scored by %2 in pipeline run %3").arg(dataset, model, c.pipelineRunId));
    if (!stored)
        return stored.error();
    StepResult r;
    r.outputs.insert(QStringLiteral("scored"), *stored);
    r.summary = QStringLiteral("%1 rows of %2 scored by %3 into %4").arg(scored->rowCount).arg(dataset, model, stored->value);
    if (c.settings.contains(QStringLiteral("output_path"))) {
        if (Status s = batch::writeCsv(*scored, QDir(c.baseFolder).filePath(c.text(QStringLiteral("output_path")))); !s)
            return Error{QStringLiteral("output_path: %1 (the scored rows are registered as %2)").arg(s.message(), stored->value)};
        r.summary += QStringLiteral(" and ") + c.text(QStringLiteral("output_path"));
    }
    return r;
}

} // namespace stratus::pipeline::steps
