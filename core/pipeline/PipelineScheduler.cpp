#include "pipeline/PipelineScheduler.h"

#include "data/store/DatasetStore.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/Schedule.h"
#include "pipeline/TriggerServer.h"
#include "registry/RunStore.h"
#include "registry/TriggerStore.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QSet>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus::pipeline {

namespace {

// A schedule's time is missed when the scheduler comes to it more than this late.
constexpr int kGraceSeconds = 60;

QMap<QString, QString> parametersOf(const QJsonObject &settings)
{
    QMap<QString, QString> out;
    const QJsonObject given = settings.value(QStringLiteral("parameters")).toObject();
    for (auto it = given.begin(); it != given.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace

PipelineScheduler::PipelineScheduler(Workspace &workspace, Clock clock, QObject *parent)
    : QObject(parent), m_ws(workspace), m_clock(std::move(clock))
{
    m_pool.setMaxThreadCount(2);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

PipelineScheduler::~PipelineScheduler()
{
    stop();
}

QDateTime PipelineScheduler::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTime();
}

Status PipelineScheduler::start(int tickMs)
{
    TriggerStore triggers(m_ws);
    auto leased = triggers.acquireLease();
    if (!leased)
        return leased.error();
    if (!*leased)
        return Error{QStringLiteral("another scheduler runs this workspace's pipelines (the studio or stratus-cli pipeline scheduler)")};
    m_leased = true;
    syncPublished();
    if (tickMs > 0)
        m_timer.start(tickMs);
    return {};
}

void PipelineScheduler::syncPublished()
{
    auto all = TriggerStore(m_ws).list();
    if (!all)
        return;
    QSet<qint64> published;
    for (const PipelineTrigger &t : *all) {
        if (t.kind != QLatin1String("published"))
            continue;
        published.insert(t.id);
        if (m_servers.contains(t.id))
            continue;
        const QString pipeline = t.pipeline;
        auto server = std::make_shared<TriggerServer>(
            pipeline, t.settings.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1")), t.settings.value(QStringLiteral("port")).toInt(),
            t.settings.value(QStringLiteral("key")).toString().toUtf8(),
            [this, pipeline](const QMap<QString, QString> &parameters, const QString &experiment) {
                return startRun(pipeline, parameters, experiment, QStringLiteral("its REST trigger was called"));
            },
            [this, pipeline](const QString &runId) {
                const QJsonObject run = pipelineRunJson(m_ws, runId);
                return run.value(QStringLiteral("pipeline")).toString().startsWith(pipeline + QLatin1Char(':')) ? run : QJsonObject();
            });
        auto port = server->listen();
        if (!port) {
            if (!m_failedServers.contains(t.id))
                emit message(port.message());
            m_failedServers.insert(t.id);
            continue;
        }
        m_failedServers.remove(t.id);
        m_servers.insert(t.id, server);
        emit message(QStringLiteral("published pipeline %1: POST %2/run").arg(pipeline, server->uri()));
    }
    // A trigger removed (pipeline unschedule) stops answering at once.
    for (auto it = m_servers.begin(); it != m_servers.end();) {
        if (published.contains(it.key())) {
            ++it;
            continue;
        }
        it.value()->stop();
        emit message(QStringLiteral("REST trigger %1 removed: %2/run no longer answers").arg(it.key()).arg(it.value()->uri()));
        it = m_servers.erase(it);
    }
}

void PipelineScheduler::stop()
{
    m_timer.stop();
    for (const auto &server : std::as_const(m_servers))
        server->stop();
    m_servers.clear();
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &runner : std::as_const(m_running))
            runner->cancel();
    }
    m_pool.waitForDone();
    if (m_leased)
        TriggerStore(m_ws).releaseLease();
    m_leased = false;
}

Result<QString> PipelineScheduler::startRun(const QString &pipeline, const QMap<QString, QString> &parameters, const QString &experiment, const QString &reason)
{
    RunRequest request;
    request.pipeline = pipeline;
    request.parameters = parameters;
    request.experiment = experiment;
    auto runner = std::make_shared<PipelineRunner>(m_ws, request);
    auto id = runner->prepare();
    if (!id)
        return id.error();
    {
        QMutexLocker lock(&m_mutex);
        m_running.append(runner);
    }
    emit message(QStringLiteral("%1: run %2 of %3 started (%4)").arg(now().toString(Qt::ISODate), *id, pipeline, reason));
    (void)QtConcurrent::run(&m_pool, [this, runner, id = *id] {
        const QString status = runner->run();
        {
            QMutexLocker lock(&m_mutex);
            m_running.removeOne(runner);
        }
        QMetaObject::invokeMethod(this, [this, id, status] { emit message(QStringLiteral("run %1 ended %2").arg(id, status)); }, Qt::QueuedConnection);
    });
    return *id;
}

QStringList PipelineScheduler::tick()
{
    QStringList started;
    TriggerStore triggers(m_ws);
    if (m_leased) {
        auto still = triggers.acquireLease();
        if (still && !*still) {
            emit message(QStringLiteral("another scheduler took this workspace over; this one stops firing"));
            m_timer.stop();
            return started;
        }
    }
    syncPublished();
    auto all = triggers.list();
    if (!all)
        return started;
    const QDateTime at = now();
    for (PipelineTrigger t : *all) {
        QJsonObject state = t.state;
        QMap<QString, QString> parameters = parametersOf(t.settings);
        QString reason;
        if (t.kind == QLatin1String("schedule")) {
            auto schedule = Schedule::fromJson(t.settings);
            if (!schedule)
                continue;
            QDateTime due = QDateTime::fromString(state.value(QStringLiteral("next_due")).toString(), Qt::ISODateWithMs);
            if (!due.isValid())
                due = schedule->nextFire(schedule->anchor);
            if (at < due) {
                if (!state.contains(QStringLiteral("next_due"))) {
                    state.insert(QStringLiteral("next_due"), due.toString(Qt::ISODateWithMs));
                    (void)triggers.setState(t.id, state);
                }
                continue;
            }
            const bool late = due.secsTo(at) > kGraceSeconds;
            if (late) {
                const int windows = 1 + schedule->firesBetween(due, at);
                state.insert(QStringLiteral("missed"), state.value(QStringLiteral("missed")).toInt() + windows);
                state.insert(QStringLiteral("last_missed_at"), due.toString(Qt::ISODateWithMs));
                emit message(QStringLiteral("%1: schedule %2 of %3 missed %4 window(s) from %5 while no scheduler ran; %6")
                                 .arg(at.toString(Qt::ISODate))
                                 .arg(t.id)
                                 .arg(t.pipeline)
                                 .arg(windows)
                                 .arg(due.toString(Qt::ISODate), schedule->runMissedOnce ? QStringLiteral("running it once now") : QStringLiteral("skipped")));
            }
            state.insert(QStringLiteral("next_due"), schedule->nextFire(at).toString(Qt::ISODateWithMs));
            if (late && !schedule->runMissedOnce) {
                (void)triggers.setState(t.id, state);
                continue;
            }
            reason = late ? QStringLiteral("a missed window of %1").arg(schedule->describe()) : schedule->describe();
        } else if (t.kind == QLatin1String("dataset")) {
            const QString dataset = t.settings.value(QStringLiteral("dataset")).toString();
            auto latest = DatasetStore(m_ws).resolve(dataset);
            if (!latest || latest->version <= state.value(QStringLiteral("last_version")).toInt())
                continue;
            state.insert(QStringLiteral("last_version"), latest->version);
            // A version this pipeline's own run made (its import step) does not start it again.
            if (auto maker = RunStore(m_ws).get(latest->tags.value(QStringLiteral("pipeline_run")).toString());
                maker && maker->algorithm.compare(t.pipeline, Qt::CaseInsensitive) == 0) {
                (void)triggers.setState(t.id, state);
                continue;
            }
            if (const QString p = t.settings.value(QStringLiteral("parameter")).toString(); !p.isEmpty())
                parameters.insert(p, latest->reference());
            reason = QStringLiteral("a new version %1").arg(latest->reference());
        } else if (t.kind == QLatin1String("folder")) {
            const QJsonObject now = folderTriggerState(t.settings.value(QStringLiteral("folder")).toString(),
                                                       t.settings.value(QStringLiteral("pattern")).toString(QStringLiteral("*.csv")));
            if (now.isEmpty() || (now.value(QStringLiteral("last_file")) == state.value(QStringLiteral("last_file"))
                                  && now.value(QStringLiteral("last_stamp")) == state.value(QStringLiteral("last_stamp"))))
                continue;
            const QString file = now.value(QStringLiteral("last_file")).toString();
            state.insert(QStringLiteral("last_file"), file);
            state.insert(QStringLiteral("last_stamp"), now.value(QStringLiteral("last_stamp")));
            if (const QString p = t.settings.value(QStringLiteral("parameter")).toString(); !p.isEmpty())
                parameters.insert(p, file);
            reason = QStringLiteral("a new file %1").arg(file);
        } else {
            continue;
        }
        auto run = startRun(t.pipeline, parameters, t.settings.value(QStringLiteral("experiment")).toString(), reason);
        if (run) {
            started << *run;
            state.insert(QStringLiteral("last_run"), *run);
            state.insert(QStringLiteral("last_fired"), at.toString(Qt::ISODateWithMs));
            state.remove(QStringLiteral("last_error"));
        } else {
            state.insert(QStringLiteral("last_error"), run.message());
            emit message(QStringLiteral("%1: %2 of %3 could not start a run: %4").arg(at.toString(Qt::ISODate), t.kind, t.pipeline, run.message()));
        }
        (void)triggers.setState(t.id, state);
    }
    return started;
}

QJsonObject PipelineScheduler::folderTriggerState(const QString &folder, const QString &pattern)
{
    const QFileInfoList files = QDir(folder).entryInfoList({pattern}, QDir::Files | QDir::Readable, QDir::Time);
    if (files.isEmpty())
        return {};
    // A file written again (same name) is new too: its time and size are part of the stamp.
    return {{QStringLiteral("last_file"), files.first().absoluteFilePath()},
            {QStringLiteral("last_stamp"), files.first().lastModified().toString(Qt::ISODateWithMs) + QLatin1Char('/') + QString::number(files.first().size())}};
}

int PipelineScheduler::activeRuns() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_running.size());
}

void PipelineScheduler::waitForRuns()
{
    m_pool.waitForDone();
}

QMap<QString, QString> PipelineScheduler::publishedUris() const
{
    QMap<QString, QString> out;
    for (const auto &server : m_servers)
        out.insert(server->pipeline(), server->uri());
    return out;
}

} // namespace stratus::pipeline
