#include "serve/EndpointSupervisor.h"

#include "common/ProcessMemory.h"
#include "registry/EndpointStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <csignal>
#include <sys/prctl.h>

namespace stratus::serve {

namespace {

constexpr int kMaxFailures = 5;
constexpr int kHistory = 600; // samples, one a second
constexpr qint64 kStableMs = 60000;

} // namespace

struct EndpointSupervisor::Process {
    QString name;
    Endpoint endpoint;
    QProcess *process = nullptr;
    EndpointState state = EndpointState::Stopped;
    bool stopping = false;
    int failures = 0;
    int healthMisses = 0;
    qint64 healthySince = 0;
    QTimer *restartTimer = nullptr;
    QList<EndpointSample> history;
    qint64 lastRequests = -1, lastAt = 0;
    QString lastLine;
};

EndpointSupervisor::EndpointSupervisor(Workspace &workspace, QString cli, QObject *parent)
    : QObject(parent), m_ws(workspace), m_cli(cli.isEmpty() ? locateCli() : std::move(cli)),
      m_net(new QNetworkAccessManager(this)), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &EndpointSupervisor::poll);
    m_timer->start(250);
}

EndpointSupervisor::~EndpointSupervisor()
{
    shutdown();
}

void EndpointSupervisor::shutdown()
{
    m_timer->stop();
    for (auto &[name, p] : m_processes) {
        if (p->restartTimer)
            p->restartTimer->stop();
        if (!p->process || p->stopping)
            continue;
        p->stopping = true;
        p->process->disconnect(this);
        p->process->terminate();
        if (!p->process->waitForFinished(3000))
            p->process->kill();
        p->process->waitForFinished(1000);
        // It should still run next time: restoreAll() starts it again.
        (void)EndpointStore(m_ws).setState(name, EndpointState::Stopped, tr("the studio closed"));
    }
}

QString EndpointSupervisor::locateCli()
{
    if (const QString chosen = qEnvironmentVariable("STRATUS_CLI"); QFileInfo(chosen).isExecutable())
        return chosen;
    const QString here = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {here + QStringLiteral("/stratus-cli"), here + QStringLiteral("/../cli/stratus-cli")})
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("stratus-cli"));
}

QString EndpointSupervisor::directory(const QString &name) const
{
    return m_ws.path() + QStringLiteral(".endpoints/") + name;
}

QString EndpointSupervisor::logPath(const QString &name) const
{
    return directory(name) + QStringLiteral("/log.txt");
}

