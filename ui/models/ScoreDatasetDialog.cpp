#include "models/ScoreDatasetDialog.h"

#include "data/store/DatasetStore.h"
#include "export/BatchScoring.h"
#include "registry/ComputeStore.h"
#include "registry/ModelStore.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace stratus {

ScoreDatasetDialog::ScoreDatasetDialog(Workspace &workspace, const QString &model, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_model(model)
{
    setWindowTitle(tr("Score dataset with %1").arg(model));
    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("scoreDataset"));
    for (const DatasetSummary &d : DatasetStore(m_ws).list().value_or(QList<DatasetSummary>()))
        for (const DatasetVersion &v : DatasetStore(m_ws).versions(d.name).value_or(QList<DatasetVersion>()))
            m_dataset->addItem(tr("%1:%2  (%3 rows)").arg(v.name).arg(v.version).arg(QLocale().toString(v.rows)),
                               QStringLiteral("%1:%2").arg(v.name).arg(v.version));
    // The dataset the model was trained on, when it is here.
    if (auto v = ModelStore(m_ws).resolve(model))
        m_dataset->setCurrentIndex(qMax(0, m_dataset->findData(v->properties.value(QStringLiteral("dataset_version")).toString())));
    // Where: this machine, or a Slurm profile's partition (chunks as jobs: export/SlurmScoring.h).
    m_compute = new QComboBox(this);
    m_compute->setObjectName(QStringLiteral("scoreCompute"));
    m_compute->addItem(tr("This machine"), QString());
    for (const ComputeProfile &p : ComputeStore(m_ws).list().value_or(QList<ComputeProfile>()))
        if (p.isSlurm())
            m_compute->addItem(tr("%1 (Slurm partition %2, up to %3 jobs)").arg(p.name, p.slurm.partition).arg(p.maxConcurrent), p.name);
    m_register = new QCheckBox(tr("Register the scores as a new dataset version (<dataset>-scored)"), this);
    m_register->setChecked(true);
    m_writeCsv = new QCheckBox(tr("Write a CSV file"), this);
    m_csv = new QLineEdit(QDir::home().filePath(QStringLiteral("scores.csv")), this);
    m_csv->setEnabled(false);
    auto *browse = new QPushButton(tr("Browse..."), this);
    browse->setEnabled(false);
    auto *csvRow = new QHBoxLayout;
    csvRow->addWidget(m_csv, 1);
    csvRow->addWidget(browse);
    m_progress = style::progressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_message = new QLabel(tr("Every row keeps its columns and gets the prediction and each class's probability."), this);
    m_message->setWordWrap(true);
    m_score = new QPushButton(tr("Score"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_score, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Model"), new QLabel(model, this));
    form->addRow(tr("Dataset"), m_dataset);
    form->addRow(tr("Runs on"), m_compute);
    form->setRowVisible(m_compute, m_compute->count() > 1);
    form->addRow(m_register);
    form->addRow(m_writeCsv);
    form->addRow(tr("CSV file"), csvRow);
    form->addRow(m_progress);
    form->addRow(m_message);
    form->addRow(buttons);
    connect(m_writeCsv, &QCheckBox::toggled, m_csv, &QWidget::setEnabled);
    connect(m_writeCsv, &QCheckBox::toggled, browse, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Write the scores to"), m_csv->text(), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_csv->setText(path);
    });
    connect(m_score, &QPushButton::clicked, this, &ScoreDatasetDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_score->setEnabled(m_dataset->count() > 0);
}

void ScoreDatasetDialog::start()
{
    ScoreRequest request;
    request.model = m_model;
    request.dataset = m_dataset->currentData().toString();
    request.registerDataset = m_register->isChecked();
    request.outputCsv = m_writeCsv->isChecked() ? m_csv->text().trimmed() : QString();
    request.compute = m_compute->currentData().toString();
    delete m_job;
    m_job = new ScoreJob(m_ws, request, this);
    connect(m_job, &ScoreJob::progressChanged, m_progress, &QProgressBar::setValue, Qt::QueuedConnection);
    connect(m_job, &ScoreJob::finished, this, &ScoreDatasetDialog::done);
    m_progress->setValue(0);
    m_score->setEnabled(false);
    m_cancel->setEnabled(true);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Scoring %1 with %2...").arg(request.dataset, m_model));
    m_job->start();
}

void ScoreDatasetDialog::done()
{
    m_score->setEnabled(true);
    m_cancel->setEnabled(false);
    const auto &result = m_job->result();
    if (!result) {
        m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));
        m_message->setText(result.message());
        return;
    }
    m_progress->setValue(1000);
    QStringList wrote;
    if (!result->registered.isEmpty())
        wrote << tr("registered dataset %1").arg(result->registered);
    if (m_writeCsv->isChecked())
        wrote << tr("wrote %1").arg(m_csv->text().trimmed());
    m_message->setStyleSheet(QStringLiteral("color: #107c10;"));
    m_message->setText(tr("Scored %1 rows with %2: %3.").arg(QLocale().toString(result->rows), result->algorithm, wrote.join(tr(", "))));
    emit scored(result->registered);
}

} // namespace stratus
