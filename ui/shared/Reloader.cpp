#include "shared/Reloader.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

Reloader::Reloader(QObject *parent, int intervalMs) : QObject(parent), m_interval(intervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Reloader::startWaiting);
}

Reloader::~Reloader()
{
    m_waiting = {};
}

void Reloader::request(Job job)
{
    m_waiting = std::move(job);
    if (m_running || m_timer.isActive())
        return;
    const qint64 since = m_lastStart.isValid() ? m_lastStart.elapsed() : m_interval;
    if (since >= m_interval)
        startWaiting();
    else
        m_timer.start(int(m_interval - since));
}

void Reloader::startWaiting()
{
    if (!m_waiting || m_running)
        return;
    Job job = std::move(m_waiting);
    m_waiting = {};
    m_running = true;
    m_lastStart.start();
    auto *watcher = new QFutureWatcher<Apply>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        if (Apply apply = watcher->result())
            apply();
        emit applied();
        if (m_waiting)
            request(std::move(m_waiting));
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

} // namespace stratus
