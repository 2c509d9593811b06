#pragma once
// PipelineGraph: a pipeline drawn as Azure ML's Designer draws one — a box
// per step (its name, type and, for a run, its status, duration and
// "Reused"), its input ports along its top edge and output ports along its
// bottom one, and a curve from each output to the inputs it feeds. Steps are
// laid out in rows by dependency depth, top to bottom (autoLayout), and may be
// moved; dragging from an
// output port to an input port asks for that connection (connectRequested),
// which the editor checks and applies.

#include "pipeline/Pipeline.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMap>

namespace stratus {

struct StepStatus {
    QString status;  // NotStarted, Running, Completed, Reused, Failed, Skipped, Canceled
    double seconds = 0;
};

class StepItem : public QGraphicsObject {
    Q_OBJECT
public:
    StepItem(const pipeline::Step &step, QGraphicsItem *parent = nullptr);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString name() const { return m_step.name; }
    // Scene positions of a port's dot (inputs on the top edge, outputs on the bottom one).
    QPointF inputPort(const QString &port) const;
    QPointF outputPort(const QString &port) const;
    // The port under a scene point ("" when none), and whether it is an output.
    QString portAt(const QPointF &scenePoint, bool *output) const;
    void setStatus(const StepStatus &status);
    StepStatus status() const { return m_status; }
    void setProblem(bool problem);

signals:
    void moved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    pipeline::Step m_step;
    QStringList m_inputs, m_outputs;
    StepStatus m_status;
    bool m_problem = false;
};

class PipelineGraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PipelineGraphScene(QObject *parent = nullptr);

    // Draws `pipeline`, keeping the positions of steps it drew before (new ones laid out).
    void setPipeline(const pipeline::Pipeline &pipeline);
    void setStatuses(const QMap<QString, StepStatus> &statuses);
    void setProblems(const QStringList &steps);
    // Rows by dependency depth, top to bottom; a row's steps in file order.
    void autoLayout();
    StepItem *item(const QString &step) const { return m_items.value(step); }
    void selectStep(const QString &step);

signals:
    void stepSelected(const QString &step); // empty: none
    void connectRequested(const QString &fromStep, const QString &output, const QString &toStep, const QString &input);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void drawEdges();

    pipeline::Pipeline m_pipeline;
    QMap<QString, StepItem *> m_items;
    QMap<QString, QPointF> m_positions;
    QList<QGraphicsItem *> m_edges;
    QGraphicsLineItem *m_dragLine = nullptr;
    QString m_dragStep, m_dragPort;
};

// Shows the whole graph in `view`: at most full size, smaller when it does not fit.
void fitGraph(QGraphicsView *view);

} // namespace stratus
