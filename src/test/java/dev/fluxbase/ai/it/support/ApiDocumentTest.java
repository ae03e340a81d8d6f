package dev.fluxbase.ai.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    private static final ApiDocument DOCUMENT = ApiDocument.parse("""
            {"openapi": "3.0.3", "paths": {
              "/things/{id}": {
                "get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "default": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
                "delete": {"responses": {"204": {"description": "gone"}}}}},
             "components": {
               "responses": {"NotFound": {"content": {"application/json": {"schema": {"allOf": [
                 {"$ref": "#/components/schemas/Error"}, {"properties": {"code": {"enum": ["THING_NOT_FOUND"]}}}]}}}}},
               "schemas": {
                 "Thing": {"type": "object", "required": ["id", "title"],
                   "properties": {"id": {"type": "string"}, "title": {"type": "string", "nullable": true}}},
                 "Error": {"type": "object", "required": ["error", "code"],
                   "properties": {"error": {"type": "string"}, "code": {"type": "string"}}}}}}
            """);

    @Test
    void namesTheRootFieldsOpenApiDoesNotAllow() {
        assertThat(DOCUMENT.fieldsOutsideTheSpecification()).isEmpty();
        assertThat(ApiDocument.parse("{\"openapi\": \"3.0.3\", \"x-logo\": {}, \"endpoints\": {}}").fieldsOutsideTheSpecification())
                .containsExactly("endpoints");
    }

    @Test
    void listsEveryOperation() {
        assertThat(DOCUMENT.operations()).containsExactly("DELETE /things/{id}", "GET /things/{id}");
    }

    @Test
    void aBodyOfTheDocumentedShapeConforms() {
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 200, "{\"id\": \"a\", \"title\": null}")).isEmpty();
        assertThat(DOCUMENT.violations("DELETE", "/things/{id}", 204, "")).isEmpty();
    }

    @Test
    void aMissingFieldOrAWrongTypeDoesNot() {
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 200, "{\"id\": \"a\"}")).singleElement().asString().contains("title");
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 200, "{\"id\": 1, \"title\": \"t\"}")).singleElement().asString().contains("id");
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 200, "not json")).singleElement().asString().contains("not JSON");
    }

    @Test
    void errorsAreCheckedAgainstTheReferencedResponseWithItsCodes() {
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 404, "{\"error\": \"No\", \"code\": \"THING_NOT_FOUND\"}")).isEmpty();
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 404, "{\"error\": \"No\", \"code\": \"NOT_FOUND\"}")).isNotEmpty();
        assertThat(DOCUMENT.violations("GET", "/things/{id}", 503, "{\"error\": \"Down\", \"code\": \"DATABASE_UNAVAILABLE\"}")).isEmpty();
    }

    @Test
    void anUndocumentedStatusOrOperationOrBodyIsAViolation() {
        assertThat(DOCUMENT.violations("DELETE", "/things/{id}", 404, "{}")).singleElement().asString().contains("does not document status 404");
        assertThat(DOCUMENT.violations("PUT", "/things/{id}", 200, "{}")).singleElement().asString().contains("not in the document");
        assertThat(DOCUMENT.violations("DELETE", "/things/{id}", 204, "{}")).singleElement().asString().contains("documents no body");
    }
}
