// `stratus-cli pipeline ...`: pipeline files validated and stored as named,
// versioned definitions; runs started, followed, rerun from the failed step
// and canceled.
#include "Commands.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "Signals.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineValidation.h"
#include "pipeline/PipelineYaml.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QThreadPool>

namespace stratus::cli {

namespace {

using namespace stratus::pipeline;

const char *kUsage =
    "usage: pipeline create FILE [--description TEXT] | validate FILE | list | show NAME[:V] | export NAME[:V] [--output FILE] | "
    "delete NAME | run NAME[:V] [--param k=v ..] [--experiment E] [--wait] | runs NAME | rerun RUN_ID --from-failed [--wait] | "
    "cancel RUN_ID | status RUN_ID | logs RUN_ID [STEP] | schedule NAME .. | publish NAME | triggers [NAME] | unschedule ID | scheduler   (--json on each)";

// The problems of a file, printed one a line; 0 when there are none.
int printProblems(const QList<Problem> &problems, const QString &source)
{
    for (const Problem &p : problems)
        err() << "stratus-cli: " << p.text(source) << '\n';
    return problems.isEmpty() ? Ok : Failed;
}

QList<Run> pipelineRuns(Workspace &ws, const QString &name)
{
    QList<Run> out;
    for (const Run &r : RunStore(ws).list().value_or(QList<Run>()))
        if (r.kind == QLatin1String("pipeline") && r.algorithm.compare(name, Qt::CaseInsensitive) == 0)
            out.append(r);
    return out;
}

void printRun(const QJsonObject &run)
{
    out() << QStringLiteral("Pipeline run %1 (%2): %3").arg(run.value(QStringLiteral("run_id")).toString(), run.value(QStringLiteral("pipeline")).toString(),
                                                           run.value(QStringLiteral("status")).toString())
          << '\n';
    for (const QJsonValue &v : run.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString detail = s.value(QStringLiteral("error")).toString().isEmpty() ? s.value(QStringLiteral("summary")).toString() : s.value(QStringLiteral("error")).toString();
        out() << QStringLiteral("  %1 %2 %3 %4s  %5")
                     .arg(s.value(QStringLiteral("step")).toString(), -14)
                     .arg(s.value(QStringLiteral("type")).toString(), -11)
                     .arg(s.value(QStringLiteral("status")).toString(), -10)
                     .arg(s.value(QStringLiteral("duration_seconds")).toDouble(), 6, 'f', 1)
                     .arg(detail)
              << '\n';
    }
    if (!run.value(QStringLiteral("error")).toString().isEmpty())
        out() << "  " << run.value(QStringLiteral("error")).toString() << '\n';
}

// Runs a prepared run here (--wait), printing each step's change, or hands it to a process of its own.
int execute(Workspace &ws, PipelineRunner &runner, const CliArgs &args)
{
    const bool json = args.flag(QStringLiteral("json"));
    if (!args.flag(QStringLiteral("wait"))) {
        QProcess process;
        process.setProgram(QCoreApplication::applicationFilePath());
        process.setArguments({QStringLiteral("--workspace"), ws.path(), QStringLiteral("pipeline"), QStringLiteral("execute"), runner.runId()});
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        qint64 pid = 0;
        if (!process.startDetached(&pid))
            return fail(QStringLiteral("the pipeline run %1 could not be started in the background").arg(runner.runId()));
        // Wait until that process has taken the run over (its owner), so that this one's exit does not leave it looking interrupted.
        const QString me = RunStore::currentOwner();
        for (int i = 0; i < 200; ++i) {
            auto run = RunStore(ws).get(runner.runId());
            if (run && (run->owner != me || isTerminal(run->status)))
                break;
            QThread::msleep(100);
        }
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("run_id"), runner.runId()}, {QStringLiteral("status"), QStringLiteral("NotStarted")}}));
        else
            out() << QStringLiteral("Pipeline run %1 started (process %2); follow it with: stratus-cli pipeline status %1").arg(runner.runId()).arg(pid) << '\n';
        return Ok;
    }
    if (!json) {
        out() << QStringLiteral("Pipeline run %1 started.").arg(runner.runId()) << '\n';
        out().flush();
        runner.onEvent = [](const StepEvent &e) {
            out() << QStringLiteral("  %1 %2%3").arg(e.step, -14).arg(e.status).arg(e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message) << '\n';
            out().flush();
        };
    }
    // Ctrl+C (or SIGTERM) cancels the run: its running steps are told to stop (commands are killed).
    QThreadPool own; // not the global pool: AutoML steps need it for their own work
    own.setMaxThreadCount(1);
    auto future = QtConcurrent::run(&own, [&runner] { return runner.run(); });
    QEventLoop loop;
    QFutureWatcher<QString> watcher;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    onSignals(&loop, [&runner] {
        err() << "stratus-cli: canceling the run\n";
        err().flush();
        runner.cancel();
    });
    if (!future.isFinished())
        loop.exec();
    const QString status = future.result();
    const QJsonObject result = pipelineRunJson(ws, runner.runId());
    if (json)
        printJson(QJsonDocument(result));
    else
        printRun(result);
    return status == QLatin1String("Completed") ? Ok : Failed;
}


} // namespace

