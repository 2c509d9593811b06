#include "export/onnx/OnnxExport.h"

#include "export/onnx/FeaturizerGraph.h"
#include "export/onnx/LearnerGraphs.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/ModelStore.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace stratus::onnx {

namespace {

// A StackEnsemble's meta-learner input, as stackFeatures() makes it: per
// member the positive class's probability (two classes) or each class's,
// clamped to [1e-6, 1 - 1e-6], as log-odds; a regression's values as they are.
QString stackFeatures(Graph &g, const QStringList &members, int classes)
{
    QStringList parts;
    for (QString p : members) {
        if (classes == 2)
            p = g.node("Slice", {p, g.int64s({1}, {1}), g.int64s({2}, {1}), g.int64s({1}, {1})}, QStringLiteral("positive"));
        if (classes > 0) {
            p = g.node("Min", {g.node("Max", {p, g.scalar(1e-6)}, QStringLiteral("low")), g.scalar(1 - 1e-6)}, QStringLiteral("clamped"));
            p = g.node("Log", {g.div(p, g.sub(g.scalar(1.0), p))}, QStringLiteral("logit"));
        }
        parts << p;
    }
    return g.cast(g.concat(parts, 1), Float);
}

} // namespace

QString Exported::describe(const QList<std::pair<QString, QString>> &values)
{
    QStringList parts;
    for (const auto &[name, type] : values)
        parts << QStringLiteral("%1 (%2)").arg(name, type);
    return parts.join(QStringLiteral(", "));
}

QStringList exportableAlgorithms()
{
    return learnerGraphAlgorithms() << QStringLiteral("VotingEnsemble") << QStringLiteral("StackEnsemble")
                                    << QStringLiteral("BestOfFamilyEnsemble");
}

Result<Exported> exportPipeline(const QJsonObject &pipelineJson, const QString &modelName)
{
    if (pipelineJson.value(QStringLiteral("task")).toString() == QLatin1String("forecasting"))
        return Error{QStringLiteral("a forecasting model does not export to ONNX: its forecast depends on each series' history "
                                    "(its statistical models are refitted on it; its learners read lags and rolling windows "
                                    "of it), while an ONNX graph maps each row on its own. Export it as a package "
                                    "(--format package) and forecast with stratus-cli forecast")};
    auto pipeline = ml::TrainedPipeline::fromJson(pipelineJson);
    if (!pipeline)
        return pipeline.error();
    const QStringList outputNames = {QStringLiteral("label"), QStringLiteral("probabilities"), QStringLiteral("variable")};
    for (const auto &[name, type] : pipeline->inputColumns()) {
        if (outputNames.contains(name))
            return Error{QStringLiteral("the model reads a column named '%1', which is also the name of an output of the "
                                        "ONNX model (label, probabilities or variable). Rename the column in the data "
                                        "and train again to export it")
                             .arg(name)};
    }
    Graph g;
    Exported exported;
    QHash<QString, QString> inputs; // column -> its double (or string) [N, 1] value
    // Every input carries every value the pipeline accepts, missing included:
    // numbers (integers and booleans too: 1 true, 0 false) as double with NaN
    // for a missing value; categories, text and dates as strings, "" missing.
    for (const auto &[name, type] : pipeline->inputColumns()) {
        const int dataType = isNumericType(type) ? Double : String;
        g.input(valueInfo(name, dataType, {-1, 1}));
        exported.inputs.append({name, dataType == Double ? QStringLiteral("double") : QStringLiteral("string")});
        inputs.insert(name, name);
    }
    const bool regression = pipeline->task() == ml::Task::Regression;
    const int classes = regression ? 0 : int(pipeline->classes().size());
    const bool stacked = pipelineJson.contains(QStringLiteral("meta"));
    QString total;
    QStringList members;
    for (const QJsonValue &v : pipelineJson.value(QStringLiteral("members")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString algorithm = m.value(QStringLiteral("algorithm")).toString();
        if (!learnerGraphAlgorithms().contains(algorithm))
            return Error{QStringLiteral("%1 cannot be exported to ONNX (exportable: %2)")
                             .arg(algorithm, exportableAlgorithms().join(QStringLiteral(", ")))};
        auto x = featurizerGraph(g, m.value(QStringLiteral("featurizer")).toObject(), inputs, algorithm);
        if (!x)
            return x.error();
        auto p = learnerGraph(g, algorithm, QByteArray::fromBase64(m.value(QStringLiteral("model")).toString().toLatin1()), *x);
        if (!p)
            return p.error();
        members << *p;
        if (stacked)
            continue;
        const double weight = m.value(QStringLiteral("weight")).toDouble(1.0);
        const QString weighted = weight == 1.0 ? *p : g.mul(*p, g.scalar(weight));
        total = total.isEmpty() ? weighted : g.add(total, weighted);
    }
    if (members.isEmpty())
        return Error{QStringLiteral("the pipeline has no model")};
    if (stacked) {
        const QJsonObject meta = pipelineJson.value(QStringLiteral("meta")).toObject();
        const QString algorithm = meta.value(QStringLiteral("algorithm")).toString();
        if (!learnerGraphAlgorithms().contains(algorithm))
            return Error{QStringLiteral("StackEnsemble: its meta-learner %1 cannot be exported to ONNX").arg(algorithm)};
        auto p = learnerGraph(g, algorithm, QByteArray::fromBase64(meta.value(QStringLiteral("model")).toString().toLatin1()),
                              stackFeatures(g, members, classes));
        if (!p)
            return Error{QStringLiteral("StackEnsemble: %1").arg(p.message())};
        total = *p;
    }
    total = g.cast(total, Float);
    if (regression) {
        g.nodeTo("Identity", {total}, {QStringLiteral("variable")});
        g.output(valueInfo(QStringLiteral("variable"), Float, {-1, 1}));
        exported.outputs.append({QStringLiteral("variable"), QStringLiteral("float")});
    } else {
        const QString argmax = g.node("ArgMax", {total}, QStringLiteral("argmax"), {attrInt("axis", 1), attrInt("keepdims", 0)});
        g.nodeTo("Gather", {g.strings(pipeline->classes()), argmax}, {QStringLiteral("label")});
        g.nodeTo("Identity", {total}, {QStringLiteral("probabilities")});
        g.output(valueInfo(QStringLiteral("label"), String, {-1}));
        g.output(valueInfo(QStringLiteral("probabilities"), Float, {-1, classes}));
        exported.outputs.append({QStringLiteral("label"), QStringLiteral("string")});
        exported.outputs.append({QStringLiteral("probabilities"),
                                 QStringLiteral("float: %1").arg(pipeline->classes().join(QStringLiteral(", ")))});
    }
    auto bytes = g.model(modelName);
    if (!bytes)
        return bytes.error();
    exported.bytes = *bytes;
    return exported;
}

Result<Exported> exportModel(Workspace &ws, const QString &reference, const QString &path)
{
    auto found = ModelStore(ws).resolveWithPipeline(reference);
    if (!found)
        return found.error();
    auto exported = exportPipeline(found->pipeline, found->version.name);
    if (!exported)
        return Error{QStringLiteral("%1: %2").arg(found->version.reference(), exported.message())};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    file.write(exported->bytes);
    if (!file.commit())
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
    return exported;
}

} // namespace stratus::onnx
