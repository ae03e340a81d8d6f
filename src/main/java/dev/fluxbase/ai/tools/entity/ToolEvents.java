package dev.fluxbase.ai.tools.entity;

import jakarta.json.JsonObject;
import java.util.List;

/** What a tool tells the client while it works: progress steps and query results. */
public interface ToolEvents {

    void progress(String step, String message);

    void queryResult(String query, String summary, int rowCount, List<JsonObject> data);
}
