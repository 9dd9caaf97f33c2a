#include "engine/raft/Config.h"

namespace quorum::raft {

const char *toString(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return "DEBUG";
    case LogLevel::Info: return "INFO";
    case LogLevel::Warning: return "WARN";
    }
    return "?";
}

std::string Config::validate() const
{
    if (id == kNone)
        return "id must not be 0";
    if (heartbeatTick <= 0)
        return "heartbeatTick must be greater than 0";
    if (electionTick <= heartbeatTick)
        return "electionTick must be greater than heartbeatTick";
    if (maxInflightMsgs == 0)
        return "maxInflightMsgs must be greater than 0";
    if (maxInflightBytes != 0 && maxInflightBytes < maxSizePerMsg)
        return "maxInflightBytes must be 0 or at least maxSizePerMsg";
    return {};
}

} // namespace quorum::raft
