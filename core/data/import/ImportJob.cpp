#include "data/import/ImportJob.h"

#include "data/import/DatasetImport.h"

namespace stratus {

ImportJob::ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request,
                     QObject *parent)
    : BackgroundJob(parent), m_ws(workspace), m_path(std::move(path)), m_options(std::move(options)),
      m_request(std::move(request))
{
}

void ImportJob::start()
{
    run([ws = &m_ws, path = m_path, options = m_options, request = m_request, out = m_result](const TaskControl &control) {
        *out = importDataset(*ws, path, options, request, control);
    });
}

} // namespace stratus
