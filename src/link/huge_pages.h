// Huge pages for the large arrays a link run reads or writes at random.
//
// With 4 KiB pages, a random read of a large case's records (hundreds of MB)
// misses the TLB as well as the cache; 2 MiB pages cover them with a few
// hundred entries. Advice only: where the kernel refuses it, nothing
// changes, and results never depend on it.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace reckon::link {

// `populated`: the pages exist and are collapsed now (MADV_COLLAPSE, Linux
// 6.1); otherwise the pages faulted in later are huge (MADV_HUGEPAGE).
inline void AdviseHugePages(const void* data, size_t bytes, bool populated) {
#ifndef MADV_COLLAPSE
  constexpr int MADV_COLLAPSE = 25;
#endif
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  const auto start = reinterpret_cast<uintptr_t>(data);
  const uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = (start + bytes) & ~(kHugePage - 1);
  if (end <= begin) return;
  madvise(reinterpret_cast<void*>(begin), end - begin, populated ? MADV_COLLAPSE : MADV_HUGEPAGE);
}

// v.resize(size) on huge pages (the new elements are touched only after the
// advice; with UninitializedAllocator, where they are first written).
template <typename T, typename Allocator>
void ResizeOnHugePages(std::vector<T, Allocator>& v, size_t size) {
  v.reserve(size);
  AdviseHugePages(v.data(), size * sizeof(T), /*populated=*/false);
  v.resize(size);
}

}  // namespace reckon::link
