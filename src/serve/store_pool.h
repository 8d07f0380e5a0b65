// A pool of SQLite connections to one case file, one per concurrent request:
// SQLite connections are single-thread (store.h), so a request borrows one
// for its duration and returns it. Connections are opened on demand and kept.
//
// Thread-safety: Acquire is thread-safe; a Lease is used by one thread.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace reckon::serve {

class StorePool {
 public:
  explicit StorePool(std::string case_path) : case_path_(std::move(case_path)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire();
  const std::string& case_path() const { return case_path_; }

 private:
  std::string case_path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace reckon::serve
