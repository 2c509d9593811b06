#include "pipelines/PipelineGraph.h"

#include "pipeline/PipelineValidation.h"
#include "pipeline/StepKinds.h"
#include "registry/RunStatus.h"
#include "shared/Format.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace stratus {

namespace {

constexpr qreal kWidth = 200, kHeight = 70, kDot = 5;

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("Completed"))
        return QColor(0x2e, 0x7d, 0x32);
    if (status == QLatin1String("Reused"))
        return QColor(0x00, 0x69, 0x8f);
    if (status == QLatin1String("Running"))
        return QColor(0x15, 0x65, 0xc0);
    if (status == QLatin1String("Failed"))
        return QColor(0xc6, 0x28, 0x28);
    if (status == QLatin1String("Skipped") || status == QLatin1String("Canceled"))
        return QColor(0x75, 0x75, 0x75);
    return QColor(0x90, 0x90, 0x90);
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("Reused"))
        return StepItem::tr("Reused");
    if (status == QLatin1String("Skipped"))
        return StepItem::tr("Skipped");
    return runStatusLabel(status);
}

} // namespace

StepItem::StepItem(const pipeline::Step &step, QGraphicsItem *parent) : QGraphicsObject(parent), m_step(step)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    if (const pipeline::StepKind *kind = pipeline::stepKind(step.kind)) {
        for (const pipeline::Port &p : kind->inputs)
            m_inputs << p.name;
    }
    for (auto it = step.inputs.cbegin(); it != step.inputs.cend(); ++it)
        if (!m_inputs.contains(it.key()))
            m_inputs << it.key(); // a command's free inputs
    for (const pipeline::Port &p : pipeline::stepOutputs(step))
        m_outputs << p.name;
    setToolTip(QStringLiteral("%1 (%2)").arg(step.name, step.kind));
}

QRectF StepItem::boundingRect() const
{
    return QRectF(-2, -kDot - 1, kWidth + 4, kHeight + 2 * kDot + 2);
}

// Ports: inputs along the top edge, outputs along the bottom one (the graph reads top to bottom).
static qreal portX(int index, int count)
{
    return kWidth * (index + 1) / (count + 1);
}

void StepItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, 0, kWidth, kHeight);
    const bool selected = option->state & QStyle::State_Selected;
    p->setPen(QPen(m_problem ? QColor(0xc6, 0x28, 0x28) : selected ? QColor(0x15, 0x65, 0xc0) : QColor(0x9e, 0x9e, 0x9e), selected || m_problem ? 2.5 : 1));
    p->setBrush(QColor(0xfa, 0xfa, 0xfa));
    p->drawRoundedRect(box, 6, 6);
    if (!m_status.status.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(statusColor(m_status.status));
        p->drawRoundedRect(QRectF(0, 0, 6, kHeight), 3, 3);
    }
    QFont small = p->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QFont bold = p->font();
    bold.setBold(true);
    p->setFont(small);
    p->setPen(QColor(0x61, 0x61, 0x61));
    for (int i = 0; i < m_inputs.size(); ++i)
        p->drawText(QRectF(portX(i, int(m_inputs.size())) - 50, 6, 100, 14), Qt::AlignCenter, m_inputs[i]);
    for (int i = 0; i < m_outputs.size(); ++i)
        p->drawText(QRectF(portX(i, int(m_outputs.size())) - 50, kHeight - 20, 100, 14), Qt::AlignCenter, m_outputs[i]);
    p->setFont(bold);
    p->setPen(Qt::black);
    p->drawText(QRectF(12, 20, kWidth - 16, 18), Qt::AlignCenter, m_step.displayName.isEmpty() ? m_step.name : m_step.displayName);
    p->setFont(small);
    p->setPen(m_status.status.isEmpty() ? QColor(0x61, 0x61, 0x61) : statusColor(m_status.status));
    QString second = m_step.kind;
    if (!m_status.status.isEmpty())
        second += QStringLiteral(" · ") + statusText(m_status.status)
                  + (m_status.seconds > 0 ? QStringLiteral(" · ") + format::duration(m_status.seconds) : QString());
    p->drawText(QRectF(12, 38, kWidth - 16, 16), Qt::AlignCenter, second);
    p->setPen(Qt::NoPen);
    for (int i = 0; i < m_inputs.size(); ++i) {
        p->setBrush(m_step.inputs.contains(m_inputs[i]) ? QColor(0x15, 0x65, 0xc0) : QColor(0xbd, 0xbd, 0xbd));
        p->drawEllipse(QPointF(portX(i, int(m_inputs.size())), 0), kDot, kDot);
    }
    p->setBrush(QColor(0x2e, 0x7d, 0x32));
    for (int i = 0; i < m_outputs.size(); ++i)
        p->drawEllipse(QPointF(portX(i, int(m_outputs.size())), kHeight), kDot, kDot);
}

QPointF StepItem::inputPort(const QString &port) const
{
    const int i = int(std::max<qsizetype>(0, m_inputs.indexOf(port)));
    return mapToScene(QPointF(portX(i, int(m_inputs.size())), 0));
}

QPointF StepItem::outputPort(const QString &port) const
{
    const int i = int(std::max<qsizetype>(0, m_outputs.indexOf(port)));
    return mapToScene(QPointF(portX(i, int(m_outputs.size())), kHeight));
}

QString StepItem::portAt(const QPointF &scenePoint, bool *output) const
{
    for (const QString &port : m_outputs)
        if (QLineF(outputPort(port), scenePoint).length() <= kDot + 5) {
            *output = true;
            return port;
        }
    for (const QString &port : m_inputs)
        if (QLineF(inputPort(port), scenePoint).length() <= kDot + 5) {
            *output = false;
            return port;
        }
    return {};
}

