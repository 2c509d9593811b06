// The studio, driven as a user would (offscreen): the import wizard on the
// shared heart-failure file, a bad file, Cancel, drag and drop, the lazy
// preview, the compute dialog, the Home steps and the Korean translation.
#include "compute/ComputeDialog.h"
#include "compute/ComputeScreen.h"
#include "data/import/DatasetImport.h"
#include "data/import/SampleData.h"
#include "datasets/DatasetPage.h"
#include "datasets/DatasetPreviewModel.h"
#include "datasets/DatasetsScreen.h"
#include "datasets/HistogramPlot.h"
#include "datasets/import/ImportWizard.h"
#include "home/HomeScreen.h"
#include "main/MainWindow.h"
#include "main/Translations.h"
#include "registry/ComputeStore.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>

using namespace stratus;

namespace {

ImportWizard *openWizard(MainWindow &window, const QString &path = {})
{
    window.datasetsScreen()->startImport(path);
    return window.findChild<ImportWizard *>();
}

void clickNext(QWizard *wizard)
{
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

} // namespace

class TestStudio : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> newWindow(const QString &name)
    {
        auto window = std::make_unique<MainWindow>(testing::newWorkspace(m_dir, name));
        window->show();
        return window;
    }

private slots:
    void importWizardOnHeartFailureFile()
    {
        REQUIRE_SHARED_DATA();
        auto window = newWindow(QStringLiteral("wizard.stratus"));
        window->showScreen(MainWindow::Datasets);
        ImportWizard *wizard = openWizard(*window);
        QVERIFY(wizard);
        auto *pathEdit = wizard->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        QTest::keyClicks(pathEdit, testing::sharedHeartFailureCsv());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        clickNext(wizard);

        // Settings and preview: comma, header, no decimal comma; the first rows shown.
        QCOMPARE(wizard->currentId(), int(ImportWizard::SettingsPage));
        auto *delimiter = wizard->findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
        QCOMPARE(delimiter->currentData().toInt(), int(','));
        QVERIFY(wizard->findChild<QCheckBox *>(QStringLiteral("headerCheck"))->isChecked());
        QVERIFY(!wizard->findChild<QCheckBox *>(QStringLiteral("decimalCommaCheck"))->isChecked());
        auto *preview = wizard->findChild<QTableView *>(QStringLiteral("previewView"));
        QCOMPARE(preview->model()->columnCount(), 13);
        QCOMPARE(preview->model()->rowCount(), 200);
        QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("75"));
        clickNext(wizard);

        // Schema: leave out "smoking", make "time" decimal.
        QCOMPARE(wizard->currentId(), int(ImportWizard::SchemaPage));
        auto *schema = wizard->findChild<QTableWidget *>(QStringLiteral("schemaTable"));
        QCOMPARE(schema->rowCount(), 13);
        QCOMPARE(schema->item(12, 1)->text(), QStringLiteral("DEATH_EVENT"));
        QCOMPARE(schema->item(12, 2)->text(), QStringLiteral("Boolean"));
        schema->item(10, 0)->setCheckState(Qt::Unchecked); // smoking
        auto *timeType = static_cast<QComboBox *>(schema->cellWidget(11, 3));
        timeType->setCurrentIndex(timeType->findData(int(ColumnType::Decimal)));
        clickNext(wizard);

