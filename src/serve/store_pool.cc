#include "serve/store_pool.h"

#include "store/sqlite_store.h"

namespace reckon::serve {

StorePool::Lease::~Lease() {
  if (pool_ == nullptr || store_ == nullptr) return;
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  RECKON_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                          OpenSqliteStore(case_path_, OpenMode::kOpenExisting));
  return Lease(this, std::move(store));
}

}  // namespace reckon::serve
