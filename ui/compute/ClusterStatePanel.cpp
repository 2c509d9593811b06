#include "compute/ClusterStatePanel.h"

#include "compute/SharedFolder.h"
#include "compute/SlurmCluster.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

ClusterStatePanel::ClusterStatePanel(const QString &workspacePath, QWidget *parent)
    : QWidget(parent), m_workspacePath(workspacePath)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("clusterSummary"));
    m_summary->setWordWrap(true);
    m_jobs = new QTableWidget(0, 5, this);
    m_jobs->setObjectName(QStringLiteral("clusterJobs"));
    m_jobs->setHorizontalHeaderLabels({tr("Job"), tr("Run"), tr("State"), tr("Nodes or reason"), tr("Queue wait")});
    m_jobs->verticalHeader()->hide();
    m_jobs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobs->horizontalHeader()->setStretchLastSection(true);
    m_jobs->setMaximumHeight(150);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_jobs);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClusterStatePanel::refresh);
    setVisible(false);
}

void ClusterStatePanel::setProfile(const std::optional<ComputeProfile> &profile)
{
    const bool slurm = profile && profile->isSlurm();
    if (slurm && m_profile && m_profile->id == profile->id && m_profile->slurm == profile->slurm)
        return;
    ++m_generation;
    m_profile = slurm ? profile : std::nullopt;
    setVisible(slurm);
    m_jobs->setRowCount(0);
    if (slurm) {
        m_summary->setText(tr("Reading partition %1 from Slurm...").arg(profile->slurm.partition));
        refresh();
    }
}

void ClusterStatePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
}

void ClusterStatePanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void ClusterStatePanel::refresh()
{
    if (!m_profile || m_reading)
        return;
    m_reading = true;
    const int generation = m_generation;
    const QString partition = m_profile->slurm.partition;
    const QString prefix = slurm::SharedFolder(m_profile->slurm, m_workspacePath).jobPrefix();
    auto *watcher = new QFutureWatcher<Result<slurm::ClusterState>>(this);
    connect(watcher, &QFutureWatcher<Result<slurm::ClusterState>>::finished, this, [this, watcher, generation, partition, prefix] {
        watcher->deleteLater();
        m_reading = false;
        if (generation != m_generation)
            return refresh();
        const Result<slurm::ClusterState> state = watcher->result();
        if (!state) {
            m_summary->setText(state.message());
            m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
            m_jobs->setRowCount(0);
            return;
        }
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("Partition %1 — nodes: %2 idle, %3 mixed, %4 allocated, %5 down. This workspace's jobs in the "
                              "queue: %6. (sinfo and squeue, every %7 s)")
                               .arg(partition)
                               .arg(state->idle)
                               .arg(state->mixed)
                               .arg(state->allocated)
                               .arg(state->down)
                               .arg(state->jobs.size())
                               .arg(kIntervalMs / 1000));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_jobs->setRowCount(int(state->jobs.size()));
        for (int r = 0; r < state->jobs.size(); ++r) {
            const slurm::QueuedJob &j = state->jobs[r];
            const QString where = j.state == QLatin1String("PENDING") ? j.reason : j.nodes;
            const QStringList cells = {j.id, j.name.mid(prefix.size()), j.state, where,
                                       tr("%1 s").arg(j.queueSeconds(now))};
            for (int c = 0; c < cells.size(); ++c)
                m_jobs->setItem(r, c, new QTableWidgetItem(cells[c]));
        }
        m_jobs->resizeColumnsToContents();
    });
    watcher->setFuture(QtConcurrent::run([partition, prefix] { return slurm::clusterState(partition, prefix); }));
}

} // namespace stratus
