#pragma once
// An endpoint: a registered model version served over HTTP by its own
// process (`stratus-cli serve`), as Azure's Model.deploy makes a web
// service. The record holds what the user chose (name, model, address,
// worker threads, memory limit, authentication and its two keys) and what the
// supervisor last saw (state and its reason). `desiredState` says whether it
// should run: the studio restores the running ones when it opens the workspace.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace stratus {

enum class EndpointState { Stopped, Transitioning, Healthy, Unhealthy, Failed };
QString endpointStateName(EndpointState state);
// The state as the studio shows it, translated.
QString endpointStateLabel(EndpointState state);
EndpointState endpointStateFromName(const QString &name);
// A new endpoint key: 24 random bytes from the system's generator, URL-safe
// base64 without padding (32 characters), as Azure generates them.
QByteArray generateEndpointKey();

struct Endpoint {
    qint64 id = 0;
    QString name;
    QString model;     // the model version's name
    int modelVersion = 0;
    QString description;
    QVariantMap tags;
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    bool keyAuth = true;
    QString primaryKey, secondaryKey;
    int threads = 1;
    int memoryMb = 0; // 0: no limit
    bool shouldRun = false;
    EndpointState state = EndpointState::Stopped;
    QString stateReason;
    QDateTime createdAt;

    QString modelReference() const { return QStringLiteral("%1:%2").arg(model).arg(modelVersion); }
    QString baseUri() const;
    QString scoringUri() const { return baseUri() + QStringLiteral("/score"); }
    QString swaggerUri() const { return baseUri() + QStringLiteral("/swagger.json"); }
};

// What a user chooses when deploying.
struct EndpointRequest {
    QString name;
    QString model; // NAME[:VERSION]
    QString description;
    QVariantMap tags;
    QString host = QStringLiteral("127.0.0.1");
    int port = 0; // 0: a free port, chosen now and kept
    bool keyAuth = true;
    int threads = 1;
    int memoryMb = 0;
};

} // namespace stratus
