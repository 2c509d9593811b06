#pragma once
// ImportJob: importDataset as a BackgroundJob, for the studio; result() holds
// the outcome once finished() was emitted. Cancel is honoured between rows
// and chunks and leaves nothing stored.

#include "common/BackgroundJob.h"
#include "data/csv/CsvReader.h"
#include "data/store/DatasetStore.h"

#include <memory>

namespace stratus {

class ImportJob : public BackgroundJob {
    Q_OBJECT
public:
    ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request,
              QObject *parent = nullptr);

    void start();
    // requires: finished() was emitted.
    const Result<Registered> &result() const { return *m_result; }

private:
    Workspace &m_ws;
    QString m_path;
    CsvReadOptions m_options;
    RegisterRequest m_request;
    std::shared_ptr<Result<Registered>> m_result = std::make_shared<Result<Registered>>(Error{});
};

} // namespace stratus
