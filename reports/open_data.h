// The open-data files of a scan report: the columns of bodies.csv, pages.csv and findings.csv,
// defined once here and used both to write the CSV headers and to describe them in the
// Frictionless Data Package (datapackage.json, Tabular Data Package profile), so the two cannot
// drift apart.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace plainsight::reports {

struct CsvField {
  std::string_view name;
  std::string_view type;  // Table Schema types: "string", "integer", "number", "datetime"
  std::string_view description;
  bool required = false;
};

std::span<const CsvField> BodiesCsvFields();
std::span<const CsvField> PagesCsvFields();
std::span<const CsvField> FindingsCsvFields();

// The header line of a CSV file with these fields ("a,b,c\r\n").
std::string CsvHeader(std::span<const CsvField> fields);

struct DataPackageInfo {
  std::string name;  // lowercase, [a-z0-9._-]
  std::string title;
  std::string description;
  std::string created;  // ISO 8601
  std::string tool_version;
};

// datapackage.json for bodies.csv, pages.csv and findings.csv.
nlohmann::json DataPackage(const DataPackageInfo& info);

}  // namespace plainsight::reports
