#include "pipelines/TriggerDialog.h"

#include "pipeline/Triggers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace stratus {

TriggerDialog::TriggerDialog(Workspace &workspace, const QString &pipeline, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_pipeline(pipeline)
{
    setWindowTitle(tr("New trigger for %1").arg(pipeline));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("On a schedule"), QStringLiteral("schedule"));
    m_kind->addItem(tr("When a dataset gets a new version"), QStringLiteral("dataset"));
    m_kind->addItem(tr("When a folder gets a new file"), QStringLiteral("folder"));
    m_pages = new QStackedWidget(this);

    auto *schedule = new QWidget(this);
    m_every = new QLineEdit(QStringLiteral("1d"), schedule);
    m_every->setToolTip(tr("N followed by m, h, d or w: 15m, 2h, 1d, 1w"));
    m_at = new QLineEdit(schedule);
    m_at->setPlaceholderText(tr("times of day, e.g. 02:00,14:30 (days and weeks)"));
    m_missed = new QComboBox(schedule);
    m_missed->addItem(tr("run it once when the scheduler is back"), QStringLiteral("run_once"));
    m_missed->addItem(tr("skip it"), QStringLiteral("skip"));
    auto *scheduleForm = new QFormLayout(schedule);
    scheduleForm->addRow(tr("Every"), m_every);
    scheduleForm->addRow(tr("At"), m_at);
    scheduleForm->addRow(tr("A missed window"), m_missed);
    m_pages->addWidget(schedule);

    auto *dataset = new QWidget(this);
    m_dataset = new QLineEdit(dataset);
    auto *datasetForm = new QFormLayout(dataset);
    datasetForm->addRow(tr("Dataset"), m_dataset);
    m_pages->addWidget(dataset);

    auto *folder = new QWidget(this);
    m_folder = new QLineEdit(folder);
    m_pattern = new QLineEdit(QStringLiteral("*.csv"), folder);
    auto *browse = new QPushButton(tr("Browse..."), folder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *folderForm = new QFormLayout(folder);
    folderForm->addRow(tr("Folder"), folderRow);
    folderForm->addRow(tr("Files"), m_pattern);
    m_pages->addWidget(folder);

    m_parameter = new QLineEdit(this);
    m_parameter->setPlaceholderText(tr("a text parameter given the new version or file (optional)"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("Start a run"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    auto *parameterForm = new QFormLayout;
    parameterForm->addRow(tr("Parameter"), m_parameter);
    layout->addLayout(parameterForm);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) { m_parameter->setEnabled(i != 0); });
    m_parameter->setEnabled(false);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("A folder to watch"), m_folder->text());
        if (!path.isEmpty())
            m_folder->setText(path);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &TriggerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void TriggerDialog::accept()
{
    pipeline::TriggerRequest r;
    r.pipeline = m_pipeline;
    r.kind = m_kind->currentData().toString();
    r.every = m_every->text().trimmed();
    r.at = m_at->text().trimmed();
    r.missed = m_missed->currentData().toString();
    r.dataset = m_dataset->text().trimmed();
    r.folder = m_folder->text().trimmed();
    r.pattern = m_pattern->text().trimmed();
    if (r.kind != QLatin1String("schedule"))
        r.parameterName = m_parameter->text().trimmed();
    auto made = pipeline::createTrigger(m_ws, r);
    if (!made) {
        m_error->setText(made.message());
        return;
    }
    QDialog::accept();
}

} // namespace stratus
