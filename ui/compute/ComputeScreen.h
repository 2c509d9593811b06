#pragma once
// ComputeScreen: the compute profiles — this machine's threads or a Slurm
// partition, Stratus's Azure compute clusters — with New, Edit and Delete;
// a selected Slurm profile shows its cluster's live state (ClusterStatePanel).

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace stratus {

class ClusterStatePanel;
class ComputeListModel;
class Workspace;

class ComputeScreen : public QWidget {
    Q_OBJECT
public:
    explicit ComputeScreen(Workspace &workspace, QWidget *parent = nullptr);

    void createProfile();
    void editSelected();
    void deleteSelected();
    QTableView *view() const { return m_view; }

private:
    int selectedRow() const;
    void updateButtons();

    Workspace &m_ws;
    ComputeListModel *m_model;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_delete;
    ClusterStatePanel *m_cluster;
    QString m_selectedName; // across a reload of the list
    QLabel *m_message;
};

} // namespace stratus
