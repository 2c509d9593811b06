#pragma once
// EndpointConsumeTab: what a client needs, as Azure's Consume tab shows it —
// the scoring and Swagger URIs, the primary and secondary keys (hidden until
// shown; copy; regenerate, which the running endpoint takes within a
// second), and complete code for curl, Python requests and C++ with Qt,
// filled with the URI, the primary key and a sample request. The code shows
// the key masked like the key fields (until "Show keys"); "Copy code"
// copies it with the real key.

#include "registry/Endpoint.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace stratus {

class Workspace;
namespace serve {
class EndpointSupervisor;
}

class EndpointConsumeTab : public QWidget {
    Q_OBJECT
public:
    EndpointConsumeTab(Workspace &workspace, serve::EndpointSupervisor &supervisor, QWidget *parent = nullptr);

    void setEndpoint(const Endpoint &endpoint, const QByteArray &sampleRequest);
    QString snippet(int language) const; // 0 curl, 1 Python, 2 C++; with the real key (what "Copy code" copies)
    QString shownSnippet(int language) const; // as shown: the key masked unless the keys are shown

private:
    void regenerate(bool primary);
    void showCode();

    Workspace &m_ws;
    serve::EndpointSupervisor &m_supervisor;
    Endpoint m_endpoint;
    QByteArray m_sample;
    QLineEdit *m_uri, *m_swagger, *m_primary, *m_secondary;
    QPushButton *m_regeneratePrimary, *m_regenerateSecondary;
    QTabWidget *m_snippets;
    QList<QPlainTextEdit *> m_code;
    QStringList m_realCode; // per language, with the key
    QString m_key;          // the key in the code ("" without authentication)
    bool m_keysShown = false;
};

} // namespace stratus
