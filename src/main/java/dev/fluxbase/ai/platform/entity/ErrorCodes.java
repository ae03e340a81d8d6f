package dev.fluxbase.ai.platform.entity;

/**
 * Every error code a client sees, in the {@code code} of an {@code error} frame or of an HTTP error body. Clients
 * branch on them, so a released code never changes; Fluxbase's own codes are kept where they apply.
 */
public final class ErrorCodes {

    // requests and the chat protocol
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE";
    public static final String TOO_LARGE = "TOO_LARGE";
    public static final String NO_SESSION = "NO_SESSION";
    public static final String TOO_MANY_CONVERSATIONS = "TOO_MANY_CONVERSATIONS";
    public static final String SHUTTING_DOWN = "SHUTTING_DOWN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";
    public static final String CONFLICT = "CONFLICT";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

    // authentication and access
    public static final String AUTH_REQUIRED = "AUTH_REQUIRED";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String CORS_FORBIDDEN = "CORS_FORBIDDEN";

    // chatbots and conversations
    public static final String CHATBOT_NOT_FOUND = "CHATBOT_NOT_FOUND";
    public static final String AMBIGUOUS_CHATBOT = "AMBIGUOUS_CHATBOT";
    public static final String CONVERSATION_NOT_FOUND = "CONVERSATION_NOT_FOUND";
    public static final String TURN_LIMIT = "TURN_LIMIT";

    // limits
    public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    public static final String DAILY_LIMIT_EXCEEDED = "DAILY_LIMIT_EXCEEDED";
    public static final String TOKEN_BUDGET_EXCEEDED = "TOKEN_BUDGET_EXCEEDED";

    // providers
    public static final String NO_PROVIDER = "NO_PROVIDER";
    public static final String PROVIDER_AUTH_FAILED = "PROVIDER_AUTH_FAILED";
    public static final String PROVIDER_RATE_LIMITED = "PROVIDER_RATE_LIMITED";
    public static final String PROVIDER_ERROR = "PROVIDER_ERROR";
    /** A stream that failed; ours once part of the answer had reached the client. */
    public static final String STREAM_ERROR = "STREAM_ERROR";
    public static final String PROVIDER_NOT_FOUND = "PROVIDER_NOT_FOUND";
    public static final String PROVIDER_EXISTS = "PROVIDER_EXISTS";
    public static final String PROVIDER_CONFLICT = "PROVIDER_CONFLICT";
    public static final String PROVIDER_READ_ONLY = "PROVIDER_READ_ONLY";
    public static final String ENCRYPTION_KEY_MISSING = "ENCRYPTION_KEY_MISSING";

    // MCP servers
    public static final String MCP_SERVER_NOT_FOUND = "MCP_SERVER_NOT_FOUND";
    /** An MCP server URL that http_get's rules refuse: scheme, credentials, a private address without the operator's leave (400). */
    public static final String MCP_SERVER_URL_REFUSED = "MCP_SERVER_URL_REFUSED";
    /** An MCP server that could not be reached, or answered with an error, when an admin asked it for its tools (502). */
    public static final String MCP_SERVER_UNAVAILABLE = "MCP_SERVER_UNAVAILABLE";

    // knowledge bases
    public static final String KNOWLEDGE_BASE_NOT_FOUND = "KNOWLEDGE_BASE_NOT_FOUND";
    public static final String DOCUMENT_NOT_FOUND = "DOCUMENT_NOT_FOUND";
    public static final String LINK_NOT_FOUND = "LINK_NOT_FOUND";
    public static final String EMBEDDING_FAILED = "EMBEDDING_FAILED";
    /** An upload of a type the server cannot read (400). */
    public static final String UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE";
    /** An upload past a size limit: its bytes, its text, what it unpacks to, its pages (413). */
    public static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";

    // table exports
    public static final String TABLE_NOT_FOUND = "TABLE_NOT_FOUND";
    public static final String COLUMN_NOT_FOUND = "COLUMN_NOT_FOUND";
    public static final String EXPORT_ROLE_NOT_ALLOWED = "EXPORT_ROLE_NOT_ALLOWED";
    public static final String TABLE_EXPORT_FAILED = "TABLE_EXPORT_FAILED";
    public static final String SYNC_CONFIG_NOT_FOUND = "SYNC_CONFIG_NOT_FOUND";

    // knowledge graphs
    public static final String ENTITY_NOT_FOUND = "ENTITY_NOT_FOUND";
    public static final String UNKNOWN_ENTITY_TYPE = "UNKNOWN_ENTITY_TYPE";
    /** In the usage ledger: an entity-extraction answer that was not the JSON asked for. */
    public static final String EXTRACTION_INVALID = "EXTRACTION_INVALID";

    // settings
    /** A setting key that does not match {@code [a-zA-Z][a-zA-Z0-9_.]*} or is too long (400); Fluxbase's code. */
    public static final String INVALID_KEY = "INVALID_KEY";
    /** A setting created with a key it already has (409); Fluxbase's code. */
    public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
    public static final String SETTING_NOT_FOUND = "SETTING_NOT_FOUND";
    /** A secret addressed as a plain setting, or the other way round (409). */
    public static final String SETTING_KIND_MISMATCH = "SETTING_KIND_MISMATCH";
    /** A setting's value past its size limit (413). */
    public static final String SETTING_TOO_LARGE = "SETTING_TOO_LARGE";
    /** A user who already has as many settings as one may (409). */
    public static final String TOO_MANY_SETTINGS = "TOO_MANY_SETTINGS";
    /** A turn of a chatbot whose {@code @fluxbase:required-settings} are not all set for its user (error frame). */
    public static final String SETTINGS_MISSING = "SETTINGS_MISSING";

    // the MCP server (/mcp)
    public static final String TOO_MANY_SESSIONS = "TOO_MANY_SESSIONS";
    public static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";

    // writes previewed and confirmed (confirm_write, cancel_write)
    /** No preview of that id in this conversation for this user. */
    public static final String WRITE_PREVIEW_NOT_FOUND = "WRITE_PREVIEW_NOT_FOUND";
    /** The preview's time limit passed. */
    public static final String WRITE_PREVIEW_EXPIRED = "WRITE_PREVIEW_EXPIRED";
    /** Confirmed or cancelled already: a write commits at most once. */
    public static final String WRITE_PREVIEW_CLOSED = "WRITE_PREVIEW_CLOSED";
    /** The rows the preview showed changed since (or others would change now): nothing was written. */
    public static final String WRITE_PREVIEW_STALE = "WRITE_PREVIEW_STALE";
    /** PostgreSQL refused the confirmed write (a constraint, a policy, the chatbot's rules changed): nothing was written. */
    public static final String WRITE_FAILED = "WRITE_FAILED";

    // row-level security checks of a chatbot
    public static final String RLS_CHECK_NOT_FOUND = "RLS_CHECK_NOT_FOUND";
    /** A second check of the same name on one chatbot (409). */
    public static final String RLS_CHECK_EXISTS = "RLS_CHECK_EXISTS";
    /** {@code audit_id} naming no successful query of this chatbot in the SQL audit log (404). */
    public static final String RECORDED_QUERY_NOT_FOUND = "RECORDED_QUERY_NOT_FOUND";

    private ErrorCodes() {
    }
}
