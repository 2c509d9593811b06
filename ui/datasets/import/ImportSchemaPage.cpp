#include "datasets/import/ImportSchemaPage.h"

#include "datasets/import/ImportWizard.h"

#include <QColor>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stratus {

ImportSchemaPage::ImportSchemaPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Schema"));
    setSubTitle(tr("Types are inferred from the first rows here and checked over the whole file on import. Change "
                   "a type, or untick a column to leave it out."));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("schemaTable"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Include"), tr("Column"), tr("Detected type"), tr("Type"),
                                        tr("First values"), tr("Note")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
}

void ImportSchemaPage::initializePage()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    const auto &preview = w->preview();
    m_table->setRowCount(0);
    if (!preview.ok())
        return;
    const QStringList &names = preview->allColumns;
    m_table->setRowCount(int(names.size()));
    for (int r = 0; r < names.size(); ++r) {
        const DataColumn &c = preview->table.columns[size_t(r)];
        auto *include = new QTableWidgetItem;
        include->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        include->setCheckState(Qt::Checked);
        m_table->setItem(r, IncludeColumn, include);
        auto *name = new QTableWidgetItem(c.name);
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, NameColumn, name);
        auto *detected = new QTableWidgetItem(columnTypeLabel(c.type));
        detected->setFlags(Qt::ItemIsEnabled);
        detected->setData(Qt::UserRole, int(c.type));
        m_table->setItem(r, DetectedColumn, detected);
        auto *combo = new QComboBox(m_table);
        for (ColumnType t : kAllColumnTypes)
            combo->addItem(columnTypeLabel(t), int(t));
        combo->setCurrentIndex(combo->findData(int(c.type)));
        m_table->setCellWidget(r, TypeColumn, combo);
        QStringList sample;
        for (size_t row = 0; row < c.size() && sample.size() < 5; ++row)
            sample << (c.isMissing(row) ? tr("(missing)") : c.display(row));
        auto *values = new QTableWidgetItem(sample.join(QStringLiteral(", ")));
        values->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, SampleColumn, values);
        QStringList notes;
        for (const ColumnNote &n : preview->notes)
            if (n.column == c.name)
                notes << n.message();
        auto *note = new QTableWidgetItem(notes.join(QLatin1Char('\n')));
        note->setFlags(Qt::ItemIsEnabled);
        note->setToolTip(notes.join(QStringLiteral("\n\n")));
        if (!notes.isEmpty())
            note->setForeground(QColor(0x9a, 0x5b, 0x00));
        m_table->setItem(r, NoteColumn, note);
    }
    m_table->resizeColumnsToContents();
    // A note is read whole: its column takes the rest of the width and its rows grow to fit it.
    m_table->setColumnWidth(NoteColumn, std::max(240, m_table->viewport()->width() - m_table->columnViewportPosition(NoteColumn)));
    m_table->setWordWrap(true);
    m_table->resizeRowsToContents();
}

bool ImportSchemaPage::validatePage()
{
    auto *w = static_cast<ImportWizard *>(wizard());
    w->options().columns.clear();
    int included = 0;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString name = m_table->item(r, NameColumn)->text();
        ColumnChoice choice;
        choice.ignored = m_table->item(r, IncludeColumn)->checkState() != Qt::Checked;
        const int detected = m_table->item(r, DetectedColumn)->data(Qt::UserRole).toInt();
        const int chosen = static_cast<QComboBox *>(m_table->cellWidget(r, TypeColumn))->currentData().toInt();
        if (chosen != detected)
            choice.type = static_cast<ColumnType>(chosen);
        if (choice.ignored || choice.type)
            w->options().columns.insert(name, choice);
        if (!choice.ignored)
            ++included;
    }
    if (included == 0) {
        QMessageBox::warning(this, tr("No columns"), tr("Include at least one column."));
        return false;
    }
    return true;
}

} // namespace stratus