QString EndpointSupervisor::log(const QString &name) const
{
    QFile f(logPath(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kTail = 256 * 1024;
    if (f.size() > kTail) {
        f.seek(f.size() - kTail);
        f.readLine(); // from the next whole line
    }
    return QString::fromUtf8(f.readAll());
}

QList<EndpointSample> EndpointSupervisor::history(const QString &name) const
{
    auto it = m_processes.find(name);
    return it == m_processes.end() ? QList<EndpointSample>() : it->second->history;
}

bool EndpointSupervisor::isRunning(const QString &name) const
{
    auto it = m_processes.find(name);
    return it != m_processes.end() && it->second->process;
}

qint64 EndpointSupervisor::processId(const QString &name) const
{
    auto it = m_processes.find(name);
    return it != m_processes.end() && it->second->process ? it->second->process->processId() : 0;
}

Status EndpointSupervisor::writeKeys(const Endpoint &e) const
{
    if (!QDir().mkpath(directory(e.name)))
        return Error{tr("Cannot create the folder %1.").arg(directory(e.name))};
    QSaveFile f(directory(e.name) + QStringLiteral("/keys"));
    if (!f.open(QIODevice::WriteOnly))
        return Error{tr("Cannot write %1: %2").arg(f.fileName(), f.errorString())};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write((e.primaryKey + QLatin1Char('\n') + e.secondaryKey + QLatin1Char('\n')).toLatin1());
    if (!f.commit())
        return Error{tr("Cannot write %1: %2").arg(f.fileName(), f.errorString())};
    return {};
}

Status EndpointSupervisor::refreshKeys(const QString &name)
{
    auto e = EndpointStore(m_ws).get(name);
    if (!e)
        return e.error();
    return e->keyAuth ? writeKeys(*e) : Status{};
}

void EndpointSupervisor::setState(Process &p, EndpointState state, const QString &reason)
{
    if (p.state == state && p.endpoint.stateReason == reason)
        return;
    p.state = state;
    p.endpoint.stateReason = reason;
    if (state == EndpointState::Healthy)
        p.healthySince = QDateTime::currentMSecsSinceEpoch();
    // The state is shown from the signal too: a failed write loses only the record of it.
    (void)EndpointStore(m_ws).setState(p.name, state, reason);
    emit stateChanged(p.name, state, reason);
}

Status EndpointSupervisor::start(const QString &name)
{
    EndpointStore store(m_ws);
    auto e = store.get(name);
    if (!e)
        return e.error();
    if (m_cli.isEmpty())
        return Error{tr("stratus-cli was not found next to this program or on PATH: the endpoint runs in it.")};
    if (Status s = store.setShouldRun(name, true); !s)
        return s;
    auto &slot = m_processes[name];
    if (!slot)
        slot = std::make_unique<Process>();
    Process &p = *slot;
    p.name = name;
    if (p.process)
        return {};
    p.failures = 0;
    if (p.restartTimer)
        p.restartTimer->stop();
    launch(p);
    return {};
}

void EndpointSupervisor::launch(Process &p)
{
    auto e = EndpointStore(m_ws).get(p.name);
    if (!e) {
        setState(p, EndpointState::Failed, e.message());
        return;
    }
    p.endpoint = *e;
    if (Status s = writeKeys(*e); e->keyAuth && !s) {
        setState(p, EndpointState::Failed, s.message());
        return;
    }
    QStringList args{QStringLiteral("--workspace"), m_ws.path(), QStringLiteral("serve"), QStringLiteral("--model"),
                     e->modelReference(), QStringLiteral("--host"), e->host, QStringLiteral("--port"),
                     QString::number(e->port), QStringLiteral("--threads"), QString::number(e->threads),
                     QStringLiteral("--endpoint"), e->name};
    args << (e->keyAuth ? QStringList{QStringLiteral("--key-file"), directory(e->name) + QStringLiteral("/keys")}
                        : QStringList{QStringLiteral("--auth"), QStringLiteral("none")});
    QDir().mkpath(directory(e->name));
    {
        QFile log(logPath(p.name));
        if (log.open(QIODevice::Append))
            log.write(QStringLiteral("--- %1 starting: stratus-cli %2\n")
                          .arg(QDateTime::currentDateTime().toString(Qt::ISODate), args.mid(2).join(QLatin1Char(' ')))
                          .toUtf8());
    }
    p.process = new QProcess(this);
    p.process->setProcessChannelMode(QProcess::MergedChannels);
    p.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    p.healthMisses = 0;
    p.lastRequests = -1;
    const QString name = p.name;
    connect(p.process, &QProcess::readyReadStandardOutput, this, [this, name] {
        auto it = m_processes.find(name);
        if (it == m_processes.end() || !it->second->process)
            return;
        const QByteArray bytes = it->second->process->readAllStandardOutput();
        QFile log(logPath(name));
        if (log.open(QIODevice::Append))
            log.write(bytes);
        const QString text = QString::fromUtf8(bytes);
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            it->second->lastLine = lines.last().trimmed();
        emit logAppended(name, text);
    });
    connect(p.process, &QProcess::finished, this, [this, name](int code) { onExited(name, code); });
    connect(p.process, &QProcess::errorOccurred, this, [this, name](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            auto it = m_processes.find(name);
            if (it != m_processes.end() && it->second->process)
                it->second->lastLine = it->second->process->errorString();
            onExited(name, -1);
        }
    });
    setState(p, EndpointState::Transitioning, p.failures == 0 ? tr("starting") : tr("restarting"));
    p.process->start(m_cli, args);
}

void EndpointSupervisor::onExited(const QString &name, int code)
{
    auto it = m_processes.find(name);
    if (it == m_processes.end() || !it->second->process)
        return;
    Process &p = *it->second;
    p.process->deleteLater();
    p.process = nullptr;
    if (p.stopping) {
        p.stopping = false;
        setState(p, EndpointState::Stopped, {});
        return;
    }
    if (p.healthySince && QDateTime::currentMSecsSinceEpoch() - p.healthySince > kStableMs)
        p.failures = 0;
    ++p.failures;
    const QString reason = tr("the process exited (code %1): %2").arg(code).arg(p.lastLine);
    QFile log(logPath(name));
    if (log.open(QIODevice::Append))
        log.write(QStringLiteral("--- %1 %2\n").arg(QDateTime::currentDateTime().toString(Qt::ISODate), reason).toUtf8());
    if (p.failures >= kMaxFailures) {
        setState(p, EndpointState::Failed, tr("%1 (failed %2 times in a row; not restarted)").arg(reason).arg(p.failures));
        return;
    }
    const int delay = 1000 << (p.failures - 1);
    setState(p, EndpointState::Unhealthy, tr("%1; restarting in %2 s").arg(reason).arg(delay / 1000));
    if (!p.restartTimer) {
        p.restartTimer = new QTimer(this);
        p.restartTimer->setSingleShot(true);
        connect(p.restartTimer, &QTimer::timeout, this, [this, name] {
            auto it = m_processes.find(name);
            if (it != m_processes.end() && !it->second->process)
                launch(*it->second);
        });
    }
    p.restartTimer->start(delay);
}

Status EndpointSupervisor::stop(const QString &name)
{
    if (Status s = EndpointStore(m_ws).setShouldRun(name, false); !s)
        return s;
    auto it = m_processes.find(name);
    if (it == m_processes.end())
        return EndpointStore(m_ws).setState(name, EndpointState::Stopped);
    Process &p = *it->second;
    if (p.restartTimer)
        p.restartTimer->stop();
    if (!p.process) {
        setState(p, EndpointState::Stopped, {});
        return {};
    }
    p.stopping = true;
    QProcess *process = p.process;
    process->terminate();
    if (!process->waitForFinished(3000)) {
        process->kill();
        process->waitForFinished(1000);
    }
    return {};
}

Status EndpointSupervisor::restart(const QString &name)
{
    if (Status s = stop(name); !s)
        return s;
    return start(name);
}

Status EndpointSupervisor::remove(const QString &name)
{
    if (isRunning(name))
        if (Status s = stop(name); !s)
            return s;
    if (Status s = EndpointStore(m_ws).remove(name); !s)
        return s;
    auto it = m_processes.find(name);
    if (it != m_processes.end()) {
        delete it->second->restartTimer;
        m_processes.erase(it);
    }
    return {};
}

void EndpointSupervisor::restoreAll()
{
    auto all = EndpointStore(m_ws).list();
    if (!all)
        return;
    for (const Endpoint &e : *all)
        if (e.shouldRun && !isRunning(e.name)) {
            if (Status s = start(e.name); !s)
                (void)EndpointStore(m_ws).setState(e.name, EndpointState::Failed, s.message());
        } else if (!e.shouldRun && e.state != EndpointState::Stopped && !isRunning(e.name)) {
            (void)EndpointStore(m_ws).setState(e.name, EndpointState::Stopped);
        }
}

void EndpointSupervisor::poll()
{
    // Starting endpoints are probed every 250 ms (deployment takes about a
    // second), running ones once a second.
    const bool second = ++m_ticks % 4 == 0;
    for (auto &[name, p] : m_processes)
        if (p->process && p->process->state() == QProcess::Running
            && (second || p->state == EndpointState::Transitioning))
            pollOne(*p);
}

void EndpointSupervisor::pollOne(Process &p)
{
    const QString name = p.name;
    const double mb = residentMegabytes(p.process->processId());
    if (p.endpoint.memoryMb > 0 && mb > p.endpoint.memoryMb) {
        p.lastLine = tr("using %1 MB, over its limit of %2 MB").arg(mb, 0, 'f', 0).arg(p.endpoint.memoryMb);
        p.process->kill(); // onExited restarts it
        return;
    }
    QNetworkRequest health(QUrl(p.endpoint.baseUri() + QStringLiteral("/health")));
    health.setTransferTimeout(2000);
    QNetworkReply *reply = m_net->get(health);
    connect(reply, &QNetworkReply::finished, this, [this, name, reply] {
        reply->deleteLater();
        auto it = m_processes.find(name);
        if (it == m_processes.end() || !it->second->process || it->second->stopping)
            return;
        Process &p = *it->second;
        const bool ok = reply->error() == QNetworkReply::NoError
                        && QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("status")).toString()
                               == QLatin1String("Healthy");
        if (ok) {
            p.healthMisses = 0;
            setState(p, EndpointState::Healthy, {});
            return;
        }
        ++p.healthMisses;
        if (p.state == EndpointState::Healthy && p.healthMisses >= 3)
            setState(p, EndpointState::Unhealthy, tr("not answering GET /health: %1").arg(reply->errorString()));
        if (p.healthMisses >= 15) { // 15 s without an answer: start it again
            p.lastLine = tr("not answering GET /health for %1 s").arg(p.healthMisses);
            p.process->kill();
        }
    });
    QNetworkReply *metrics = m_net->get(QNetworkRequest(QUrl(p.endpoint.baseUri() + QStringLiteral("/metrics"))));
    connect(metrics, &QNetworkReply::finished, this, [this, name, metrics, mb] {
        metrics->deleteLater();
        auto it = m_processes.find(name);
        if (it == m_processes.end() || metrics->error() != QNetworkReply::NoError)
            return;
        Process &p = *it->second;
        const QJsonObject m = QJsonDocument::fromJson(metrics->readAll()).object();
        EndpointSample s;
        s.msecsSinceEpoch = QDateTime::currentMSecsSinceEpoch();
        s.requests = m.value(QStringLiteral("requests")).toInteger();
        s.errors = m.value(QStringLiteral("errors")).toInteger();
        s.p50Ms = m.value(QStringLiteral("latency_p50_ms")).toDouble();
        s.p99Ms = m.value(QStringLiteral("latency_p99_ms")).toDouble();
        s.residentMb = mb;
        if (p.lastRequests >= 0 && s.msecsSinceEpoch > p.lastAt)
            s.requestsPerSecond = double(qMax<qint64>(0, s.requests - p.lastRequests)) * 1000.0 / double(s.msecsSinceEpoch - p.lastAt);
        p.lastRequests = s.requests;
        p.lastAt = s.msecsSinceEpoch;
        p.history.append(s);
        if (p.history.size() > kHistory)
            p.history.removeFirst();
        emit sampled(name, s);
    });
}

} // namespace stratus::serve
