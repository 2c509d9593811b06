#pragma once
// ComputeScreen: the compute profiles — the local stand-in for Azure's
// compute clusters — with New, Edit and Delete.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace stratus {

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
    QLabel *m_message;
};

} // namespace stratus
