#include "compute/ComputeDialog.h"

#include "compute/SlurmCluster.h"
#include "registry/ComputeStore.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

ComputeDialog::ComputeDialog(Workspace &workspace, const ComputeProfile &profile, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_id(profile.id)
{
    setWindowTitle(profile.id ? tr("Edit compute profile") : tr("New compute profile"));
    m_name = new QLineEdit(profile.name, this);
    m_name->setObjectName(QStringLiteral("computeName"));
    m_name->setPlaceholderText(tr("e.g. cpu-cluster"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("computeKind"));
    m_kind->addItem(tr("This machine"), QStringLiteral("local"));
    m_kind->addItem(tr("Slurm cluster"), QStringLiteral("slurm"));
    m_kind->setCurrentIndex(profile.isSlurm() ? 1 : 0);
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

    // The Slurm partition's fields.
    const SlurmSettings &s = profile.slurm;
    m_slurmBox = new QGroupBox(tr("Slurm"), this);
    m_partition = new QLineEdit(s.partition, m_slurmBox);
    m_partition->setObjectName(QStringLiteral("slurmPartition"));
    m_partition->setPlaceholderText(tr("e.g. batch (sinfo lists them)"));
    m_timeLimit = new QSpinBox(m_slurmBox);
    m_timeLimit->setObjectName(QStringLiteral("slurmTimeLimit"));
    m_timeLimit->setRange(1, 525600);
    m_timeLimit->setSuffix(tr(" min"));
    m_timeLimit->setValue(s.timeLimitMinutes);
    m_account = new QLineEdit(s.account, m_slurmBox);
    m_account->setPlaceholderText(tr("your default"));
    m_qos = new QLineEdit(s.qos, m_slurmBox);
    m_qos->setPlaceholderText(tr("the partition's default"));
    m_shared = new QLineEdit(s.sharedFolder, m_slurmBox);
    m_shared->setObjectName(QStringLiteral("slurmSharedFolder"));
    m_shared->setPlaceholderText(tr("a folder this machine and the nodes both mount"));
    auto *browse = new QPushButton(tr("Browse..."), m_slurmBox);
    m_nodeShared = new QLineEdit(s.nodeSharedFolder, m_slurmBox);
    m_nodeShared->setPlaceholderText(tr("the same path"));
    m_worker = new QLineEdit(s.workerCommand, m_slurmBox);
    m_worker->setPlaceholderText(tr("this machine's stratus-cli"));
    m_retries = new QSpinBox(m_slurmBox);
    m_retries->setRange(0, 10);
    m_retries->setValue(s.maxRetries);
    m_test = new QPushButton(tr("Test connection"), m_slurmBox);
    m_test->setObjectName(QStringLiteral("slurmTest"));
    m_skipCheck = new QCheckBox(tr("Save without checking the cluster"), m_slurmBox);
    auto *sharedRow = new QHBoxLayout;
    sharedRow->addWidget(m_shared, 1);
    sharedRow->addWidget(browse);
    // Two fields a row where they pair, so that the dialog fits a small screen.
    const auto pair = [this](QWidget *left, const QString &label, QWidget *right) {
        auto *row = new QHBoxLayout;
        row->addWidget(left, 1);
        row->addWidget(new QLabel(label, m_slurmBox));
        row->addWidget(right, 1);
        return row;
    };
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_test);
    checkRow->addWidget(m_skipCheck);
    checkRow->addStretch();
    auto *slurmForm = new QFormLayout(m_slurmBox);
    slurmForm->addRow(tr("Partition:"), m_partition);
    slurmForm->addRow(tr("Time limit per job:"), pair(m_timeLimit, tr("Retries of a failed job:"), m_retries));
    slurmForm->addRow(tr("Account:"), pair(m_account, tr("QOS:"), m_qos));
    slurmForm->addRow(tr("Shared folder:"), sharedRow);
    slurmForm->addRow(tr("Shared folder on the nodes:"), m_nodeShared);
    slurmForm->addRow(tr("stratus-cli on the nodes:"), m_worker);
    slurmForm->addRow(checkRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("computeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_load = new QLabel(this);
    m_load->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(profile.id ? tr("Save") : tr("Create"));

    m_form = new QFormLayout(this);
    m_form->addRow(tr("Name:"), m_name);
    m_form->addRow(tr("Runs on:"), m_kind);
    m_form->addRow(tr("Max concurrent trials:"), m_concurrent);
    m_form->addRow(tr("Threads per trial:"), m_threads);
    m_form->addRow(tr("Memory per trial:"), m_memory);
    m_form->addRow(tr("Priority:"), m_priority);
    m_form->addRow(tr("Description:"), m_description);
    m_form->addRow(m_slurmBox);
    m_form->addRow(m_load);
    m_form->addRow(m_problem);
    m_form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ComputeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ComputeDialog::reject);
    for (QSpinBox *box : {m_concurrent, m_threads, m_memory, m_timeLimit, m_retries})
        connect(box, &QSpinBox::valueChanged, this, &ComputeDialog::validate);
    for (QLineEdit *edit : {m_name, m_partition, m_account, m_qos, m_shared, m_nodeShared, m_worker})
        connect(edit, &QLineEdit::textChanged, this, &ComputeDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ComputeDialog::kindChanged);
    connect(m_test, &QPushButton::clicked, this, &ComputeDialog::testConnection);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Shared folder"), m_shared->text());
        if (!dir.isEmpty())
            m_shared->setText(dir);
    });
    setMinimumWidth(560);
    kindChanged();
}

