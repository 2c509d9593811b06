#include "EndpointServer.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace stratus::serve {

namespace {

constexpr size_t kLatencyWindow = 10000;

// Accepted sockets with TCP_NODELAY.
class NoDelayTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

QHttpServerResponse jsonResponse(const ScoreResponse &r)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), r.body,
                               static_cast<QHttpServerResponse::StatusCode>(r.status));
}

} // namespace

EndpointServer::EndpointServer(std::shared_ptr<const ml::TrainedPipeline> pipeline, ServeOptions options, QObject *parent)
    : QObject(parent), m_scorer(std::make_unique<Scorer>(std::move(pipeline), options.maxRows)), m_options(std::move(options)),
      m_pool(std::make_unique<QThreadPool>()), m_latencies(kLatencyWindow, -1.0f)
{
    if (m_options.threads > 0)
        m_pool->setMaxThreadCount(m_options.threads);
}

EndpointServer::~EndpointServer()
{
    // Let the requests being scored finish (they use the scorer), then close the server.
    m_pool->waitForDone();
    delete m_http;
}

QByteArray EndpointServer::generateKey()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool EndpointServer::authorized(const QByteArray &header) const
{
    if (m_options.key.isEmpty())
        return true;
    static const QByteArray bearer = QByteArrayLiteral("Bearer ");
    return header.startsWith(bearer) && constantTimeEquals(header.mid(bearer.size()).trimmed(), m_options.key);
}

void EndpointServer::record(double ms, int status)
{
    ++m_requests;
    if (status >= 400)
        ++m_errors;
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

QString EndpointServer::scoringUri() const
{
    const QString host = m_options.host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_options.host.toString())
                             : m_options.host.toString();
    return QStringLiteral("http://%1:%2/score").arg(host).arg(m_port);
}

Result<quint16> EndpointServer::start()
{
    m_http = new QHttpServer;
    auto *tcp = new NoDelayTcpServer(m_http);
    if (!tcp->listen(m_options.host, m_options.port))
        return Error{QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.host.toString())
                         .arg(m_options.port)
                         .arg(tcp->errorString())};
    m_http->bind(tcp);
    m_port = tcp->serverPort();

    auto scoring = [this](Scorer::Route route) {
        return [this, route](const QHttpServerRequest &request) -> QFuture<QHttpServerResponse> {
            QElapsedTimer timer;
            timer.start();
            const QByteArray auth = request.value(QByteArrayLiteral("Authorization"));
            const QByteArray body = request.body();
            const QByteArray type = request.value(QByteArrayLiteral("Content-Type"));
            return QtConcurrent::run(m_pool.get(), [this, route, auth, body, type, timer]() {
                ScoreResponse r;
                if (!authorized(auth))
                    r = Scorer::error(401, QStringLiteral("a valid key is needed: Authorization: Bearer <key>"));
                else if (body.size() > m_options.maxBodyBytes)
                    r = Scorer::error(413, QStringLiteral("the body is %1 bytes, more than the %2 allowed").arg(body.size()).arg(m_options.maxBodyBytes));
                else
                    r = m_scorer->score(route, body, type);
                const double ms = double(timer.nsecsElapsed()) / 1e6;
                record(ms, r.status);
                emit requestLogged(QStringLiteral("POST %1 %2 %3 ms")
                                       .arg(route == Scorer::Route::Score ? QStringLiteral("/score") : QStringLiteral("/invocations"))
                                       .arg(r.status)
                                       .arg(ms, 0, 'f', 2));
                QHttpServerResponse response = jsonResponse(r);
                if (r.status == 401)
                    response.addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
                return response;
            });
        };
    };
    m_http->route(QStringLiteral("/score"), QHttpServerRequest::Method::Post, scoring(Scorer::Route::Score));
    m_http->route(QStringLiteral("/invocations"), QHttpServerRequest::Method::Post, scoring(Scorer::Route::Invocations));
    m_http->route(QStringLiteral("/swagger.json"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(m_scorer->openApi(scoringUri().chopped(int(qstrlen("/score"))), !m_options.key.isEmpty()));
    });
    m_http->route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("Healthy")},
                                               {QStringLiteral("model"), m_scorer->pipeline().algorithm()}});
    });
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        const ServeStats s = stats();
        return QHttpServerResponse(QJsonObject{{QStringLiteral("requests"), s.requests},
                                               {QStringLiteral("errors"), s.errors},
                                               {QStringLiteral("latency_p50_ms"), s.p50Ms},
                                               {QStringLiteral("latency_p90_ms"), s.p90Ms},
                                               {QStringLiteral("latency_p99_ms"), s.p99Ms}});
    });
    return m_port;
}

} // namespace stratus::serve
