#include "engine/rpc/EmbeddedEngine.h"

#include "engine/rpc/EngineHost.h"
#include "engine/rpc/EngineService.h"

#include <grpcpp/grpcpp.h>

namespace quorum::rpc {

struct EmbeddedEngine::Impl {
    EngineHost host;
    EngineServer server{host};
    std::string error;
    std::shared_ptr<grpc::Channel> channel;
};

EmbeddedEngine::EmbeddedEngine()
    : m(std::make_unique<Impl>())
{
    if (m->server.startInProcess(m->error))
        m->channel = m->server.inProcessChannel();
}

EmbeddedEngine::~EmbeddedEngine()
{
    m->channel.reset();
    m->server.shutdown();
}

bool EmbeddedEngine::ok() const
{
    return m->channel != nullptr;
}

const std::string &EmbeddedEngine::error() const
{
    return m->error;
}

std::shared_ptr<grpc::Channel> EmbeddedEngine::channel() const
{
    return m->channel;
}

} // namespace quorum::rpc
