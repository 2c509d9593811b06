#include "compute/ComputeScreen.h"

#include "compute/ClusterStatePanel.h"
#include "compute/ComputeDialog.h"
#include "compute/ComputeListModel.h"
#include "registry/ComputeStore.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace stratus {

ComputeScreen::ComputeScreen(Workspace &workspace, QWidget *parent) : QWidget(parent), m_ws(workspace)
{
    auto *title = style::title(tr("Compute"), this);
    auto *intro = new QLabel(tr("Compute profiles say where an Automated ML run trains: on this machine (how many "
                                "trials run at once, the threads and memory each may use; it has %1 cores) or on "
                                "a Slurm cluster's partition, where worker jobs take the trials. They stand in for Azure's compute clusters.")
                                 .arg(QThread::idealThreadCount()),
                             this);
    intro->setWordWrap(true);
    auto *create = new QPushButton(tr("New..."), this);
    create->setObjectName(QStringLiteral("newComputeButton"));
    m_edit = new QPushButton(tr("Edit..."), this);
    m_delete = new QPushButton(tr("Delete"), this);
    m_model = new ComputeListModel(m_ws, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("computeList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_cluster = new ClusterStatePanel(m_ws.path(), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(create);
    bar->addWidget(m_edit);
    bar->addWidget(m_delete);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_cluster);
    layout->addWidget(m_message);

    connect(create, &QPushButton::clicked, this, &ComputeScreen::createProfile);
    connect(m_edit, &QPushButton::clicked, this, &ComputeScreen::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ComputeScreen::deleteSelected);
    connect(m_view, &QTableView::activated, this, &ComputeScreen::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ComputeScreen::updateButtons);
    // The list is read again whenever a profile's runs change: keep the selected profile selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const int row = selectedRow();
        m_selectedName = row >= 0 ? m_model->profileAt(row).name : QString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        for (int row = 0; row < m_model->rowCount() && !m_selectedName.isEmpty(); ++row)
            if (m_model->profileAt(row).name == m_selectedName)
                m_view->selectRow(row);
        updateButtons();
    });
    m_view->resizeColumnsToContents();
    updateButtons();
}

int ComputeScreen::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ComputeScreen::updateButtons()
{
    const int row = selectedRow();
    m_edit->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_cluster->setProfile(row >= 0 ? std::optional<ComputeProfile>(m_model->profileAt(row)) : std::nullopt);
}

void ComputeScreen::createProfile()
{
    ComputeProfile p;
    p.maxConcurrent = qMax(1, QThread::idealThreadCount());
    p.slurm.sharedFolder = QDir::homePath() + QStringLiteral("/stratus-shared");
    ComputeDialog dialog(m_ws, p, this);
    if (dialog.exec() == QDialog::Accepted)
        m_message->setText(tr("Created compute profile '%1'.").arg(dialog.profile().name));
}

void ComputeScreen::editSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    ComputeDialog dialog(m_ws, m_model->profileAt(row), this);
    if (dialog.exec() == QDialog::Accepted)
        m_message->setText(tr("Saved compute profile '%1'.").arg(dialog.profile().name));
}

void ComputeScreen::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QString name = m_model->profileAt(row).name;
    if (QMessageBox::question(this, tr("Delete compute profile"), tr("Delete the compute profile '%1'?").arg(name))
        != QMessageBox::Yes)
        return;
    const Status s = ComputeStore(m_ws).remove(name);
    m_message->setText(s ? tr("Deleted compute profile '%1'.").arg(name) : s.message());
}

} // namespace stratus
