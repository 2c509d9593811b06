#pragma once
// ComputeDialog: create or edit a compute profile, with the rules checked as
// the user types and the problem shown in place. A profile of kind Slurm
// shows the partition's fields; saving one first checks it against the
// cluster (compute/SlurmCluster: sinfo, the shared folder) off the GUI
// thread, and "Test connection" runs a job that writes in the shared folder.

#include "registry/ComputeProfile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
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
    void kindChanged();
    void testConnection();
    void save();

    Workspace &m_ws;
    qint64 m_id;
    QLineEdit *m_name;
    QSpinBox *m_concurrent;
    QSpinBox *m_threads;
    QSpinBox *m_memory;
    QComboBox *m_priority;
    QLineEdit *m_description;
    QComboBox *m_kind;
    QGroupBox *m_slurmBox;
    QLineEdit *m_partition;
    QSpinBox *m_timeLimit;
    QLineEdit *m_account;
    QLineEdit *m_qos;
    QLineEdit *m_shared;
    QLineEdit *m_nodeShared;
    QLineEdit *m_worker;
    QSpinBox *m_retries;
    QCheckBox *m_skipCheck;
    QPushButton *m_test;
    QFormLayout *m_form;
    bool m_busy = false;
    QLabel *m_problem;
    QLabel *m_load;
    QDialogButtonBox *m_buttons;
};

} // namespace stratus
