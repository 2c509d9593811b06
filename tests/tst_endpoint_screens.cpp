// The Endpoints screen, driven as a user would (offscreen): deploy a model
// from the Models screen through the deploy dialog (its name checked in
// place), follow it to Healthy, send the Test form's request, read the
// Consume tab's URI, keys and snippets (regenerating a key updates them),
// the live log and the monitoring; close the studio and open the workspace
// again: the endpoint is restored. Then the Models screen's package export
// and import, and "Score dataset" with its progress.
#include "data/import/SampleData.h"
#include "data/store/DatasetStore.h"
#include "endpoints/DeployDialog.h"
#include "endpoints/EndpointConsumeTab.h"
#include "endpoints/EndpointMonitorTab.h"
#include "endpoints/EndpointsScreen.h"
#include "endpoints/EndpointTestTab.h"
#include "main/MainWindow.h"
#include "models/ModelsScreen.h"
#include "models/ScoreDatasetDialog.h"
#include "registry/EndpointStore.h"
#include "serve/EndpointSupervisor.h"
#include "registry/ModelStore.h"
#include "shared/ChartView.h"
#include "KoreanSupport.h"
#include "TestSupport.h"
#include "TrainSupport.h"

#include <QApplication>
#include <QDir>
#include <optional>
#include <QClipboard>
#include <QRegularExpression>
#include <QTextDocumentFragment>
#include <QFileInfo>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>

using namespace stratus;

