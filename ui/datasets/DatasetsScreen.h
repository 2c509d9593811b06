#pragma once
// DatasetsScreen: the list of registered datasets, "Create dataset from
// file", and a dataset's page.

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace stratus {

class DatasetListModel;
class DatasetPage;
class Workspace;

class DatasetsScreen : public QWidget {
    Q_OBJECT
public:
    explicit DatasetsScreen(Workspace &workspace, QWidget *parent = nullptr);

    // Opens the import wizard (on `path` when given) as a window-modal dialog.
    void startImport(const QString &path = {});
    void openDataset(const QString &name, int version = 0);
    void showList();

    QTableView *listView() const { return m_list; }
    DatasetPage *page() const { return m_page; }

signals:
    // A dataset was opened or imported: the one a new AutoML run starts from.
    void datasetOpened(const QString &name);

private:
    Workspace &m_ws;
    QStackedWidget *m_stack;
    QTableView *m_list;
    DatasetListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    DatasetPage *m_page;
    QLabel *m_message;
};

} // namespace stratus
