#pragma once
// EndpointStore: the endpoints of a workspace. create() checks everything
// the user chose (the name rule, a unique name, the model version, an IP
// address, the port, threads and memory) and returns an error naming the
// field; with keys on it generates the primary and secondary keys. A port of
// 0 is replaced by a free one at creation, so the URIs stay the same across
// restarts. State changes are the supervisor's; removing a model version
// that an endpoint serves is refused by the registry.

#include "common/Result.h"
#include "registry/Endpoint.h"

namespace stratus {

class Workspace;

class EndpointStore {
public:
    explicit EndpointStore(Workspace &workspace) : m_ws(workspace) {}

    Result<Endpoint> create(const EndpointRequest &request);
    Result<QList<Endpoint>> list() const;
    Result<Endpoint> get(const QString &name) const;
    Status remove(const QString &name);

    enum class Key { Primary, Secondary };
    // A new key replaces the old one (a running endpoint takes it at once).
    Result<QString> regenerateKey(const QString &name, Key key);
    Status setShouldRun(const QString &name, bool run);
    // Points the endpoint at another model version (NAME[:V]); its URI and keys stay.
    // `tags` are merged into the endpoint's (a pipeline's deploy step names its run and step).
    Status setModel(const QString &name, const QString &model, const QVariantMap &tags = {});
    Status setState(const QString &name, EndpointState state, const QString &reason = {});

    // A port nothing listens on now, on `host`.
    static int freePort(const QString &host);

private:
    Workspace &m_ws;
};

} // namespace stratus
