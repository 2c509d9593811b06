#pragma once
// RegisterModelDialog: "Register model" from a run, as Azure's
// register_model: a name (an existing name adds a version), a description and
// tags. A child run other than the best has no model trained on every row
// yet: the dialog trains it (off the GUI thread) before registering.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace stratus {

class Workspace;

class RegisterModelDialog : public QDialog {
    Q_OBJECT
public:
    RegisterModelDialog(Workspace &workspace, const QString &runId, const QString &suggestedName, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    // After acceptance: "name:version".
    QString registered() const { return m_registered; }
    // The run whose model it registers.
    QString runId() const { return m_runId; }
    // Registers with the fields as they are (the OK button calls it).
    void submit();

signals:
    void registeredModel(const QString &reference);

private:
    QString problem() const;
    void check();

    Workspace &m_ws;
    QString m_runId;
    QString m_registered;
    QLineEdit *m_name, *m_tags;
    QPlainTextEdit *m_description;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace stratus
