// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace uis::dcplocal {

/**
 * The OpenAPI 3.1 document of the dcp-local API (DCP-API.md), served without a token at
 * `GET /api/v1/openapi.json`: every endpoint, request, response and error, and the bearer
 * security scheme. The status object, the error body and the other shapes are defined once,
 * under `components/schemas`, and referenced from every response that carries them.
 * tests/server/test_openapi_contract.py runs Schemathesis against a live server with it.
 */
class OpenApiDocument
{
public:
    /// The document as compact JSON (built once).
    static const QByteArray &json();
    /// The document as an object.
    static QJsonObject object();
    /// The request path it is served at.
    static constexpr const char *kPath = "/api/v1/openapi.json";
};

} // namespace uis::dcplocal
