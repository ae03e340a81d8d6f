package dev.fluxbase.ai.chat.boundary;

import jakarta.websocket.server.ServerEndpoint;

/** The same socket at {@code //ai/ws}: the SDK builds that URL when its base URL ends with a slash. */
@ServerEndpoint(value = "//ai/ws", configurator = ChatHandshake.class)
public class SdkChatEndpoint extends ChatEndpoint {
}
