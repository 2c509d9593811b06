#include "datasets/import/ImportFilePage.h"

#include "datasets/import/ImportWizard.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace stratus {

ImportFilePage::ImportFilePage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A delimited text file: comma, tab, semicolon or pipe separated, in UTF-8."));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("Path of a .csv, .tsv or .txt file"));
    auto *browse = new QPushButton(tr("Browse..."), this);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_info);
    layout->addStretch();
    registerField(QStringLiteral("path*"), m_path);
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QFileInfo info(text.trimmed());
        if (text.trimmed().isEmpty())
            m_info->clear();
        else if (!info.isFile())
            m_info->setText(tr("There is no file at this path."));
        else
            m_info->setText(tr("%1, %2").arg(info.fileName(), QLocale().formattedDataSize(info.size())));
        emit completeChanged();
    });
}

void ImportFilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a data file"), m_path->text(),
                                                      tr("Delimited text (*.csv *.tsv *.txt *.psv);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_path->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    w->options() = CsvReadOptions{};
    w->refreshPreview();
    return true; // the settings page shows a problem with the file
}

} // namespace stratus
