// The register in memory, for the web application's search and person pages.
//
// Built once at startup from the case (every record's names parsed into
// chains by the linker's loader, link/linker.h) and regrouped into persons
// whenever the register changes (a review decision merges or splits persons).
// A search by name folds both scripts: each query token matches a person's
// token when their folded forms are equal (أحمد = احمد), when they share a
// variant group (Mohammed = Muhammad), or when their cross-script phonetic
// forms are compatible (احمد ~ Ahmad). Every query token must match.
//
// Statuses are casework's (casework/verification.h): reported, corroborated
// (two or more independent sources), or an investigator's verified, disputed
// or rejected. "Published" persons,
// the only ones a viewer sees, are those with status verified or
// corroborated; a minor's names (age below 18 in every record that gives
// one) are withheld from viewers.
//
// Thread-safety: Search/Snapshot may be called from any thread concurrently
// with Regroup; each call works on an immutable snapshot.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "link/linker.h"
#include "store/store.h"

namespace reckon::serve {

struct PersonEntry {
  int64_t person_id = 0;
  std::vector<uint32_t> records;   // indexes into LinkContext::stored
  std::vector<std::string> names;  // distinct full names
  std::string sex;
  std::optional<int> age;
  std::string death_date;
  std::string place;
  std::string status;  // reported, corroborated, verified, disputed, rejected
  std::vector<std::string> sources;
  std::vector<std::string> place_keys;  // folded locality, district, governorate names
  bool minor = false;
  bool published() const { return status == "verified" || status == "corroborated"; }
};

struct PersonQuery {
  std::string q;
  std::string place;
  std::string status;
  std::string source;
  std::string sex;
  std::string date_from;
  std::string date_to;
  int64_t page = 1;
  int64_t page_size = 50;
  bool published_only = false;
};

struct RegisterSnapshot;

struct PersonPage {
  std::shared_ptr<const RegisterSnapshot> snapshot;
  int64_t total = 0;
  std::vector<const PersonEntry*> persons;  // into snapshot
};

struct RegisterSnapshot {
  std::shared_ptr<const link::LinkContext> context;
  std::vector<PersonEntry> persons;  // by person_id
  std::unordered_map<int64_t, uint32_t> by_person_id;
  std::unordered_map<int64_t, uint32_t> record_index;  // record_pk -> index into context->stored
  std::unordered_map<int64_t, int64_t> person_of_record;
  // Search: folded token id -> persons (indexes, ascending); skeleton ->
  // one representative token per folded form.
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  std::unordered_map<std::string, std::vector<uint32_t>> tokens_by_skeleton;
  std::unordered_map<std::string, uint32_t> token_by_folded;
  // Figures for the dashboard, counted once per snapshot.
  int64_t corroborated = 0;
  int64_t verified = 0;

  const PersonEntry* FindPerson(int64_t person_id) const;

  // The persons one query token finds, cached by the token's strict form
  // (common names are searched again and again). Thread-safe.
  std::shared_ptr<const std::vector<uint32_t>> CachedToken(const std::string& strict) const;
  void CacheToken(const std::string& strict,
                  std::shared_ptr<const std::vector<uint32_t>> found) const;

 private:
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<uint32_t>>> cache_;
};

class RegisterIndex {
 public:
  // Loads every record and the register from `store`. `threads` parse names.
  static Result<std::unique_ptr<RegisterIndex>> Build(Store& store, size_t threads);

  // Re-reads the person assignments and statuses (names are not re-parsed).
  Status Regroup(Store& store);

  // The latest link run's settings, which explanations use.
  const link::LinkSettings& link_settings() const { return link_settings_; }

  std::shared_ptr<const RegisterSnapshot> Snapshot() const;
  Result<PersonPage> Search(const PersonQuery& query) const;

 private:
  RegisterIndex() = default;
  mutable std::mutex mutex_;  // guards snapshot_ and query_tokens_
  std::mutex regroup_mutex_;  // one regroup at a time, so the newest wins
  std::shared_ptr<const RegisterSnapshot> snapshot_;
  std::shared_ptr<const link::LinkContext> context_;
  // Tokens of queries; replaced when it grows large so that queries cannot
  // grow memory without bound.
  mutable std::shared_ptr<text::TokenTable> query_tokens_;
  link::LinkSettings link_settings_;
};

// Folds a place name for filtering: Arabic orthographic folding, Latin case
// folding, surrounding space trimmed.
std::string FoldPlace(std::string_view place);

}  // namespace reckon::serve
