#include "ImportJob.h"

#include "DatasetImport.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

ImportJob::ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request,
                     QObject *parent)
    : QObject(parent), m_ws(workspace), m_path(std::move(path)), m_options(std::move(options)),
      m_request(std::move(request))
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &ImportJob::finished);
}

ImportJob::~ImportJob()
{
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
    }
}

void ImportJob::start()
{
    m_cancel.store(false);
    m_watcher.setFuture(QtConcurrent::run([this] {
        TaskControl control;
        control.cancel = &m_cancel;
        control.progress = [this](double f) {
            const int permille = int(f * 1000);
            if (m_lastPermille.exchange(permille) != permille)
                emit progressChanged(permille);
        };
        m_result = importDataset(m_ws, m_path, m_options, m_request, control);
    }));
}

} // namespace stratus
