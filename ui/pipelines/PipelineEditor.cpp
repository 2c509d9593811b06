#include "pipelines/PipelineEditor.h"

#include "pipeline/PipelineValidation.h"
#include "pipeline/PipelineYaml.h"
#include "pipeline/StepKinds.h"
#include "pipelines/PipelineGraph.h"
#include "registry/PipelineStore.h"
#include "shared/Style.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QTimer>
#include <QWheelEvent>

namespace stratus {

using namespace pipeline;

// One edit: the pipeline before and after it.
class PipelineEditCommand : public QUndoCommand {
public:
    PipelineEditCommand(PipelineEditor *editor, const QString &text, Pipeline before, Pipeline after)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void undo() override { m_editor->apply(m_before); }
    void redo() override { m_editor->apply(m_after); }

private:
    PipelineEditor *m_editor;
    Pipeline m_before, m_after;
};

namespace {

// Ctrl+wheel zooms.
class GraphView : public QGraphicsView {
public:
    using QGraphicsView::QGraphicsView;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (event->modifiers() & Qt::ControlModifier) {
            const qreal f = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
            scale(f, f);
            return;
        }
        QGraphicsView::wheelEvent(event);
    }
};

QString settingText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << settingText(item);
        return items.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// The text of a field as the setting's type reads it; text that does not read stays text (validation says so).
QJsonValue settingValue(const QString &text, const QString &type)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("${{")))
        return t;
    bool ok = false;
    if (type == QLatin1String("number") || type == QLatin1String("integer")) {
        const double v = t.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(t);
    }
    if (type == QLatin1String("boolean") && (t == QLatin1String("true") || t == QLatin1String("false")))
        return t == QLatin1String("true");
    if (type == QLatin1String("list")) {
        QJsonArray a;
        for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
            a.append(part.trimmed());
        return a;
    }
    if (type == QLatin1String("object")) {
        const QJsonDocument d = QJsonDocument::fromJson(t.toUtf8());
        return d.isObject() ? QJsonValue(d.object()) : QJsonValue(t);
    }
    return t;
}

QString parametersText(const Pipeline &p)
{
    QStringList parts;
    for (const Parameter &parameter : p.parameters)
        parts << parameter.name + QLatin1Char('=') + settingText(parameter.defaultValue);
    return parts.join(QStringLiteral(", "));
}

} // namespace

