#pragma once

// The member map of a JSON object (nlohmann::basic_json's ObjectType): its members in one
// vector, sorted by key, instead of one tree node per member.
//
// Why: a cluster at Kubernetes' limits holds 150,000 pods decoded, about 170 allocations
// each, a third of them std::map nodes (80 bytes for a pair of a key and a json value plus
// three pointers and a colour). A sorted vector stores the same pair in 48 bytes with one
// allocation per object, and copying or destroying an object walks one buffer. The order is
// the same as std::map's (std::less<> on the key), so every dump, hash and event stays the
// same byte for byte.
//
// The price is std::vector's rules: inserting or erasing a member moves the members after
// it, so a reference to a member (`Json &spec = pod["spec"]`) is invalidated by the next
// insertion into or erase from the *same* object (not by changes inside the member, nor to
// other objects). Take such references after the object's keys are in place.

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace quorum::cluster {

template <class Key, class T, class IgnoredCompare = std::less<>, class IgnoredAllocator = void>
class FlatObject : public std::vector<std::pair<Key, T>> {
public:
    using Container = std::vector<std::pair<Key, T>>;
    using key_type = Key;
    using mapped_type = T;
    using key_compare = std::less<>;
    using value_type = typename Container::value_type;
    using size_type = typename Container::size_type;
    using iterator = typename Container::iterator;
    using const_iterator = typename Container::const_iterator;

    FlatObject() = default;
    template <class It>
    FlatObject(It first, It last)
    {
        insert(first, last);
    }
    FlatObject(std::initializer_list<value_type> init) { insert(init.begin(), init.end()); }

    template <class K>
    const_iterator find(const K &key) const
    {
        auto it = lowerBound(key);
        return it != this->end() && !key_compare{}(key, it->first) ? it : this->end();
    }
    template <class K>
    iterator find(const K &key)
    {
        return mutableIterator(std::as_const(*this).find(key));
    }
    template <class K>
    size_type count(const K &key) const
    {
        return find(key) != this->end() ? 1 : 0;
    }
    template <class K>
    bool contains(const K &key) const
    {
        return find(key) != this->end();
    }

    /// Inserts (key, T(args...)) unless the key is present; std::map::emplace's contract.
    template <class K, class... Args>
    std::pair<iterator, bool> emplace(K &&key, Args &&...args)
    {
        auto it = mutableIterator(lowerBound(key));
        if (it != this->end() && !key_compare{}(key, it->first))
            return {it, false};
        // Parsing a sorted dump appends, which is the common case and costs no moves.
        it = Container::emplace(it, std::piecewise_construct, std::forward_as_tuple(std::forward<K>(key)),
                                std::forward_as_tuple(std::forward<Args>(args)...));
        return {it, true};
    }
    std::pair<iterator, bool> insert(const value_type &value) { return emplace(value.first, value.second); }
    std::pair<iterator, bool> insert(value_type &&value) { return emplace(std::move(value.first), std::move(value.second)); }
    template <class It>
    void insert(It first, It last)
    {
        for (; first != last; ++first)
            emplace(first->first, first->second);
    }

    template <class K>
    T &operator[](K &&key)
    {
        return emplace(std::forward<K>(key)).first->second;
    }
    template <class K>
    const T &at(const K &key) const
    {
        auto it = find(key);
        if (it == this->end())
            throw std::out_of_range("key not found");
        return it->second;
    }
    template <class K>
    T &at(const K &key)
    {
        return const_cast<T &>(std::as_const(*this).at(key));
    }

    using Container::erase; // by iterator or range
    template <class K>
        requires(!std::is_convertible_v<const K &, const_iterator>)
    size_type erase(const K &key)
    {
        auto it = find(key);
        if (it == this->end())
            return 0;
        Container::erase(it);
        return 1;
    }

private:
    template <class K>
    const_iterator lowerBound(const K &key) const
    {
        return std::lower_bound(this->begin(), this->end(), key,
                                [](const value_type &member, const K &k) { return key_compare{}(member.first, k); });
    }
    iterator mutableIterator(const_iterator it) { return this->begin() + (it - this->cbegin()); }
};

} // namespace quorum::cluster
