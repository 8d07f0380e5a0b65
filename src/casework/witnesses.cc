#include "casework/witnesses.h"

#include "secure/field_cipher.h"

namespace reckon {
namespace {

std::string FieldAd(int64_t witness_id, std::string_view field) {
  return "reckon-witness-v1|" + std::to_string(witness_id) + "|" + std::string(field);
}

StoredCaseKey ToStored(const WrappedCaseKey& w) {
  StoredCaseKey stored;
  stored.kind = w.kind;
  stored.salt = w.salt;
  stored.opslimit = static_cast<int64_t>(w.limits.opslimit);
  stored.memlimit = static_cast<int64_t>(w.limits.memlimit);
  stored.wrapped = w.wrapped;
  return stored;
}

WrappedCaseKey FromStored(const StoredCaseKey& s) {
  WrappedCaseKey w;
  w.kind = s.kind;
  w.salt = s.salt;
  w.limits.opslimit = static_cast<uint64_t>(s.opslimit);
  w.limits.memlimit = static_cast<uint64_t>(s.memlimit);
  w.wrapped = s.wrapped;
  return w;
}

}  // namespace

Status InitCaseKey(Store& store, const KeySource& source, const KdfLimits& limits,
                   const std::string& actor) {
  RECKON_ASSIGN_OR_RETURN(std::optional<StoredCaseKey> existing, store.LoadCaseKey());
  if (existing) {
    return Status::AlreadyExists("this case already has a key; use `reckon key change`");
  }
  RECKON_ASSIGN_OR_RETURN(CaseKey key, CaseKey::Generate());
  RECKON_ASSIGN_OR_RETURN(WrappedCaseKey wrapped, WrapCaseKey(key, source, limits));
  return store.SaveCaseKey(ToStored(wrapped), /*replace=*/false, actor);
}

Result<CaseKey> OpenCaseKey(Store& store, const KeySource& source) {
  RECKON_ASSIGN_OR_RETURN(std::optional<StoredCaseKey> stored, store.LoadCaseKey());
  if (!stored) {
    return Status::NotFound("this case has no key yet; create one with `reckon key init`");
  }
  return UnwrapCaseKey(FromStored(*stored), source);
}

Status ChangeCaseKey(Store& store, const KeySource& current, const KeySource& next,
                     const KdfLimits& limits, const std::string& actor) {
  RECKON_ASSIGN_OR_RETURN(CaseKey key, OpenCaseKey(store, current));
  RECKON_ASSIGN_OR_RETURN(WrappedCaseKey wrapped, WrapCaseKey(key, next, limits));
  return store.SaveCaseKey(ToStored(wrapped), /*replace=*/true, actor);
}

Result<int64_t> AddProtectedWitness(Store& store, const CaseKey& key, const std::string& pseudonym,
                                    const WitnessIdentity& identity, const std::string& actor) {
  if (identity.name.empty()) return Status::InvalidArgument("a witness needs a name");
  return store.AddWitness(
      pseudonym,
      [&](int64_t witness_id) -> Result<SealedIdentity> {
        SealedIdentity sealed;
        RECKON_ASSIGN_OR_RETURN(sealed.name,
                                EncryptField(key, identity.name, FieldAd(witness_id, "name")));
        RECKON_ASSIGN_OR_RETURN(
            sealed.contact, EncryptField(key, identity.contact, FieldAd(witness_id, "contact")));
        RECKON_ASSIGN_OR_RETURN(
            sealed.location, EncryptField(key, identity.location, FieldAd(witness_id, "location")));
        RECKON_ASSIGN_OR_RETURN(sealed.risk,
                                EncryptField(key, identity.risk, FieldAd(witness_id, "risk")));
        return sealed;
      },
      actor);
}

Result<std::vector<WitnessView>> ListProtectedWitnesses(Store& store, const CaseKey* key,
                                                        const std::string& actor) {
  RECKON_ASSIGN_OR_RETURN(std::vector<StoredWitness> stored, store.ListWitnesses());
  std::vector<WitnessView> views;
  for (const StoredWitness& w : stored) {
    WitnessView view{w.witness_id, w.pseudonym, w.created_at, std::nullopt};
    if (key != nullptr) {
      WitnessIdentity identity;
      auto open = [&](const std::string& sealed, std::string_view field,
                      std::string& out) -> Status {
        auto plain = DecryptField(*key, sealed, FieldAd(w.witness_id, field));
        if (!plain.ok()) {
          return plain.status().WithContext("witness #" + std::to_string(w.witness_id) + " (" +
                                            w.pseudonym + ")");
        }
        out = std::move(plain).value();
        return Status::Ok();
      };
      RECKON_RETURN_IF_ERROR(open(w.sealed.name, "name", identity.name));
      RECKON_RETURN_IF_ERROR(open(w.sealed.contact, "contact", identity.contact));
      RECKON_RETURN_IF_ERROR(open(w.sealed.location, "location", identity.location));
      RECKON_RETURN_IF_ERROR(open(w.sealed.risk, "risk", identity.risk));
      view.identity = std::move(identity);
    }
    views.push_back(std::move(view));
  }
  if (key != nullptr) {
    AuditEntry reveal;
    reveal.actor = actor;
    reveal.action = "witness.reveal";
    reveal.entity = "witness";
    reveal.details_json = "{\"witnesses\":\"" + std::to_string(views.size()) + "\"}";
    RECKON_RETURN_IF_ERROR(store.AppendAudit(reveal));
  }
  return views;
}

}  // namespace reckon
