#pragma once

// Expected failures of the durable layer (I/O errors, corrupt files) are return values: a Status
// or a Result<T> carrying a message that names the file and the byte offset or record. Broken
// invariants (a caller violating a precondition) abort through RAFT_CHECK instead.

#include "engine/raft/Check.h"

#include <optional>
#include <string>
#include <utility>

namespace quorum::durable {

/// Success, or a failure with a human-readable message. An empty message means success.
class [[nodiscard]] Status {
public:
    Status() = default;

    static Status success() { return {}; }
    /// Precondition: `message` is not empty.
    static Status failure(std::string message)
    {
        RAFT_CHECK(!message.empty(), "a failure needs a message");
        Status s;
        s.m_message = std::move(message);
        return s;
    }

    bool ok() const { return m_message.empty(); }
    const std::string &message() const { return m_message; }

private:
    std::string m_message;
};

/// A value, or a failure message (the same Status rules).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) // NOLINT: implicit by design, like std::optional
        : m_value(std::move(value))
    {
    }
    /// Precondition: `failure` is not ok().
    Result(Status failure) // NOLINT
        : m_status(std::move(failure))
    {
        RAFT_CHECK(!m_status.ok(), "a Result built from a Status must carry a failure");
    }

    bool ok() const { return m_value.has_value(); }
    const Status &status() const { return m_status; }
    const std::string &error() const { return m_status.message(); }

    /// Precondition: ok().
    const T &value() const &
    {
        RAFT_CHECK(ok(), "value() of a failed Result: " << m_status.message());
        return *m_value;
    }
    T &value() &
    {
        RAFT_CHECK(ok(), "value() of a failed Result: " << m_status.message());
        return *m_value;
    }
    T &&value() &&
    {
        RAFT_CHECK(ok(), "value() of a failed Result: " << m_status.message());
        return std::move(*m_value);
    }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const { return value(); }
    T &operator*() { return value(); }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace quorum::durable
