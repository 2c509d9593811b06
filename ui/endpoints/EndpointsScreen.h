#pragma once
// EndpointsScreen: the workspace's endpoints with their state, model and
// scoring URI; Deploy, Start, Stop, Restart and Delete; and the selected
// endpoint's page: Details (URIs, state and its reason, model lineage,
// settings), Test, Consume, Logs (the process's output, live) and
// Monitoring. States come from the supervisor as they change.

#include "data/InputSchema.h"
#include "registry/Endpoint.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace stratus {

class EndpointConsumeTab;
class EndpointMonitorTab;
class EndpointTestTab;
class Reloader;
class Workspace;
namespace serve {
class EndpointSupervisor;
}

class EndpointsScreen : public QWidget {
    Q_OBJECT
public:
    EndpointsScreen(Workspace &workspace, serve::EndpointSupervisor &supervisor, QWidget *parent = nullptr);

    void refresh();
    void select(const QString &name);
    // Opens the deploy dialog (for `model`, "name:version", when given).
    void deploy(const QString &model = {});

    QTableWidget *table() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *details() const { return m_details; }
    QPlainTextEdit *logView() const { return m_log; }
    EndpointTestTab *testTab() const { return m_test; }
    EndpointConsumeTab *consumeTab() const { return m_consume; }
    EndpointMonitorTab *monitorTab() const { return m_monitor; }
    Reloader *reloader() const { return m_reloader; }

signals:
    void openModel(const QString &reference);

private:
    struct Schema {
        QList<ColumnSpec> columns;
        QJsonObject sample;
        QByteArray request;
        QStringList classes; // a classifier's, in predict_proba's order
    };
    const Endpoint *current() const;
    void showCurrent();
    void loadSchema(const QString &model);
    void act(const QString &action);

    Workspace &m_ws;
    serve::EndpointSupervisor &m_supervisor;
    Reloader *m_reloader, *m_schemaLoader;
    QList<Endpoint> m_endpoints;
    QString m_current, m_logShown;
    QHash<QString, Schema> m_schemas; // by model reference
    QHash<QString, QJsonObject> m_models; // the served versions' properties, by reference
    QTableWidget *m_table;
    QPushButton *m_start, *m_stop, *m_restart, *m_delete;
    QTabWidget *m_tabs;
    QLabel *m_details;
    EndpointTestTab *m_test;
    EndpointConsumeTab *m_consume;
    QPlainTextEdit *m_log;
    EndpointMonitorTab *m_monitor;
};

} // namespace stratus
