#include "store/sqlite_investigation.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/audit_chain.h"
#include "store/sqlite_casework.h"

namespace reckon {
namespace {

// "a, b or c" for error messages.
std::string Alternatives(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

Status CheckOneOf(const std::string& what, const std::string& field, const std::string& value,
                  const std::vector<std::string_view>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status::Ok();
  return Status::InvalidArgument(what + ": unknown " + field + " '" + value + "' (" +
                                 Alternatives(allowed) + ")");
}

Status CheckRequired(const std::string& what, const std::string& field, const std::string& value) {
  if (!value.empty()) return Status::Ok();
  return Status::InvalidArgument(what + " needs a " + field);
}

void BindOptionalDouble(SqliteStatement& stmt, int index, std::optional<double> value) {
  if (value) {
    sqlite3_bind_double(stmt.get(), index, *value);
  } else {
    stmt.BindNull(index);
  }
}

std::optional<double> ColumnOptionalDouble(const SqliteStatement& q, int column) {
  if (q.ColumnIsNull(column)) return std::nullopt;
  return sqlite3_column_double(q.get(), column);
}

// The table holding each kind of entity and its id column.
struct EntityTable {
  std::string_view entity;
  std::string_view sql;  // selects 1 for an existing id
  std::string_view label;
};
constexpr EntityTable kEntityTables[] = {
    {"person", "SELECT 1 FROM person_records WHERE person_id = ? LIMIT 1", "person"},
    {"incident", "SELECT 1 FROM incidents WHERE incident_id = ?", "incident"},
    {"burial_site", "SELECT 1 FROM burial_sites WHERE burial_site_id = ?", "burial site"},
    {"evidence", "SELECT 1 FROM evidence WHERE evidence_id = ?", "evidence"},
    {"testimony", "SELECT 1 FROM testimonies WHERE testimony_id = ?", "testimony"},
    {"witness", "SELECT 1 FROM witnesses WHERE witness_id = ?", "witness"},
};

// NotFound "no incident #7" unless the entity exists.
Status CheckExists(SqliteDatabase& db, std::string_view entity, int64_t id) {
  for (const EntityTable& table : kEntityTables) {
    if (table.entity != entity) continue;
    RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare(table.sql));
    q.BindInt(1, id);
    RECKON_ASSIGN_OR_RETURN(bool found, q.Step());
    if (found) return Status::Ok();
    return Status::NotFound("no " + std::string(table.label) + " #" + std::to_string(id) +
                            (entity == "person" ? " in the register (latest link run)" : ""));
  }
  return Status::InvalidArgument("unknown kind of entity '" + std::string(entity) + "'");
}

// Every link as (from_entity, from_id, to_entity, to_id).
constexpr std::string_view kAllLinks = R"sql(
  SELECT 'incident' AS f, incident_id AS fid, 'person' AS t, person_id AS tid FROM incident_persons
  UNION ALL SELECT 'burial_site', burial_site_id, 'person', person_id FROM burial_persons
  UNION ALL SELECT 'evidence', evidence_id, entity, entity_id FROM evidence_links
  UNION ALL SELECT 'testimony', testimony_id, entity, entity_id FROM testimony_links)sql";

constexpr std::string_view kIncidentColumns =
    "incident_id, title, incident_type, coalesce(start_date, ''), coalesce(end_date, ''), place, "
    "place_pcode, description, perpetrator, attribution_basis, created_by, created_at";
constexpr std::string_view kBurialColumns =
    "burial_site_id, name, site_kind, status, location, latitude, longitude, place_pcode, "
    "description, created_by, created_at";
constexpr std::string_view kTestimonyColumns =
    "t.testimony_id, t.witness_id, w.pseudonym, t.taken_on, t.interviewer, t.language, "
    "t.relation, t.summary, t.created_by, t.created_at";

}  // namespace

Result<std::vector<std::pair<int64_t, int64_t>>> SqlitePersonSources(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q,
      db.Prepare("SELECT DISTINCT p.person_id, r.source_id FROM person_records p "
                 "JOIN records r USING (record_pk) ORDER BY p.person_id, r.source_id"));
  std::vector<std::pair<int64_t, int64_t>> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.emplace_back(q.ColumnInt(0), q.ColumnInt(1));
  }
  return out;
}

