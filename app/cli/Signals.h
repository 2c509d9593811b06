#pragma once
// Foreground commands (serve, pipeline scheduler) end their event loop on
// SIGINT and SIGTERM.

class QObject;

namespace stratus::cli {

// requires: a QCoreApplication; `parent` owns the notifier.
void quitOnSignals(QObject *parent);

} // namespace stratus::cli
