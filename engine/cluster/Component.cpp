#include "engine/cluster/Component.h"

#include <memory>

namespace quorum::cluster {

Component::Component(Runtime &runtime, ApiClient &api, std::string name)
    : m_runtime(runtime)
    , m_api(api)
    , m_name(std::move(name))
{
}

void Component::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_life;
    onStart();
}

void Component::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_life;
    onStop();
}

void Component::later(Micros delay, std::function<void()> action)
{
    const std::uint64_t life = m_life;
    m_runtime.after(delay, [this, life, action = std::move(action)] {
        if (m_running && m_life == life)
            action();
    });
}

void Component::every(Micros period, Micros firstDelay, std::function<void()> action)
{
    auto loop = std::make_shared<std::function<void()>>();
    const std::uint64_t life = m_life;
    *loop = [this, life, period, action = std::move(action), weak = std::weak_ptr<std::function<void()>>(loop)] {
        if (!m_running || m_life != life)
            return;
        action();
        if (auto self = weak.lock())
            m_runtime.after(period, [self] { (*self)(); });
    };
    m_runtime.after(firstDelay, [loop] { (*loop)(); });
}

ApiCallback Component::guarded(ApiCallback done)
{
    const std::uint64_t life = m_life;
    return [this, life, done = std::move(done)](const ApiResult &result) {
        if (m_running && m_life == life && done)
            done(result);
    };
}

void Component::emit(EventKind kind, bool warning, std::string object, std::string reason, std::string message)
{
    m_runtime.emit(ClusterEvent{0, kind, warning, std::move(object), std::move(reason), std::move(message)});
}

} // namespace quorum::cluster
