#pragma once
// Foreground commands (serve, pipeline scheduler) end their event loop on
// SIGINT and SIGTERM.

#include <functional>

class QObject;

namespace stratus::cli {

// requires: a QCoreApplication; `parent` owns the notifier.
void quitOnSignals(QObject *parent);
// Calls `handler` on the event loop's thread at each SIGINT or SIGTERM.
void onSignals(QObject *parent, std::function<void()> handler);

} // namespace stratus::cli
