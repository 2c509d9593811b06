#pragma once
// TriggerDialog: a new trigger for a pipeline — a schedule (every N minutes,
// hours, days or weeks, at times of day; a missed window run once or
// skipped), a dataset's new version, or a folder's new file — made with
// pipeline/Triggers.h, which refuses what every firing would refuse; the
// error shows in the dialog, which stays open.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace stratus {

class Workspace;

class TriggerDialog : public QDialog {
    Q_OBJECT
public:
    TriggerDialog(Workspace &workspace, const QString &pipeline, QWidget *parent = nullptr);
    void accept() override;

    QComboBox *kind() const { return m_kind; }
    QLineEdit *every() const { return m_every; }
    QLineEdit *dataset() const { return m_dataset; }
    QLabel *error() const { return m_error; }

private:
    Workspace &m_ws;
    QString m_pipeline;
    QComboBox *m_kind, *m_missed;
    QStackedWidget *m_pages;
    QLineEdit *m_every, *m_at, *m_dataset, *m_folder, *m_pattern, *m_parameter;
    QLabel *m_error;
};

} // namespace stratus