Result<Incident> SqliteAddIncident(SqliteDatabase& db, const Incident& incident,
                                   const std::string& now) {
  RECKON_RETURN_IF_ERROR(CheckRequired("an incident", "title", incident.title));
  RECKON_RETURN_IF_ERROR(CheckRequired("an incident", "creator", incident.created_by));
  RECKON_RETURN_IF_ERROR(CheckOneOf("incident '" + incident.title + "'", "type",
                                    incident.incident_type, IncidentTypes()));
  Incident stored = incident;
  stored.created_at = now;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO incidents (title, incident_type, start_date, end_date, place, "
                   "place_pcode, description, perpetrator, attribution_basis, created_by, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.BindText(1, stored.title);
    insert.BindText(2, stored.incident_type);
    insert.BindText(3, stored.start_date, /*empty_is_null=*/true);
    insert.BindText(4, stored.end_date, /*empty_is_null=*/true);
    insert.BindText(5, stored.place);
    insert.BindText(6, stored.place_pcode);
    insert.BindText(7, stored.description);
    insert.BindText(8, stored.perpetrator);
    insert.BindText(9, stored.attribution_basis);
    insert.BindText(10, stored.created_by);
    insert.BindText(11, stored.created_at);
    RECKON_RETURN_IF_ERROR(insert.Run());
    stored.incident_id = db.LastInsertRowId();
    return AppendAuditInTransaction(
        db, {0, now, stored.created_by, "incident.add", "incident", stored.incident_id,
             AuditDetailsJson({{"title", stored.title}, {"type", stored.incident_type}}), "", ""});
  });
  if (!status.ok()) return status;
  return stored;
}

Result<std::vector<Incident>> SqliteListIncidents(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare("SELECT " + std::string(kIncidentColumns) +
                                                        " FROM incidents ORDER BY incident_id"));
  std::vector<Incident> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.push_back({q.ColumnInt(0), q.ColumnText(1), q.ColumnText(2), q.ColumnText(3),
                   q.ColumnText(4), q.ColumnText(5), q.ColumnText(6), q.ColumnText(7),
                   q.ColumnText(8), q.ColumnText(9), q.ColumnText(10), q.ColumnText(11)});
  }
  return out;
}

Result<BurialSite> SqliteAddBurialSite(SqliteDatabase& db, const BurialSite& site,
                                       const std::string& now) {
  RECKON_RETURN_IF_ERROR(CheckRequired("a burial site", "name", site.name));
  RECKON_RETURN_IF_ERROR(CheckRequired("a burial site", "creator", site.created_by));
  const std::string what = "burial site '" + site.name + "'";
  RECKON_RETURN_IF_ERROR(CheckOneOf(what, "kind", site.site_kind, BurialSiteKinds()));
  RECKON_RETURN_IF_ERROR(CheckOneOf(what, "status", site.status, BurialSiteStatuses()));
  if (site.latitude.has_value() != site.longitude.has_value() ||
      (site.latitude && (*site.latitude < -90 || *site.latitude > 90 || *site.longitude < -180 ||
                         *site.longitude > 180))) {
    return Status::InvalidArgument(what +
                                   ": latitude and longitude go together, in degrees "
                                   "(-90..90, -180..180)");
  }
  BurialSite stored = site;
  stored.created_at = now;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO burial_sites (name, site_kind, status, location, latitude, "
                   "longitude, place_pcode, description, created_by, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.BindText(1, stored.name);
    insert.BindText(2, stored.site_kind);
    insert.BindText(3, stored.status);
    insert.BindText(4, stored.location);
    BindOptionalDouble(insert, 5, stored.latitude);
    BindOptionalDouble(insert, 6, stored.longitude);
    insert.BindText(7, stored.place_pcode);
    insert.BindText(8, stored.description);
    insert.BindText(9, stored.created_by);
    insert.BindText(10, stored.created_at);
    RECKON_RETURN_IF_ERROR(insert.Run());
    stored.burial_site_id = db.LastInsertRowId();
    // The location is sensitive and stays out of the audit log.
    return AppendAuditInTransaction(
        db, {0, now, stored.created_by, "burial_site.add", "burial_site", stored.burial_site_id,
             AuditDetailsJson(
                 {{"name", stored.name}, {"kind", stored.site_kind}, {"status", stored.status}}),
             "", ""});
  });
  if (!status.ok()) return status;
  return stored;
}

