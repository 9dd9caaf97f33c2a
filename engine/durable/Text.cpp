#include "engine/durable/Text.h"

namespace quorum::durable::text {

std::string hardState(const raft::HardState &hs)
{
    return cat("{term ", std::to_string(hs.term), ", vote ", std::to_string(hs.vote), ", commit ",
               std::to_string(hs.commit), "}");
}

} // namespace quorum::durable::text
