#pragma once
// EndpointServer: a model served over HTTP on this machine — our small
// interface over Debian's cpp-httplib (chosen over Qt HttpServer 6.4 by
// measurement: see bench/serve_benchmark.sh). Routes:
//   POST /score         Azure ML's dialects (see Scorer.h)
//   POST /invocations   MLflow's scoring-server dialects
//   GET  /swagger.json  the OpenAPI 3 document of the input schema, with a sample
//   GET  /health        {"status": "Healthy", "model": algorithm, "model_version": "name:version"}
//   GET  /metrics       request counters and latency percentiles
// Each connection is served by one of the server's workers (up to 128 at
// once); with fewer `threads` than cores, at most that many requests are
// scored at a time (more threads than cores would not score more at once). With a key, the scoring routes need "Authorization: Bearer <key>" (compared in
// constant time), else 401. A body over the size limit is a 413; a request
// the Scorer refuses keeps its 4xx; the server keeps serving; every error
// has a JSON body. Accepted sockets get TCP_NODELAY (without it, keep-alive
// POSTs wait ~40 ms for Nagle and delayed ACKs). The server runs on its own
// threads: no event loop is needed.

#include "common/Result.h"
#include "serve/Scorer.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <memory>

namespace stratus::serve {

struct ServeOptions {
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;                      // 0: a free port
    QByteArray key;                        // empty: no authentication (unless setKeys gives some)
    int threads = 0;                       // 0: one per core
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    int maxRows = Scorer::kDefaultMaxRows;
    QString modelVersion; // "name:version", sent as X-Model-Version with each scoring answer (empty: none)
};

struct ServeStats {
    qint64 requests = 0, errors = 0; // errors: 4xx and 5xx answers
    double p50Ms = 0, p90Ms = 0, p99Ms = 0; // over the last 10,000 scoring requests
};

class EndpointServer : public QObject {
    Q_OBJECT
public:
    EndpointServer(std::shared_ptr<const ml::TrainedPipeline> pipeline, ServeOptions options, QObject *parent = nullptr);
    // A forecasting model's endpoint (Scorer's forecasting dialect).
    EndpointServer(std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster, ServeOptions options, QObject *parent = nullptr);
    ~EndpointServer() override;

    // Binds and listens; returns the port. An address in use is an error naming it.
    Result<quint16> start();
    // Replaces the accepted keys (primary and secondary) while serving; an
    // empty list turns authentication off.
    void setKeys(const QList<QByteArray> &keys);
    // Stops accepting and waits for the requests being answered (also done on destruction).
    void stop();
    quint16 port() const { return m_port; }
    QString scoringUri() const;
    QString baseUri() const; // http://host:port
    ServeStats stats() const;
    std::shared_ptr<const Scorer> scorer() const { return current().first; }
    // Serves another model from the next request on (a deployment switched to a new
    // version): a request being answered finishes with the scorer it started with, so
    // each answer comes from exactly one version; URI, keys and connections stay.
    void setScorer(std::shared_ptr<const Scorer> scorer, const QString &modelVersion);

signals:
    // One line per refused request (4xx, 5xx): method, path, status,
    // milliseconds and the error's body; emitted from the server's threads.
    void requestRefused(const QString &line);

private:
    struct Http;
    bool authorized(const QByteArray &header) const;
    void handleScoring(Scorer::Route route, const void *request, void *response);
    void record(double ms, int status);

    std::pair<std::shared_ptr<const Scorer>, QByteArray> current() const;

    mutable QMutex m_scorerMutex;
    std::shared_ptr<const Scorer> m_scorer; // guarded by m_scorerMutex
    QByteArray m_modelVersion;              // guarded by m_scorerMutex
    ServeOptions m_options;
    QList<QByteArray> m_keys; // guarded by m_mutex
    std::unique_ptr<Http> m_http;
    quint16 m_port = 0;
    std::atomic<qint64> m_requests{0}, m_errors{0};
    mutable QMutex m_mutex;
    std::vector<float> m_latencies; // a ring of the last scoring latencies (ms)
    size_t m_next = 0;
};

} // namespace stratus::serve