Result<std::vector<BurialSite>> SqliteListBurialSites(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q,
                          db.Prepare("SELECT " + std::string(kBurialColumns) +
                                     " FROM burial_sites ORDER BY burial_site_id"));
  std::vector<BurialSite> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.push_back({q.ColumnInt(0), q.ColumnText(1), q.ColumnText(2), q.ColumnText(3),
                   q.ColumnText(4), ColumnOptionalDouble(q, 5), ColumnOptionalDouble(q, 6),
                   q.ColumnText(7), q.ColumnText(8), q.ColumnText(9), q.ColumnText(10)});
  }
  return out;
}

Result<Testimony> SqliteAddTestimony(SqliteDatabase& db, const Testimony& testimony,
                                     const std::string& now) {
  const std::string what = "testimony of witness #" + std::to_string(testimony.witness_id);
  RECKON_RETURN_IF_ERROR(CheckRequired(what, "date (taken on)", testimony.taken_on));
  RECKON_RETURN_IF_ERROR(CheckRequired(what, "interviewer", testimony.interviewer));
  RECKON_RETURN_IF_ERROR(CheckRequired(what, "creator", testimony.created_by));
  RECKON_RETURN_IF_ERROR(CheckOneOf(what, "relation", testimony.relation, TestimonyRelations()));
  Testimony stored = testimony;
  stored.created_at = now;
  Status status = db.InTransaction([&]() -> Status {
    RECKON_RETURN_IF_ERROR(CheckExists(db, "witness", stored.witness_id));
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO testimonies (witness_id, taken_on, interviewer, language, "
                   "relation, summary, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.BindInt(1, stored.witness_id);
    insert.BindText(2, stored.taken_on);
    insert.BindText(3, stored.interviewer);
    insert.BindText(4, stored.language);
    insert.BindText(5, stored.relation);
    insert.BindText(6, stored.summary);
    insert.BindText(7, stored.created_by);
    insert.BindText(8, stored.created_at);
    RECKON_RETURN_IF_ERROR(insert.Run());
    stored.testimony_id = db.LastInsertRowId();
    RECKON_ASSIGN_OR_RETURN(SqliteStatement pseudonym,
                            db.Prepare("SELECT pseudonym FROM witnesses WHERE witness_id = ?"));
    pseudonym.BindInt(1, stored.witness_id);
    RECKON_ASSIGN_OR_RETURN(bool has_row, pseudonym.Step());
    if (has_row) stored.witness_pseudonym = pseudonym.ColumnText(0);
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement link,
        db.Prepare("INSERT OR IGNORE INTO testimony_links (testimony_id, entity, entity_id) "
                   "VALUES (?, ?, ?)"));
    for (const auto& [entity, ids] :
         {std::pair<std::string, const std::vector<int64_t>*>{"person", &stored.person_ids},
          {"incident", &stored.incident_ids}}) {
      for (int64_t id : *ids) {
        RECKON_RETURN_IF_ERROR(CheckExists(db, entity, id));
        link.BindInt(1, stored.testimony_id);
        link.BindText(2, entity);
        link.BindInt(3, id);
        RECKON_RETURN_IF_ERROR(link.Run());
      }
    }
    std::string persons, incidents;
    for (int64_t id : stored.person_ids)
      persons += (persons.empty() ? "" : ",") + std::to_string(id);
    for (int64_t id : stored.incident_ids) {
      incidents += (incidents.empty() ? "" : ",") + std::to_string(id);
    }
    return AppendAuditInTransaction(
        db, {0, now, stored.created_by, "testimony.add", "testimony", stored.testimony_id,
             AuditDetailsJson({{"witness_id", std::to_string(stored.witness_id)},
                               {"pseudonym", stored.witness_pseudonym},
                               {"relation", stored.relation},
                               {"persons", persons},
                               {"incidents", incidents}}),
             "", ""});
  });
  if (!status.ok()) return status;
  return stored;
}

