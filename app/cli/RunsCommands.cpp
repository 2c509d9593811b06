#include "CliOutput.h"
#include "Commands.h"
#include "ml/automl/ChildRunModels.h"
#include "ml/automl/CompletedTrialEnsembles.h"
#include "ml/automl/Recommendation.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace stratus::cli {

namespace {

QJsonObject runJson(const Run &r)
{
    QJsonObject metrics;
    for (auto it = r.metrics.cbegin(); it != r.metrics.cend(); ++it)
        metrics.insert(it.key(), std::isfinite(it.value()) ? QJsonValue(it.value()) : QJsonValue());
    return {{QStringLiteral("run_id"), r.id},
            {QStringLiteral("experiment"), r.experiment},
            {QStringLiteral("parent_run_id"), r.parentId.isEmpty() ? QJsonValue() : QJsonValue(r.parentId)},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("status"), runStatusName(r.status)},
            {QStringLiteral("algorithm"), r.algorithm},
            {QStringLiteral("error"), r.error},
            {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("started_at"), r.startedAt.isValid() ? QJsonValue(r.startedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("ended_at"), r.endedAt.isValid() ? QJsonValue(r.endedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("duration_seconds"), r.durationSeconds()},
            {QStringLiteral("config"), r.config},
            {QStringLiteral("metrics"), metrics}};
}

QString primary(const Run &r)
{
    return r.config.value(QStringLiteral("primary_metric")).toString();
}

} // namespace

int runsCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    RunStore store(ws);
    const bool asJson = args.flag(QStringLiteral("json"));
    if (command == QLatin1String("list")) {
        if (!onlyOptions(args, {QStringLiteral("experiment")}) || args.positionals().size() != 2)
            return fail(QStringLiteral("usage: runs list [--experiment NAME] [--json]"), Usage);
        auto runs = store.list(args.value(QStringLiteral("experiment")));
        if (!runs)
            return fail(runs.message());
        if (asJson) {
            QJsonArray a;
            for (const Run &r : *runs)
                a.append(runJson(r));
            printJson(QJsonDocument(a));
            return Ok;
        }
        QList<QStringList> rows;
        for (const Run &r : *runs) {
            auto full = store.get(r.id);
            const QString metric = primary(r);
            rows << QStringList{r.id, r.experiment, runStatusName(r.status), metric,
                                full && full->metrics.contains(metric) ? QString::number(full->metrics.value(metric), 'f', 4) : QString(),
                                QString::number(r.durationSeconds(), 'f', 1)};
        }
        printTable({QStringLiteral("RUN"), QStringLiteral("EXPERIMENT"), QStringLiteral("STATUS"),
                    QStringLiteral("PRIMARY METRIC"), QStringLiteral("BEST"), QStringLiteral("SECONDS")},
                   rows);
        return Ok;
    }
    if (command == QLatin1String("show")) {
        if (!onlyOptions(args, {}) || args.positionals().size() != 3)
            return fail(QStringLiteral("usage: runs show RUN_ID [--json]"), Usage);
        auto run = store.get(args.positionals()[2]);
        if (!run)
            return fail(run.message());
        auto children = store.children(run->id);
        if (!children)
            return fail(children.message());
        if (asJson) {
            QJsonObject o = runJson(*run);
            QJsonArray a;
            for (const Run &c : *children)
                a.append(runJson(c));
            o.insert(QStringLiteral("children"), a);
            printJson(QJsonDocument(o));
            return Ok;
        }
        out() << QStringLiteral("Run         %1\nExperiment  %2\nStatus      %3%4\nDuration    %5 s\n")
                     .arg(run->id, run->experiment, runStatusName(run->status),
                          run->error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(run->error))
                     .arg(run->durationSeconds(), 0, 'f', 1);
        if (!run->algorithm.isEmpty())
            out() << QStringLiteral("Algorithm   %1\n").arg(run->algorithm);
        for (auto it = run->metrics.cbegin(); it != run->metrics.cend(); ++it)
            out() << QStringLiteral("  %1 %2\n").arg(it.key(), -34).arg(it.value(), 0, 'g', 6);
        if (!children->isEmpty()) {
            const QString metric = primary(*run);
            QList<QStringList> rows;
            for (const Run &c : *children)
                rows << QStringList{c.id, c.algorithm, runStatusName(c.status),
                                    c.metrics.contains(metric) ? QString::number(c.metrics.value(metric), 'f', 4) : QString(),
                                    QString::number(c.durationSeconds(), 'f', 1)};
            out() << '\n';
            printTable({QStringLiteral("CHILD RUN"), QStringLiteral("ALGORITHM"), QStringLiteral("STATUS"), metric,
                        QStringLiteral("SECONDS")},
                       rows);
        }
        out().flush();
        return Ok;
    }
    if (command == QLatin1String("explain")) {
        if (!onlyOptions(args, {}) || args.positionals().size() != 3)
            return fail(QStringLiteral("usage: runs explain RUN_ID [--json]"), Usage);
        auto importance = ml::explainChildRun(ws, args.positionals().at(2));
        if (!importance)
            return fail(importance.message());
        if (args.flag(QStringLiteral("json"))) {
            printJson(QJsonDocument(*importance));
            return Ok;
        }
        QList<QStringList> rows;
        for (const QJsonValue &v : *importance) {
            const QJsonObject o = v.toObject();
            rows << QStringList{o.value(QStringLiteral("column")).toString(),
                                QString::number(o.value(QStringLiteral("importance")).toDouble(), 'f', 4),
                                QString::number(o.value(QStringLiteral("std")).toDouble(), 'f', 4)};
        }
        printTable({QStringLiteral("COLUMN"), QStringLiteral("IMPORTANCE"), QStringLiteral("STD")}, rows);
        return Ok;
    }
    if (command == QLatin1String("ensemble")) {
        if (!onlyOptions(args, {}) || args.positionals().size() != 3)
            return fail(QStringLiteral("usage: runs ensemble RUN_ID [--json]"), Usage);
        const QString id = args.positionals().at(2);
        auto chosen = ml::ensembleCompletedTrials(ws, id);
        if (!chosen)
            return fail(chosen.message());
        const auto parent = store.get(id);
        const auto children = store.children(id);
        if (!parent || !children)
            return fail(!parent ? parent.message() : children.message());
        const ml::Recommendation rec = ml::recommendation(*parent, *children);
        if (asJson) {
            QJsonArray built;
            for (const Run &c : *children)
                if (c.kind == QLatin1String("ensemble"))
                    built.append(runJson(c));
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("run_id"), id},
                                                {QStringLiteral("ensembles"), built},
                                                {QStringLiteral("best_child_run_id"), rec.runId},
                                                {QStringLiteral("recommendation"), rec.sentence}}));
            return Ok;
        }
        const QString metric = primary(*parent);
        QList<QStringList> rows;
        for (const Run &c : *children)
            if (c.kind == QLatin1String("ensemble"))
                rows << QStringList{c.id, c.algorithm, QString::number(c.metrics.value(metric, std::nan("")), 'f', 4)};
        printTable({QStringLiteral("CHILD RUN"), QStringLiteral("ALGORITHM"), metric}, rows);
        out() << rec.sentence << '\n';
        return Ok;
    }
    return fail(QStringLiteral("unknown command 'runs %1' (use list, show, explain or ensemble)").arg(command), Usage);
}

} // namespace stratus::cli
