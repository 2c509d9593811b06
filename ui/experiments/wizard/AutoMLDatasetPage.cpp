#include "experiments/wizard/AutoMLDatasetPage.h"

#include "data/store/DatasetStore.h"
#include "datasets/DatasetPreviewModel.h"
#include "experiments/wizard/AutoMLWizard.h"
#include "shared/Style.h"

#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace stratus {

AutoMLDatasetPage::AutoMLDatasetPage(AutoMLWizard &wizard, const QString &preselected) : m_wizard(wizard)
{
    setTitle(tr("Select a dataset"));
    setSubTitle(tr("The data to train on. Register more from the Datasets screen."));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("wizardDatasets"));
    m_list->setWordWrap(true); // a long name wraps rather than running out of view
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview = new QTableView(this);
    m_model = new DatasetPreviewModel(wizard.workspace(), this);
    m_preview->setModel(m_model);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
    // Each column as wide as its name and type, so that no name is cut.
    connect(m_model, &QAbstractItemModel::modelReset, m_preview, [this] { style::fitColumnsToHeaders(m_preview); });
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
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

    // The user's data first, the most recently registered first; the synthetic sample last, marked.
    auto datasets = DatasetStore(wizard.workspace()).list();
    if (datasets) {
        QList<DatasetSummary> ordered = *datasets;
        std::stable_sort(ordered.begin(), ordered.end(), [](const DatasetSummary &a, const DatasetSummary &b) {
            return a.isSample != b.isSample ? !a.isSample : a.updatedAt > b.updatedAt;
        });
        for (const DatasetSummary &d : std::as_const(ordered)) {
            auto *item = new QListWidgetItem(d.isSample ? tr("%1 (sample, made-up data)").arg(d.name) : d.name, m_list);
            item->setToolTip(item->text());
            item->setData(Qt::UserRole, d.name);
            item->setToolTip(tr("%1 rows, %2 columns, version %3").arg(QLocale().toString(d.rows)).arg(d.columns).arg(d.latestVersion));
            if (d.isSample)
                item->setForeground(QColor(0x60, 0x60, 0x60));
            if (d.name == preselected)
                m_list->setCurrentItem(item);
        }
    } else {
        m_info->setText(datasets.message());
    }
    // Preselected: the dataset the user came from or opened last; else their newest one.
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentItemChanged, this, &AutoMLDatasetPage::choose);
    choose();
}

void AutoMLDatasetPage::choose()
{
    if (!m_list->currentItem())
        return;
    auto version = DatasetStore(m_wizard.workspace()).version(m_list->currentItem()->data(Qt::UserRole).toString());
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
                        .arg(version->columns.size())
                    + (version->isSample() ? QStringLiteral("<br><span style='color:#a4262c'>%1</span>")
                                                 .arg(tr("A sample of made-up records that Stratus generated, to try the workflow. "
                                                         "Import your own data from the Datasets screen."))
                                           : QString()));
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
