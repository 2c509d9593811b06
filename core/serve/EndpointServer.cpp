#include "serve/EndpointServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <algorithm>
#include <httplib.h>
#include <semaphore>
#include <sys/socket.h>
#include <thread>

namespace stratus::serve {

namespace {

constexpr size_t kLatencyWindow = 10000;
// Connections served at once; more wait for a free worker. Scoring itself is
// limited to the endpoint's `threads`.
constexpr int kConnectionWorkers = 128;

void reply(httplib::Response &res, int status, const QByteArray &json)
{
    res.status = status;
    res.set_content(json.constData(), size_t(json.size()), "application/json");
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

struct EndpointServer::Http {
    httplib::Server server;
    std::thread listener;
    std::unique_ptr<std::counting_semaphore<>> scoring; // null: no limit below the cores
    int listening = -1;
};

EndpointServer::EndpointServer(std::shared_ptr<const ml::TrainedPipeline> pipeline, ServeOptions options, QObject *parent)
    : QObject(parent), m_scorer(std::make_shared<const Scorer>(std::move(pipeline), options.maxRows)), m_options(std::move(options)),
      m_latencies(kLatencyWindow, -1.0f)
{
    m_modelVersion = m_options.modelVersion.toUtf8();
    if (!m_options.key.isEmpty())
        m_keys = {m_options.key};
    if (m_options.threads <= 0)
        m_options.threads = int(std::max(1u, std::thread::hardware_concurrency()));
}

EndpointServer::EndpointServer(std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster, ServeOptions options, QObject *parent)
    : QObject(parent), m_scorer(std::make_shared<const Scorer>(std::move(forecaster), options.maxRows)), m_options(std::move(options)),
      m_latencies(kLatencyWindow, -1.0f)
{
    m_modelVersion = m_options.modelVersion.toUtf8();
    if (!m_options.key.isEmpty())
        m_keys = {m_options.key};
    if (m_options.threads <= 0)
        m_options.threads = int(std::max(1u, std::thread::hardware_concurrency()));
}

EndpointServer::~EndpointServer()
{
    stop();
}

void EndpointServer::stop()
{
    if (!m_http)
        return;
    // stop() ends the accept loop; the workers finish the requests being scored.
    m_http->server.stop();
    if (m_http->listener.joinable())
        m_http->listener.join();
    m_http.reset();
}

void EndpointServer::setKeys(const QList<QByteArray> &keys)
{
    QMutexLocker lock(&m_mutex);
    m_keys = keys;
    m_keys.removeAll(QByteArray());
}

bool EndpointServer::authorized(const QByteArray &header) const
{
    QList<QByteArray> keys;
    {
        QMutexLocker lock(&m_mutex);
        keys = m_keys;
    }
    if (keys.isEmpty())
        return true;
    static const QByteArray bearer = QByteArrayLiteral("Bearer ");
    if (!header.startsWith(bearer))
        return false;
    const QByteArray given = header.mid(bearer.size()).trimmed();
    bool ok = false;
    for (const QByteArray &key : keys) // every key compared, in constant time
        ok |= constantTimeEquals(given, key);
    return ok;
}

void EndpointServer::record(double ms, int status)
{
    m_requests.fetch_add(1, std::memory_order_relaxed);
    if (status >= 400)
        m_errors.fetch_add(1, std::memory_order_relaxed);
    QMutexLocker lock(&m_mutex);
    m_latencies[m_next] = float(ms);
    m_next = (m_next + 1) % kLatencyWindow;
}

ServeStats EndpointServer::stats() const
{
    ServeStats s;
    s.requests = m_requests.load();
    s.errors = m_errors.load();
    std::vector<float> values;
    {
        QMutexLocker lock(&m_mutex);
        for (float v : m_latencies)
            if (v >= 0)
                values.push_back(v);
    }
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return double(values[std::min(values.size() - 1, size_t(q * double(values.size())))]); };
    s.p50Ms = at(0.50);
    s.p90Ms = at(0.90);
    s.p99Ms = at(0.99);
    return s;
}

QString EndpointServer::baseUri() const
{
    const QString host = m_options.host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_options.host.toString())
                             : m_options.host.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

QString EndpointServer::scoringUri() const
{
    return baseUri() + QStringLiteral("/score");
}

void EndpointServer::handleScoring(Scorer::Route route, const void *request, void *response)
{
    const auto &req = *static_cast<const httplib::Request *>(request);
    auto &res = *static_cast<httplib::Response *>(response);
    QElapsedTimer timer;
    timer.start();
    const std::string &auth = req.get_header_value("Authorization");
    ScoreResponse r;
    if (!authorized(QByteArray::fromRawData(auth.data(), qsizetype(auth.size())))) {
        r = Scorer::error(401, QStringLiteral("a valid key is needed: Authorization: Bearer <key>"));
        res.set_header("WWW-Authenticate", "Bearer");
    } else {
        const std::string &type = req.get_header_value("Content-Type");
        const QByteArray body = QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size()));
        if (m_http->scoring)
            m_http->scoring->acquire();
        // One scorer for the whole request: a switch to another model version meanwhile answers the next one.
        const auto [scorer, version] = current();
        r = scorer->score(route, body, QByteArray::fromRawData(type.data(), qsizetype(type.size())));
        if (!version.isEmpty())
            res.set_header("X-Model-Version", version.constData());
        if (m_http->scoring)
            m_http->scoring->release();
    }
    reply(res, r.status, r.body);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    record(ms, r.status);
    if (r.status >= 400)
        emit requestRefused(QStringLiteral("POST %1 %2 %3 ms %4")
                                .arg(QString::fromStdString(req.path))
                                .arg(r.status)
                                .arg(ms, 0, 'f', 2)
                                .arg(QString::fromUtf8(r.body)));
}

