#include "export/ModelPackage.h"

#include "data/store/DatasetStore.h"
#include "ml/model/TrainedPipeline.h"
#include "ml/forecasting/ForecastingModel.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"
#include "workspace/Names.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <dlib/revision.h>
#include <xgboost/c_api.h>

namespace stratus::package {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stratus::package", text);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString typeName(ColumnType t)
{
    switch (t) {
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Decimal: return QStringLiteral("decimal");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::Categorical: return QStringLiteral("categorical");
    case ColumnType::DateTime: return QStringLiteral("datetime");
    default: return QStringLiteral("text");
    }
}

QJsonObject libraries()
{
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return {{QStringLiteral("stratus"), QCoreApplication::applicationVersion()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("xgboost"), QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch)},
            {QStringLiteral("dlib"), QStringLiteral("%1.%2").arg(DLIB_MAJOR_VERSION).arg(DLIB_MINOR_VERSION)}};
}

QString readme(const ModelVersion &v, const ml::TrainedPipeline &p)
{
    return QStringLiteral(
               "Stratus model package: %1 (%2, %3 of '%4').\n"
               "Score a CSV file:   stratus-cli predict --package FILE --input rows.csv --output predictions.csv [--proba]\n"
               "Serve it over HTTP: stratus-cli serve --package FILE   (POST /score with {\"data\": [{...}]})\n"
               "Import it:          stratus-cli model import FILE [--name NAME]\n"
               "The input columns and a sample row are in input_schema and sample; the fitted featurization and model\n"
               "in pipeline (checked against pipeline_sha256); where it came from in lineage.\n")
        .arg(v.reference(), p.algorithm(), p.task() == ml::Task::Classification ? QStringLiteral("classification") : QStringLiteral("regression"),
             p.label());
}

QString forecastReadme(const ModelVersion &v, const ml::forecasting::ForecastingModel &m)
{
    return QStringLiteral(
               "Stratus model package: %1 (%2, forecasting '%3' %4, up to %5 periods ahead).\n"
               "Forecast a CSV file: stratus-cli forecast --package FILE --input future.csv --output forecast.csv [--quantiles 0.1,0.9]\n"
               "Serve it over HTTP:  stratus-cli serve --package FILE   (POST /score with {\"data\": [future rows]})\n"
               "Import it:           stratus-cli model import FILE [--name NAME]\n"
               "The input columns (time, series ids, known-future features) and a sample row are in input_schema and\n"
               "sample; the model and every series' history in pipeline (checked against pipeline_sha256).\n")
        .arg(v.reference(), m.algorithm, m.label, m.frequency.describe())
        .arg(m.horizon);
}

} // namespace

Status exportModel(Workspace &ws, const QString &reference, const QString &path)
{
    auto found = ModelStore(ws).resolveWithPipeline(reference);
    if (!found)
        return found.error();
    const ModelVersion &version = found->version;
    const QJsonObject &pipelineJson = found->pipeline;
    // A forecasting model: its columns are the time, the series ids and the known-future features.
    std::optional<ml::forecasting::ForecastingModel> forecaster;
    std::optional<ml::TrainedPipeline> pipeline;
    if (pipelineJson.value(QStringLiteral("task")).toString() == QLatin1String("forecasting")) {
        auto f = ml::forecasting::ForecastingModel::fromJson(pipelineJson);
        if (!f)
            return Error{tr("%1: the stored model does not load: %2").arg(reference, f.message())};
        forecaster = std::move(*f);
    } else {
        auto loaded = ml::TrainedPipeline::fromJson(pipelineJson);
        if (!loaded)
            return Error{tr("%1: the stored model does not load: %2").arg(reference, loaded.message())};
        pipeline = std::move(*loaded);
    }

    QJsonObject lineage{{QStringLiteral("run_id"), version.properties.value(QStringLiteral("run_id"))},
                        {QStringLiteral("parent_run_id"), version.properties.value(QStringLiteral("parent_run_id"))},
                        {QStringLiteral("experiment"), version.properties.value(QStringLiteral("experiment"))},
                        {QStringLiteral("dataset_version"), version.properties.value(QStringLiteral("dataset_version"))},
                        {QStringLiteral("libraries"), libraries()}};
    if (const QString dataset = version.properties.value(QStringLiteral("dataset_version")).toString(); !dataset.isEmpty())
        if (auto d = DatasetStore(ws).resolve(dataset))
            lineage.insert(QStringLiteral("dataset_hash"), d->contentHash);
    if (const QString parent = version.properties.value(QStringLiteral("parent_run_id")).toString(); !parent.isEmpty())
        if (auto run = RunStore(ws).get(parent))
            lineage.insert(QStringLiteral("seed"), run->config.value(QStringLiteral("seed")));
    if (const QJsonValue inherited = version.properties.value(QStringLiteral("lineage")); inherited.isObject())
        lineage.insert(QStringLiteral("imported_from"), inherited);

    QJsonArray schema;
    QJsonObject sample;
    QString about;
    if (forecaster) {
        for (const auto &[name, type] : forecaster->inputColumns())
            schema.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("type"), typeName(type)}});
        sample = forecaster->sampleRows(1).at(0).toObject();
        about = forecastReadme(version, *forecaster);
    } else {
        for (const auto &[name, type] : pipeline->inputColumns())
            schema.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("type"), typeName(type)}});
        sample = pipeline->sampleRow();
        about = readme(version, *pipeline);
    }
    QJsonObject properties = version.properties;
    properties.remove(QStringLiteral("lineage"));
    const QJsonObject document{
        {QStringLiteral("format"), QString::fromLatin1(kFormat)},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("readme"), about},
        {QStringLiteral("model"), QJsonObject{{QStringLiteral("name"), version.name},
                                              {QStringLiteral("version"), version.version},
                                              {QStringLiteral("description"), version.description},
                                              {QStringLiteral("tags"), QJsonObject::fromVariantMap(version.tags)},
                                              {QStringLiteral("created_at"), version.createdAt.toString(Qt::ISODateWithMs)}}},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("lineage"), lineage},
        {QStringLiteral("input_schema"), schema},
        {QStringLiteral("sample"), sample},
        {QStringLiteral("pipeline"), pipelineJson},
        {QStringLiteral("pipeline_sha256"), QString::fromLatin1(QCryptographicHash::hash(compact(pipelineJson), QCryptographicHash::Sha256).toHex())}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("%1: %2").arg(path, file.errorString())};
    file.write(QJsonDocument(document).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error{tr("%1: %2").arg(path, file.errorString())};
    return {};
}

