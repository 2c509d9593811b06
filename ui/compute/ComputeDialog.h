#pragma once
// ComputeDialog: create or edit a compute profile, with the rules checked as
// the user types and the problem shown in place.

#include "registry/ComputeProfile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace stratus {

class Workspace;

class ComputeDialog : public QDialog {
    Q_OBJECT
public:
    // profile.id == 0: create; otherwise edit that profile.
    ComputeDialog(Workspace &workspace, const ComputeProfile &profile, QWidget *parent = nullptr);

    ComputeProfile profile() const;
    void accept() override;

private:
    void validate();

    Workspace &m_ws;
    qint64 m_id;
    QLineEdit *m_name;
    QSpinBox *m_concurrent;
    QSpinBox *m_threads;
    QSpinBox *m_memory;
    QComboBox *m_priority;
    QLineEdit *m_description;
    QLabel *m_problem;
    QLabel *m_load;
    QDialogButtonBox *m_buttons;
};

} // namespace stratus
