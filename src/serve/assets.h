// The web application's files, embedded in the binary at build time (the
// front end's generator under src/serve/assets/ defines FindAsset).
//
// Thread-safety: FindAsset is a pure lookup in static data.
#pragma once

#include <optional>
#include <string_view>

namespace reckon::serve {

struct EmbeddedAsset {
  std::string_view body;
  std::string_view content_type;
};

// The asset at a URL path ("/", "/index.html", "/app.js"), or nullopt.
std::optional<EmbeddedAsset> FindAsset(std::string_view path);

}  // namespace reckon::serve
