// reckon serve CASE [--port 8080] [--bind 127.0.0.1] [--key-file F]
//
// The team's web application on the case (src/serve/, docs/serve.md). The case
// key, from --key-file or RECKON_PASSPHRASE, unlocks witness identities for
// admins; without it nobody sees them. `--list-routes` prints the API's route
// table with each route's minimum role, as JSON.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "secure/key_source.h"
#include "serve/routes.h"
#include "serve/server.h"

namespace reckon::cli {
namespace {

struct Options {
  std::string case_path;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string key_file;
  size_t threads = 64;
  bool secure_cookie = false;
  bool list_routes = false;
};

int Serve(const Options& options) {
  if (options.list_routes) {
    std::cout << serve::RoutesJson() << "\n";
    return 0;
  }
  if (options.case_path.empty()) return ReportError(Status::InvalidArgument("CASE is required"));
  serve::ServeOptions serve_options;
  serve_options.case_path = options.case_path;
  serve_options.bind = options.bind;
  serve_options.port = options.port;
  serve_options.threads = options.threads;
  serve_options.secure_cookie = options.secure_cookie;
  auto key = ResolveKeySource(options.key_file, kPassphraseEnv);
  if (!key.ok()) return ReportError(key.status());
  serve_options.key = std::move(*key);
  if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1") {
    std::cerr << "reckon serve: warning: listening on " << options.bind
              << " without TLS; put a TLS proxy in front and use --secure-cookie\n";
  }
  if (Status status = serve::RunServer(std::move(serve_options)); !status.ok()) {
    return ReportError(status);
  }
  return 0;
}

}  // namespace

Command RegisterServe(CLI::App& root) {
  auto options = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("serve", "Serve the web application on a case");
  app->add_option("CASE", options->case_path, "Case file");
  app->add_option("--port", options->port, "Port (default 8080)");
  app->add_option("--bind", options->bind, "Address to listen on (default 127.0.0.1)");
  app->add_option("--key-file", options->key_file,
                  "Case key file (or RECKON_PASSPHRASE): lets admins reveal witness identities");
  app->add_option("--threads", options->threads, "Request threads (default 64)");
  app->add_flag("--secure-cookie", options->secure_cookie,
                "Mark the session cookie Secure (when served through a TLS proxy)");
  app->add_flag("--list-routes", options->list_routes,
                "Print the API's routes and minimum roles as JSON and exit");
  return {app, [options] { return Serve(*options); }};
}

}  // namespace reckon::cli
