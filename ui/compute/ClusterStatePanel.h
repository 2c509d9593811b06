#pragma once
// ClusterStatePanel: a Slurm profile's cluster as it is now — the
// partition's nodes by state (sinfo) and this workspace's jobs with their
// queue waits (squeue) — read off the GUI thread every few seconds while
// the panel is shown. Hidden for a profile of this machine.

#include "registry/ComputeProfile.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;

namespace stratus {

class ClusterStatePanel : public QWidget {
    Q_OBJECT
public:
    ClusterStatePanel(const QString &workspacePath, QWidget *parent = nullptr);

    // The profile to show (nullopt or a local one: the panel hides).
    void setProfile(const std::optional<ComputeProfile> &profile);
    // Reads the cluster now (also what the timer does).
    void refresh();

    static constexpr int kIntervalMs = 5000;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QString m_workspacePath;
    std::optional<ComputeProfile> m_profile;
    QLabel *m_summary;
    QTableWidget *m_jobs;
    QTimer m_timer;
    bool m_reading = false;
    int m_generation = 0; // answers for an earlier profile are dropped
};

} // namespace stratus
