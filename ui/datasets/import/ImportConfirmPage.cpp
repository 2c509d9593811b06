#include "datasets/import/ImportConfirmPage.h"

#include "data/import/ImportJob.h"
#include "data/store/DatasetStore.h"
#include "datasets/import/ImportWizard.h"
#include "shared/Style.h"
#include "workspace/Names.h"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace stratus {

ImportConfirmPage::ImportConfirmPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Confirm details"));
    setSubTitle(tr("Register the data as a dataset. A name that exists already gets a new version."));
    setButtonText(QWizard::FinishButton, tr("Create"));
    setCommitPage(false);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("key=value, key2=value2"));
    m_nameProblem = new QLabel(this);
    m_nameProblem->setWordWrap(true);
    m_nameProblem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_progress = style::progressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel import"), this);
    m_cancel->setObjectName(QStringLiteral("cancelImportButton"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("importProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Tags:"), m_tags);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addStretch();
    layout->addLayout(progressRow);
    layout->addWidget(m_problem);
    setBusy(false);

    connect(m_name, &QLineEdit::textChanged, this, &ImportConfirmPage::checkName);
    connect(m_tags, &QLineEdit::textChanged, this, &ImportConfirmPage::checkName);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
}

void ImportConfirmPage::initializePage()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    if (m_name->text().isEmpty())
        m_name->setText(names::datasetNameFromFile(w->filePath(), QString()));
    const auto &preview = w->preview();
    if (preview.ok()) {
        const int kept = int(preview->allColumns.size()) - int(std::count_if(
            w->options().columns.cbegin(), w->options().columns.cend(), [](const ColumnChoice &c) { return c.ignored; }));
        m_summary->setText(tr("File: %1\nDelimiter: %2; header: %3; decimal comma: %4\nColumns: %5 of %6")
                               .arg(QDir::toNativeSeparators(w->filePath()),
                                    CsvDialect::delimiterName(preview->dialect.delimiter),
                                    preview->dialect.hasHeader ? tr("yes") : tr("no"),
                                    preview->dialect.decimalComma ? tr("yes") : tr("no"))
                               .arg(kept)
                               .arg(preview->allColumns.size()));
    }
    m_problem->clear();
    checkName();
}

void ImportConfirmPage::checkName()
{
    QString problem;
    if (Status s = names::checkDatasetName(m_name->text().trimmed()); !s)
        problem = s.message();
    else if (auto tags = parseTags(m_tags->text()); !tags)
        problem = tr("Tags: %1").arg(tags.message());
    m_nameProblem->setText(problem);
    m_nameProblem->setVisible(!problem.isEmpty());
    emit completeChanged();
}

bool ImportConfirmPage::isComplete() const
{
    return !m_job && m_nameProblem->text().isEmpty() && !m_name->text().trimmed().isEmpty();
}

bool ImportConfirmPage::validatePage()
{
    if (m_done)
        return true;
    startImport();
    return false; // the wizard closes when the import has succeeded
}

void ImportConfirmPage::cleanupPage()
{
    if (m_job)
        m_job->cancel();
}

void ImportConfirmPage::startImport()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    RegisterRequest request;
    request.name = m_name->text().trimmed();
    request.description = m_description->text().trimmed();
    request.tags = parseTags(m_tags->text()).value();
    m_problem->clear();
    m_job = new ImportJob(w->workspace(), w->filePath(), w->options(), request, this);
    connect(m_job, &ImportJob::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_job, &ImportJob::finished, this, &ImportConfirmPage::importFinished);
    setBusy(true);
    m_job->start();
}

void ImportConfirmPage::importFinished()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    const Result<Registered> result = m_job->result();
    const bool canceled = m_job->wasCanceled();
    m_job->deleteLater();
    m_job = nullptr;
    setBusy(false);
    if (result.ok()) {
        m_done = true;
        emit w->imported(result->version, result->sameDataAs);
        w->accept();
        return;
    }
    m_problem->setText(canceled ? tr("The import was canceled; nothing was stored.")
                                : tr("The import failed; nothing was stored.\n%1").arg(result.message()));
    emit completeChanged();
}

void ImportConfirmPage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_progress->setValue(0);
    m_name->setEnabled(!busy);
    m_description->setEnabled(!busy);
    m_tags->setEnabled(!busy);
    if (wizard()) {
        wizard()->button(QWizard::BackButton)->setEnabled(!busy);
        wizard()->button(QWizard::CancelButton)->setEnabled(!busy);
    }
    emit completeChanged();
}

} // namespace stratus
