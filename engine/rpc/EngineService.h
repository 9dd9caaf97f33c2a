#pragma once

// The quorum.v1.Engine gRPC service over an EngineHost, and the server that carries it: a TCP
// listener (loopback only for now: remote access needs TLS and tokens, which come later) and
// an in-process channel for the embedded engine, so the GUI's own engine and a quorumd daemon
// are reached the same way.
//
// Thread rules: gRPC calls the service from its own threads; EngineHost does the locking.

#include "engine/rpc/EngineHost.h"

#include <memory>
#include <optional>
#include <string>

namespace grpc {
class Channel;
class Server;
} // namespace grpc

namespace quorum::rpc {

/// Whether `address` ("127.0.0.1:7443", "[::1]:0", "localhost:7443") listens on loopback only.
/// On false, `why` says what is wrong with it.
bool isLoopbackAddress(const std::string &address, std::string &why);

class EngineServer {
public:
    /// Serves `host` (which must outlive the server). Call listen() for TCP; the in-process
    /// channel works either way.
    explicit EngineServer(EngineHost &host);
    ~EngineServer(); ///< shuts the server down (open streams end)

    /// Starts serving on `address` (loopback only; port 0 picks a free port). Returns the port,
    /// or nullopt with `error` set. Call at most once, before any channel is made.
    std::optional<int> listen(const std::string &address, std::string &error);
    /// Starts without a TCP listener (the embedded engine).
    bool startInProcess(std::string &error);
    /// A channel to this server that never leaves the process. Precondition: started.
    std::shared_ptr<grpc::Channel> inProcessChannel();
    void shutdown();

private:
    class Service;
    std::optional<int> start(const std::string *address, std::string &error);

    EngineHost &m_host;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<grpc::Server> m_server;
};

} // namespace quorum::rpc
