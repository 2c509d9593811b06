// `stratus-cli pipeline schedule|publish|triggers|unschedule|scheduler`: what
// starts pipeline runs by itself, and the process that fires it.
#include "Commands.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "Signals.h"
#include "pipeline/PipelineScheduler.h"
#include "pipeline/Triggers.h"
#include "registry/TriggerStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace stratus::cli {

using namespace stratus::pipeline;

int pipelineTriggerCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    const QString target = args.positionals().value(2);
    const bool json = args.flag(QStringLiteral("json"));
    TriggerStore triggers(ws);
    if (command == QLatin1String("schedule") && args.positionals().size() == 3) {
        const int kinds = int(args.has(QStringLiteral("every"))) + int(args.has(QStringLiteral("on-dataset"))) + int(args.has(QStringLiteral("on-folder")));
        if (kinds != 1)
            return fail(QStringLiteral("pipeline schedule NAME takes one of --every N(m|h|d|w) [--at HH:MM,..] [--missed run_once|skip], "
                                       "--on-dataset DATASET [--param-name P], --on-folder PATH [--pattern GLOB] [--param-name P]"),
                        Usage);
        QString error;
        TriggerRequest request;
        request.pipeline = target;
        request.kind = args.has(QStringLiteral("every")) ? QStringLiteral("schedule") : args.has(QStringLiteral("on-dataset")) ? QStringLiteral("dataset") : QStringLiteral("folder");
        request.every = args.value(QStringLiteral("every"));
        request.at = args.value(QStringLiteral("at"));
        request.missed = args.value(QStringLiteral("missed"));
        request.dataset = args.value(QStringLiteral("on-dataset"));
        request.folder = args.value(QStringLiteral("on-folder"));
        request.pattern = args.value(QStringLiteral("pattern"), QStringLiteral("*.csv"));
        request.parameterName = args.value(QStringLiteral("param-name"));
        request.parameters = pipelineParameters(args, &error);
        request.experiment = args.value(QStringLiteral("experiment"));
        if (!error.isEmpty())
            return fail(error, Usage);
        QString note;
        auto made = createTrigger(ws, request, &note);
        if (!made)
            return fail(made.message(), Usage);
        if (json) {
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("trigger_id"), made->id}, {QStringLiteral("kind"), made->kind},
                                                {QStringLiteral("settings"), made->settings}, {QStringLiteral("state"), made->state}}));
        } else {
            if (!note.isEmpty())
                out() << "Note: " << note << '\n';
            out() << QStringLiteral("Trigger %1 of %2: %3. It fires while the studio or `stratus-cli pipeline scheduler` runs.")
                         .arg(made->id)
                         .arg(made->pipeline, describeTrigger(*made))
                  << '\n';
        }
        return Ok;
    }
    if (command == QLatin1String("publish") && args.positionals().size() == 3) {
        QString error;
        const int port = args.has(QStringLiteral("port")) ? args.integer(QStringLiteral("port"), &error).value_or(-1) : 0;
        auto published = publishPipeline(ws, target, args.value(QStringLiteral("host"), QStringLiteral("127.0.0.1")), port,
                                         args.value(QStringLiteral("auth")) != QLatin1String("none"));
        if (!published)
            return fail(published.message(), Usage);
        if (json) {
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("trigger_id"), published->trigger.id},
                                                {QStringLiteral("uri"), published->uri + QStringLiteral("/run")},
                                                {QStringLiteral("key"), published->key}}));
        } else {
            out() << QStringLiteral("Published %1: POST %2/run (GET %2/runs/RUN_ID for a run's status), served while `stratus-cli pipeline scheduler` or the studio runs.")
                         .arg(published->trigger.pipeline, published->uri)
                  << '\n';
            if (!published->key.isEmpty())
                out() << "Key: " << published->key << '\n';
        }
        return Ok;
    }
    if (command == QLatin1String("triggers") && args.positionals().size() <= 3) {
        auto all = triggers.list(target);
        if (!all)
            return fail(all.message());
        QJsonArray rows;
        for (const PipelineTrigger &t : *all) {
            QJsonObject settings = t.settings;
            if (settings.contains(QStringLiteral("key")) && !settings.value(QStringLiteral("key")).toString().isEmpty())
                settings.insert(QStringLiteral("key"), QStringLiteral("(set)"));
            rows.append(QJsonObject{{QStringLiteral("trigger_id"), t.id}, {QStringLiteral("pipeline"), t.pipeline}, {QStringLiteral("kind"), t.kind},
                                    {QStringLiteral("settings"), settings}, {QStringLiteral("state"), t.state}, {QStringLiteral("description"), describeTrigger(t)}});
        }
        if (json) {
            printJson(QJsonDocument(rows));
            return Ok;
        }
        if (rows.isEmpty())
            out() << "No triggers. Add one with: stratus-cli pipeline schedule NAME --every 1d --at 02:00\n";
        for (const PipelineTrigger &t : *all)
            out() << QStringLiteral("%1  %2  %3  %4").arg(t.id).arg(t.pipeline, t.kind, describeTrigger(t)) << '\n';
        return Ok;
    }
    if (command == QLatin1String("unschedule") && args.positionals().size() == 3) {
        bool ok = false;
        const qint64 id = target.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("pipeline unschedule TRIGGER_ID (pipeline triggers lists them)"), Usage);
        if (Status s = triggers.remove(id); !s)
            return fail(s.message());
        out() << QStringLiteral("Removed trigger %1.").arg(id) << '\n';
        return Ok;
    }
    if (command == QLatin1String("scheduler") && args.positionals().size() == 2) {
        PipelineScheduler scheduler(ws);
        QObject::connect(&scheduler, &PipelineScheduler::message, [](const QString &line) {
            out() << line << '\n';
            out().flush();
        });
        if (Status s = scheduler.start(); !s)
            return fail(s.message());
        out() << QStringLiteral("Scheduler of %1 running (Ctrl+C to stop).").arg(ws.path()) << '\n';
        out().flush();
        scheduler.tick();
        quitOnSignals(&scheduler);
        QCoreApplication::exec();
        out() << "Stopping: canceling the runs still going.\n";
        out().flush();
        scheduler.stop();
        return Ok;
    }
    return fail(QStringLiteral("usage: pipeline schedule NAME (--every N(m|h|d|w) [--at HH:MM,..] [--missed run_once|skip] | --on-dataset D | "
                               "--on-folder PATH [--pattern GLOB]) [--param-name P] [--param k=v ..] | publish NAME [--port P] [--host ADDR] "
                               "[--auth none] | triggers [NAME] | unschedule TRIGGER_ID | scheduler"),
                Usage);
}

} // namespace stratus::cli