PipelineEditor::PipelineEditor(Workspace &workspace, QWidget *parent) : QWidget(parent), m_ws(workspace), m_undo(new QUndoStack(this))
{
    m_palette = new QListWidget(this);
    m_palette->setObjectName(QStringLiteral("stepPalette"));
    m_palette->setMaximumWidth(115);
    for (const StepKind &kind : stepKinds()) {
        auto *item = new QListWidgetItem(kind.name, m_palette);
        item->setToolTip(kind.description);
    }
    auto *add = new QPushButton(tr("Add step"), this);
    auto *remove = new QPushButton(tr("Remove step"), this);
    remove->setObjectName(QStringLiteral("removeStepButton"));
    auto *paletteBox = new QVBoxLayout;
    paletteBox->addWidget(new QLabel(tr("Steps"), this));
    paletteBox->addWidget(m_palette, 1);
    paletteBox->addWidget(add);
    paletteBox->addWidget(remove);

    m_scene = new PipelineGraphScene(this);
    m_view = new GraphView(m_scene, this);
    m_view->setObjectName(QStringLiteral("pipelineGraph"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::RubberBandDrag);
    // Small buttons in two rows: the editor fits beside the navigation on a 1024-pixel screen.
    auto tool = [this](const QString &text) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    QToolButton *undo = tool(tr("Undo")), *redo = tool(tr("Redo")), *zoomIn = tool(tr("Zoom in")), *zoomOut = tool(tr("Zoom out")),
                *fit = tool(tr("Fit")), *layoutButton = tool(tr("Auto-layout"));
    m_save = new QPushButton(tr("Save version"), this);
    m_save->setObjectName(QStringLiteral("savePipelineButton"));
    auto *tools = new QHBoxLayout;
    for (QToolButton *b : {undo, redo, zoomIn, zoomOut, fit, layoutButton})
        tools->addWidget(b);
    tools->addStretch(1);
    tools->addWidget(m_save);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("pipelineName"));
    m_parameters = new QLineEdit(this);
    m_parameters->setObjectName(QStringLiteral("pipelineParameters"));
    m_parameters->setPlaceholderText(tr("name=default, ... (used in settings as ${{parent.inputs.name}})"));
    auto *meta = new QFormLayout;
    meta->addRow(tr("Pipeline name"), m_name);
    meta->addRow(tr("Parameters"), m_parameters);
    auto *center = new QVBoxLayout;
    center->addLayout(meta);
    center->addLayout(tools);
    center->addWidget(m_view, 1);

    m_panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(m_panel);
    m_stepTitle = new QLabel(m_panel);
    m_stepTitle->setWordWrap(true);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above their fields: the panel stays narrow
    m_problems = new QLabel(m_panel);
    m_problems->setObjectName(QStringLiteral("pipelineProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c62828"));
    panelLayout->addWidget(m_stepTitle);
    panelLayout->addLayout(m_form);
    panelLayout->addWidget(m_problems);
    panelLayout->addStretch(1);
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(205);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(paletteBox);
    layout->addLayout(center, 1);
    layout->addWidget(scroll);

    connect(add, &QPushButton::clicked, this, [this] {
        if (m_palette->currentItem())
            addStep(m_palette->currentItem()->text());
    });
    connect(m_palette, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { addStep(item->text()); });
    connect(remove, &QPushButton::clicked, this, &PipelineEditor::removeSelectedStep);
    connect(undo, &QToolButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::cleanChanged, this, &PipelineEditor::showProblems); // Save follows unsaved changes
    undo->setEnabled(false);
    redo->setEnabled(false);
    auto *undoKey = new QShortcut(QKeySequence::Undo, this);
    auto *redoKey = new QShortcut(QKeySequence::Redo, this);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    connect(undoKey, &QShortcut::activated, m_undo, &QUndoStack::undo);
    connect(redoKey, &QShortcut::activated, m_undo, &QUndoStack::redo);
    connect(deleteKey, &QShortcut::activated, this, &PipelineEditor::removeSelectedStep);
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->scale(1.2, 1.2); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->scale(1 / 1.2, 1 / 1.2); });
    connect(fit, &QToolButton::clicked, this, [this] { fitGraph(m_view); });
    connect(layoutButton, &QToolButton::clicked, m_scene, &PipelineGraphScene::autoLayout);
    connect(m_save, &QPushButton::clicked, this, &PipelineEditor::save);
    connect(m_scene, &PipelineGraphScene::stepSelected, this, &PipelineEditor::selectStep);
    connect(m_scene, &PipelineGraphScene::connectRequested, this, &PipelineEditor::connectPorts);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_name->text() != m_pipeline.name)
            change(tr("Rename the pipeline"), [name = m_name->text()](Pipeline &p) { p.name = name; });
    });
    connect(m_parameters, &QLineEdit::editingFinished, this, [this] {
        if (m_parameters->text() == parametersText(m_pipeline))
            return;
        change(tr("Edit the parameters"), [text = m_parameters->text()](Pipeline &p) {
            p.parameters.clear();
            for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const qsizetype eq = part.indexOf(QLatin1Char('='));
                Parameter parameter;
                parameter.name = (eq < 0 ? part : part.left(eq)).trimmed();
                const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
                bool number = false;
                const double v = value.toDouble(&number);
                parameter.type = number ? QStringLiteral("number") : QStringLiteral("string");
                parameter.defaultValue = number ? QJsonValue(v) : QJsonValue(value);
                p.parameters.append(parameter);
            }
        });
    });
    Pipeline empty;
    empty.name = QStringLiteral("new-pipeline");
    setPipeline(empty);
}

void PipelineEditor::setPipeline(const Pipeline &pipeline, const QString &baseFolder, bool unsaved)
{
    m_baseFolder = baseFolder;
    m_unsaved = unsaved;
    m_undo->clear();
    m_selected.clear();
    apply(pipeline);
    m_scene->autoLayout();
    QTimer::singleShot(0, this, [this] { fitGraph(m_view); });
}

void PipelineEditor::apply(const Pipeline &pipeline)
{
    m_pipeline = pipeline;
    m_name->setText(pipeline.name);
    m_parameters->setText(parametersText(pipeline));
    m_scene->setPipeline(pipeline);
    if (!m_pipeline.step(m_selected))
        m_selected.clear();
    {
        const QSignalBlocker block(m_scene); // a reselection, not the user's
        m_scene->selectStep(m_selected);
    }
    const Step *step = m_pipeline.step(m_selected);
    if (step && step->name == m_panelStep && step->kind == m_panelKind)
        refreshPanel(); // the fields stay: one of them may be the one whose signal led here
    else
        buildPanel();
}

