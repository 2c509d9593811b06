// `stratus-cli pipeline schedule|publish|triggers|unschedule|scheduler`: what
// starts pipeline runs by itself, and the process that fires it.
#include "Commands.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "Signals.h"
#include "data/store/DatasetStore.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineScheduler.h"
#include "pipeline/PipelineYaml.h"
#include "pipeline/Schedule.h"
#include "registry/Endpoint.h"
#include "registry/EndpointStore.h"
#include "registry/PipelineStore.h"
#include "registry/TriggerStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace stratus::cli {

namespace {

using namespace stratus::pipeline;

QJsonObject parameterObject(const CliArgs &args, QString *error)
{
    QJsonObject out;
    const QMap<QString, QString> given = pipelineParameters(args, error);
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QString describe(const PipelineTrigger &t)
{
    const QString error = t.state.value(QStringLiteral("last_error")).toString();
    const QString failing = error.isEmpty() ? QString() : QStringLiteral("; its last firing failed: ") + error;
    if (t.kind == QLatin1String("schedule")) {
        auto s = Schedule::fromJson(t.settings);
        const QDateTime due = QDateTime::fromString(t.state.value(QStringLiteral("next_due")).toString(), Qt::ISODateWithMs);
        // Overdue: no scheduler has run since that time; the next one reports it as missed.
        const QString when = !due.isValid() ? QStringLiteral("(when the scheduler starts)")
                             : due < QDateTime::currentDateTime().addSecs(-60)
                                 ? QStringLiteral("%1, overdue: no scheduler is running").arg(due.toString(Qt::ISODate))
                                 : due.toString(Qt::ISODate);
        return QStringLiteral("%1, next %2%3%4")
                   .arg(s ? s->describe() : QStringLiteral("?"), when,
                        t.state.value(QStringLiteral("missed")).toInt()
                            ? QStringLiteral(", %1 missed in all (last from %2)")
                                  .arg(t.state.value(QStringLiteral("missed")).toInt())
                                  .arg(t.state.value(QStringLiteral("last_missed_at")).toString())
                            : QString())
               + failing;
    }
    if (t.kind == QLatin1String("dataset"))
        return QStringLiteral("on a new version of %1 (last seen %2)").arg(t.settings.value(QStringLiteral("dataset")).toString()).arg(t.state.value(QStringLiteral("last_version")).toInt())
               + failing;
    if (t.kind == QLatin1String("folder"))
        return QStringLiteral("on a new file in %1 (%2)").arg(t.settings.value(QStringLiteral("folder")).toString(), t.settings.value(QStringLiteral("pattern")).toString())
               + failing;
    return QStringLiteral("POST http://%1:%2/run%3")
        .arg(t.settings.value(QStringLiteral("host")).toString())
        .arg(t.settings.value(QStringLiteral("port")).toInt())
        .arg(t.settings.value(QStringLiteral("key")).toString().isEmpty() ? QStringLiteral(" (no key)") : QString());
}

} // namespace

int pipelineTriggerCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    const QString target = args.positionals().value(2);
    const bool json = args.flag(QStringLiteral("json"));
    TriggerStore triggers(ws);
    if (command == QLatin1String("schedule") && args.positionals().size() == 3) {
        auto record = PipelineStore(ws).resolve(target);
        if (!record)
            return fail(record.message());
        QString error;
        QJsonObject settings{{QStringLiteral("parameters"), parameterObject(args, &error)}};
        if (!error.isEmpty())
            return fail(error, Usage);
        // What every firing would refuse is refused now.
        auto definition = readPipelineYaml(record->definition, record->reference());
        if (!definition)
            return fail(definition.message());
        QMap<QString, QString> given = pipelineParameters(args, &error);
        if (args.has(QStringLiteral("param-name"))) {
            const Parameter *p = definition->parameter(args.value(QStringLiteral("param-name")));
            if (!p)
                return fail(QStringLiteral("--param-name: the pipeline %1 has no parameter '%2'").arg(record->reference(), args.value(QStringLiteral("param-name"))), Usage);
            if (p->type != QLatin1String("string"))
                return fail(QStringLiteral("--param-name: '%1' is a %2 parameter; the trigger gives it text (a dataset version or a file)").arg(p->name, p->type), Usage);
            given.insert(p->name, QStringLiteral("x")); // given by the trigger at each firing
        }
        if (auto values = parameterValues(*definition, given, record->reference()); !values)
            return fail(values.message(), Usage);
        if (args.has(QStringLiteral("experiment")))
            settings.insert(QStringLiteral("experiment"), args.value(QStringLiteral("experiment")));
        const int kinds = int(args.has(QStringLiteral("every"))) + int(args.has(QStringLiteral("on-dataset"))) + int(args.has(QStringLiteral("on-folder")));
        if (kinds != 1)
            return fail(QStringLiteral("pipeline schedule NAME takes one of --every N(m|h|d|w) [--at HH:MM,..] [--missed run_once|skip], "
                                       "--on-dataset DATASET [--param-name P], --on-folder PATH [--pattern GLOB] [--param-name P]"),
                        Usage);
        QString kind;
        QJsonObject state;
        if (args.has(QStringLiteral("every"))) {
            kind = QStringLiteral("schedule");
            auto s = Schedule::parse(args.value(QStringLiteral("every")), args.value(QStringLiteral("at")), args.value(QStringLiteral("missed")), QDateTime::currentDateTime());
            if (!s)
                return fail(QStringLiteral("--") + s.message(), Usage);
            const QJsonObject schedule = s->toJson();
            for (auto it = schedule.begin(); it != schedule.end(); ++it)
                settings.insert(it.key(), it.value());
            state.insert(QStringLiteral("next_due"), s->nextFire(QDateTime::currentDateTime()).toString(Qt::ISODateWithMs));
        } else if (args.has(QStringLiteral("on-dataset"))) {
            kind = QStringLiteral("dataset");
            auto d = DatasetStore(ws).resolve(args.value(QStringLiteral("on-dataset")) + QStringLiteral(":latest"));
            if (!d && !json)
                out() << QStringLiteral("Note: there is no dataset '%1' yet; its first version will start a run.").arg(args.value(QStringLiteral("on-dataset"))) << '\n';
            settings.insert(QStringLiteral("dataset"), args.value(QStringLiteral("on-dataset")));
            state.insert(QStringLiteral("last_version"), d ? d->version : 0); // versions to come start runs, not those there now
        } else {
            kind = QStringLiteral("folder");
            const QFileInfo folder(args.value(QStringLiteral("on-folder")));
            if (!folder.isDir())
                return fail(QStringLiteral("--on-folder: '%1' is not a folder").arg(args.value(QStringLiteral("on-folder"))), Usage);
            settings.insert(QStringLiteral("folder"), folder.absoluteFilePath());
            settings.insert(QStringLiteral("pattern"), args.value(QStringLiteral("pattern"), QStringLiteral("*.csv")));
            state = PipelineScheduler::folderTriggerState(folder.absoluteFilePath(), settings.value(QStringLiteral("pattern")).toString());
        }
        if (args.has(QStringLiteral("param-name")))
            settings.insert(QStringLiteral("parameter"), args.value(QStringLiteral("param-name")));
        auto made = triggers.create(PipelineStore(ws).resolve(target)->name, kind, settings, state);
        if (!made)
            return fail(made.message());
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("trigger_id"), made->id}, {QStringLiteral("kind"), kind},
                                                {QStringLiteral("settings"), made->settings}, {QStringLiteral("state"), made->state}}));
        else
            out() << QStringLiteral("Trigger %1 of %2: %3. It fires while the studio or `stratus-cli pipeline scheduler` runs.")
                         .arg(made->id)
                         .arg(made->pipeline, describe(*made))
                  << '\n';
        return Ok;
    }
    if (command == QLatin1String("publish") && args.positionals().size() == 3) {
        auto p = PipelineStore(ws).resolve(target);
        if (!p)
            return fail(p.message());
        QString error;
        const int port = args.has(QStringLiteral("port")) ? args.integer(QStringLiteral("port"), &error).value_or(-1) : 0;
        if (port < 0 || port > 65535)
            return fail(QStringLiteral("--port: a port number from 1 to 65535"), Usage);
        const QString host = args.value(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        if (QHostAddress(host).isNull())
            return fail(QStringLiteral("--host: '%1' is not an IP address").arg(host), Usage);
        const bool keys = args.value(QStringLiteral("auth")) != QLatin1String("none");
        const QString key = keys ? QString::fromLatin1(generateEndpointKey()) : QString();
        QJsonObject settings{{QStringLiteral("host"), host},
                             {QStringLiteral("port"), port ? port : EndpointStore::freePort(host)},
                             {QStringLiteral("key"), key}};
        auto made = triggers.create(p->name, QStringLiteral("published"), settings);
        if (!made)
            return fail(made.message());
        const QString uri = QStringLiteral("http://%1:%2").arg(host).arg(settings.value(QStringLiteral("port")).toInt());
        if (json) {
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("trigger_id"), made->id}, {QStringLiteral("uri"), uri + QStringLiteral("/run")}, {QStringLiteral("key"), key}}));
        } else {
            out() << QStringLiteral("Published %1: POST %2/run (GET %2/runs/RUN_ID for a run's status), served while `stratus-cli pipeline scheduler` runs.")
                         .arg(p->name, uri)
                  << '\n';
            if (keys)
                out() << "Key: " << key << '\n';
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
                                    {QStringLiteral("settings"), settings}, {QStringLiteral("state"), t.state}, {QStringLiteral("description"), describe(t)}});
        }
        if (json) {
            printJson(QJsonDocument(rows));
            return Ok;
        }
        if (rows.isEmpty())
            out() << "No triggers. Add one with: stratus-cli pipeline schedule NAME --every 1d --at 02:00\n";
        for (const PipelineTrigger &t : *all)
            out() << QStringLiteral("%1  %2  %3  %4").arg(t.id).arg(t.pipeline, t.kind, describe(t)) << '\n';
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
