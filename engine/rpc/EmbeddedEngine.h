#pragma once

// An engine inside this process for a client that must reach it like a remote one: an
// EngineHost behind an EngineServer without a TCP listener, reachable through channel().
// This header exposes only gRPC's channel type, so a Qt translation unit can include it
// without the engine headers (whose emit() collides with Qt's emit macro).
//
// Thread rules: create and destroy on one thread; channel() may be used from any thread.

#include <memory>
#include <string>

namespace grpc {
class Channel;
} // namespace grpc

namespace quorum::rpc {

class EmbeddedEngine {
public:
    EmbeddedEngine();
    ~EmbeddedEngine(); ///< shuts the server down, then the engine
    EmbeddedEngine(const EmbeddedEngine &) = delete;
    EmbeddedEngine &operator=(const EmbeddedEngine &) = delete;

    /// False when the in-process server did not start (error() says why).
    bool ok() const;
    const std::string &error() const;
    /// A channel to the engine (null when !ok()).
    std::shared_ptr<grpc::Channel> channel() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace quorum::rpc