void PipelineEditor::change(const QString &text, const std::function<void(Pipeline &)> &edit)
{
    Pipeline after = m_pipeline;
    edit(after);
    m_undo->push(new PipelineEditCommand(this, text, m_pipeline, after));
}

void PipelineEditor::addStep(const QString &kind)
{
    QString name = kind;
    for (int n = 2; m_pipeline.step(name); ++n)
        name = QStringLiteral("%1_%2").arg(kind).arg(n);
    m_selected = name;
    change(tr("Add %1").arg(name), [kind, name](Pipeline &p) {
        Step step;
        step.name = name;
        step.kind = kind;
        p.steps.append(step);
    });
    if (StepItem *item = m_scene->item(name)) // a new step where it can be seen
        m_view->ensureVisible(item, 20, 20);
}

void PipelineEditor::removeSelectedStep()
{
    if (m_selected.isEmpty())
        return;
    const QString name = m_selected;
    change(tr("Remove %1").arg(name), [name](Pipeline &p) {
        p.steps.erase(std::remove_if(p.steps.begin(), p.steps.end(), [&](const Step &s) { return s.name == name; }), p.steps.end());
        for (Step &s : p.steps)
            for (auto it = s.inputs.begin(); it != s.inputs.end();)
                it = parseBinding(it.value()).step == name ? s.inputs.erase(it) : std::next(it);
    });
}

bool PipelineEditor::connectPorts(const QString &fromStep, const QString &output, const QString &toStep, const QString &input)
{
    const Step *from = m_pipeline.step(fromStep), *to = m_pipeline.step(toStep);
    if (!from || !to)
        return false;
    QString outType;
    for (const Port &p : stepOutputs(*from))
        if (p.name == output)
            outType = p.type;
    const StepKind *kind = stepKind(to->kind);
    const Port *in = kind ? kind->input(input) : nullptr;
    if (outType.isEmpty() || (!in && !(kind && kind->freeInputs)) || (in && !portTypesMatch(outType, in->type))) {
        m_problems->setText(tr("%1.%2 (%3) cannot feed %4.%5").arg(fromStep, output, outType, toStep, input));
        return false;
    }
    change(tr("Connect %1.%2 to %3.%4").arg(fromStep, output, toStep, input), [=](Pipeline &p) {
        for (Step &s : p.steps)
            if (s.name == toStep)
                s.inputs.insert(input, stepOutputBinding(fromStep, output));
    });
    return true;
}

void PipelineEditor::setSetting(const QString &stepName, const QString &setting, const QString &text)
{
    const Step *step = m_pipeline.step(stepName);
    if (!step)
        return;
    const StepKind *kind = stepKind(step->kind);
    const SettingSpec *spec = kind ? kind->setting(setting) : nullptr;
    const QJsonValue value = text.trimmed().isEmpty() ? QJsonValue() : settingValue(text, spec ? spec->type : QStringLiteral("string"));
    if (step->settings.value(setting) == value)
        return;
    change(tr("Set %1.%2").arg(stepName, setting), [=](Pipeline &p) {
        for (Step &s : p.steps)
            if (s.name == stepName) {
                if (value.isUndefined())
                    s.settings.remove(setting);
                else
                    s.settings.insert(setting, value);
            }
    });
}

void PipelineEditor::selectStep(const QString &step)
{
    if (step == m_selected)
        return;
    m_selected = step;
    buildPanel();
}

