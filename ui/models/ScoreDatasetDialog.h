#pragma once
// ScoreDatasetDialog: "Score dataset" on a model version — choose a
// registered dataset version, and where the scores go (a new version of
// "<dataset>-scored" and/or a CSV file); Score runs it in the background with
// a progress bar and Cancel, and reports what was written.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace stratus {

class ScoreJob;
class Workspace;

class ScoreDatasetDialog : public QDialog {
    Q_OBJECT
public:
    ScoreDatasetDialog(Workspace &workspace, const QString &model, QWidget *parent = nullptr);

    QComboBox *datasetBox() const { return m_dataset; }
    QCheckBox *registerBox() const { return m_register; }
    QLineEdit *csvField() const { return m_csv; }
    QPushButton *scoreButton() const { return m_score; }
    QLabel *message() const { return m_message; }

signals:
    void scored(const QString &registeredDataset);

private:
    void start();
    void done();

    Workspace &m_ws;
    QString m_model;
    QComboBox *m_dataset;
    QComboBox *m_compute; // this machine or a Slurm profile
    QCheckBox *m_register, *m_writeCsv;
    QLineEdit *m_csv;
    QProgressBar *m_progress;
    QLabel *m_message;
    QPushButton *m_score, *m_cancel;
    ScoreJob *m_job = nullptr;
};

} // namespace stratus
