#pragma once
// The field vocabulary entities and plugin configs are built from, after Kong's typedefs.lua: each
// preset carries its type, constraints, Kong's error messages and a description.
#include "schema/entity_schema.h"

namespace sluice::schema::typedefs {

Field uuid(std::string fieldName);  // a UUID value
Field id();                         // the primary key: a UUID generated when absent
Field createdAt();
Field updatedAt();
Field createdAtMillis();  // targets: seconds with milliseconds
Field tags();

Field name(std::string fieldName = "name");  // letters, digits, '.', '-', '_', '~'
Field host(std::string fieldName = "host");  // hostname or IP, no port
Field wildcardHost(std::string fieldName);   // "*.example.com" or "example.*", optional port
Field port(std::string fieldName = "port");
Field url(std::string fieldName);  // an http or https URL (Kong's typedefs.url as plugins use it)
// Kong's lua_code: a map of names to Lua snippets (accepted so that Kong users' files load; Sluice
// runs no Lua).
Field luaCode(std::string fieldName);
// The `anonymous` option of Kong's authentication plugins: the consumer (id or username) a request
// that fails authentication goes on as.
Field anonymousConsumer();
Field path(std::string fieldName = "path");
Field routerPath(std::string fieldName);  // "/prefix", "~/regex" or a Kong 2.x regex starting with "/"
Field protocol(std::string fieldName = "protocol");
Field timeout(std::string fieldName);
Field httpMethod(std::string fieldName);
Field headerName(std::string fieldName);
Field cidr(std::string fieldName);
Field ip(std::string fieldName);
Field autoString(std::string fieldName);  // generated when absent (credential keys, secrets)
Field certificatePem(std::string fieldName);
Field keyPem(std::string fieldName);
Field httpStatus(std::string fieldName);

// The protocols a service may use.
const std::vector<json>& serviceProtocols();

// Entity checks.
EntityCheck atLeastOneOf(std::vector<std::string> fieldNames);
EntityCheck mutuallyRequired(std::vector<std::string> fieldNames);
// Kong's conditional: when `ifField`'s value matches `ifMatch`, `thenField`'s must match `thenMatch`.
// A match is {"eq": v}, {"one_of": [...]} or {"required": true}. `thenError`, when given, is the
// "@entity" message instead of Kong's generic one (Kong's then_err).
EntityCheck conditional(std::string ifField, json ifMatch, std::string thenField, json thenMatch,
                        std::string thenError = {});

// A deprecated spelling Kong 2.8 still accepts for a field (`whitelist` for `allow`): checked as
// that field and stored under its name.
Shorthand legacyName(std::string oldName, const Field& field);

// Value predicates used by several presets and entities.
bool isHostname(const std::string& text);
bool isIpv4(const std::string& text);
bool isIpv6(const std::string& text);

}  // namespace sluice::schema::typedefs
