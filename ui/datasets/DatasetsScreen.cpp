#include "datasets/DatasetsScreen.h"

#include "datasets/DatasetListModel.h"
#include "datasets/DatasetPage.h"
#include "datasets/import/ImportWizard.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace stratus {

DatasetsScreen::DatasetsScreen(Workspace &workspace, QWidget *parent) : QWidget(parent), m_ws(workspace)
{
    auto *listPage = new QWidget(this);
    auto *title = style::title(tr("Datasets"), listPage);
    auto *create = new QPushButton(tr("Create dataset from file..."), listPage);
    create->setObjectName(QStringLiteral("createDatasetButton"));
    auto *filter = new QLineEdit(listPage);
    filter->setPlaceholderText(tr("Filter by name"));
    filter->setClearButtonEnabled(true);
    m_model = new DatasetListModel(m_ws, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(DatasetListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QTableView(listPage);
    m_list->setObjectName(QStringLiteral("datasetList"));
    m_list->setModel(m_proxy);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(DatasetListModel::NameColumn, Qt::AscendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message = new QLabel(listPage);
    m_message->setObjectName(QStringLiteral("datasetMessage"));
    m_message->setWordWrap(true);
    auto *hint = new QLabel(tr("Tip: drop a CSV file anywhere on the window to import it."), listPage);
    hint->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(create);
    bar->addStretch();
    bar->addWidget(filter);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->addWidget(title);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_message);
    listLayout->addWidget(hint);

    m_page = new DatasetPage(m_ws, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(create, &QPushButton::clicked, this, [this] { startImport(); });
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &index) {
        openDataset(m_model->nameAt(m_proxy->mapToSource(index).row()));
    });
    connect(m_page, &DatasetPage::backRequested, this, &DatasetsScreen::showList);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_list->resizeColumnsToContents();
        m_message->setText(m_model->lastError());
        if (m_stack->currentWidget() == m_page)
            m_page->refresh();
    });
    m_list->resizeColumnsToContents();
}

void DatasetsScreen::startImport(const QString &path)
{
    auto *wizard = new ImportWizard(m_ws, path, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &ImportWizard::imported, this, [this](const DatasetVersion &version, const QString &sameDataAs) {
        m_message->setText(sameDataAs.isEmpty()
                               ? tr("Registered %1.").arg(version.reference())
                               : tr("Registered %1; it holds the same data as %2.").arg(version.reference(), sameDataAs));
        openDataset(version.name, version.version);
    });
    if (!path.isEmpty())
        wizard->setStartId(ImportWizard::FilePage);
    wizard->show();
    if (!path.isEmpty())
        wizard->next(); // the file is known: go straight to the settings and preview
}

void DatasetsScreen::openDataset(const QString &name, int version)
{
    emit datasetOpened(name);
    m_page->showDataset(name, version);
    m_stack->setCurrentWidget(m_page);
}

void DatasetsScreen::showList()
{
    m_stack->setCurrentIndex(0);
}

} // namespace stratus
