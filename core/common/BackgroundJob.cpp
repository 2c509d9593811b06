#include "common/BackgroundJob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &BackgroundJob::finished);
}

BackgroundJob::~BackgroundJob()
{
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
    }
}

void BackgroundJob::run(std::function<void(const TaskControl &)> work)
{
    m_cancel.store(false);
    m_lastPermille.store(-1);
    m_watcher.setFuture(QtConcurrent::run([this, work = std::move(work)] {
        TaskControl control;
        control.cancel = &m_cancel;
        control.progress = [this](double f) {
            const int permille = int(f * 1000);
            if (m_lastPermille.exchange(permille) != permille)
                emit progressChanged(permille);
        };
        work(control);
    }));
}

} // namespace stratus
