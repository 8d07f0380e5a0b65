// Vectors whose new elements are left unwritten.
//
// resize() on a std::vector writes every new element (zeros for a plain
// struct). For the linker's largest arrays, each element of which is written
// before it is read, that is a wasted pass over gigabytes on one thread; left
// unwritten, a page is first touched (and zeroed by the kernel) where the
// workers write it.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace reckon::link {

// Default-initialises where std::allocator value-initialises: for a trivial
// type, nothing is written.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}

  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Only for trivial types: anything else would be constructed anyway.
template <typename T>
requires std::is_trivially_default_constructible_v<T>
using UninitializedVector = std::vector<T, UninitializedAllocator<T>>;

}  // namespace reckon::link
