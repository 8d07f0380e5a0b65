// reckon user add CASE NAME --role admin|investigator|analyst|viewer
// reckon user list CASE
//
// Accounts of the web application (`reckon serve`). The password is read from
// RECKON_USER_PASSWORD or from standard input (without echo on a terminal),
// never from the command line, and stored only as an Argon2id hash.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/casework_options.h"
#include "cli/command.h"
#include "cli/table_printer.h"
#include "secure/accounts.h"
#include "store/sqlite_store.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string name;
  std::string role;
  std::string actor;
};

Result<std::string> ReadPassword() {
  if (const char* env = std::getenv("RECKON_USER_PASSWORD"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << "password for the new user: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  const bool got = static_cast<bool>(std::getline(std::cin, password));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!got || password.empty()) {
    return Status::InvalidArgument(
        "no password: set RECKON_USER_PASSWORD or type it on standard input");
  }
  return password;
}

int Add(const Options& options) {
  if (!ParseRole(options.role)) {
    return ReportError(Status::InvalidArgument("--role is admin, investigator, analyst or viewer"));
  }
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto password = ReadPassword();
  if (!password.ok()) return ReportError(password.status());
  auto hash = HashPassword(*password);
  if (!hash.ok()) return ReportError(hash.status());
  User user;
  user.name = options.name;
  user.role = options.role;
  user.password_hash = *hash;
  auto id = (*store)->AddUser(user, options.actor.empty() ? DefaultActor() : options.actor);
  if (!id.ok()) return ReportError(id.status());
  std::cout << "added user " << options.name << " (" << options.role << ")\n";
  return 0;
}

int List(const Options& options) {
  auto store = OpenSqliteStore(options.case_path, OpenMode::kOpenExisting);
  if (!store.ok()) return ReportError(store.status());
  auto users = (*store)->ListUsers();
  if (!users.ok()) return ReportError(users.status());
  TablePrinter table({"name", "role", "disabled", "created"});
  for (const User& u : *users) {
    table.AddRow({u.name, u.role, u.disabled ? "yes" : "no", u.created_at});
  }
  table.Print(std::cout);
  return 0;
}

}  // namespace

Command RegisterUser(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("user", "Accounts of the web application (reckon serve)");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand(
      "add", "Add a user; the password comes from RECKON_USER_PASSWORD or standard input");
  add->add_option("CASE", options->case_path, "Case file")->required();
  add->add_option("NAME", options->name, "User name")->required();
  add->add_option("--role", options->role, "admin, investigator, analyst or viewer")->required();
  add->add_option("--actor", options->actor, "Who is adding the user (audit log; default $USER)");
  CLI::App* list = app->add_subcommand("list", "List users and their roles");
  list->add_option("CASE", options->case_path, "Case file")->required();
  return {app, [options, add] { return add->parsed() ? Add(*options) : List(*options); }};
}

}  // namespace reckon::cli