QMap<QString, QString> pipelineParameters(const CliArgs &args, QString *error)
{
    QMap<QString, QString> out;
    for (const QString &given : args.values(QStringLiteral("param"))) {
        const qsizetype eq = given.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--param takes NAME=VALUE (got '%1')").arg(given);
            return {};
        }
        out.insert(given.left(eq).trimmed(), given.mid(eq + 1));
    }
    return out;
}

int pipelineCommand(Workspace &ws, const QString &command, const CliArgs &args)
{
    static const QStringList triggerCommands = {QStringLiteral("schedule"), QStringLiteral("publish"), QStringLiteral("triggers"),
                                                QStringLiteral("unschedule"), QStringLiteral("scheduler")};
    if (triggerCommands.contains(command))
        return pipelineTriggerCommand(ws, command, args);
    const QStringList &words = args.positionals();
    const QString target = words.value(2);
    const bool json = args.flag(QStringLiteral("json"));
    PipelineStore store(ws);
    if ((command == QLatin1String("create") || command == QLatin1String("validate")) && words.size() == 3) {
        auto pipeline = readPipelineFile(target);
        if (!pipeline)
            return fail(pipeline.message());
        const QString source = target; // as the user wrote it: the folder too
        if (int code = printProblems(validate(*pipeline), source); code != Ok)
            return code;
        if (command == QLatin1String("validate")) {
            const QStringList order = topologicalOrder(*pipeline);
            if (json)
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("name"), pipeline->name}, {QStringLiteral("valid"), true},
                                                    {QStringLiteral("steps"), QJsonArray::fromStringList(order)}}));
            else
                out() << QStringLiteral("%1: pipeline '%2' is valid: %3").arg(source, pipeline->name, order.join(QStringLiteral(" -> "))) << '\n';
            return Ok;
        }
        QFile f(target);
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: %2").arg(target, f.errorString()));
        auto made = store.create(pipeline->name, args.value(QStringLiteral("description"), pipeline->description), f.readAll(),
                                 QFileInfo(target).absolutePath());
        if (!made)
            return fail(made.message());
        if (json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("name"), made->name}, {QStringLiteral("version"), made->version},
                                                {QStringLiteral("unchanged"), made->unchanged}}));
        else
            out() << (made->unchanged ? QStringLiteral("Pipeline %1 is unchanged (the file is its latest version).") : QStringLiteral("Created pipeline %1."))
                         .arg(made->reference())
                  << '\n';
        return Ok;
    }
    if (command == QLatin1String("list") && words.size() == 2) {
        auto all = store.list();
        if (!all)
            return fail(all.message());
        QJsonArray rows;
        for (const PipelineRecord &r : *all) {
            auto parsed = readPipelineYaml(r.definition, r.reference());
            const QList<Run> runs = pipelineRuns(ws, r.name);
            QJsonObject row{{QStringLiteral("name"), r.name},
                            {QStringLiteral("version"), r.version},
                            {QStringLiteral("versions"), r.versionCount},
                            {QStringLiteral("steps"), parsed ? int(parsed->steps.size()) : 0},
                            {QStringLiteral("description"), r.description}};
            if (!runs.isEmpty())
                row.insert(QStringLiteral("last_run"), QJsonObject{{QStringLiteral("run_id"), runs.first().id},
                                                                    {QStringLiteral("status"), runs.first().displayStatus()},
                                                                    {QStringLiteral("created_at"), runs.first().createdAt.toString(Qt::ISODate)}});
            rows.append(row);
        }
        if (json) {
            printJson(QJsonDocument(rows));
            return Ok;
        }
        if (rows.isEmpty())
            out() << "No pipelines. Create one from a file: stratus-cli pipeline create FILE\n";
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject(), last = o.value(QStringLiteral("last_run")).toObject();
            const int steps = o.value(QStringLiteral("steps")).toInt();
            out() << QStringLiteral("%1:%2  %3  %4").arg(o.value(QStringLiteral("name")).toString()).arg(o.value(QStringLiteral("version")).toInt())
                         .arg(steps == 1 ? QStringLiteral("1 step") : QStringLiteral("%1 steps").arg(steps))
                         .arg(last.isEmpty() ? QStringLiteral("never run") : QStringLiteral("last run %1 %2").arg(last.value(QStringLiteral("run_id")).toString(), last.value(QStringLiteral("status")).toString()))
                  << '\n';
        }
        return Ok;
    }
    if ((command == QLatin1String("show") || command == QLatin1String("export")) && words.size() == 3) {
        auto record = store.resolve(target);
        if (!record)
            return fail(record.message());
        if (command == QLatin1String("export")) {
            if (!args.has(QStringLiteral("output"))) {
                out() << QString::fromUtf8(record->definition);
                return Ok;
            }
            QSaveFile f(args.value(QStringLiteral("output")));
            if (!f.open(QIODevice::WriteOnly) || f.write(record->definition) < 0 || !f.commit())
                return fail(QStringLiteral("%1: %2").arg(f.fileName(), f.errorString()));
            out() << QStringLiteral("Wrote %1 to %2.").arg(record->reference(), f.fileName()) << '\n';
            return Ok;
        }
        auto parsed = readPipelineYaml(record->definition, record->reference());
        if (!parsed)
            return fail(parsed.message());
        if (json) {
            QJsonObject o = toJson(*parsed);
            o.insert(QStringLiteral("version"), record->version);
            o.insert(QStringLiteral("versions"), record->versionCount);
            o.insert(QStringLiteral("created_at"), record->createdAt.toString(Qt::ISODate));
            printJson(QJsonDocument(o));
            return Ok;
        }
        out() << QStringLiteral("Pipeline %1 (%2), created %3")
                     .arg(record->reference(), record->versionCount == 1 ? QStringLiteral("1 version") : QStringLiteral("%1 versions").arg(record->versionCount),
                          record->createdAt.toString(Qt::ISODate))
              << '\n';
        for (const QString &name : topologicalOrder(*parsed)) {
            const Step *s = parsed->step(name);
            QStringList from = upstreamSteps(*s);
            out() << QStringLiteral("  %1 %2%3").arg(name, -14).arg(s->kind, -11).arg(from.isEmpty() ? QString() : QStringLiteral(" after ") + from.join(QStringLiteral(", "))) << '\n';
        }
        return Ok;
    }
    if (command == QLatin1String("delete") && words.size() == 3) {
        if (Status s = store.remove(target); !s)
            return fail(s.message());
        out() << QStringLiteral("Deleted pipeline %1 (its runs are kept).").arg(target) << '\n';
        return Ok;
    }
    if (command == QLatin1String("run") && words.size() == 3) {
        QString error;
        RunRequest request;
        request.pipeline = target;
        request.parameters = pipelineParameters(args, &error);
        if (!error.isEmpty())
            return fail(error, Usage);
        request.experiment = args.value(QStringLiteral("experiment"));
        PipelineRunner runner(ws, request);
        if (auto prepared = runner.prepare(); !prepared)
            return fail(prepared.message());
        return execute(ws, runner, args);
    }
    if (command == QLatin1String("rerun") && words.size() == 3) {
        if (!args.flag(QStringLiteral("from-failed")))
            return fail(QStringLiteral("pipeline rerun RUN_ID --from-failed: the steps that completed keep their outputs, the rest run again"), Usage);
        RunRequest request;
        request.rerunOf = target;
        PipelineRunner runner(ws, request);
        if (auto prepared = runner.prepare(); !prepared)
            return fail(prepared.message());
        return execute(ws, runner, args);
    }
    if (command == QLatin1String("execute") && words.size() == 3) {
        PipelineRunner runner(ws, RunRequest{});
        if (Status s = runner.attach(target); !s)
            return fail(s.message());
        return runner.run() == QLatin1String("Completed") ? Ok : Failed;
    }
    if ((command == QLatin1String("status") || command == QLatin1String("cancel")) && words.size() == 3) {
        auto run = RunStore(ws).get(target);
        if (!run || run->kind != QLatin1String("pipeline"))
            return fail(run ? QStringLiteral("%1 is not a pipeline run").arg(target) : run.message());
        if (command == QLatin1String("cancel")) {
            if (isTerminal(run->status))
                return fail(QStringLiteral("the pipeline run %1 already ended %2").arg(target, runStatusName(run->status)));
            if (Status s = RunStore(ws).setStatus(target, RunStatus::Canceled, QStringLiteral("canceled by the user")); !s)
                return fail(s.message());
            out() << QStringLiteral("Canceling pipeline run %1: the running steps are told to stop.").arg(target) << '\n';
            return Ok;
        }
        const QJsonObject result = pipelineRunJson(ws, target);
        if (json)
            printJson(QJsonDocument(result));
        else
            printRun(result);
        return Ok;
    }
    if (command == QLatin1String("logs") && (words.size() == 3 || words.size() == 4)) {
        // A run's step logs: one step's, or every step's in order.
        const QJsonObject run = pipelineRunJson(ws, target);
        if (run.isEmpty())
            return fail(QStringLiteral("%1 is not a pipeline run (pipeline runs NAME lists them)").arg(target));
        bool found = false;
        for (const QJsonValue &v : run.value(QStringLiteral("steps")).toArray()) {
            const QString step = v[QStringLiteral("step")].toString();
            if (words.size() == 4 && step != words[3])
                continue;
            found = true;
            out() << QStringLiteral("== %1 (%2): %3").arg(step, v[QStringLiteral("type")].toString(), v[QStringLiteral("status")].toString()) << '\n';
            out() << QString::fromUtf8(RunStore(ws).artifact(v[QStringLiteral("run_id")].toString(), QStringLiteral("log")).value_or(QByteArray()));
        }
        if (!found)
            return fail(QStringLiteral("the run %1 has no step '%2'").arg(target, words.value(3)));
        return Ok;
    }
    if (command == QLatin1String("runs") && words.size() == 3) {
        QJsonArray rows;
        for (const Run &r : pipelineRuns(ws, target))
            rows.append(QJsonObject{{QStringLiteral("run_id"), r.id},
                                    {QStringLiteral("pipeline"), r.config.value(QStringLiteral("pipeline"))},
                                    {QStringLiteral("status"), r.displayStatus()},
                                    {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate)},
                                    {QStringLiteral("duration_seconds"), r.durationSeconds()},
                                    {QStringLiteral("error"), r.error}});
        if (json) {
            printJson(QJsonDocument(rows));
            return Ok;
        }
        if (rows.isEmpty())
            out() << QStringLiteral("The pipeline %1 has no runs.").arg(target) << '\n';
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            out() << QStringLiteral("%1  %2  %3  %4").arg(o.value(QStringLiteral("run_id")).toString(), o.value(QStringLiteral("pipeline")).toString(),
                                                          o.value(QStringLiteral("status")).toString(), o.value(QStringLiteral("created_at")).toString())
                  << '\n';
        }
        return Ok;
    }
    return fail(QString::fromLatin1(kUsage), Usage);
}

} // namespace stratus::cli
