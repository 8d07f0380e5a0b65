#include "ingest/json_row.h"

#include "common/json_string.h"

namespace reckon {

void EncodeJsonArray(const std::vector<std::string_view>& values, std::string& out) {
  out.clear();
  out.push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    AppendJsonString(values[i], out);
  }
  out.push_back(']');
}

}  // namespace reckon
