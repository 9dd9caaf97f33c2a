#include "engine/raft/ReadOnly.h"

#include <algorithm>

namespace quorum::raft {

void ReadOnly::addRequest(std::uint64_t index, const Message &request)
{
    if (m_pending.count(request.context))
        return;
    m_pending.emplace(request.context, Request{index, request, {}});
    m_queue.push_back(request.context);
}

const std::set<NodeId> *ReadOnly::recvAck(NodeId id, const std::string &ctx)
{
    auto it = m_pending.find(ctx);
    if (it == m_pending.end())
        return nullptr;
    it->second.acks.insert(id);
    return &it->second.acks;
}

std::vector<ReadOnly::Request> ReadOnly::advance(const std::string &ctx)
{
    auto pos = std::find(m_queue.begin(), m_queue.end(), ctx);
    if (pos == m_queue.end())
        return {};
    std::vector<Request> out;
    for (auto it = m_queue.begin(); it != pos + 1; ++it) {
        auto node = m_pending.extract(*it);
        out.push_back(std::move(node.mapped()));
    }
    m_queue.erase(m_queue.begin(), pos + 1);
    return out;
}

std::string ReadOnly::lastPendingRequestCtx() const
{
    return m_queue.empty() ? std::string() : m_queue.back();
}

} // namespace quorum::raft