class TestEndpointScreens : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        qputenv("STRATUS_CLI", STRATUS_CLI);
        auto ws = testing::newWorkspace(m_dir);
        m_path = ws->path();
        QVERIFY(registerSampleDataset(*ws).ok());
        const Status trained = testing::trainAndRegister(*ws, testing::quickConfig(QString::fromLatin1(kSampleDatasetName)), QStringLiteral("heart"));
        QVERIFY2(trained.ok(), qPrintable(trained.message()));
    }

    void deployTestConsumeAndRestore()
    {
        auto window = std::make_unique<MainWindow>(std::move(*openWorkspace(m_path)));
        window->show();
        // Models screen: select the version and press Deploy.
        window->showScreen(MainWindow::Models);
        ModelsScreen *models = window->modelsScreen();
        QTRY_VERIFY(models->tree()->topLevelItemCount() == 1);
        models->select(QStringLiteral("heart:1"));
        auto *deployButton = models->findChild<QPushButton *>(QStringLiteral("deployModel"));
        QTRY_VERIFY(deployButton->isEnabled());
        QTest::mouseClick(deployButton, Qt::LeftButton);
        DeployDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<DeployDialog *>()) && dialog->isVisible());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("endpointName"));
        QCOMPARE(name->text(), QStringLiteral("heart-1")); // suggested from the model
        QPushButton *deploy = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Deploy"))
                deploy = b;
        QVERIFY(deploy);
        name->setText(QStringLiteral("1-heart"));
        QVERIFY(!deploy->isEnabled()); // the naming rule, in place
        name->setText(QStringLiteral("heart-ep"));
        QVERIFY(deploy->isEnabled());
        QTest::mouseClick(deploy, Qt::LeftButton);

        // Endpoints screen: Transitioning -> Healthy, in the table and the details.
        EndpointsScreen *screen = window->endpointsScreen();
        QVERIFY(screen->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(screen->table()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(screen->table()->item(0, 1)->text(), QStringLiteral("Healthy"), 20000);
        const Endpoint e = *EndpointStore(window->workspace()).get(QStringLiteral("heart-ep"));
        QTRY_VERIFY(screen->details()->text().contains(e.scoringUri()));
        QVERIFY(screen->details()->text().contains(QStringLiteral("LogisticRegression")));

        // Test: the form (built from the schema) answers a prediction.
        screen->tabs()->setCurrentWidget(screen->testTab());
        QTRY_VERIFY_WITH_TIMEOUT(screen->testTab()->sendButton()->isEnabled(), 10000);
        QVERIFY(screen->testTab()->request().contains("\"ejection_fraction\""));
        QSignalSpy answered(screen->testTab(), &EndpointTestTab::answered);
        QTest::mouseClick(screen->testTab()->sendButton(), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.first().first().toInt(), 200);
        QVERIFY(screen->testTab()->response()->toPlainText().contains(QStringLiteral("\"result\"")));

        // Consume: the URI and the primary key in every snippet; regenerating it updates them.
        screen->tabs()->setCurrentWidget(screen->consumeTab());
        for (int language = 0; language < 3; ++language) {
            QVERIFY(screen->consumeTab()->snippet(language).contains(e.scoringUri()));
            QVERIFY(screen->consumeTab()->snippet(language).contains(e.primaryKey));
        }
        QTimer answer;
        connect(&answer, &QTimer::timeout, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                    box->button(QMessageBox::Yes)->click();
        });
        answer.start(50);
        QTest::mouseClick(screen->consumeTab()->findChild<QPushButton *>(QStringLiteral("regeneratePrimary")), Qt::LeftButton);
        answer.stop();
        const QString fresh = EndpointStore(window->workspace()).get(e.name)->primaryKey;
        QVERIFY(fresh != e.primaryKey);
        QTRY_VERIFY_WITH_TIMEOUT(screen->consumeTab()->snippet(1).contains(fresh), 5000);
        QVERIFY(screen->consumeTab()->findChild<QLineEdit *>(QStringLiteral("primaryKey"))->text() == fresh);

        // Logs and monitoring, live.
        QTRY_VERIFY_WITH_TIMEOUT(screen->logView()->toPlainText().contains(QStringLiteral("Scoring URI: ") + e.scoringUri()), 5000);
        screen->tabs()->setCurrentWidget(screen->monitorTab());
        QTRY_VERIFY_WITH_TIMEOUT(screen->monitorTab()->summary()->text().contains(QStringLiteral("1 requests")), 5000);
        QVERIFY(screen->monitorTab()->requestsChart()->plottableCount() == 1);

        // Closing the studio stops the process; opening the workspace again restores it.
        window.reset();
        {
            auto ws = openWorkspace(m_path);
            QCOMPARE(EndpointStore(**ws).get(e.name)->state, EndpointState::Stopped);
            QVERIFY(EndpointStore(**ws).get(e.name)->shouldRun);
        }
        window = std::make_unique<MainWindow>(std::move(*openWorkspace(m_path)));
        window->show();
        window->showScreen(MainWindow::Endpoints);
        screen = window->endpointsScreen();
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(window->workspace()).get(e.name)->state, EndpointState::Healthy, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(screen->table()->item(0, 1)->text(), QStringLiteral("Healthy"), 5000);
        // The Test tab works again with the regenerated key.
        screen->tabs()->setCurrentWidget(screen->testTab());
        QTRY_VERIFY_WITH_TIMEOUT(screen->testTab()->sendButton()->isEnabled(), 10000);
        QSignalSpy again(screen->testTab(), &EndpointTestTab::answered);
        QTest::mouseClick(screen->testTab()->sendButton(), Qt::LeftButton);
        QVERIFY(again.wait(10000));
        QCOMPARE(again.first().first().toInt(), 200);
    }

    // Issue 16, item 10: the Consume code shows the key masked as the fields
    // do (Copy code copies the real key), the Test tab names the classes of
    // predict_proba's answer and offers a boolean's two values and
    // "(missing)", and a stopped endpoint says it is stopped.
    void endpointsSayWhatTheyMean()
    {
        auto window = std::make_unique<MainWindow>(std::move(*openWorkspace(m_path)));
        window->show();
        window->showScreen(MainWindow::Endpoints);
        EndpointsScreen *screen = window->endpointsScreen();
        QTRY_COMPARE_WITH_TIMEOUT(screen->table()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(screen->table()->item(0, 1)->text(), QStringLiteral("Healthy"), 20000);
        const Endpoint e = *EndpointStore(window->workspace()).get(QStringLiteral("heart-ep"));

        // Consume: masked until "Show keys"; Copy code copies the key.
        EndpointConsumeTab *consume = screen->consumeTab();
        screen->tabs()->setCurrentWidget(consume);
        QTRY_VERIFY(consume->snippet(0).contains(e.primaryKey));
        for (int language = 0; language < 3; ++language) {
            QVERIFY2(!consume->shownSnippet(language).contains(e.primaryKey), qPrintable(consume->shownSnippet(language)));
            QVERIFY(consume->shownSnippet(language).contains(e.scoringUri()));
        }
        QTest::mouseClick(consume->findChild<QPushButton *>(QStringLiteral("copyCode")), Qt::LeftButton);
        QVERIFY(QApplication::clipboard()->text().contains(e.primaryKey));
        QTest::mouseClick(consume->findChild<QPushButton *>(QStringLiteral("showKeys")), Qt::LeftButton);
        QVERIFY(consume->shownSnippet(0).contains(e.primaryKey));
        QTest::mouseClick(consume->findChild<QPushButton *>(QStringLiteral("showKeys")), Qt::LeftButton);
        QVERIFY(!consume->shownSnippet(0).contains(e.primaryKey));

        // Test: boolean fields offer false, true and (missing), nothing else.
        EndpointTestTab *test = screen->testTab();
        screen->tabs()->setCurrentWidget(test);
        QTRY_VERIFY_WITH_TIMEOUT(test->sendButton()->isEnabled(), 10000);
        auto *anaemia = test->findChild<QComboBox *>(QStringLiteral("field_anaemia"));
        QVERIFY(anaemia);
        QStringList offered;
        for (int i = 0; i < anaemia->count(); ++i)
            offered << anaemia->itemText(i);
        QCOMPARE(offered, (QStringList{QStringLiteral("false"), QStringLiteral("true"), QStringLiteral("(missing)")}));
        // predict_proba: each probability named by its class.
        auto *method = test->findChild<QComboBox *>();
        for (QComboBox *box : test->findChildren<QComboBox *>())
            if (box->findData(QStringLiteral("predict_proba")) >= 0)
                method = box;
        method->setCurrentIndex(method->findData(QStringLiteral("predict_proba")));
        QSignalSpy answered(test, &EndpointTestTab::answered);
        QTest::mouseClick(test->sendButton(), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.first().first().toInt(), 200);
        const QString reading = QTextDocumentFragment::fromHtml(test->reading()->text()).toPlainText();
        static const QRegularExpression named(QStringLiteral("^Row 1: false 0\\.\\d+ · true 0\\.\\d+$"));
        QVERIFY2(named.match(reading).hasMatch(), qPrintable(reading));

        // Stop: the tab says the endpoint is stopped; a request sent anyway says so too, not "Connection refused".
        QTest::mouseClick(screen->findChild<QPushButton *>(QStringLiteral("stopEndpoint")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(window->workspace()).get(e.name)->state, EndpointState::Stopped, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(test->statusLabel()->text().contains(QStringLiteral("stopped")), 5000);
        QVERIFY(!test->sendButton()->isEnabled());
        QVERIFY(test->reading()->text().isEmpty() && test->response()->toPlainText().isEmpty()); // no answer from before the stop
        Endpoint stale = e; // what a page opened before the stop still believes
        stale.state = EndpointState::Healthy;
        test->setEndpoint(stale, {}, {}, {});
        QSignalSpy refused(test, &EndpointTestTab::answered);
        QTest::mouseClick(test->sendButton(), Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QVERIFY2(test->statusLabel()->text().contains(QStringLiteral("the endpoint is stopped")), qPrintable(test->statusLabel()->text()));
        QVERIFY(!test->statusLabel()->text().contains(QStringLiteral("refused"), Qt::CaseInsensitive));
        // Started again for the tests after this one.
        QTest::mouseClick(screen->findChild<QPushButton *>(QStringLiteral("startEndpoint")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(window->workspace()).get(e.name)->state, EndpointState::Healthy, 20000);
    }

    // Issue 16, items 5 and 6: the endpoint's page at 1024x700, in English
    // and in Korean (no English word left), each tab grabbed for people to look at.
    void endpointAt1024x700InEnglishAndKorean()
    {
        for (const bool korean : {false, true}) {
            std::optional<testing::Korean> language;
            if (korean) {
                language.emplace();
                if (!language->qtCatalogueFound())
                    QSKIP("Qt's Korean catalogue is not installed (./setup.sh installs qt6-translations-l10n)");
                QVERIFY(language->ready());
            }
            auto window = std::make_unique<MainWindow>(std::move(*openWorkspace(m_path)));
            window->resize(1024, 700);
            window->show();
            window->showScreen(MainWindow::Endpoints);
            EndpointsScreen *screen = window->endpointsScreen();
            if (!EndpointStore(window->workspace()).get(QStringLiteral("heart-ep"))) { // this test alone
                EndpointRequest request;
                request.name = QStringLiteral("heart-ep");
                request.model = QStringLiteral("heart:1");
                QVERIFY(EndpointStore(window->workspace()).create(request).ok());
                QVERIFY(window->supervisor()->start(request.name).ok());
                screen->refresh();
            }
            QTRY_VERIFY_WITH_TIMEOUT(screen->table()->rowCount() >= 1, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(EndpointStore(window->workspace()).get(QStringLiteral("heart-ep"))->state, EndpointState::Healthy, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(screen->testTab()->sendButton()->isEnabled(), 10000);
            QStringList problems;
            for (int tab = 0; tab < screen->tabs()->count(); ++tab) {
                screen->tabs()->setCurrentIndex(tab);
                if (screen->tabs()->currentWidget() == screen->testTab()) {
                    QSignalSpy answered(screen->testTab(), &EndpointTestTab::answered);
                    QTest::mouseClick(screen->testTab()->sendButton(), Qt::LeftButton);
                    QVERIFY(answered.wait(10000));
                }
                QTest::qWait(200);
                const QSize needed = window->minimumSizeHint().expandedTo(window->minimumSize());
                if (needed.width() > 1024 || needed.height() > 700 || window->size() != QSize(1024, 700))
                    problems << QStringLiteral("tab %1 needs %2x%3").arg(tab).arg(needed.width()).arg(needed.height());
                if (korean)
                    problems << testing::englishHoles(window.get(), QStringLiteral("endpoint tab %1").arg(tab));
                QDir().mkpath(QStringLiteral(STRATUS_SCREENSHOTS));
                window->grab().save(QDir(QStringLiteral(STRATUS_SCREENSHOTS))
                                        .filePath(QStringLiteral("endpoint-tab%1%2.png").arg(tab).arg(korean ? QStringLiteral("-ko") : QString())));
            }
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }

    void exportImportAndScoreFromTheModelsScreen()
    {
        auto window = std::make_unique<MainWindow>(std::move(*openWorkspace(m_path)));
        window->show();
        window->showScreen(MainWindow::Models);
        ModelsScreen *models = window->modelsScreen();
        QTRY_VERIFY(models->tree()->topLevelItemCount() == 1);
        models->select(QStringLiteral("heart:1"));
        QTRY_COMPARE(models->selectedReference(), QStringLiteral("heart:1"));
        // Export, then import as another model: it appears, selected.
        const QString path = m_dir.filePath(QStringLiteral("heart.stratus-model"));
        auto report = models->exportPackage(path);
        QVERIFY2(report.ok(), qPrintable(report.message()));
        QVERIFY(report->contains(QStringLiteral("LogisticRegression")) && report->contains(path));
        auto onnxReport = models->exportOnnx(m_dir.filePath(QStringLiteral("heart.onnx")));
        QVERIFY2(onnxReport.ok() && onnxReport->contains(QStringLiteral("ONNX")), qPrintable(onnxReport.message()));
        QVERIFY2(onnxReport->contains(QStringLiteral("age (double)")) && onnxReport->contains(QStringLiteral("serum_creatinine (double)"))
                     && onnxReport->contains(QStringLiteral("probabilities (float: false, true)")),
                 qPrintable(*onnxReport));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("heart.onnx"))).size() > 1000);
        auto imported = models->importPackage(path, QStringLiteral("heart-copy"));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(*imported, QStringLiteral("heart-copy:1"));
        QTRY_COMPARE(models->tree()->topLevelItemCount(), 2);
        QTRY_COMPARE(models->selectedReference(), QStringLiteral("heart-copy:1"));
        // Score dataset: a new dataset version and a CSV, with progress to the end.
        ScoreDatasetDialog *dialog = models->scoreDataset();
        QVERIFY(dialog && dialog->datasetBox()->count() >= 1);
        QSignalSpy scored(dialog, &ScoreDatasetDialog::scored);
        QTest::mouseClick(dialog->scoreButton(), Qt::LeftButton);
        QVERIFY(scored.wait(30000));
        QVERIFY2(dialog->message()->text().contains(QStringLiteral("registered dataset heart-failure-records-scored:1")),
                 qPrintable(dialog->message()->text()));
        QVERIFY(DatasetStore(window->workspace()).resolve(QStringLiteral("heart-failure-records-scored")).ok());
    }
};

QTEST_MAIN(TestEndpointScreens)
#include "tst_endpoint_screens.moc"