Result<std::vector<Testimony>> SqliteListTestimonies(SqliteDatabase& db) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q,
      db.Prepare("SELECT " + std::string(kTestimonyColumns) +
                 " FROM testimonies t JOIN witnesses w USING (witness_id) ORDER BY testimony_id"));
  std::vector<Testimony> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.push_back({q.ColumnInt(0),
                   q.ColumnInt(1),
                   q.ColumnText(2),
                   q.ColumnText(3),
                   q.ColumnText(4),
                   q.ColumnText(5),
                   q.ColumnText(6),
                   q.ColumnText(7),
                   q.ColumnText(8),
                   q.ColumnText(9),
                   {},
                   {}});
  }
  RECKON_ASSIGN_OR_RETURN(SqliteStatement links,
                          db.Prepare("SELECT testimony_id, entity, entity_id FROM testimony_links "
                                     "ORDER BY testimony_id, entity, entity_id"));
  std::map<int64_t, Testimony*> by_id;
  for (Testimony& t : out) by_id[t.testimony_id] = &t;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, links.Step());
    if (!has_row) break;
    auto t = by_id.find(links.ColumnInt(0));
    if (t == by_id.end()) continue;
    (links.ColumnText(1) == "person" ? t->second->person_ids : t->second->incident_ids)
        .push_back(links.ColumnInt(2));
  }
  return out;
}

Status SqliteAddLink(SqliteDatabase& db, const EntityLink& link, const std::string& actor,
                     const std::string& now) {
  return db.InTransaction(
      [&]() -> Status { return InsertLinkInTransaction(db, link, actor, now); });
}

Status InsertLinkInTransaction(SqliteDatabase& db, const EntityLink& link, const std::string& actor,
                               const std::string& now) {
  const std::string& from = link.from_entity;
  const std::string& to = link.to_entity;
  std::string sql;
  if (from == "incident" && to == "person") {
    sql = "INSERT INTO incident_persons (incident_id, person_id) VALUES (?1, ?3)";
  } else if (from == "burial_site" && to == "person") {
    sql = "INSERT INTO burial_persons (burial_site_id, person_id) VALUES (?1, ?3)";
  } else if (from == "evidence" && (to == "person" || to == "incident" || to == "burial_site")) {
    sql = "INSERT INTO evidence_links (evidence_id, entity, entity_id) VALUES (?1, ?2, ?3)";
  } else if (from == "testimony" && (to == "person" || to == "incident")) {
    sql = "INSERT INTO testimony_links (testimony_id, entity, entity_id) VALUES (?1, ?2, ?3)";
  } else {
    return Status::InvalidArgument("a " + from + " cannot be linked to a " + to);
  }
  if (actor.empty()) return Status::InvalidArgument("a link needs an actor");
  const std::string what = from + " #" + std::to_string(link.from_id);
  const std::string target = to + " #" + std::to_string(link.to_id);
  {
    RECKON_RETURN_IF_ERROR(CheckExists(db, from, link.from_id));
    RECKON_RETURN_IF_ERROR(CheckExists(db, to, link.to_id));
    RECKON_ASSIGN_OR_RETURN(SqliteStatement existing,
                            db.Prepare("SELECT 1 FROM (" + std::string(kAllLinks) +
                                       ") WHERE f = ?1 AND fid = ?2 AND t = ?3 AND tid = ?4"));
    existing.BindText(1, from);
    existing.BindInt(2, link.from_id);
    existing.BindText(3, to);
    existing.BindInt(4, link.to_id);
    RECKON_ASSIGN_OR_RETURN(bool found, existing.Step());
    if (found) return Status::AlreadyExists(what + " is already linked to " + target);
    RECKON_ASSIGN_OR_RETURN(SqliteStatement insert, db.Prepare(sql));
    insert.BindInt(1, link.from_id);
    insert.BindText(2, to);
    insert.BindInt(3, link.to_id);
    RECKON_RETURN_IF_ERROR(insert.Run());
    return AppendAuditInTransaction(
        db, {0, now, actor, from + ".link", from, link.from_id,
             AuditDetailsJson({{"to", to}, {"to_id", std::to_string(link.to_id)}}), "", ""});
  }
}

Result<std::vector<EntityLink>> SqliteLinksOf(SqliteDatabase& db, const std::string& entity,
                                              int64_t id) {
  RECKON_ASSIGN_OR_RETURN(
      SqliteStatement q,
      db.Prepare("SELECT f, fid, t, tid FROM (" + std::string(kAllLinks) +
                 ") WHERE (f = ?1 AND fid = ?2) OR (t = ?1 AND tid = ?2) ORDER BY f, fid, t, tid"));
  q.BindText(1, entity);
  q.BindInt(2, id);
  std::vector<EntityLink> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    out.push_back({q.ColumnText(0), q.ColumnInt(1), q.ColumnText(2), q.ColumnInt(3)});
  }
  return out;
}

