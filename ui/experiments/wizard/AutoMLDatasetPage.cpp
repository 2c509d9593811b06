#include "experiments/wizard/AutoMLDatasetPage.h"

#include "data/store/DatasetStore.h"
#include "datasets/DatasetPreviewModel.h"
#include "experiments/wizard/AutoMLWizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace stratus {

AutoMLDatasetPage::AutoMLDatasetPage(AutoMLWizard &wizard, const QString &preselected) : m_wizard(wizard)
{
    setTitle(tr("Select a dataset"));
    setSubTitle(tr("The data to train on. Register more from the Datasets screen."));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("wizardDatasets"));
    m_preview = new QTableView(this);
    m_model = new DatasetPreviewModel(wizard.workspace(), this);
    m_preview->setModel(m_model);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    m_info = new QLabel(this);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_info);
    rightLayout->addWidget(m_preview, 1);
    split->addWidget(right);
    split->setSizes({220, 640});
    split->setMinimumHeight(440); // QWizard gives a page its size hint, not the room left
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    auto datasets = DatasetStore(wizard.workspace()).list();
    if (datasets) {
        for (const DatasetSummary &d : *datasets) {
            auto *item = new QListWidgetItem(d.name, m_list);
            item->setToolTip(tr("%1 rows, %2 columns, version %3").arg(QLocale().toString(d.rows)).arg(d.columns).arg(d.latestVersion));
            if (d.name == preselected)
                m_list->setCurrentItem(item);
        }
    } else {
        m_info->setText(datasets.message());
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentItemChanged, this, &AutoMLDatasetPage::choose);
    choose();
}

void AutoMLDatasetPage::choose()
{
    if (!m_list->currentItem())
        return;
    auto version = DatasetStore(m_wizard.workspace()).version(m_list->currentItem()->text());
    if (!version) {
        m_info->setText(version.message());
        return;
    }
    m_wizard.setDataset(*version);
    m_model->setVersion(*version);
    m_info->setText(tr("<b>%1</b> version %2 · %3 rows · %4 columns")
                        .arg(version->name.toHtmlEscaped())
                        .arg(version->version)
                        .arg(QLocale().toString(version->rows))
                        .arg(version->columns.size()));
    emit completeChanged();
}

bool AutoMLDatasetPage::isComplete() const
{
    return m_list->currentItem() && m_wizard.dataset().id != 0;
}

bool AutoMLDatasetPage::validatePage()
{
    return isComplete();
}

} // namespace stratus
