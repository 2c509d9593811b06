#pragma once
// HomeScreen: the guided workflow — dataset, compute, Automated ML run,
// model, endpoint — with what is done and a button to the next step.

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace stratus {

class Workspace;

class HomeScreen : public QWidget {
    Q_OBJECT
public:
    explicit HomeScreen(Workspace &workspace, QWidget *parent = nullptr);
    void refresh();

    // The text of each step's state, in order (for tests).
    QStringList stepStates() const;

signals:
    // "datasets", "import", "compute", "automl", "experiments" or "models".
    void navigate(const QString &target);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Step {
        QLabel *state;
        QPushButton *button;
    };
    void addStep(QVBoxLayout *layout, int number, const QString &title, const QString &text);

    Workspace &m_ws;
    QList<Step> m_steps;
    QLabel *m_workspaceLabel;
    QPushButton *m_next;
    QPushButton *m_makePipeline;
    QString m_nextTarget;
};

} // namespace stratus
