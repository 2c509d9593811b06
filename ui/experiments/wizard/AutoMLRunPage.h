#pragma once
// The wizard's second page: the experiment (an existing one or a new name),
// the label column (suggested by name and type, LabelChoice.h) with the task
// it implies, and the compute profile.

#include "ml/automl/AutoMLConfig.h"

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace stratus {

class AutoMLWizard;

class AutoMLRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AutoMLRunPage(AutoMLWizard &wizard);
    void initializePage() override;
    bool isComplete() const override;
    void fill(ml::AutoMLConfig &config) const;

    QComboBox *experiment() const { return m_experiment; }
    QComboBox *label() const { return m_label; }
    QComboBox *compute() const { return m_compute; }
    QLabel *impliedTask() const { return m_task; }

private:
    QString problem() const;
    void showTask();
    AutoMLWizard &m_wizard;
    QComboBox *m_experiment, *m_label, *m_compute;
    QLabel *m_message, *m_task;
    qint64 m_datasetShown = 0;
};

} // namespace stratus