std::pair<std::shared_ptr<const Scorer>, QByteArray> EndpointServer::current() const
{
    QMutexLocker lock(&m_scorerMutex);
    return {m_scorer, m_modelVersion};
}

void EndpointServer::setScorer(std::shared_ptr<const Scorer> scorer, const QString &modelVersion)
{
    QMutexLocker lock(&m_scorerMutex);
    m_scorer = std::move(scorer);
    m_modelVersion = modelVersion.toUtf8();
}

Result<quint16> EndpointServer::start()
{
    m_http = std::make_unique<Http>();
    // Fewer threads than cores: at most that many requests are scored at once
    // (a semaphore; waiting on it costs tail latency, so only then).
    if (m_options.threads < int(std::thread::hardware_concurrency()))
        m_http->scoring = std::make_unique<std::counting_semaphore<>>(m_options.threads);
    auto &server = m_http->server;
    // The library listens with a backlog of 5: 64 clients connecting at once
    // would see dropped SYNs and wait a second. Remember the socket to listen
    // again with a longer backlog (as default_socket_options, plus that).
    server.set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        m_http->listening = sock;
    });
    server.new_task_queue = [] { return new httplib::ThreadPool(kConnectionWorkers); };
    server.set_tcp_nodelay(true); // without it keep-alive POSTs wait ~40 ms (Nagle + delayed ACK)
    server.set_keep_alive_max_count(100000);
    server.set_payload_max_length(size_t(m_options.maxBodyBytes));
    server.set_read_timeout(10);

    server.Post("/score", [this](const httplib::Request &req, httplib::Response &res) { handleScoring(Scorer::Route::Score, &req, &res); });
    server.Post("/invocations", [this](const httplib::Request &req, httplib::Response &res) {
        handleScoring(Scorer::Route::Invocations, &req, &res);
    });
    server.Get("/swagger.json", [this](const httplib::Request &, httplib::Response &res) {
        bool keyAuth;
        {
            QMutexLocker lock(&m_mutex);
            keyAuth = !m_keys.isEmpty();
        }
        reply(res, 200, compact(current().first->openApi(baseUri(), keyAuth)));
    });
    server.Get("/health", [this](const httplib::Request &, httplib::Response &res) {
        reply(res, 200, compact({{QStringLiteral("status"), QStringLiteral("Healthy")},
                                 {QStringLiteral("model"), current().first->algorithm()},
                                 {QStringLiteral("model_version"), QString::fromUtf8(current().second)}}));
    });
    server.Get("/metrics", [this](const httplib::Request &, httplib::Response &res) {
        const ServeStats s = stats();
        reply(res, 200, compact({{QStringLiteral("requests"), s.requests},
                                 {QStringLiteral("errors"), s.errors},
                                 {QStringLiteral("latency_p50_ms"), s.p50Ms},
                                 {QStringLiteral("latency_p90_ms"), s.p90Ms},
                                 {QStringLiteral("latency_p99_ms"), s.p99Ms}}));
    });
    // What the library answers by itself (404, 413, a malformed request) gets a JSON body too.
    server.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request &req, httplib::Response &res) {
        if (!res.body.empty()) // our own answer, already JSON
            return httplib::Server::HandlerResponse::Unhandled;
        QString message;
        if (res.status == 413)
            message = QStringLiteral("the body is more than the %1 bytes allowed").arg(m_options.maxBodyBytes);
        else if (res.status == 404)
            message = QStringLiteral("no route %1 %2: POST /score or /invocations, GET /swagger.json, /health or /metrics")
                          .arg(QString::fromStdString(req.method), QString::fromStdString(req.path));
        else
            message = QStringLiteral("the request could not be read (HTTP %1)").arg(res.status);
        ++m_requests;
        ++m_errors;
        reply(res, res.status, Scorer::error(res.status, message).body);
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        reply(res, 500, Scorer::error(500, QStringLiteral("the model failed on this request")).body);
    });

    const std::string host = m_options.host.toString().toStdString();
    const bool bound = m_options.port == 0 ? (m_port = quint16(std::max(0, server.bind_to_any_port(host))), m_port != 0)
                                           : server.bind_to_port(host, m_options.port);
    if (!bound) {
        m_http.reset();
        return Error{QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.host.toString())
                         .arg(m_options.port)
                         .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    }
    if (m_options.port != 0)
        m_port = m_options.port;
    if (m_http->listening >= 0)
        ::listen(m_http->listening, SOMAXCONN);
    m_http->listener = std::thread([this] { m_http->server.listen_after_bind(); });
    return m_port;
}

} // namespace stratus::serve