void ComputeDialog::kindChanged()
{
    const bool slurm = m_kind->currentData().toString() == QLatin1String("slurm");
    m_slurmBox->setVisible(slurm);
    m_priority->setEnabled(!slurm); // Slurm's own priorities and QOS decide there
    m_priority->setToolTip(slurm ? tr("On Slurm the partition and the QOS decide the jobs' priority.") : QString());
    auto label = [this](QWidget *field) { return qobject_cast<QLabel *>(m_form->labelForField(field)); };
    label(m_concurrent)->setText(slurm ? tr("Max concurrent jobs:") : tr("Max concurrent trials:"));
    label(m_threads)->setText(slurm ? tr("CPUs per job:") : tr("Threads per trial:"));
    label(m_memory)->setText(slurm ? tr("Memory per job:") : tr("Memory per trial:"));
    m_memory->setSpecialValueText(slurm ? tr("Partition's default") : tr("No limit"));
    validate();
    adjustSize();
}

ComputeProfile ComputeDialog::profile() const
{
    ComputeProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.kind = m_kind->currentData().toString();
    p.maxConcurrent = m_concurrent->value();
    p.threadsPerTrial = m_threads->value();
    p.memoryMb = m_memory->value();
    p.priority = m_priority->currentData().toString();
    p.description = m_description->text().trimmed();
    if (p.isSlurm()) {
        p.slurm.partition = m_partition->text().trimmed();
        p.slurm.timeLimitMinutes = m_timeLimit->value();
        p.slurm.account = m_account->text().trimmed();
        p.slurm.qos = m_qos->text().trimmed();
        p.slurm.sharedFolder = m_shared->text().trimmed();
        p.slurm.nodeSharedFolder = m_nodeShared->text().trimmed();
        p.slurm.workerCommand = m_worker->text().trimmed();
        p.slurm.maxRetries = m_retries->value();
    }
    return p;
}

void ComputeDialog::validate()
{
    const ComputeProfile p = profile();
    const Status s = ComputeStore::validate(p);
    m_problem->setText(s.message());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(s.ok() && !m_busy);
    m_test->setEnabled(s.ok() && !m_busy);
    if (p.isSlurm()) {
        m_load->setText(tr("Slurm jobs at once: up to %1, on partition %2; CPUs per job: %3. The workspace stays on "
                           "this machine; the nodes read and write the shared folder.")
                            .arg(p.maxConcurrent)
                            .arg(p.slurm.partition.isEmpty() ? tr("(none yet)") : p.slurm.partition)
                            .arg(p.threadsPerTrial));
        return;
    }
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

void ComputeDialog::testConnection()
{
    m_busy = true;
    validate();
    m_load->setText(tr("A job on the partition writes in the shared folder..."));
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<QString> answer = watcher->result();
        m_busy = false;
        validate();
        // The answer where the dialog says what the profile does, or the problem where problems go.
        if (answer)
            m_load->setText(*answer);
        else
            m_problem->setText(answer.message());
    });
    watcher->setFuture(QtConcurrent::run([p = profile(), path = m_ws.path()] { return slurm::probe(p, path, 120); }));
}

void ComputeDialog::accept()
{
    const ComputeProfile p = profile();
    if (!p.isSlurm() || m_skipCheck->isChecked()) {
        save();
        return;
    }
    // sinfo and the shared folder, off the GUI thread (a controller that does not answer takes seconds).
    m_busy = true;
    validate();
    m_problem->setText(tr("Checking the cluster..."));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, p] {
        watcher->deleteLater();
        const Status checked = watcher->result();
        m_busy = false;
        validate();
        if (!checked) {
            m_problem->setText(checked.message());
            return;
        }
        if (profile() == p) // what was checked, unless it changed meanwhile: then check again
            save();
        else
            accept();
    });
    watcher->setFuture(QtConcurrent::run([p] { return slurm::check(p); }));
}

void ComputeDialog::save()
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