void StepItem::setStatus(const StepStatus &status)
{
    m_status = status;
    update();
}

void StepItem::setProblem(bool problem)
{
    m_problem = problem;
    update();
}

QVariant StepItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        emit moved();
    return QGraphicsObject::itemChange(change, value);
}

PipelineGraphScene::PipelineGraphScene(QObject *parent) : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const auto selected = selectedItems();
        auto *step = selected.isEmpty() ? nullptr : qgraphicsitem_cast<StepItem *>(selected.first());
        emit stepSelected(step ? step->name() : QString());
    });
}

void PipelineGraphScene::setPipeline(const pipeline::Pipeline &pipeline)
{
    const QString selected = [&] {
        const auto items = selectedItems();
        auto *step = items.isEmpty() ? nullptr : qgraphicsitem_cast<StepItem *>(items.first());
        return step ? step->name() : QString();
    }();
    for (StepItem *item : std::as_const(m_items))
        m_positions.insert(item->name(), item->pos());
    const QSignalBlocker block(this);
    clear();
    m_items.clear();
    m_edges.clear();
    m_dragLine = nullptr;
    m_pipeline = pipeline;
    bool unplaced = false;
    for (const pipeline::Step &step : pipeline.steps) {
        auto *item = new StepItem(step);
        addItem(item);
        m_items.insert(step.name, item);
        if (m_positions.contains(step.name))
            item->setPos(m_positions.value(step.name));
        else
            unplaced = true;
        connect(item, &StepItem::moved, this, &PipelineGraphScene::drawEdges);
    }
    if (unplaced)
        autoLayout();
    drawEdges();
    if (m_items.contains(selected))
        m_items.value(selected)->setSelected(true);
}

void PipelineGraphScene::autoLayout()
{
    QMap<QString, int> depth;
    for (const QString &name : pipeline::topologicalOrder(m_pipeline)) {
        int d = 0;
        for (const QString &up : pipeline::upstreamSteps(*m_pipeline.step(name)))
            d = std::max(d, depth.value(up, 0) + 1);
        depth.insert(name, d);
    }
    // Rows by depth, top to bottom; the steps of a row side by side, centred on the widest row.
    QMap<int, QStringList> rows;
    for (const pipeline::Step &step : m_pipeline.steps)
        rows[depth.value(step.name, 0)] << step.name;
    int widest = 1;
    for (const QStringList &row : std::as_const(rows))
        widest = std::max(widest, int(row.size()));
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const qreal left = (widest - it.value().size()) * (kWidth + 40) / 2;
        for (int i = 0; i < it.value().size(); ++i) {
            StepItem *item = m_items.value(it.value()[i]);
            item->setPos(left + i * (kWidth + 40), it.key() * (kHeight + 34));
            m_positions.insert(it.value()[i], item->pos());
        }
    }
    drawEdges();
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
}

void PipelineGraphScene::drawEdges()
{
    for (QGraphicsItem *edge : std::as_const(m_edges)) {
        removeItem(edge);
        delete edge;
    }
    m_edges.clear();
    for (const pipeline::Step &step : m_pipeline.steps) {
        for (auto it = step.inputs.cbegin(); it != step.inputs.cend(); ++it) {
            const pipeline::Binding b = pipeline::parseBinding(it.value());
            if (b.kind != pipeline::Binding::Kind::StepOutput || !m_items.contains(b.step))
                continue;
            const QPointF from = m_items.value(b.step)->outputPort(b.name), to = m_items.value(step.name)->inputPort(it.key());
            QPainterPath path(from);
            const qreal bend = std::max<qreal>(24, std::abs(to.y() - from.y()) / 2);
            path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
            auto *edge = addPath(path, QPen(QColor(0x78, 0x90, 0x9c), 1.6));
            edge->setZValue(-1);
            m_edges.append(edge);
        }
    }
}

void PipelineGraphScene::setStatuses(const QMap<QString, StepStatus> &statuses)
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        it.value()->setStatus(statuses.value(it.key()));
}

void PipelineGraphScene::setProblems(const QStringList &steps)
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        it.value()->setProblem(steps.contains(it.key()));
}

void PipelineGraphScene::selectStep(const QString &step)
{
    clearSelection();
    if (StepItem *item = m_items.value(step))
        item->setSelected(true);
}

void PipelineGraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    for (StepItem *item : std::as_const(m_items)) {
        bool output = false;
        const QString port = item->portAt(event->scenePos(), &output);
        if (!port.isEmpty() && output) {
            m_dragStep = item->name();
            m_dragPort = port;
            m_dragLine = addLine(QLineF(item->outputPort(port), event->scenePos()), QPen(QColor(0x15, 0x65, 0xc0), 1.6, Qt::DashLine));
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void PipelineGraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_dragLine) {
        m_dragLine->setLine(QLineF(m_dragLine->line().p1(), event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void PipelineGraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragLine) {
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    removeItem(m_dragLine);
    delete m_dragLine;
    m_dragLine = nullptr;
    for (StepItem *item : std::as_const(m_items)) {
        bool output = true;
        const QString port = item->portAt(event->scenePos(), &output);
        if (!port.isEmpty() && !output && item->name() != m_dragStep) {
            emit connectRequested(m_dragStep, m_dragPort, item->name(), port);
            break;
        }
    }
    m_dragStep.clear();
    m_dragPort.clear();
}

void fitGraph(QGraphicsView *view)
{
    const QRectF rect = view->scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    view->resetTransform();
    if (rect.isEmpty())
        return;
    const QSizeF room = view->viewport()->size();
    const qreal scale = std::min<qreal>({1.0, room.width() / rect.width(), room.height() / rect.height()});
    view->scale(scale, scale);
    view->centerOn(rect.center());
}

} // namespace stratus
