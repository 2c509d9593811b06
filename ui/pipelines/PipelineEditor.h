#pragma once
// PipelineEditor: a pipeline drawn and edited as a graph (PipelineGraph):
// a palette of step types to add, connections dragged from an output port
// to an input port (or chosen in the side panel), a side panel with the
// selected step's settings and inputs where every validation problem
// (PipelineValidation.h) shows on its field, the pipeline's name and
// parameters, undo and redo of every change, zoom and auto-layout. Save
// stores it as a new version (PipelineStore), refused while it has problems.

#include "pipeline/Pipeline.h"
#include "pipeline/StepKinds.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QUndoStack;

namespace stratus {

class PipelineGraphScene;
class Workspace;

class PipelineEditor : public QWidget {
    Q_OBJECT
public:
    explicit PipelineEditor(Workspace &workspace, QWidget *parent = nullptr);

    // Clears the undo history; `baseFolder`: where the pipeline's relative paths are read from.
    // `unsaved`: not stored yet (opened from a file, made by the guided workflow): Save is offered.
    void setPipeline(const pipeline::Pipeline &pipeline, const QString &baseFolder = {}, bool unsaved = false);
    // Edits since it was loaded or saved.
    bool hasUnsavedChanges() const;
    const pipeline::Pipeline &pipeline() const { return m_pipeline; }
    // Adds a step of `kind` (named after it) and selects it.
    void addStep(const QString &kind);
    void removeSelectedStep();
    // requires: both steps exist; refused (false) when the ports do not fit.
    bool connectPorts(const QString &fromStep, const QString &output, const QString &toStep, const QString &input);
    void setSetting(const QString &step, const QString &setting, const QString &text);
    bool save();

    QUndoStack *undoStack() const { return m_undo; }
    PipelineGraphScene *scene() const { return m_scene; }
    QListWidget *palette() const { return m_palette; }
    QLineEdit *nameField() const { return m_name; }
    QLabel *problemsLabel() const { return m_problems; }
    QWidget *settingField(const QString &setting) const { return m_fields.value(setting); }
    QString selectedStep() const { return m_selected; }

signals:
    void saved(const QString &reference);

private:
    friend class PipelineEditCommand;
    void apply(const pipeline::Pipeline &pipeline); // without recording an undo step
    void change(const QString &text, const std::function<void(pipeline::Pipeline &)> &edit);
    void selectStep(const QString &step);
    void buildPanel();   // the selected step's fields, made anew
    void refreshPanel(); // the same fields, their values updated
    void fillInput(QComboBox *combo, const pipeline::Step &step, const pipeline::Port &port);
    void showProblems();

    Workspace &m_ws;
    pipeline::Pipeline m_pipeline;
    QString m_selected;
    QString m_panelStep, m_panelKind; // what the panel's fields were made for
    QString m_baseFolder;
    bool m_unsaved = false;
    QUndoStack *m_undo;
    PipelineGraphScene *m_scene;
    QGraphicsView *m_view;
    QListWidget *m_palette;
    QLineEdit *m_name, *m_parameters;
    QWidget *m_panel;
    QScrollArea *m_scroll;
    QFormLayout *m_form;
    QLabel *m_stepTitle, *m_problems;
    QPushButton *m_save;
    QMap<QString, QWidget *> m_fields; // the selected step's: setting name or "inputs.PORT" -> its field
    bool m_building = false;
};

} // namespace stratus