void PipelineEditor::buildPanel()
{
    m_building = true;
    // Fields go later: the one whose signal led here may still be on the stack.
    while (m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        for (QLayoutItem *item : {row.labelItem, row.fieldItem}) {
            if (item && item->widget()) {
                item->widget()->hide();
                item->widget()->deleteLater();
            }
            delete item;
        }
    }
    m_fields.clear();
    const Step *step = m_pipeline.step(m_selected);
    const StepKind *kind = step ? stepKind(step->kind) : nullptr;
    m_panelStep = step ? step->name : QString();
    m_panelKind = step ? step->kind : QString();
    if (!step || !kind) {
        m_stepTitle->setText(tr("Select a step to edit its settings, or add one from the list."));
        m_building = false;
        showProblems();
        return;
    }
    m_stepTitle->setText(QStringLiteral("<b>%1</b> (%2)<br>%3").arg(step->name.toHtmlEscaped(), kind->name, kind->description.toHtmlEscaped()));
    m_scroll->verticalScrollBar()->setValue(0); // another step's fields start at the top
    for (const Port &port : kind->inputs) {
        auto *combo = new QComboBox(m_panel);
        combo->setObjectName(QStringLiteral("input_") + port.name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        fillInput(combo, *step, port);
        m_form->addRow(tr("input %1 (%2)").arg(port.name, port.type), combo);
        m_fields.insert(QStringLiteral("inputs.") + port.name, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, stepName = step->name, port = port.name] {
            if (m_building)
                return;
            const QString binding = combo->currentData().toString();
            change(tr("Connect %1.%2").arg(stepName, port), [=](Pipeline &p) {
                for (Step &s : p.steps)
                    if (s.name == stepName) {
                        if (binding.isEmpty())
                            s.inputs.remove(port);
                        else
                            s.inputs.insert(port, binding);
                    }
            });
        });
    }
    for (const SettingSpec &spec : kind->settings) {
        auto *field = new QLineEdit(settingText(step->settings.value(spec.name)), m_panel);
        field->setObjectName(QStringLiteral("setting_") + spec.name);
        field->setPlaceholderText(spec.type + (spec.required ? tr(", required") : QString()));
        field->setToolTip(spec.description);
        m_form->addRow(spec.name, field);
        m_fields.insert(spec.name, field);
        connect(field, &QLineEdit::editingFinished, this, [this, field, stepName = step->name, setting = spec.name] {
            if (!m_building)
                setSetting(stepName, setting, field->text());
        });
    }
    m_building = false;
    showProblems();
}

void PipelineEditor::fillInput(QComboBox *combo, const Step &step, const Port &port)
{
    QList<QPair<QString, QString>> items{{tr("(not connected)"), QString()}};
    for (const Step &other : m_pipeline.steps) {
        if (other.name == step.name)
            continue;
        for (const Port &out : stepOutputs(other))
            if (portTypesMatch(out.type, port.type))
                items.append({QStringLiteral("%1.%2").arg(other.name, out.name), stepOutputBinding(other.name, out.name)});
    }
    for (const Parameter &parameter : m_pipeline.parameters)
        items.append({tr("parameter %1").arg(parameter.name), parameterBinding(parameter.name)});
    const QSignalBlocker block(combo);
    bool same = combo->count() == items.size();
    for (int i = 0; same && i < combo->count(); ++i)
        same = combo->itemData(i).toString() == items[i].second;
    if (!same) {
        combo->clear();
        for (const auto &[text, binding] : items)
            combo->addItem(text, binding);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(step.inputs.value(port.name))));
}

void PipelineEditor::refreshPanel()
{
    const Step *step = m_pipeline.step(m_selected);
    const StepKind *kind = step ? stepKind(step->kind) : nullptr;
    if (!step || !kind)
        return;
    for (const Port &port : kind->inputs)
        if (auto *combo = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("inputs.") + port.name)))
            fillInput(combo, *step, port);
    for (const SettingSpec &spec : kind->settings)
        if (auto *field = qobject_cast<QLineEdit *>(m_fields.value(spec.name))) {
            const QString text = settingText(step->settings.value(spec.name));
            if (field->text() != text) {
                const QSignalBlocker block(field);
                field->setText(text);
            }
        }
    showProblems();
}

void PipelineEditor::showProblems()
{
    const QList<Problem> problems = validate(m_pipeline);
    QStringList steps, lines;
    for (QWidget *field : std::as_const(m_fields))
        style::markField(field, QString());
    for (const Problem &p : problems) {
        steps << p.step;
        lines << p.text();
        if (p.step == m_selected && m_fields.contains(p.field))
            style::markField(m_fields.value(p.field), p.message);
    }
    m_scene->setProblems(steps);
    m_problems->setText(lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')));
    m_save->setEnabled(lines.isEmpty() && !m_pipeline.steps.isEmpty() && hasUnsavedChanges());
}

bool PipelineEditor::save()
{
    if (!validate(m_pipeline).isEmpty() || m_pipeline.steps.isEmpty())
        return false;
    auto made = PipelineStore(m_ws).create(m_pipeline.name, m_pipeline.description, writePipelineYaml(m_pipeline), m_baseFolder);
    if (!made) {
        m_problems->setText(made.message());
        return false;
    }
    m_unsaved = false;
    m_undo->setClean();
    showProblems();
    emit saved(made->reference());
    return true;
}

bool PipelineEditor::hasUnsavedChanges() const
{
    return m_unsaved || !m_undo->isClean();
}

} // namespace stratus
