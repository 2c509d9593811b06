#pragma once
// TriggerServer: a published pipeline's REST trigger (Azure ML's published
// pipeline endpoint), served by the scheduler process over cpp-httplib:
//   POST /run          {"parameters": {...}, "experiment": "E"} (or Azure's
//                      {"ParameterAssignments": {...}, "ExperimentName": "E"})
//                      -> 202 {"run_id": ..., "status": "NotStarted", "status_uri": ...}
//   GET  /runs/RUN_ID  -> the run as `pipeline status --json` gives it
// With a key, both need "Authorization: Bearer <key>" (else 401). Errors are
// JSON {"error": ...}: 400 for a bad body or parameter, 404 for another run.

#include "common/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <functional>
#include <memory>

namespace stratus::pipeline {

class TriggerServer {
public:
    // Starts a run: (parameters, experiment) -> run id, or an error for a 400.
    using Start = std::function<Result<QString>(const QMap<QString, QString> &, const QString &)>;
    // A run of this pipeline as JSON, or an empty object when it is not one.
    using Status = std::function<QJsonObject(const QString &)>;

    TriggerServer(QString pipeline, QString host, int port, QByteArray key, Start start, Status status);
    ~TriggerServer();
    Result<int> listen(); // the port
    void stop();
    QString uri() const;
    QString pipeline() const { return m_pipeline; }

private:
    struct Http;
    QString m_pipeline, m_host;
    int m_port;
    QByteArray m_key;
    Start m_start;
    Status m_status;
    std::unique_ptr<Http> m_http;
};

} // namespace stratus::pipeline
