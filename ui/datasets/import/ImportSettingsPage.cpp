#include "datasets/import/ImportSettingsPage.h"

#include "datasets/import/ImportWizard.h"
#include "datasets/import/TablePreviewModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace stratus {

ImportSettingsPage::ImportSettingsPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Settings and preview"));
    setSubTitle(tr("Stratus detected how the file is written. Change a setting if the preview looks wrong."));
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Comma ( , )"), QVariant(int(',')));
    m_delimiter->addItem(tr("Tab"), QVariant(int('\t')));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QVariant(int(';')));
    m_delimiter->addItem(tr("Pipe ( | )"), QVariant(int('|')));
    m_header = new QCheckBox(tr("The first line holds the column names"), this);
    m_header->setObjectName(QStringLiteral("headerCheck"));
    m_decimalComma = new QCheckBox(tr("Numbers use a decimal comma (1,83 means 1.83)"), this);
    m_decimalComma->setObjectName(QStringLiteral("decimalCommaCheck"));
    m_detected = new QLabel(this);
    m_detected->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model = new TablePreviewModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("previewView"));
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->verticalHeader()->setDefaultSectionSize(22);

    auto *form = new QFormLayout;
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(QString(), m_header);
    form->addRow(QString(), m_decimalComma);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);

    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportSettingsPage::applyChoices);
    connect(m_header, &QCheckBox::toggled, this, &ImportSettingsPage::applyChoices);
    connect(m_decimalComma, &QCheckBox::toggled, this, &ImportSettingsPage::applyChoices);
}

void ImportSettingsPage::initializePage()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    connect(w, &ImportWizard::previewChanged, this, &ImportSettingsPage::showPreview, Qt::UniqueConnection);
    showPreview();
}

void ImportSettingsPage::applyChoices()
{
    if (m_updating)
        return;
    auto *w = static_cast<ImportWizard *>(wizard());
    w->options().delimiter = char(m_delimiter->currentData().toInt());
    w->options().hasHeader = m_header->isChecked();
    w->options().decimalComma = m_decimalComma->isChecked();
    w->refreshPreview();
}

void ImportSettingsPage::showPreview()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    const auto &preview = w->preview();
    m_updating = true;
    if (preview.ok()) {
        const CsvDialect &d = preview->dialect;
        m_delimiter->setCurrentIndex(qMax(0, m_delimiter->findData(QVariant(int(d.delimiter)))));
        m_header->setChecked(d.hasHeader);
        m_decimalComma->setChecked(d.decimalComma);
        const QString rows = preview->truncated ? tr("the first %1 rows").arg(preview->table.rowCount)
                                                : tr("all %1 rows").arg(preview->table.rowCount);
        const QString encoding = d.hasBom ? tr("UTF-8 with a byte order mark") : tr("UTF-8");
        m_detected->setText(tr("%1 columns; showing %2. Encoding: %3.")
                                .arg(preview->allColumns.size())
                                .arg(rows, encoding));
        m_problem->clear();
        m_model->setTable(preview->table);
        m_view->resizeColumnsToContents();
    } else {
        m_detected->clear();
        m_problem->setText(preview.message());
        m_model->clear();
    }
    m_updating = false;
    emit completeChanged();
}

bool ImportSettingsPage::isComplete() const
{
    return static_cast<const ImportWizard *>(wizard())->preview().ok();
}

} // namespace stratus
