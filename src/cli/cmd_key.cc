// reckon key init CASE [--key-file FILE] — create the case key (from
//   RECKON_PASSPHRASE or a key file) that seals witness identities.
// reckon key change CASE [--key-file FILE] (--new-key-file FILE | RECKON_NEW_PASSPHRASE)
//   — re-wrap the case key under a new passphrase or key file; nothing else changes.
// reckon key generate FILE — write a new random key file (64 hex digits, mode 0600).
// reckon key status CASE — whether the case has a key, of which kind, since when.
//
// Passphrases come only from the environment, never from the command line.
#include <iostream>
#include <memory>

#include "casework/witnesses.h"
#include "cli/casework_options.h"
#include "cli/command.h"
#include "secure/key_source.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string key_file;
  std::string new_key_file;
  std::string out_file;
  std::string kdf = "moderate";
  std::string actor;
};

Result<KeySource> RequireKey(const std::string& key_file, const char* env, const char* flag) {
  RECKON_ASSIGN_OR_RETURN(std::optional<KeySource> source, ResolveKeySource(key_file, env));
  if (!source) {
    return Status::InvalidArgument(std::string("no key given: set ") + env + " or pass " + flag +
                                   " FILE");
  }
  return std::move(*source);
}

int Init(const Options& options) {
  auto limits = ParseKdf(options.kdf);
  if (!limits.ok()) return ReportError(limits.status());
  auto source = RequireKey(options.key_file, kPassphraseEnv, "--key-file");
  if (!source.ok()) return ReportError(source.status());
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  Status status = InitCaseKey(**store, *source, *limits, options.actor);
  if (!status.ok()) return ReportError(status);
  std::cout << "case key created and locked with a "
            << (source->kind() == KeySource::Kind::kPassphrase ? "passphrase" : "key file")
            << ". Keep it safe: without it, witness identities cannot be recovered.\n";
  return 0;
}

int Change(const Options& options) {
  auto limits = ParseKdf(options.kdf);
  if (!limits.ok()) return ReportError(limits.status());
  auto current = RequireKey(options.key_file, kPassphraseEnv, "--key-file");
  if (!current.ok()) return ReportError(current.status());
  auto next = RequireKey(options.new_key_file, kNewPassphraseEnv, "--new-key-file");
  if (!next.ok()) return ReportError(next.status());
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  Status status = ChangeCaseKey(**store, *current, *next, *limits, options.actor);
  if (!status.ok()) return ReportError(status);
  std::cout << "case key re-wrapped; the old passphrase or key file no longer opens this case\n";
  return 0;
}

int StatusOf(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto key = (*store)->LoadCaseKey();
  if (!key.ok()) return ReportError(key.status());
  if (!*key) {
    std::cout << "no case key (create one with `reckon key init`)\n";
    return 0;
  }
  std::cout << "case key locked with a "
            << ((*key)->kind == "passphrase" ? "passphrase" : "key file") << "; created "
            << (*key)->created_at << ", last changed " << (*key)->changed_at << "\n";
  return 0;
}

}  // namespace

Command RegisterKey(CLI::App& root) {
  auto options = std::make_shared<Options>();
  options->actor = DefaultActor();
  CLI::App* app = root.add_subcommand("key", "The case key that seals witness identities");
  app->require_subcommand(1);
  CLI::App* init = app->add_subcommand(
      "init", "Create the case key, locked with RECKON_PASSPHRASE or --key-file");
  CLI::App* change = app->add_subcommand(
      "change", "Re-lock the case key with RECKON_NEW_PASSPHRASE or --new-key-file");
  CLI::App* generate = app->add_subcommand("generate", "Write a new random key file");
  CLI::App* status = app->add_subcommand("status", "Show whether and how the case is keyed");
  for (CLI::App* sub : {init, change, status}) {
    sub->add_option("CASE", options->case_path, "Case file")->required();
  }
  for (CLI::App* sub : {init, change}) {
    sub->add_option("--key-file", options->key_file,
                    "Key file (32 bytes or 64 hex digits); default: RECKON_PASSPHRASE");
    sub->add_option("--kdf", options->kdf,
                    "Argon2id cost for passphrases: moderate (default) or interactive");
    sub->add_option("--actor", options->actor, "Who does this, for the audit log");
  }
  change->add_option("--new-key-file", options->new_key_file,
                     "New key file; default: RECKON_NEW_PASSPHRASE");
  generate->add_option("FILE", options->out_file, "Key file to create")->required();
  return {app, [options, init, change, generate] {
            if (init->parsed()) return Init(*options);
            if (change->parsed()) return Change(*options);
            if (generate->parsed()) {
              Status written = WriteNewKeyFile(options->out_file);
              if (!written.ok()) return ReportError(written);
              std::cout << "wrote " << options->out_file
                        << " (keep it off the laptop that holds the case)\n";
              return 0;
            }
            return StatusOf(*options);
          }};
}

}  // namespace reckon::cli