        // Confirm: name, description, tags; Create runs the import in the background.
        QCOMPARE(wizard->currentId(), int(ImportWizard::ConfirmPage));
        auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        QCOMPARE(name->text(), QStringLiteral("heart_failure_clinical_records_dataset"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("bad name"));
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled()); // the rule is shown in place
        name->clear();
        QTest::keyClicks(name, QStringLiteral("heart-failure"));
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("descriptionEdit")), QStringLiteral("UCI"));
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("tagsEdit")), QStringLiteral("source=uci"));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QPointer<ImportWizard> guard(wizard);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull() || !guard->isVisible(), 20000);

        auto v = DatasetStore(window->workspace()).resolve(QStringLiteral("heart-failure"));
        QVERIFY2(v.ok(), qPrintable(v.message()));
        QCOMPARE(v->rows, qint64(299));
        QCOMPARE(v->columns.size(), 12);
        QCOMPARE(v->description, QStringLiteral("UCI"));
        QCOMPARE(v->tags.value(QStringLiteral("source")).toString(), QStringLiteral("uci"));
        for (const auto &c : v->columns)
            QVERIFY(c.name != QLatin1String("smoking"));
        QCOMPARE(v->columns[10].name, QStringLiteral("time"));
        QCOMPARE(v->columns[10].type, ColumnType::Decimal);

        // The dataset page opens on the new version; preview and profile show it.
        DatasetPage *page = window->datasetsScreen()->page();
        QTRY_VERIFY(page->isVisible());
        QCOMPARE(page->currentVersion().reference(), QStringLiteral("heart-failure:1"));
        QCOMPARE(page->previewView()->model()->rowCount(), 299);
        QCOMPARE(page->previewView()->model()->index(1, 2).data().toString(), QStringLiteral("7861"));
        page->profileView()->selectRow(0);
        double bars = 0;
        for (double b : page->histogram()->barValues())
            bars += b;
        QCOMPARE(bars, 299.0);
    }

    void badFileIsShownInPlace()
    {
        auto window = newWindow(QStringLiteral("bad.stratus"));
        const QString path = testing::writeFile(m_dir, QStringLiteral("ragged.csv"), "a,b\n1,2\n3\n");
        ImportWizard *wizard = openWizard(*window, path); // as when a file is dropped: straight to settings
        QCOMPARE(wizard->currentId(), int(ImportWizard::SettingsPage));
        auto *problem = wizard->findChild<QLabel *>(QStringLiteral("problemLabel"));
        QVERIFY2(problem->text().contains(QStringLiteral("ragged.csv: line 3: expected 2 fields")),
                 qPrintable(problem->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // Fixing the setting fixes the preview: as one column per line it reads.
        wizard->reject();
    }

    void cancelLeavesNothing()
    {
        auto window = newWindow(QStringLiteral("cancel.stratus"));
        QByteArray content = "a,b,c,d\n";
        for (int i = 0; i < 400000; ++i)
            content += QByteArray::number(i) + "," + QByteArray::number(i * 0.25) + ",x" + QByteArray::number(i % 7)
                       + "," + QByteArray::number(i % 2) + "\n";
        const QString path = testing::writeFile(m_dir, QStringLiteral("big.csv"), content);
        ImportWizard *wizard = openWizard(*window, path);
        clickNext(wizard);
        clickNext(wizard);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        auto *cancel = wizard->findChild<QPushButton *>(QStringLiteral("cancelImportButton"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        auto *problem = wizard->findChild<QLabel *>(QStringLiteral("importProblem"));
        QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(QStringLiteral("canceled")), 20000);
        QVERIFY(wizard->isVisible());
        QCOMPARE(DatasetStore(window->workspace()).list()->size(), 0);
        wizard->reject();
    }

    void dropOpensWizard()
    {
        auto window = newWindow(QStringLiteral("drop.stratus"));
        const QString path = testing::writeFile(m_dir, QStringLiteral("drop.csv"), "x;y\n1,5;2\n");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        auto *wizard = window->findChild<ImportWizard *>();
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(ImportWizard::SettingsPage));
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("delimiterCombo"))->currentData().toInt(), int(';'));
        QVERIFY(wizard->findChild<QCheckBox *>(QStringLiteral("decimalCommaCheck"))->isChecked());
        wizard->reject();
    }

    void previewFetchesLazily()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("lazy.stratus"));
        auto r = registerSyntheticRecords(*ws, QStringLiteral("big"), 100000);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        DatasetPreviewModel model(*ws);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersion(r->version);
        QCOMPARE(model.rowCount(), DatasetPreviewModel::kBatch);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * DatasetPreviewModel::kBatch);
        const DataTable table = generateHeartFailureRecords(100000);
        QCOMPARE(model.index(9999, 0).data().toString(), table.columns[0].display(9999));
        QCOMPARE(model.index(9999, 12).data().toString(), table.columns[12].display(9999));
        QVERIFY(model.chunksRead() <= 4); // only the chunks shown were read
        // All the way down (without the tester, which checks every row each time).
        DatasetPreviewModel all(*ws);
        all.setVersion(r->version);
        while (all.canFetchMore({}))
            all.fetchMore({});
        QCOMPARE(all.rowCount(), 100000);
        QCOMPARE(all.index(99999, 7).data().toString(), table.columns[7].display(99999));
    }

    void computeDialog()
    {
        auto window = newWindow(QStringLiteral("compute.stratus"));
        ComputeProfile p;
        ComputeDialog dialog(window->workspace(), p);
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("computeName"));
        QTest::keyClicks(name, QStringLiteral("9cluster"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("computeProblem"));
        QVERIFY(problem->text().contains(QStringLiteral("start with a letter")));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("cpu-cluster"));
        QVERIFY(problem->text().isEmpty());
        dialog.findChild<QSpinBox *>(QStringLiteral("maxConcurrent"))->setValue(3);
        dialog.findChild<QSpinBox *>(QStringLiteral("threadsPerTrial"))->setValue(2);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto made = ComputeStore(window->workspace()).get(QStringLiteral("cpu-cluster"));
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QCOMPARE(made->maxConcurrent, 3);
        QCOMPARE(made->threadsPerTrial, 2);
        QTRY_COMPARE(window->computeScreen()->view()->model()->rowCount(), 2);
        // A name taken already: the dialog stays open and says so.
        ComputeDialog again(window->workspace(), p);
        QTest::keyClicks(again.findChild<QLineEdit *>(QStringLiteral("computeName")), QStringLiteral("CPU-cluster"));
        again.accept();
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("computeProblem"))->text().contains(QStringLiteral("already exists")));
    }

    // A Slurm profile: its fields appear with the kind, are checked as typed, and are saved.
    void slurmComputeDialog()
    {
        auto window = newWindow(QStringLiteral("slurm.stratus"));
        ComputeDialog dialog(window->workspace(), ComputeProfile{});
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("computeName")), QStringLiteral("hpc"));
        auto *partition = dialog.findChild<QLineEdit *>(QStringLiteral("slurmPartition"));
        QVERIFY(!partition->isVisible());
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("computeKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("slurm")));
        QVERIFY(partition->isVisible());
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("computeProblem"));
        QVERIFY2(problem->text().contains(QStringLiteral("needs the partition")), qPrintable(problem->text()));
        QTest::keyClicks(partition, QStringLiteral("batch"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("slurmSharedFolder")), QStringLiteral("relative/folder"));
        QVERIFY2(problem->text().contains(QStringLiteral("absolute path")), qPrintable(problem->text()));
        dialog.findChild<QLineEdit *>(QStringLiteral("slurmSharedFolder"))->setText(QStringLiteral("/srv/shared"));
        QVERIFY(problem->text().isEmpty());
        dialog.findChild<QSpinBox *>(QStringLiteral("slurmTimeLimit"))->setValue(90);
        dialog.findChild<QCheckBox *>()->setChecked(true); // no cluster here: save without checking
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto made = ComputeStore(window->workspace()).get(QStringLiteral("hpc"));
        QVERIFY2(made.ok(), qPrintable(made.message()));
        QVERIFY(made->isSlurm());
        QCOMPARE(made->slurm.partition, QStringLiteral("batch"));
        QCOMPARE(made->slurm.sharedFolder, QStringLiteral("/srv/shared"));
        QCOMPARE(made->slurm.timeLimitMinutes, 90);
    }

    void homeFollowsTheWorkspace()
    {
        auto window = newWindow(QStringLiteral("home.stratus"));
        QVERIFY(window->homeScreen()->stepStates().at(0).contains(QStringLiteral("To do")));
        QVERIFY(window->homeScreen()->stepStates().at(1).contains(QStringLiteral("Done")));
        // The synthetic sample is not the user's data: the step stays to do until they register their own.
        QVERIFY(registerSampleDataset(window->workspace()).ok());
        QTRY_VERIFY(window->homeScreen()->stepStates().at(0).contains(QStringLiteral("a sample is there to try")));
        RegisterRequest mine; // a dataset of the user's own
        mine.name = QStringLiteral("mine");
        QVERIFY(importDataset(window->workspace(), testing::writeFile(m_dir, QStringLiteral("mine.csv"), "a,b\n1,2\n3,4\n"), {}, mine).ok());
        QTRY_VERIFY(window->homeScreen()->stepStates().at(0).contains(QStringLiteral("Done (1)")));
    }

    void koreanTranslation()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/stratus_ko.qm")));
        const QString datasets = translator.translate("stratus::MainWindow", "Datasets");
        QVERIFY2(!datasets.isEmpty() && datasets != QLatin1String("Datasets"), qPrintable(datasets));
        QVERIFY(!translator.translate("stratus::CsvReader", "the file has a header line but no data rows").isEmpty());
        QVERIFY(!translator.translate("stratus::ImportConfirmPage", "Confirm details").isEmpty());
    }
};

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
