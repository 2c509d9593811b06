#pragma once
// DeployDialog: deploys a registered model version as an endpoint, as
// Azure's deploy form does: name (checked in place against the naming rule
// and the existing endpoints), description, tags, address (127.0.0.1; any
// other address is allowed with a warning), port (a free one by default),
// worker threads, memory limit, and key-based authentication (on by
// default). Deploy creates the record and asks the supervisor to start it.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace stratus {

class Workspace;
namespace serve {
class EndpointSupervisor;
}

class DeployDialog : public QDialog {
    Q_OBJECT
public:
    DeployDialog(Workspace &workspace, serve::EndpointSupervisor &supervisor, const QString &model, QWidget *parent = nullptr);

    QString endpointName() const;

signals:
    void deployed(const QString &endpoint);

private:
    // What keeps the form from being deployed, and the field it is about (or none).
    struct Problem {
        QString message;
        QWidget *field = nullptr;
    };
    Problem problem() const;
    void check();
    void submit();

    Workspace &m_ws;
    serve::EndpointSupervisor &m_supervisor;
    QComboBox *m_model;
    QLineEdit *m_name, *m_tags;
    QPlainTextEdit *m_description;
    QComboBox *m_host;
    QSpinBox *m_port, *m_threads, *m_memory;
    QCheckBox *m_keys;
    QLabel *m_warning, *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace stratus
