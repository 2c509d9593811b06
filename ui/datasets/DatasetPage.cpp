#include "datasets/DatasetPage.h"

#include "data/store/DatasetStore.h"
#include "datasets/DatasetPreviewModel.h"
#include "datasets/HistogramPlot.h"
#include "datasets/ProfileModel.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stratus {

DatasetPage::DatasetPage(Workspace &workspace, QWidget *parent) : QWidget(parent), m_ws(workspace)
{
    auto *back = new QPushButton(tr("← Datasets"), this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setFlat(true);
    m_title = style::title(QString(), this);
    m_title->setObjectName(QStringLiteral("datasetTitle"));
    m_versionCombo = new QComboBox(this);
    m_versionCombo->setObjectName(QStringLiteral("versionCombo"));
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_previewModel = new DatasetPreviewModel(m_ws, this);
    m_preview = new QTableView(this);
    m_preview->setObjectName(QStringLiteral("datasetPreview"));
    m_preview->setModel(m_previewModel);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // cheap with a million rows
    m_preview->horizontalHeader()->setDefaultSectionSize(120);
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_previewModel, &QAbstractItemModel::modelReset, m_preview, [this] { style::fitColumnsToHeaders(m_preview, 80); });

    m_profileModel = new ProfileModel(this);
    m_profile = new QTableView(this);
    m_profile->setObjectName(QStringLiteral("profileView"));
    m_profile->setModel(m_profileModel);
    m_profile->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profile->setSelectionMode(QAbstractItemView::SingleSelection);
    m_profile->verticalHeader()->hide();
    m_histogram = new HistogramPlot(this);
    m_histogram->setObjectName(QStringLiteral("histogram"));
    m_columnDetails = new QLabel(this);
    m_columnDetails->setWordWrap(true);
    auto *plotBox = new QWidget(this);
    auto *plotLayout = new QVBoxLayout(plotBox);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(m_histogram, 1);
    plotLayout->addWidget(m_columnDetails);
    auto *profileSplit = new QSplitter(Qt::Vertical, this);
    profileSplit->addWidget(m_profile);
    profileSplit->addWidget(plotBox);
    profileSplit->setStretchFactor(0, 3);
    profileSplit->setStretchFactor(1, 2);

    m_versionTable = new QTableWidget(this);
    m_versionTable->setObjectName(QStringLiteral("versionTable"));
    m_versionTable->setColumnCount(7);
    m_versionTable->setHorizontalHeaderLabels(
        {tr("Version"), tr("Created"), tr("Rows"), tr("Columns"), tr("Description"), tr("Source"), tr("Content hash")});
    m_versionTable->horizontalHeader()->setStretchLastSection(true);
    m_versionTable->verticalHeader()->hide();
    m_versionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_preview, tr("Preview"));
    m_tabs->addTab(profileSplit, tr("Profile"));
    m_tabs->addTab(m_versionTable, tr("Versions"));

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(tr("Version:"), this));
    top->addWidget(m_versionCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(m_tabs, 1);

    connect(back, &QPushButton::clicked, this, &DatasetPage::backRequested);
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_updating && index >= 0)
            showVersion(m_versionCombo->itemData(index).toInt());
    });
    connect(m_profile->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectProfileColumn(current.row()); });
    connect(m_versionTable, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        showVersion(m_versionTable->item(row, 0)->text().toInt());
    });
}

void DatasetPage::showDataset(const QString &name, int version)
{
    m_name = name;
    auto versions = DatasetStore(m_ws).versions(name);
    m_versions = versions.ok() ? *versions : QList<DatasetVersion>{};
    m_updating = true;
    m_versionCombo->clear();
    for (const DatasetVersion &v : std::as_const(m_versions))
        m_versionCombo->addItem(v.version == m_versions.first().version ? tr("%1 (latest)").arg(v.version)
                                                                          : QString::number(v.version),
                                v.version);
    m_versionTable->setRowCount(int(m_versions.size()));
    for (int r = 0; r < m_versions.size(); ++r) {
        const DatasetVersion &v = m_versions[r];
        const QStringList cells = {QString::number(v.version),
                                   QLocale().toString(v.createdAt.toLocalTime(), QLocale::ShortFormat),
                                   QLocale().toString(v.rows), QString::number(v.columns.size()), v.description,
                                   v.sourcePath, v.contentHash};
        for (int c = 0; c < cells.size(); ++c)
            m_versionTable->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_versionTable->resizeColumnsToContents();
    m_updating = false;
    if (m_versions.isEmpty()) {
        m_title->setText(name);
        m_details->setText(versions.message());
        return;
    }
    showVersion(version > 0 ? version : m_versions.first().version);
}

void DatasetPage::refresh()
{
    if (m_name.isEmpty())
        return;
    auto versions = DatasetStore(m_ws).versions(m_name);
    QList<qint64> before, after;
    for (const DatasetVersion &v : std::as_const(m_versions))
        before << v.id;
    if (versions.ok()) {
        for (const DatasetVersion &v : *versions)
            after << v.id;
    }
    if (before != after)
        showDataset(m_name, after.contains(m_version.id) ? m_version.version : 0);
}

void DatasetPage::showVersion(int version)
{
    const auto it = std::find_if(m_versions.cbegin(), m_versions.cend(),
                                 [version](const DatasetVersion &v) { return v.version == version; });
    if (it == m_versions.cend())
        return;
    m_version = *it;
    m_updating = true;
    m_versionCombo->setCurrentIndex(m_versionCombo->findData(version));
    m_updating = false;
    m_title->setText(m_version.name);
    QStringList details;
    details << tr("%1 rows, %2 columns").arg(QLocale().toString(m_version.rows)).arg(m_version.columns.size());
    details << tr("created %1").arg(QLocale().toString(m_version.createdAt.toLocalTime(), QLocale::ShortFormat));
    if (!m_version.tags.isEmpty())
        details << tr("tags: %1").arg(formatTags(m_version.tags));
    QString text = details.join(QStringLiteral(" · "));
    if (!m_version.description.isEmpty())
        text = m_version.description + QLatin1Char('\n') + text;
    // What the import did to values that did not fit a column's type.
    for (const DatasetColumn &c : std::as_const(m_version.columns))
        for (const ColumnNote &n : c.profile.notes)
            text += QLatin1Char('\n') + tr("Note: %1").arg(n.message());
    m_details->setText(text);
    m_previewModel->setVersion(m_version);
    m_profileModel->setColumns(m_version.columns);
    m_profile->resizeColumnsToContents();
    if (!m_version.columns.isEmpty())
        m_profile->selectRow(0);
}

void DatasetPage::selectProfileColumn(int row)
{
    if (row < 0 || row >= m_version.columns.size())
        return;
    const DatasetColumn &c = m_version.columns[row];
    m_histogram->setProfile(c.profile);
    QStringList top;
    for (const auto &[value, n] : c.profile.topValues)
        top << QStringLiteral("%1 (%2)").arg(value.isEmpty() ? tr("(empty)") : value).arg(n);
    m_columnDetails->setText(tr("%1 (%2): %3 values, %4 missing, %5 unique. Most frequent: %6")
                                 .arg(c.name, columnTypeLabel(c.type))
                                 .arg(c.profile.count)
                                 .arg(c.profile.missing)
                                 .arg(c.profile.unique)
                                 .arg(top.join(QStringLiteral(", ")))
                             + (c.profile.typeChosen ? QLatin1Char(' ') + tr("(type chosen at import)") : QString()));
}

} // namespace stratus
