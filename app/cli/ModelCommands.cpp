#include "CliOutput.h"
#include "Commands.h"
#include "data/store/DatasetStore.h"
#include "export/ModelPackage.h"
#include "export/onnx/OnnxExport.h"
#include "ml/automl/ModelRegistration.h"
#include "registry/ModelStore.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace stratus::cli {

namespace {

QJsonObject toJson(const ModelVersion &v)
{
    return {{QStringLiteral("name"), v.name},
            {QStringLiteral("version"), v.version},
            {QStringLiteral("run_id"), v.runId.isEmpty() ? QJsonValue() : QJsonValue(v.runId)},
            {QStringLiteral("description"), v.description},
            {QStringLiteral("tags"), QJsonObject::fromVariantMap(v.tags)},
            {QStringLiteral("properties"), v.properties},
            {QStringLiteral("created_at"), v.createdAt.toString(Qt::ISODateWithMs)}};
}

QString primaryScore(const ModelVersion &v)
{
    const QString metric = v.properties.value(QStringLiteral("primary_metric")).toString();
    const QJsonValue value = v.properties.value(QStringLiteral("metrics")).toObject().value(metric);
    return value.isDouble() ? QStringLiteral("%1 %2").arg(metric).arg(value.toDouble(), 0, 'f', 4) : QString();
}

} // namespace

int modelCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    ModelStore store(ws);
    const QStringList &pos = args.positionals();
    const bool asJson = args.flag(QStringLiteral("json"));
    if (command == QLatin1String("register")) {
        if (!onlyOptions(args, {QStringLiteral("run"), QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("tags")})
            || pos.size() != 2 || !args.has(QStringLiteral("run")) || !args.has(QStringLiteral("name")))
            return fail(QStringLiteral("usage: model register --run RUN_ID --name NAME [--description TEXT] [--tags k=v,..]"), Usage);
        auto tags = parseTags(args.value(QStringLiteral("tags")));
        if (!tags)
            return fail(QStringLiteral("--tags: ") + tags.message(), Usage);
        auto v = ml::registerRunModel(ws, args.value(QStringLiteral("run")), args.value(QStringLiteral("name")),
                                     args.value(QStringLiteral("description")), *tags);
        if (!v)
            return fail(v.message());
        if (asJson)
            printJson(QJsonDocument(toJson(*v)));
        else
            out() << QStringLiteral("Registered model %1 from run %2 (%3).")
                         .arg(v->reference(), v->runId, v->properties.value(QStringLiteral("algorithm")).toString())
                  << '\n';
        return Ok;
    }
    if (command == QLatin1String("list")) {
        if (!onlyOptions(args, {}) || pos.size() != 2)
            return fail(QStringLiteral("usage: model list [--json]"), Usage);
        auto list = store.list();
        if (!list)
            return fail(list.message());
        if (asJson) {
            QJsonArray array;
            for (const ModelVersion &v : *list)
                array.append(toJson(v));
            printJson(QJsonDocument(array));
            return Ok;
        }
        QList<QStringList> rows;
        for (const ModelVersion &v : *list)
            rows << QStringList{v.name, QString::number(v.version), v.properties.value(QStringLiteral("algorithm")).toString(),
                                primaryScore(v), v.runId, v.createdAt.toLocalTime().toString(Qt::ISODate)};
        printTable({QStringLiteral("NAME"), QStringLiteral("VERSION"), QStringLiteral("ALGORITHM"),
                    QStringLiteral("PRIMARY METRIC"), QStringLiteral("RUN"), QStringLiteral("CREATED")},
                   rows);
        return Ok;
    }
    if (command == QLatin1String("show") || command == QLatin1String("delete")) {
        if (!onlyOptions(args, {}) || pos.size() != 3)
            return fail(QStringLiteral("usage: model %1 NAME[:VERSION]").arg(command), Usage);
        if (command == QLatin1String("delete")) {
            if (!pos[2].contains(QLatin1Char(':')) || pos[2].endsWith(QLatin1String(":latest")))
                return fail(QStringLiteral("name the version to delete: model delete NAME:VERSION"), Usage);
            if (Status s = store.remove(pos[2]); !s)
                return fail(s.message());
            out() << QStringLiteral("Deleted model %1.").arg(pos[2]) << '\n';
            return Ok;
        }
        auto v = store.resolve(pos[2]);
        if (!v)
            return fail(v.message());
        if (asJson) {
            printJson(QJsonDocument(toJson(*v)));
            return Ok;
        }
        out() << QStringLiteral("Model %1\n  algorithm: %2\n  task: %3 (label '%4')\n  %5\n  run: %6 (experiment %7)\n"
                                "  trained on: dataset %8\n  description: %9\n")
                     .arg(v->reference(), v->properties.value(QStringLiteral("algorithm")).toString(),
                          v->properties.value(QStringLiteral("task")).toString(),
                          v->properties.value(QStringLiteral("label")).toString(), primaryScore(*v),
                          !v->runId.isEmpty() ? v->runId
                          : v->properties.contains(QStringLiteral("lineage"))
                              ? QStringLiteral("%1 in another workspace (imported from package %2)")
                                    .arg(v->properties.value(QStringLiteral("run_id")).toString(),
                                         v->properties.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("package")).toString())
                              : QStringLiteral("(deleted)"),
                          v->properties.value(QStringLiteral("experiment")).toString(),
                          v->properties.value(QStringLiteral("dataset_version")).toString(), v->description);
        return Ok;
    }
    if (command == QLatin1String("export")) {
        if (!onlyOptions(args, {QStringLiteral("format"), QStringLiteral("output")}) || pos.size() != 3
            || !args.has(QStringLiteral("output")))
            return fail(QStringLiteral("usage: model export NAME[:V] --format package|onnx --output FILE"), Usage);
        const QString format = args.value(QStringLiteral("format"), QStringLiteral("package"));
        if (format == QLatin1String("onnx")) {
            auto exported = onnx::exportModel(ws, pos[2], args.value(QStringLiteral("output")));
            if (!exported)
                return fail(exported.message());
            if (asJson) {
                auto list = [](const QList<std::pair<QString, QString>> &values) {
                    QJsonArray a;
                    for (const auto &[name, type] : values)
                        a.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("type"), type}});
                    return a;
                };
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("model"), pos[2]},
                                                    {QStringLiteral("format"), format},
                                                    {QStringLiteral("output"), args.value(QStringLiteral("output"))},
                                                    {QStringLiteral("inputs"), list(exported->inputs)},
                                                    {QStringLiteral("outputs"), list(exported->outputs)}}));
                return Ok;
            }
            out() << QStringLiteral("Exported model %1 to %2 (ONNX: one input per column, outputs \"label\" and \"probabilities\", "
                                    "or \"variable\" for regression).")
                         .arg(pos[2], args.value(QStringLiteral("output")))
                  << '\n'
                  << QStringLiteral("Inputs, shape [rows, 1]: %1").arg(onnx::Exported::describe(exported->inputs)) << '\n'
                  << QStringLiteral("(numbers, whole numbers and booleans as 1/0 are doubles, NaN when missing; categories and "
                                    "text are strings, empty when missing)")
                  << '\n'
                  << QStringLiteral("Outputs: %1").arg(onnx::Exported::describe(exported->outputs)) << '\n';
            return Ok;
        }
        if (format != QLatin1String("package"))
            return fail(QStringLiteral("--format: package or onnx, not '%1'").arg(format), Usage);
        if (Status s = package::exportModel(ws, pos[2], args.value(QStringLiteral("output"))); !s)
            return fail(s.message());
        auto p = package::read(args.value(QStringLiteral("output")));
        if (!p)
            return fail(p.message());
        if (asJson)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("%1:%2").arg(p->name).arg(p->version)},
                                                {QStringLiteral("format"), format},
                                                {QStringLiteral("output"), args.value(QStringLiteral("output"))},
                                                {QStringLiteral("algorithm"), p->properties.value(QStringLiteral("algorithm"))},
                                                {QStringLiteral("lineage"), p->lineage}}));
        else
            out() << QStringLiteral("Exported model %1:%2 (%3) to %4: featurization, model, input schema with a sample, "
                                    "metrics and lineage.")
                         .arg(p->name)
                         .arg(p->version)
                         .arg(p->properties.value(QStringLiteral("algorithm")).toString(), args.value(QStringLiteral("output")))
                  << '\n';
        return Ok;
    }
    if (command == QLatin1String("import")) {
        if (!onlyOptions(args, {QStringLiteral("name")}) || pos.size() != 3)
            return fail(QStringLiteral("usage: model import FILE [--name NAME]"), Usage);
        auto v = package::importPackage(ws, pos[2], args.value(QStringLiteral("name")));
        if (!v)
            return fail(v.message());
        if (asJson)
            printJson(QJsonDocument(toJson(*v)));
        else
            out() << QStringLiteral("Imported %1 as model %2 (%3).")
                         .arg(pos[2], v->reference(), v->properties.value(QStringLiteral("algorithm")).toString())
                  << '\n';
        return Ok;
    }
    return fail(QStringLiteral("unknown command 'model %1' (use register, list, show, delete, export or import)").arg(command), Usage);
}

} // namespace stratus::cli
