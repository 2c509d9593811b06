#include "pipeline/TriggerServer.h"

#include <QJsonDocument>
#include <httplib.h>
#include <thread>

namespace stratus::pipeline {

namespace {

void reply(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 17);
}

} // namespace

struct TriggerServer::Http {
    httplib::Server server;
    std::thread thread;
};

TriggerServer::TriggerServer(QString pipeline, QString host, int port, QByteArray key, Start start, Status status)
    : m_pipeline(std::move(pipeline)), m_host(std::move(host)), m_port(port), m_key(std::move(key)), m_start(std::move(start)), m_status(std::move(status))
{
}

TriggerServer::~TriggerServer()
{
    stop();
}

QString TriggerServer::uri() const
{
    return QStringLiteral("http://%1:%2").arg(m_host).arg(m_port);
}

Result<int> TriggerServer::listen()
{
    m_http = std::make_unique<Http>();
    auto authorized = [this](const httplib::Request &req, httplib::Response &res) {
        if (m_key.isEmpty() || req.get_header_value("Authorization") == "Bearer " + m_key.toStdString())
            return true;
        res.set_header("WWW-Authenticate", "Bearer");
        reply(res, 401, {{QStringLiteral("error"), QStringLiteral("a valid key is needed: Authorization: Bearer <key>")}});
        return false;
    };
    m_http->server.Post("/run", [this, authorized](const httplib::Request &req, httplib::Response &res) {
        if (!authorized(req, res))
            return;
        QJsonParseError error;
        const QJsonDocument doc = req.body.empty() ? QJsonDocument(QJsonObject{}) : QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
        if (!doc.isObject())
            return reply(res, 400, {{QStringLiteral("error"), QStringLiteral("the body must be a JSON object: {\"parameters\": {...}}")}});
        const QJsonObject o = doc.object();
        const QJsonObject given = o.contains(QStringLiteral("ParameterAssignments")) ? o.value(QStringLiteral("ParameterAssignments")).toObject()
                                                                                    : o.value(QStringLiteral("parameters")).toObject();
        QMap<QString, QString> parameters;
        for (auto it = given.begin(); it != given.end(); ++it)
            parameters.insert(it.key(), text(it.value()));
        const QString experiment = o.value(QStringLiteral("ExperimentName")).toString(o.value(QStringLiteral("experiment")).toString());
        auto started = m_start(parameters, experiment);
        if (!started)
            return reply(res, 400, {{QStringLiteral("error"), started.message()}});
        reply(res, 202, {{QStringLiteral("run_id"), *started}, {QStringLiteral("status"), QStringLiteral("NotStarted")},
                         {QStringLiteral("status_uri"), uri() + QStringLiteral("/runs/") + *started}});
    });
    m_http->server.Get(R"(/runs/([A-Za-z0-9_-]+))", [this, authorized](const httplib::Request &req, httplib::Response &res) {
        if (!authorized(req, res))
            return;
        const QJsonObject run = m_status(QString::fromStdString(req.matches[1].str()));
        if (run.isEmpty())
            return reply(res, 404, {{QStringLiteral("error"), QStringLiteral("no run %1 of the pipeline %2").arg(QString::fromStdString(req.matches[1].str()), m_pipeline)}});
        reply(res, 200, run);
    });
    if (!m_http->server.bind_to_port(m_host.toStdString(), m_port))
        return Error{QStringLiteral("the published pipeline %1 cannot listen on %2:%3 (is the port in use?)").arg(m_pipeline, m_host).arg(m_port)};
    m_http->thread = std::thread([this] { m_http->server.listen_after_bind(); });
    return m_port;
}

void TriggerServer::stop()
{
    if (!m_http)
        return;
    m_http->server.stop();
    if (m_http->thread.joinable())
        m_http->thread.join();
    m_http.reset();
}

} // namespace stratus::pipeline
