#include "ml/automl/ModelRegistration.h"

#include "ml/automl/ChildRunModels.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"
#include "workspace/Names.h"

namespace stratus::ml {

Result<ModelVersion> registerRunModel(Workspace &ws, const QString &runId, const QString &name, const QString &description,
                                      const QVariantMap &tags)
{
    // A bad name is refused before any training.
    if (Status s = names::checkModelName(name); !s)
        return s.error();
    if (auto run = RunStore(ws).get(runId); run && !run->parentId.isEmpty())
        if (Status s = refitChildRun(ws, runId); !s)
            return s.error();
    return ModelStore(ws).registerModel(runId, name, description, tags);
}

} // namespace stratus::ml
