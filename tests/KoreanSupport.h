#pragma once
// Helpers for the tests that look at the studio in Korean: the studio's
// catalogue (compiled into the test's resources as :/i18n/stratus_ko.qm) and
// Qt's own (Debian's qt6-translations-l10n) installed for a scope, and the
// visible texts of a window that still hold an English-only word.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QTranslator>
#include <memory>
#include <qcustomplot.h>

namespace testing {

// Korean while it lives: both catalogues installed, QLocale's default Korean.
class Korean {
public:
    Korean()
    {
        m_qtFound = m_qt.load(QStringLiteral("qtbase_ko"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        m_oursFound = m_ours.load(QStringLiteral(":/i18n/stratus_ko.qm"));
        if (!ready())
            return;
        qApp->installTranslator(&m_ours);
        qApp->installTranslator(&m_qt);
        QLocale::setDefault(QLocale(QStringLiteral("ko")));
    }
    ~Korean()
    {
        if (!ready())
            return;
        qApp->removeTranslator(&m_ours);
        qApp->removeTranslator(&m_qt);
        QLocale::setDefault(QLocale::c());
    }
    // False when Qt's Korean catalogue is not installed (./setup.sh installs it) or ours is not compiled in.
    bool ready() const { return m_qtFound && m_oursFound; }
    bool qtCatalogueFound() const { return m_qtFound; }

private:
    QTranslator m_ours, m_qt;
    bool m_qtFound = false, m_oursFound = false;
};

// Visible texts in `root` holding a word that only English text would show
// (not data: no column, algorithm or metric names), as "where: 'word' in "text"".
inline QStringList englishHoles(QWidget *root, const QString &where)
{
    static const QRegularExpression english(QStringLiteral(
        "\\b(Back|Next|Cancel|Finish|Completed|Running|Failed|Canceled|Queued|Finalizing|Stopped|Healthy|Unhealthy|"
        "Transitioning|Passed|Alerted|Validation|validation|System language|Register|Deploy|Open|Compare|Recommended|"
        "Experiment|Dataset|rows|trials|Trials|Elapsed|Filter|Version|Status|Duration|Guardrail|Details|Logs|Charts|"
        "Models|Preview|Profile|Versions|Home|Compute|Endpoints|Cancel run|Score|Export|Import|Delete|Threshold|"
        "Send|Response|Method|Copy|Show keys|Regenerate|Scoring URI|Primary key|Start|Stop|Restart|Monitor|Test|Consume|"
        "run|runs|ensembles|Row|Building|classification|regression|Interrupted)\\b"));
    QApplication::processEvents();
    QStringList texts;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            texts << QTextDocumentFragment::fromHtml(l->text()).toPlainText();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            texts << b->text();
        else if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                texts << t->tabText(i);
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            texts << g->title();
        else if (auto *p = qobject_cast<QProgressBar *>(w))
            texts << p->text();
        else if (auto *plot = qobject_cast<QCustomPlot *>(w)) {
            for (int i = 0; i < plot->plottableCount(); ++i)
                if (plot->plottable(i)->name().size() > 0)
                    texts << plot->plottable(i)->name();
            for (QCPAxis *axis : plot->axisRect()->axes())
                texts << axis->label();
        }
        else if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model() && !v->objectName().contains(QLatin1String("preview")))
            for (int c = 0; c < v->model()->columnCount(); ++c) {
                texts << v->model()->headerData(c, Qt::Horizontal).toString();
                for (int r = 0; r < std::min(v->model()->rowCount(), 8); ++r)
                    texts << v->model()->index(r, c).data().toString();
            }
    }
    QStringList found;
    for (const QString &t : std::as_const(texts))
        if (const auto m = english.match(t); m.hasMatch())
            found << QStringLiteral("%1: '%2' in \"%3\"").arg(where, m.captured(1), t.left(120));
    return found;
}

} // namespace testing
