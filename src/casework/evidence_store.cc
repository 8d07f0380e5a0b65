#include "casework/evidence_store.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <system_error>

#include "common/sha256.h"

namespace fs = std::filesystem;

namespace reckon {

std::string EvidenceDirectory(const std::string& case_path) { return case_path + ".evidence"; }

std::string GuessMediaType(const std::string& file_name) {
  std::string ext = fs::path(file_name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::vector<std::pair<std::string_view, std::string_view>> kTypes = {
      {".jpg", "image/jpeg"},        {".jpeg", "image/jpeg"},     {".png", "image/png"},
      {".mp4", "video/mp4"},         {".mov", "video/quicktime"}, {".mp3", "audio/mpeg"},
      {".ogg", "audio/ogg"},         {".m4a", "audio/mp4"},       {".wav", "audio/wav"},
      {".pdf", "application/pdf"},   {".txt", "text/plain"},      {".csv", "text/csv"},
      {".json", "application/json"}, {".zip", "application/zip"}};
  for (const auto& [suffix, type] : kTypes) {
    if (ext == suffix) return std::string(type);
  }
  return "application/octet-stream";
}

Result<Evidence> AddEvidenceFile(Store& store, const std::string& case_path,
                                 const EvidenceFile& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file.path, ec)) {
    return Status::NotFound("evidence file " + file.path + " does not exist or is not a file");
  }
  RECKON_ASSIGN_OR_RETURN(std::string digest, Sha256OfFile(file.path));
  RECKON_ASSIGN_OR_RETURN(std::optional<Evidence> existing, store.FindEvidence(digest));
  if (existing) {
    return Status::AlreadyExists(file.path + " is already evidence #" +
                                 std::to_string(existing->evidence_id) + " ('" +
                                 existing->original_name + "', SHA-256 " + digest + ")");
  }
  const std::string relative = digest.substr(0, 2) + "/" + digest;
  const fs::path target = fs::path(EvidenceDirectory(case_path)) / relative;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Status::IoError("cannot create " + target.parent_path().string());
  bool created = false;
  if (!fs::exists(target, ec)) {
    const fs::path partial = target.string() + ".partial";
    fs::remove(partial, ec);
    if (!fs::copy_file(file.path, partial, ec) || ec) {
      fs::remove(partial, ec);
      return Status::IoError("cannot copy " + file.path + " into the evidence store");
    }
    RECKON_ASSIGN_OR_RETURN(std::string copied, Sha256OfFile(partial.string()));
    if (copied != digest) {
      fs::remove(partial, ec);
      return Status::DataError(file.path + " changed while it was being copied; try again");
    }
    fs::permissions(partial, fs::perms::owner_read | fs::perms::group_read,
                    fs::perm_options::replace, ec);
    fs::rename(partial, target, ec);
    if (ec) return Status::IoError("cannot move the copy of " + file.path + " into place");
    created = true;
  } else {
    // Left by an earlier attempt that failed before recording it: keep it only if intact.
    RECKON_ASSIGN_OR_RETURN(std::string present, Sha256OfFile(target.string()));
    if (present != digest) {
      return Status::Corruption("the evidence store holds a damaged file at " + target.string());
    }
  }
  Evidence evidence;
  evidence.sha256 = digest;
  evidence.original_name = fs::path(file.path).filename().string();
  evidence.media_type = file.media_type.empty() ? GuessMediaType(file.path) : file.media_type;
  evidence.size = static_cast<int64_t>(fs::file_size(target, ec));
  evidence.acquired_by = file.acquired_by;
  evidence.acquired_from = file.acquired_from;
  evidence.description = file.description;
  evidence.stored_path = relative;
  for (int64_t id : file.person_ids) evidence.links.push_back({"evidence", 0, "person", id});
  for (int64_t id : file.incident_ids) evidence.links.push_back({"evidence", 0, "incident", id});
  auto recorded = store.AddEvidence(evidence);
  if (!recorded.ok() && created) fs::remove(target, ec);
  return recorded;
}

Result<Evidence> FindEvidenceByHash(Store& store, const std::string& hash) {
  std::string wanted = hash;
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (wanted.size() < 8) {
    return Status::InvalidArgument("evidence '" + hash +
                                   "' is too short; give its SHA-256 or at least 8 hex digits");
  }
  RECKON_ASSIGN_OR_RETURN(std::vector<Evidence> all, store.ListEvidence());
  std::optional<Evidence> found;
  for (Evidence& e : all) {
    if (e.sha256.compare(0, wanted.size(), wanted) != 0) continue;
    if (found) {
      return Status::InvalidArgument("evidence '" + hash +
                                     "' matches more than one file; give more digits");
    }
    found = std::move(e);
  }
  if (!found) return Status::NotFound("no evidence with SHA-256 " + hash);
  return std::move(*found);
}

Result<std::vector<EvidenceCheck>> VerifyEvidenceStore(Store& store, const std::string& case_path) {
  RECKON_ASSIGN_OR_RETURN(std::vector<Evidence> all, store.ListEvidence());
  const fs::path dir(EvidenceDirectory(case_path));
  std::vector<EvidenceCheck> checks;
  for (Evidence& evidence : all) {
    EvidenceCheck check;
    const fs::path stored = dir / evidence.stored_path;
    std::error_code ec;
    if (!fs::is_regular_file(stored, ec)) {
      check.state = EvidenceCheck::State::kMissing;
    } else {
      auto digest = Sha256OfFile(stored.string());
      if (!digest.ok()) {
        check.state = EvidenceCheck::State::kMissing;
      } else if (*digest != evidence.sha256) {
        check.state = EvidenceCheck::State::kModified;
        check.actual_sha256 = *digest;
      }
    }
    check.evidence = std::move(evidence);
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace reckon
