#include "registry/WorkspaceSetup.h"

#include "data/import/SampleData.h"
#include "data/import/SampleSales.h"
#include "registry/ComputeStore.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>

namespace stratus {

namespace {

// The messages keep the translation context they had in Workspace.cpp.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::Workspace)
};

} // namespace

Result<std::unique_ptr<Workspace>> openWorkspace(const QString &path, const OpenOptions &options)
{
    OpenHooks hooks;
    hooks.created = [](Workspace &ws) { return ComputeStore(ws).createDefaultProfile(); };
    hooks.opened = [&options](Workspace &ws) -> Status {
        const QString shown = QDir::toNativeSeparators(ws.path());
        // Runs left unfinished by a process that died are failed, not left "Running".
        if (auto recovered = RunStore(ws).recoverInterrupted(); !recovered)
            return Error{Tr::tr("Cannot open workspace %1: %2").arg(shown, recovered.message())};
        if (ws.wasCreated() && options.seedSample) {
            if (Status s = registerSampleDataset(ws); !s)
                return Error{Tr::tr("Cannot add the sample dataset to workspace %1: %2").arg(shown, s.message())};
            if (auto sales = registerSalesSample(ws); !sales) // the forecasting sample
                return Error{Tr::tr("Cannot add the sample dataset to workspace %1: %2").arg(shown, sales.message())};
        }
        return {};
    };
    return Workspace::open(path, options.create, hooks);
}

} // namespace stratus
