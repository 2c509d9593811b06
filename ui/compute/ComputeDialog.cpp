#include "compute/ComputeDialog.h"

#include "registry/ComputeStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace stratus {

ComputeDialog::ComputeDialog(Workspace &workspace, const ComputeProfile &profile, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_id(profile.id)
{
    setWindowTitle(profile.id ? tr("Edit compute profile") : tr("New compute profile"));
    m_name = new QLineEdit(profile.name, this);
    m_name->setObjectName(QStringLiteral("computeName"));
    m_name->setPlaceholderText(tr("e.g. cpu-cluster"));
    m_concurrent = new QSpinBox(this);
    m_concurrent->setObjectName(QStringLiteral("maxConcurrent"));
    m_concurrent->setRange(1, 1024);
    m_concurrent->setValue(profile.maxConcurrent);
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsPerTrial"));
    m_threads->setRange(1, 1024);
    m_threads->setValue(profile.threadsPerTrial);
    m_memory = new QSpinBox(this);
    m_memory->setObjectName(QStringLiteral("memoryMb"));
    m_memory->setRange(0, 1024 * 1024);
    m_memory->setSingleStep(256);
    m_memory->setSuffix(tr(" MB"));
    m_memory->setSpecialValueText(tr("No limit"));
    m_memory->setValue(profile.memoryMb);
    m_priority = new QComboBox(this);
    m_priority->addItem(tr("Normal"), QStringLiteral("normal"));
    m_priority->addItem(tr("Low"), QStringLiteral("low"));
    m_priority->setCurrentIndex(qMax(0, m_priority->findData(profile.priority)));
    m_description = new QLineEdit(profile.description, this);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("computeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_load = new QLabel(this);
    m_load->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(profile.id ? tr("Save") : tr("Create"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Max concurrent trials:"), m_concurrent);
    form->addRow(tr("Threads per trial:"), m_threads);
    form->addRow(tr("Memory per trial:"), m_memory);
    form->addRow(tr("Priority:"), m_priority);
    form->addRow(tr("Description:"), m_description);
    form->addRow(m_load);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ComputeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ComputeDialog::reject);
    for (QSpinBox *box : {m_concurrent, m_threads, m_memory})
        connect(box, &QSpinBox::valueChanged, this, &ComputeDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &ComputeDialog::validate);
    validate();
}

ComputeProfile ComputeDialog::profile() const
{
    ComputeProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.maxConcurrent = m_concurrent->value();
    p.threadsPerTrial = m_threads->value();
    p.memoryMb = m_memory->value();
    p.priority = m_priority->currentData().toString();
    p.description = m_description->text().trimmed();
    return p;
}

void ComputeDialog::validate()
{
    const ComputeProfile p = profile();
    const Status s = ComputeStore::validate(p);
    m_problem->setText(s.message());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(s.ok());
    const int cores = QThread::idealThreadCount();
    const int wanted = p.maxConcurrent * p.threadsPerTrial;
    m_load->setText(wanted > cores ? tr("%1 trials x %2 threads = %3 threads on %4 cores: trials will compete for "
                                        "the processor.")
                                         .arg(p.maxConcurrent)
                                         .arg(p.threadsPerTrial)
                                         .arg(wanted)
                                         .arg(cores)
                                   : tr("Uses up to %1 of this machine's %2 cores.").arg(wanted).arg(cores));
}

void ComputeDialog::accept()
{
    ComputeStore store(m_ws);
    const ComputeProfile p = profile();
    Status s;
    if (m_id)
        s = store.update(p);
    else if (auto made = store.create(p); !made)
        s = made.error();
    if (!s) {
        m_problem->setText(s.message());
        return;
    }
    QDialog::accept();
}

} // namespace stratus
