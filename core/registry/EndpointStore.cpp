#include "registry/EndpointStore.h"

#include "registry/ModelStore.h"
#include "workspace/Names.h"
#include "workspace/Sql.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>

namespace stratus {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stratus::EndpointStore", text);
}

const QString kSelect = QStringLiteral(
    "SELECT e.id, e.name, m.name, v.version, e.description, e.tags, e.host, e.port, e.auth_mode, e.primary_key,"
    " e.secondary_key, e.settings, e.desired_state, e.state, e.state_reason, e.created_at"
    " FROM endpoints e JOIN model_versions v ON v.id = e.model_version_id JOIN models m ON m.id = v.model_id");

Endpoint fromQuery(const QSqlQuery &q)
{
    Endpoint e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.model = q.value(2).toString();
    e.modelVersion = q.value(3).toInt();
    e.description = q.value(4).toString();
    e.tags = QJsonDocument::fromJson(q.value(5).toByteArray()).object().toVariantMap();
    e.host = q.value(6).toString();
    e.port = q.value(7).toInt();
    e.keyAuth = q.value(8).toString() == QLatin1String("key");
    e.primaryKey = q.value(9).toString();
    e.secondaryKey = q.value(10).toString();
    const QJsonObject settings = QJsonDocument::fromJson(q.value(11).toByteArray()).object();
    e.threads = settings.value(QStringLiteral("threads")).toInt(1);
    e.memoryMb = settings.value(QStringLiteral("memory_mb")).toInt(0);
    e.shouldRun = q.value(12).toString() == QLatin1String("running");
    e.state = endpointStateFromName(q.value(13).toString());
    e.stateReason = q.value(14).toString();
    e.createdAt = sql::timestamp(q.value(15));
    return e;
}

} // namespace

QString endpointStateName(EndpointState state)
{
    switch (state) {
    case EndpointState::Stopped: return QStringLiteral("Stopped");
    case EndpointState::Transitioning: return QStringLiteral("Transitioning");
    case EndpointState::Healthy: return QStringLiteral("Healthy");
    case EndpointState::Unhealthy: return QStringLiteral("Unhealthy");
    case EndpointState::Failed: return QStringLiteral("Failed");
    }
    return {};
}

EndpointState endpointStateFromName(const QString &name)
{
    for (auto s : {EndpointState::Transitioning, EndpointState::Healthy, EndpointState::Unhealthy, EndpointState::Failed})
        if (endpointStateName(s) == name)
            return s;
    return EndpointState::Stopped;
}

QString endpointStateLabel(EndpointState state)
{
    switch (state) {
    case EndpointState::Stopped: return QCoreApplication::translate("stratus::EndpointState", "Stopped");
    case EndpointState::Transitioning: return QCoreApplication::translate("stratus::EndpointState", "Transitioning");
    case EndpointState::Healthy: return QCoreApplication::translate("stratus::EndpointState", "Healthy");
    case EndpointState::Unhealthy: return QCoreApplication::translate("stratus::EndpointState", "Unhealthy");
    case EndpointState::Failed: return QCoreApplication::translate("stratus::EndpointState", "Failed");
    }
    return {};
}

QByteArray generateEndpointKey()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString Endpoint::baseUri() const
{
    const QHostAddress address(host);
    const QString h = address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("http://%1:%2").arg(h).arg(port);
}

int EndpointStore::freePort(const QString &host)
{
    QTcpServer probe;
    return probe.listen(QHostAddress(host), 0) ? probe.serverPort() : 0;
}

