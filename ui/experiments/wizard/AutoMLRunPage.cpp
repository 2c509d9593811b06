#include "experiments/wizard/AutoMLRunPage.h"

#include "experiments/wizard/AutoMLWizard.h"
#include "experiments/wizard/LabelChoice.h"
#include "registry/ComputeStore.h"
#include "registry/ExperimentStore.h"
#include "shared/Style.h"
#include "workspace/Names.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace stratus {

AutoMLRunPage::AutoMLRunPage(AutoMLWizard &wizard) : m_wizard(wizard)
{
    setTitle(tr("Configure the run"));
    setSubTitle(tr("Runs are grouped in experiments. The label column is the one to predict."));
    m_experiment = new QComboBox(this);
    m_experiment->setObjectName(QStringLiteral("wizardExperiment"));
    m_experiment->setEditable(true);
    m_experiment->lineEdit()->setPlaceholderText(tr("A new or existing experiment"));
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("wizardLabel"));
    m_compute = new QComboBox(this);
    m_compute->setObjectName(QStringLiteral("wizardCompute"));
    m_task = new QLabel(this);
    m_task->setObjectName(QStringLiteral("wizardImpliedTask"));
    m_task->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Experiment name"), m_experiment);
    form->addRow(tr("Label column"), m_label);
    form->addRow(QString(), m_task);
    form->addRow(tr("Compute profile"), m_compute);
    form->addRow(m_message);

    if (auto experiments = ExperimentStore(wizard.workspace()).list())
        for (const Experiment &e : *experiments)
            m_experiment->addItem(e.name);
    if (m_experiment->findText(QStringLiteral("automl")) < 0)
        m_experiment->addItem(QStringLiteral("automl"));
    if (auto profiles = ComputeStore(wizard.workspace()).list())
        for (const ComputeProfile &p : *profiles)
            m_compute->addItem(p.isSlurm() ? tr("%1 (Slurm partition %2, jobs at once: %3)").arg(p.name, p.slurm.partition).arg(p.maxConcurrent)
                                           : tr("%1 (this machine, trials at once: %2)").arg(p.name).arg(p.maxConcurrent),
                               p.name);
    // This machine's "local" profile first chosen, whatever sorts before it.
    m_compute->setCurrentIndex(qMax(0, m_compute->findData(QStringLiteral("local"))));
    connect(m_label, &QComboBox::currentIndexChanged, this, &AutoMLRunPage::showTask);
    connect(m_experiment, &QComboBox::editTextChanged, this, [this] {
        style::markField(m_experiment, problem());
        m_message->setText(problem());
        emit completeChanged();
    });
}

void AutoMLRunPage::initializePage()
{
    const DatasetVersion &d = m_wizard.dataset();
    if (d.id == m_datasetShown)
        return;
    m_datasetShown = d.id;
    m_label->clear();
    for (const DatasetColumn &c : d.columns)
        m_label->addItem(QStringLiteral("%1  (%2)").arg(c.name, columnTypeLabel(c.type)), c.name);
    // The label the dataset's tags name (the samples' do), else suggested by name and type
    // (LabelChoice.h): never a prediction of a scored dataset.
    const int tagged = m_label->findData(d.tags.value(QStringLiteral("label")).toString());
    m_label->setCurrentIndex(tagged >= 0 ? tagged : std::max(0, suggestLabel(d.columns)));
    showTask();
}

void AutoMLRunPage::showTask()
{
    const QString name = m_label->currentData().toString();
    for (const DatasetColumn &c : m_wizard.dataset().columns)
        if (c.name == name)
            m_task->setText(isPredictionColumn(name)
                                ? tr("This column is a prediction of a scored dataset, not a label.")
                                : describeTask(c) + QLatin1Char('.'));
}

QString AutoMLRunPage::problem() const
{
    const Status s = names::checkExperimentName(m_experiment->currentText().trimmed());
    return s ? QString() : s.message();
}

bool AutoMLRunPage::isComplete() const
{
    return problem().isEmpty() && m_label->count() > 0 && m_compute->count() > 0;
}

void AutoMLRunPage::fill(ml::AutoMLConfig &config) const
{
    config.experiment = m_experiment->currentText().trimmed();
    config.label = m_label->currentData().toString();
    config.computeProfile = m_compute->currentData().toString();
}

} // namespace stratus