Result<VerificationDecision> SqliteSaveVerificationDecision(SqliteDatabase& db,
                                                            const VerificationDecision& decision,
                                                            const std::string& now) {
  const std::string what = "verification of person #" + std::to_string(decision.person_id);
  RECKON_RETURN_IF_ERROR(
      CheckOneOf(what, "status", decision.status, {"verified", "disputed", "rejected", "cleared"}));
  RECKON_RETURN_IF_ERROR(CheckRequired(what, "reviewer", decision.reviewer));
  VerificationDecision stored = decision;
  stored.decided_at = now;
  const nlohmann::json basis = {{"evidence_sha256", stored.evidence_sha256},
                                {"testimony_ids", stored.testimony_ids}};
  Status status = db.InTransaction([&]() -> Status {
    RECKON_RETURN_IF_ERROR(CheckExists(db, "person", stored.person_id));
    for (const std::string& sha : stored.evidence_sha256) {
      RECKON_ASSIGN_OR_RETURN(SqliteStatement find,
                              db.Prepare("SELECT 1 FROM evidence WHERE sha256 = ?"));
      find.BindText(1, sha);
      RECKON_ASSIGN_OR_RETURN(bool found, find.Step());
      if (!found) return Status::NotFound(what + ": no evidence with SHA-256 " + sha);
    }
    for (int64_t testimony_id : stored.testimony_ids) {
      RECKON_RETURN_IF_ERROR(CheckExists(db, "testimony", testimony_id));
    }
    RECKON_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        db.Prepare("INSERT INTO verification_decisions (person_id, status, reviewer, rationale, "
                   "basis_json, decided_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.BindInt(1, stored.person_id);
    insert.BindText(2, stored.status);
    insert.BindText(3, stored.reviewer);
    insert.BindText(4, stored.rationale);
    insert.BindText(5, basis.dump());
    insert.BindText(6, stored.decided_at);
    RECKON_RETURN_IF_ERROR(insert.Run());
    stored.decision_id = db.LastInsertRowId();
    return AppendAuditInTransaction(
        db, {0, now, stored.reviewer, "verification.decide", "person", stored.person_id,
             AuditDetailsJson({{"decision_id", std::to_string(stored.decision_id)},
                               {"status", stored.status},
                               {"rationale", stored.rationale},
                               {"basis", basis.dump()}}),
             "", ""});
  });
  if (!status.ok()) return status;
  return stored;
}

Result<std::vector<VerificationDecision>> SqliteVerificationDecisions(
    SqliteDatabase& db, std::optional<int64_t> person_id) {
  std::string sql =
      "SELECT decision_id, person_id, status, reviewer, rationale, decided_at, basis_json "
      "FROM verification_decisions";
  if (person_id) sql += " WHERE person_id = ?1";
  sql += " ORDER BY decision_id";
  RECKON_ASSIGN_OR_RETURN(SqliteStatement q, db.Prepare(sql));
  if (person_id) q.BindInt(1, *person_id);
  std::vector<VerificationDecision> out;
  while (true) {
    RECKON_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    VerificationDecision d{q.ColumnInt(0),
                           q.ColumnInt(1),
                           q.ColumnText(2),
                           q.ColumnText(3),
                           q.ColumnText(4),
                           q.ColumnText(5),
                           {},
                           {}};
    const nlohmann::json basis = nlohmann::json::parse(q.ColumnText(6), nullptr, false);
    if (basis.is_discarded() || !basis.is_object()) {
      return Status::Corruption("verification decision #" + std::to_string(d.decision_id) +
                                " has an unreadable basis_json");
    }
    for (const auto& sha : basis.value("evidence_sha256", nlohmann::json::array())) {
      if (sha.is_string()) d.evidence_sha256.push_back(sha.get<std::string>());
    }
    for (const auto& id : basis.value("testimony_ids", nlohmann::json::array())) {
      if (id.is_number_integer()) d.testimony_ids.push_back(id.get<int64_t>());
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace reckon
