#include "engine/durable/Disk.h"

namespace quorum::durable {

Status createDurableDirectory(Disk &disk, const std::string &dir)
{
    if (Status s = disk.createDirectory(dir); !s.ok())
        return s;
    return disk.syncDirectory(parentPath(dir));
}

std::string parentPath(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string joinPath(const std::string &dir, const std::string &name)
{
    if (dir.empty())
        return name;
    if (name.empty())
        return dir;
    std::string out = dir;
    out += '/';
    out += name;
    return out;
}

bool isValidPath(const std::string &path)
{
    if (path.empty())
        return true;
    std::size_t start = 0;
    while (true) {
        const auto slash = path.find('/', start);
        const std::string_view part = std::string_view(path).substr(
            start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos)
            return false;
        if (slash == std::string::npos)
            return true;
        start = slash + 1;
    }
}

} // namespace quorum::durable
