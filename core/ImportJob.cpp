#include "ImportJob.h"

#include "DatasetImport.h"

namespace stratus {

ImportJob::ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request)
    : m_ws(workspace), m_path(std::move(path)), m_options(std::move(options)), m_request(std::move(request))
{
    setAutoDelete(false); // owned by whoever started it (a QObject parent or a smart pointer)
}

void ImportJob::run()
{
    TaskControl control;
    control.cancel = &m_cancel;
    control.progress = [this](double f) {
        const int permille = int(f * 1000);
        if (m_lastPermille.exchange(permille) != permille)
            emit progressChanged(permille);
    };
    auto result = importDataset(m_ws, m_path, m_options, m_request, control);
    if (result)
        emit succeeded(result->version, result->sameDataAs);
    else
        emit failed(result.message(), m_cancel.load());
}

} // namespace stratus
