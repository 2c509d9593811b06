#include "pipeline/steps/StepContext.h"

#include "data/import/DatasetImport.h"
#include "data/store/DatasetStore.h"
#include "pipeline/steps/Steps.h"

#include <QJsonDocument>

namespace stratus::pipeline {

QJsonObject StepValue::toJson() const
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("value"), value}, {QStringLiteral("hash"), hash}};
}

StepValue StepValue::fromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("type")).toString(), o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("hash")).toString()};
}

QJsonObject StepValue::metrics() const
{
    return QJsonDocument::fromJson(value.toUtf8()).object();
}

QString StepContext::text(const QString &setting, const QString &fallback) const
{
    const QJsonValue v = settings.value(setting);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return fallback;
}

Result<QString> stepFingerprint(const StepContext &c)
{
    if (c.kind == QLatin1String("import"))
        return steps::importFingerprint(c);
    if (c.kind == QLatin1String("command"))
        return steps::commandFingerprint(c);
    return QString();
}

Result<StepResult> runStep(StepContext &c)
{
    using Function = Result<StepResult> (*)(StepContext &);
    static const QHash<QString, Function> functions = {
        {QStringLiteral("import"), &steps::importStep},       {QStringLiteral("transform"), &steps::transformStep},
        {QStringLiteral("automl"), &steps::automlStep},       {QStringLiteral("evaluate"), &steps::evaluateStep},
        {QStringLiteral("compare"), &steps::compareStep},     {QStringLiteral("register"), &steps::registerStep},
        {QStringLiteral("deploy"), &steps::deployStep},       {QStringLiteral("batch_score"), &steps::batchScoreStep},
        {QStringLiteral("command"), &steps::commandStep}};
    const Function f = functions.value(c.kind);
    if (!f)
        return Error{QStringLiteral("unknown step type '%1'").arg(c.kind)};
    return f(c);
}

namespace steps {

QVariantMap lineageTags(const StepContext &c)
{
    return {{QStringLiteral("pipeline_run"), c.pipelineRunId}, {QStringLiteral("pipeline_step"), c.stepName}};
}

StepValue datasetValue(const DatasetVersion &version)
{
    return {QStringLiteral("dataset"), version.reference(), version.contentHash};
}

Result<DataTable> loadDataset(const StepContext &c, const QString &reference)
{
    DatasetStore store(c.workspace);
    auto version = store.resolve(reference);
    if (!version)
        return version.error();
    return store.loadTable(*version);
}

Result<StepValue> registerTable(const StepContext &c, const QString &name, const DataTable &table, const QString &description)
{
    RegisterRequest request;
    request.name = name;
    request.description = description;
    request.tags = lineageTags(c);
    auto registered = registerDataTable(c.workspace, table, request);
    if (!registered)
        return registered.error();
    return datasetValue(registered->version);
}

} // namespace steps

} // namespace stratus::pipeline