Result<ModelPackage> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1: %2").arg(path, file.errorString())};
    QJsonParseError problem;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &problem);
    if (problem.error != QJsonParseError::NoError)
        return Error{tr("%1: not a model package (invalid JSON at offset %2: %3)").arg(path).arg(problem.offset).arg(problem.errorString())};
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return Error{tr("%1: not a model package (\"format\" is not \"%2\")").arg(path, QString::fromLatin1(kFormat))};
    if (o.value(QStringLiteral("format_version")).toInt() != kFormatVersion)
        return Error{tr("%1: format_version %2 is not one this Stratus reads (%3)")
                         .arg(path)
                         .arg(o.value(QStringLiteral("format_version")).toInt())
                         .arg(kFormatVersion)};
    ModelPackage p;
    const QJsonObject model = o.value(QStringLiteral("model")).toObject();
    p.name = model.value(QStringLiteral("name")).toString();
    p.version = model.value(QStringLiteral("version")).toInt();
    p.description = model.value(QStringLiteral("description")).toString();
    p.tags = model.value(QStringLiteral("tags")).toObject().toVariantMap();
    p.properties = o.value(QStringLiteral("properties")).toObject();
    p.lineage = o.value(QStringLiteral("lineage")).toObject();
    p.pipeline = o.value(QStringLiteral("pipeline")).toObject();
    const QString expected = o.value(QStringLiteral("pipeline_sha256")).toString();
    if (QString::fromLatin1(QCryptographicHash::hash(compact(p.pipeline), QCryptographicHash::Sha256).toHex()) != expected)
        return Error{tr("%1: pipeline: its SHA-256 does not match pipeline_sha256 (the file was changed or damaged)").arg(path)};
    if (p.pipeline.value(QStringLiteral("task")).toString() == QLatin1String("forecasting")) {
        auto f = ml::forecasting::ForecastingModel::fromJson(p.pipeline);
        if (!f)
            return Error{tr("%1: pipeline: %2").arg(path, f.message())};
        p.forecaster = std::make_shared<const ml::forecasting::ForecastingModel>(std::move(*f));
        return p;
    }
    auto loaded = ml::TrainedPipeline::fromJson(p.pipeline);
    if (!loaded)
        return Error{tr("%1: pipeline: %2").arg(path, loaded.message())};
    p.fitted = std::make_shared<const ml::TrainedPipeline>(std::move(*loaded));
    return p;
}

Result<ModelVersion> importPackage(Workspace &ws, const QString &path, const QString &name)
{
    auto p = read(path);
    if (!p)
        return p.error();
    const QString target = name.isEmpty() ? p->name : name;
    if (Status s = names::checkModelName(target); !s)
        return s.error();
    QJsonObject properties = p->properties;
    QJsonObject lineage = p->lineage;
    lineage.insert(QStringLiteral("package"), QStringLiteral("%1:%2").arg(p->name).arg(p->version));
    properties.insert(QStringLiteral("lineage"), lineage);
    return ModelStore(ws).registerPipeline(target, compact(p->pipeline), properties, p->description, p->tags);
}

} // namespace stratus::package

namespace stratus {


} // namespace stratus
