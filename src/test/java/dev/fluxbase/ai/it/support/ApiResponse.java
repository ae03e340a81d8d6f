package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** An HTTP answer of the server under test, with its JSON body parsed on demand. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object (HTTP " + status + "): " + body, e);
        }
    }

    /** A body that is a JSON array itself, as Fluxbase's settings lists are. */
    public JsonArray jsonArray() {
        try {
            return Json.createReader(new StringReader(body)).readArray();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON array (HTTP " + status + "): " + body, e);
        }
    }

    public JsonArray array(String key) {
        return json().getJsonArray(key);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
