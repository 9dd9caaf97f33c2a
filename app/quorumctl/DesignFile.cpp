#include "app/quorumctl/DesignFile.h"

#include "engine/project/Project.h"

namespace quorum::ctl {

model::LoadResult loadDesignFile(const std::string &path)
{
    if (!project::looksLikeProject(path))
        return model::loadTopologyFile(path);
    project::ProjectLoad loaded = project::loadProject(path);
    model::LoadResult result;
    result.errors = std::move(loaded.errors);
    if (loaded.project)
        result.topology = std::move(loaded.project->topology);
    return result;
}

} // namespace quorum::ctl
