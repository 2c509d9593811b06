// The Pipelines screen driven as a user drives it: steps added from the
// palette, settings typed into the side panel (problems shown on their
// fields), an output dragged onto an input in the graph, undo and redo, zoom,
// save as a version; then a run started from the screen, drawn with each
// step's status, and the Home screen's sixth step.
#include "TestSupport.h"

#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineValidation.h"
#include "pipeline/PipelineYaml.h"
#include "pipelines/PipelineEditor.h"
#include "pipelines/PipelineGraph.h"
#include "pipelines/PipelinesScreen.h"
#include "pipelines/TriggerDialog.h"
#include "registry/TriggerStore.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "registry/WorkspaceSetup.h"
#include "main/MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QUndoStack>

using namespace stratus;

namespace {

QAbstractButton *button(QWidget *parent, const QString &text)
{
    for (QAbstractButton *b : parent->findChildren<QAbstractButton *>())
        if (b->text() == text)
            return b;
    qFatal("no button %s", qPrintable(text));
}

void type(QWidget *field, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestPipelineEditor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void drawEditAndRunAPipeline()
    {
        auto ws = testing::newWorkspace(m_dir);
        const QString data = testing::writeFile(m_dir, QStringLiteral("points.csv"), "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");
        PipelinesScreen screen(*ws);
        screen.resize(1200, 800);
        screen.show();
        QVERIFY(QTest::qWaitForWindowExposed(&screen));
        PipelineEditor *editor = screen.editor();

        // The palette adds an import step; what it lacks shows at once.
        QListWidget *palette = editor->palette();
        palette->setCurrentRow(0);
        QTest::mouseClick(button(editor, QStringLiteral("Add step")), Qt::LeftButton);
        QCOMPARE(editor->pipeline().steps.size(), 1);
        QCOMPARE(editor->selectedStep(), QStringLiteral("import"));
        QVERIFY(editor->problemsLabel()->text().contains(QStringLiteral("field 'path'")));
        QVERIFY(!editor->settingField(QStringLiteral("path"))->toolTip().isEmpty()); // marked in place
        QVERIFY(!button(editor, QStringLiteral("Save version"))->isEnabled());
        type(editor->settingField(QStringLiteral("path")), data);
        type(editor->settingField(QStringLiteral("dataset")), QStringLiteral("points"));
        QCOMPARE(editor->pipeline().steps[0].settings.value(QStringLiteral("path")).toString(), data);

        // A double click adds a transform; its input is connected by dragging import's output onto it.
        const QList<QListWidgetItem *> transform = palette->findItems(QStringLiteral("transform"), Qt::MatchExactly);
        QVERIFY(!transform.isEmpty());
        const QRect row = palette->visualItemRect(transform.first());
        QTest::mouseClick(palette->viewport(), Qt::LeftButton, {}, row.center());
        QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(editor->pipeline().steps.size(), 2);
        type(editor->settingField(QStringLiteral("dataset")), QStringLiteral("points-small"));
        type(editor->settingField(QStringLiteral("filter")), QStringLiteral("x <= 3"));
        auto *view = editor->findChild<QGraphicsView *>(QStringLiteral("pipelineGraph"));
        QVERIFY(view);
        PipelineGraphScene *scene = editor->scene();
        const QPoint from = view->mapFromScene(scene->item(QStringLiteral("import"))->outputPort(QStringLiteral("dataset")));
        const QPoint to = view->mapFromScene(scene->item(QStringLiteral("transform"))->inputPort(QStringLiteral("dataset")));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(view->viewport(), (from + to) / 2);
        QTest::mouseMove(view->viewport(), to);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(editor->pipeline().step(QStringLiteral("transform"))->inputs.value(QStringLiteral("dataset")),
                 QStringLiteral("${{parent.jobs.import.outputs.dataset}}"));
        QVERIFY2(editor->problemsLabel()->text().isEmpty(), qPrintable(editor->problemsLabel()->text()));

        // Undo takes the connection back, redo restores it.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!editor->pipeline().step(QStringLiteral("transform"))->inputs.contains(QStringLiteral("dataset")));
        QVERIFY(editor->problemsLabel()->text().contains(QStringLiteral("inputs.dataset")));
        QTest::mouseClick(button(editor, QStringLiteral("Redo")), Qt::LeftButton);
        QVERIFY(editor->pipeline().step(QStringLiteral("transform"))->inputs.contains(QStringLiteral("dataset")));

        // A third step, removed with Delete, then brought back by undo and removed again.
        palette->setCurrentRow(int(pipeline::stepKindNames().indexOf(QStringLiteral("command"))));
        QTest::mouseClick(button(editor, QStringLiteral("Add step")), Qt::LeftButton);
        QCOMPARE(editor->pipeline().steps.size(), 3);
        QTest::mouseClick(button(editor, QStringLiteral("Remove step")), Qt::LeftButton);
        QCOMPARE(editor->pipeline().steps.size(), 2);
        editor->undoStack()->undo();
        QCOMPARE(editor->pipeline().steps.size(), 3);
        editor->undoStack()->redo();
        QCOMPARE(editor->pipeline().steps.size(), 2);

        // Zoom, the name, save.
        const qreal before = view->transform().m11();
        QTest::mouseClick(button(editor, QStringLiteral("Zoom in")), Qt::LeftButton);
        QVERIFY(view->transform().m11() > before);
        type(editor->nameField(), QStringLiteral("points-prep"));
        QVERIFY(button(editor, QStringLiteral("Save version"))->isEnabled());
        QTest::mouseClick(button(editor, QStringLiteral("Save version")), Qt::LeftButton);
        auto stored = PipelineStore(*ws).resolve(QStringLiteral("points-prep"));
        QVERIFY2(stored, qPrintable(stored.message()));
        auto parsed = pipeline::readPipelineYaml(stored->definition, QStringLiteral("stored"));
        QVERIFY(parsed);
        QVERIFY(pipeline::validate(*parsed).isEmpty());
        QCOMPARE(parsed->steps.size(), 2);

        // Run it from the screen: the run's graph shows each step's status.
        QTRY_COMPARE(screen.list()->rowCount(), 1);
        screen.select(QStringLiteral("points-prep"));
        QTest::mouseClick(screen.findChild<QPushButton *>(QStringLiteral("runPipelineButton")), Qt::LeftButton);
        QCOMPARE(screen.tabs()->currentIndex(), 1);
        QString runId;
        for (const Run &r : RunStore(*ws).list().value_or(QList<Run>()))
            if (r.kind == QLatin1String("pipeline"))
                runId = r.id;
        QVERIFY(!runId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(RunStore(*ws).get(runId)->status, RunStatus::Completed, 20000);
        QTRY_COMPARE(screen.runGraph()->item(QStringLiteral("import"))->status().status, QStringLiteral("Completed"));
        QTRY_COMPARE(screen.runGraph()->item(QStringLiteral("transform"))->status().status, QStringLiteral("Completed"));

        // The same again: both steps are reused, and the graph says so.
        QTest::mouseClick(screen.findChild<QPushButton *>(QStringLiteral("runPipelineButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(screen.runGraph()->item(QStringLiteral("transform"))->status().status, QStringLiteral("Reused"), 20000);
    }

    void triggerDialog()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("triggers.stratus"));
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("tick"), {}, "name: tick\njobs:\n  say: {type: command, command: /bin/true}\n"));
        TriggerDialog dialog(*ws, QStringLiteral("tick"));
        dialog.every()->setText(QStringLiteral("2x"));
        dialog.accept();
        QVERIFY2(dialog.error()->text().contains(QStringLiteral("every: N followed by m, h, d or w")), qPrintable(dialog.error()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.every()->clear();
        QTest::keyClicks(dialog.every(), QStringLiteral("2h"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QList<PipelineTrigger> triggers = TriggerStore(*ws).list(QStringLiteral("tick")).value_or(QList<PipelineTrigger>());
        QCOMPARE(triggers.size(), 1);
        QCOMPARE(triggers.first().settings.value(QStringLiteral("every")).toString(), QStringLiteral("2h"));
        // A dataset trigger that would hand its version to a parameter the pipeline lacks is refused.
        TriggerDialog second(*ws, QStringLiteral("tick"));
        second.kind()->setCurrentIndex(1);
        second.dataset()->setText(QStringLiteral("numbers"));
        second.findChildren<QLineEdit *>().last()->setText(QStringLiteral("data"));
        second.accept();
        QVERIFY2(second.error()->text().contains(QStringLiteral("has no parameter 'data'")), qPrintable(second.error()->text()));
    }

    // Home's sixth step: one click turns the lesson's steps into a saved retraining pipeline.
    void homeMakesARetrainingPipeline()
    {
        const QString path = m_dir.filePath(QStringLiteral("home.stratus"));
        const QString folder = m_dir.filePath(QStringLiteral("home-data"));
        QDir().mkpath(folder);
        QByteArray csv = "x,z,y\n";
        for (int i = 0; i < 60; ++i)
            csv += QByteArray::number(i) + ',' + QByteArray::number(i % 7) + ',' + QByteArray::number(3 * i + i % 7) + '\n';
        const QString file = testing::writeFile(m_dir, QStringLiteral("home-data/rows.csv"), csv);
        auto r = testing::runCli({"--workspace", path, "dataset", "import", file, "--name", "rows"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"--workspace", path, "automl", "--dataset", "rows", "--label", "y", "--task", "regression", "--max-trials", "2", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString run = QJsonDocument::fromJson(r.out)[QStringLiteral("parent_run_id")].toString();
        r = testing::runCli({"--workspace", path, "model", "register", "--run", run, "--name", "rows-model"});
        QVERIFY2(r.code == 0, r.err.constData());

        auto ws = openWorkspace(path);
        QVERIFY(ws);
        MainWindow window(std::move(*ws));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *make = window.findChild<QPushButton *>(QStringLiteral("makeRetrainingPipeline"));
        QVERIFY(make);
        QVERIFY(make->isEnabled());
        QTest::mouseClick(make, Qt::LeftButton);
        QCOMPARE(window.currentScreen(), MainWindow::Pipelines);
        auto stored = PipelineStore(window.workspace()).resolve(QStringLiteral("rows-model-retraining"));
        QVERIFY2(stored, qPrintable(stored.message()));
        auto p = pipeline::readPipelineYaml(stored->definition, QStringLiteral("made"));
        QVERIFY(p);
        QVERIFY(pipeline::validate(*p).isEmpty());
        QCOMPARE(p->step(QStringLiteral("import"))->settings.value(QStringLiteral("dataset")).toString(), QStringLiteral("rows"));
        QCOMPARE(p->parameter(QStringLiteral("incoming"))->defaultValue.toString(), QFileInfo(file).absolutePath());
        QCOMPARE(p->step(QStringLiteral("train"))->settings.value(QStringLiteral("label")).toString(), QStringLiteral("y"));
        QCOMPARE(p->step(QStringLiteral("compare"))->settings.value(QStringLiteral("reference_model")).toString(), QStringLiteral("rows-model"));
        QVERIFY(!p->step(QStringLiteral("deploy"))); // no endpoint serves the model yet

        // It runs: a better model than the registered one is registered as version 2, or the run says why not.
        pipeline::RunRequest request;
        request.pipeline = QStringLiteral("rows-model-retraining");
        pipeline::PipelineRunner runner(window.workspace(), request);
        QVERIFY(runner.prepare());
        QCOMPARE(runner.run(), QStringLiteral("Completed"));
    }
};

QTEST_MAIN(TestPipelineEditor)
#include "tst_pipeline_editor.moc"