Result<Endpoint> EndpointStore::create(const EndpointRequest &r)
{
    if (Status s = names::checkEndpointName(r.name); !s)
        return s.error();
    if (get(r.name))
        return Error{tr("An endpoint named '%1' exists already: choose another name.").arg(r.name)};
    auto version = ModelStore(m_ws).resolve(r.model);
    if (!version)
        return Error{tr("model: %1").arg(version.message())};
    QHostAddress address;
    if (!address.setAddress(r.host))
        return Error{tr("host: '%1' is not an IP address (127.0.0.1 serves this machine only).").arg(r.host)};
    if (r.port < 0 || r.port > 65535)
        return Error{tr("port: %1 is not a port number (1 to 65535, or 0 for a free one).").arg(r.port)};
    if (r.threads < 1 || r.threads > 256)
        return Error{tr("threads: %1 is out of range (1 to 256).").arg(r.threads)};
    if (r.memoryMb != 0 && (r.memoryMb < 64 || r.memoryMb > 1024 * 1024))
        return Error{tr("memory: %1 MB is out of range (64 MB or more, or 0 for no limit).").arg(r.memoryMb)};
    const int port = r.port != 0 ? r.port : freePort(r.host);
    if (port == 0)
        return Error{tr("host: no free port could be found on %1.").arg(r.host)};
    const QString primary = r.keyAuth ? QString::fromLatin1(generateEndpointKey()) : QString();
    const QString secondary = r.keyAuth ? QString::fromLatin1(generateEndpointKey()) : QString();
    const QJsonObject settings{{QStringLiteral("threads"), r.threads}, {QStringLiteral("memory_mb"), r.memoryMb}};
    auto q = sql::run(m_ws.connection(),
                      QStringLiteral("INSERT INTO endpoints (name, model_version_id, description, tags, host, port, auth_mode,"
                                     " primary_key, secondary_key, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {r.name, version->id, r.description,
                       QJsonDocument(QJsonObject::fromVariantMap(r.tags)).toJson(QJsonDocument::Compact), address.toString(), port,
                       r.keyAuth ? QStringLiteral("key") : QStringLiteral("none"), primary, secondary,
                       QJsonDocument(settings).toJson(QJsonDocument::Compact), sql::now()});
    if (!q)
        return q.error();
    m_ws.notifyEndpointsChanged();
    return get(r.name);
}

Result<QList<Endpoint>> EndpointStore::list() const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" ORDER BY e.name COLLATE NOCASE"));
    if (!q)
        return q.error();
    QList<Endpoint> out;
    while (q->next())
        out << fromQuery(*q);
    return out;
}

Result<Endpoint> EndpointStore::get(const QString &name) const
{
    auto q = sql::run(m_ws.connection(), kSelect + QStringLiteral(" WHERE e.name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{tr("No endpoint is named '%1'.").arg(name)};
    return fromQuery(*q);
}

Status EndpointStore::remove(const QString &name)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("DELETE FROM endpoints WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{tr("No endpoint is named '%1'.").arg(name)};
    m_ws.notifyEndpointsChanged();
    return {};
}

Result<QString> EndpointStore::regenerateKey(const QString &name, Key key)
{
    auto e = get(name);
    if (!e)
        return e.error();
    if (!e->keyAuth)
        return Error{tr("Endpoint '%1' has no keys: it was deployed without authentication.").arg(name)};
    const QString value = QString::fromLatin1(generateEndpointKey());
    const QString column = key == Key::Primary ? QStringLiteral("primary_key") : QStringLiteral("secondary_key");
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE endpoints SET %1 = ? WHERE name = ?").arg(column), {value, name});
    if (!q)
        return q.error();
    m_ws.notifyEndpointsChanged();
    return value;
}

Status EndpointStore::setShouldRun(const QString &name, bool run)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE endpoints SET desired_state = ? WHERE name = ?"),
                      {run ? QStringLiteral("running") : QStringLiteral("stopped"), name});
    if (!q)
        return q.error();
    m_ws.notifyEndpointsChanged();
    return {};
}

Status EndpointStore::setModel(const QString &name, const QString &model, const QVariantMap &tags)
{
    auto version = ModelStore(m_ws).resolve(model);
    if (!version)
        return Error{tr("model: %1").arg(version.message())};
    auto endpoint = get(name);
    if (!endpoint)
        return endpoint.error();
    QVariantMap merged = endpoint->tags;
    merged.insert(tags);
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE endpoints SET model_version_id = ?, tags = ? WHERE name = ?"),
                      {version->id, QJsonDocument(QJsonObject::fromVariantMap(merged)).toJson(QJsonDocument::Compact), name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{tr("There is no endpoint named '%1'.").arg(name)};
    m_ws.notifyEndpointsChanged();
    return {};
}

Status EndpointStore::setState(const QString &name, EndpointState state, const QString &reason)
{
    auto q = sql::run(m_ws.connection(), QStringLiteral("UPDATE endpoints SET state = ?, state_reason = ? WHERE name = ?"),
                      {endpointStateName(state), reason, name});
    if (!q)
        return q.error();
    m_ws.notifyEndpointsChanged();
    return {};
}

} // namespace stratus
