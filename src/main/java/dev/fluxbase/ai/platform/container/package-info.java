/**
 * Workarounds for Payara Micro (6.2025.10) and the Tyrus (WebSocket, 2.1.5.payara-p2) and Grizzly (HTTP)
 * inside it: the code that depends on the container's internals or works around something it was seen to
 * do. Components use these classes only through their named methods. Each entry says what it works around,
 * how that was found, and what tells after a Payara upgrade whether it still works and is still needed.
 * Where no test can tell, the entry says so; the load bench is then the check ({@code bench/load/run.sh},
 * figures and method in {@code bench/RESULTS.md}).
 *
 * <h2>In this package</h2>
 * <ul>
 * <li>{@link SocketTimers} with {@link SocketTimerScheduler}. Tyrus restarts a session's idle timer on every
 * frame sent and received by scheduling a task on its container's scheduler, in Payara the managed scheduled
 * executor, and Payara captures thread context for every task (a ServiceLoader scan of every jar, each under
 * its lock, and container lookups under HK2 locks). Found by lock profiling (JFR) of the load bench's stream
 * scenario: threads spent 190 s blocked in Tyrus' {@code restartIdleTimeoutExecutor} over 20 s; with the
 * connection-checkout changes the turn overhead went from 23.0 to 6.5 ms p50 (bench/RESULTS.md, "What
 * profiling found", 1). Tyrus has no setting for its scheduler, so the listener sets the field
 * {@code BaseContainer.managedScheduledExecutorService} by reflection when the application starts; our
 * scheduler answers an idle check due at once (our sockets have no idle timeout) with a finished future.
 * Still works: {@code SocketTimersTest} and {@code SocketTimerSchedulerTest} run against
 * {@code tyrus-core} at {@code tyrus.version} in pom.xml (set it to the new Payara's Tyrus; they fail when
 * the field or Tyrus' {@code TyrusSession$IdleTimeoutCommand} is renamed), and {@code SocketTimersIT} fails
 * when the server logs that the timers stay on the container's scheduler. Still needed: no test; run the
 * bench's stream scenario with the listener's {@code @WebListener} removed and compare, or look for turn
 * threads blocked in the managed scheduled executor in thread dumps under load.</li>
 * <li>{@link ContextLoaders}. Payara's context capture for a task handed to a managed executor starts with a
 * ServiceLoader lookup ({@code ThreadContextProvider}) through the thread's context class loader; with the
 * application's loader it reads every jar of the application and the server. The chat socket sends frames
 * ({@code ChatEndpoint}) and hands turns to the managed executor ({@code ChatDispatcher}) with the platform
 * loader, which makes the lookup read nothing; a turn still runs with the application's loader. Found in
 * thread dumps of the load bench (most turn threads in {@code ZipFile.getEntry}); with one JSON builder
 * factory this took the turn overhead from 1,448 to 8.5 ms p50 and 66.5 to 343 turns/s (bench/RESULTS.md,
 * "What the numbers showed", 3). Since {@link SocketTimers}, the wrapper around sends only matters when its
 * scheduler could not be installed. Still works: {@code ContextLoadersTest} (which loader the executor and
 * the task see). Still needed: no test; run the bench's overhead scenario without it, or look for
 * {@code ZipFile.getEntry} in thread dumps under load.</li>
 * <li>{@link OversizeFrames}. Tyrus reads each frame whole into its incoming buffer (4 MB and 11 bytes); a
 * longer frame overflows it, Tyrus logs the {@code IllegalArgumentException("Buffer overflow")} as a WARNING
 * with its stack trace and closes the socket with 1011, telling the endpoint nothing else. The bean filters
 * that record out of Tyrus' logger and answers from {@code @OnClose} with {@code MESSAGE_TOO_LARGE} and
 * 1009, closing through Tyrus' {@code TyrusRemoteEndpoint.close(CloseReason)} by reflection; the socket
 * limit {@code ChatEndpoint.MAX_SOCKET_MESSAGE_BYTES} (4 MB) is sized to that buffer. Found while bounding
 * the chat socket's messages (a 5 MB frame got 1011 and a stack trace). Still works:
 * {@code SocketBoundsIT.aFiveMegabyteFrameGetsMessageTooLargeAndCloseCode1009} (error frame, 1009, no
 * "Buffer overflow" in the log) and {@code aThreeMegabyteFrameGetsMessageTooLargeAndTheSocketStaysOpen}
 * (the buffer still holds such a frame). Still needed: make {@link OversizeFrames#isOverflow} return false
 * and run the first test; if it passes, Tyrus no longer closes such a socket with 1011 and the class can go.</li>
 * <li>{@link PeerAddress}. The Jakarta WebSocket API has no peer address; Tyrus' session offers
 * {@code getRemoteAddr()}, called by reflection (the user property {@code jakarta.websocket.endpoint.remoteAddress}
 * is Jetty's way, which Tyrus does not set). Anonymous users are limited per client address, which a trusted
 * proxy's {@code X-Forwarded-For} refines. Still works:
 * {@code RateLimitIT.anonymousUsersAreLimitedByTheAddressATrustedProxyForwarded} (the tests' peer,
 * 127.0.0.1, is the trusted proxy; without a peer address the forwarded one is not believed and it fails).
 * Still needed: as long as {@code jakarta.websocket.Session} has no portable way to ask.</li>
 * <li>{@link InlineStreams}. The MCP SDK's servlet transport answers every POST on an SSE stream it opens with
 * {@code startAsync}, then blocks the request's thread until the answer is written and completes the stream. In Payara
 * such a request leaves Weld's request-context guard set on the thread, and the next request there logs four warnings
 * (WELD-000714 "HttpContextLifecycle guard leak detected", WELD-000225 twice, WELD-000335, then WELD-000715). Found in
 * the first run of {@code McpServerIT} (8 such groups for some 20 tool calls and listings). {@code McpServlet} serves the
 * POSTs through it: {@code startAsync} gets a context that completes when the transport returns, so the container sees a
 * plain synchronous request (and GET, the one stream that would outlive its request, is answered 405). Still works and
 * still needed: {@code McpServerIT.toolCallsLeaveNoRequestContextBehind} counts the warnings around a series of tool
 * calls (none with it); serve the POSTs directly to see them come back.</li>
 * </ul>
 *
 * <h2>Elsewhere, where the container reads them</h2>
 * <ul>
 * <li>{@code WEB-INF/glassfish-web.xml}, {@code <class-loader delegate="false"/>}: the WAR's libraries before the
 * server's. Payara Micro's runtime carries Jackson 2.20, Reactor 3.7.11, Nimbus JOSE and SnakeYAML, and with Payara's
 * parent-first default the MCP SDK ran on those instead of the Jackson 2.22 and Reactor 3.9 it is built on (found by
 * logging their versions and code sources in the first MCP runs). Still works and still needed:
 * {@code McpServerIT.aUserListsTheChatbotsToolsDescribedAsInChat} reads the Jackson version {@code McpServers} logs when
 * it starts a chatbot's server; remove the file and it reads Payara's.</li>
 * <li>The connection pool, {@code platform/control/Database.java} ({@code @DataSourceDefinition}), with
 * Payara's pool properties: {@code fish.payara.max-wait-time-in-millis=5000} (Payara waits a minute),
 * checked by {@code PoolSizeIT} (the third turn on a pool of two ends with {@code DATABASE_UNAVAILABLE});
 * {@code connection-validation-method=meta-data} and {@code fail-all-connections=true}, checked by
 * {@code TurnStatementsIT} (no validation query on the wire) and {@code DatabaseOutageChatIT} (the pool
 * recovers after an outage); {@code match-connections=false}, measured only (the credential match under a
 * lock on every checkout, 42 s blocked over 20 s, bench/RESULTS.md), no test; {@code stringtype=unspecified},
 * without which EclipseLink's strings do not bind to {@code jsonb} and {@code vector} columns (every IT that
 * stores a conversation or a chunk fails).</li>
 * <li>{@code META-INF/persistence.xml}, {@code eclipselink.session.customizer}: {@code platform/control/ServerDataSource.java}
 * gives the persistence unit the pool {@code fluxbase.db.jndi-name} names, as its {@code jta-data-source} is read as
 * written; {@code FullServerIT.everyConnectionComesFromThePoolAsadminDefined} reads the application name of the unit's
 * reading and writing connections (without the customizer's reading pool it reads the WAR's pool's). The PostgreSQL
 * driver is a server library ({@code target/server-libs}), not in the WAR: a server-defined pool loads it from the
 * server's class loader (by the thread's class loader when the application's thread opens it first, by the server's when
 * an administrator's ping does), and the application's {@code PGobject} and {@code PGResultSetMetaData} must be the same
 * classes; {@code FullServerIT.theEmbeddingRuntimeAndTheJdbcDriverComeFromTheServersLibrariesNotTheWar} checks where the
 * driver comes from, {@code theSqlExecutorReadsTheDriversOwnTypesAndColumnOrigins} that they work on the pool.</li>
 * <li>{@code src/main/webapp/WEB-INF/web.xml}: the same data source again with only
 * {@code <max-pool-size>${MPCONFIG=fluxbase.db.pool.max}</max-pool-size>}, because an annotation's int
 * cannot name a config key and Payara expands the expression in a descriptor; {@code PoolSizeIT} starts an
 * instance with a pool of two.</li>
 * <li>{@code payara/pre-boot-commands.asadmin}: {@code deploy-xml-validation=none}, as schema validation of
 * that web.xml refuses the expression as not an integer (no test of its own; every IT deploys with it, and
 * without it the boot log shows the schema error); the default managed executor with a core size of 500,
 * as Payara's default (core 0, max 200) is built on a SynchronousQueue and refused the 201st concurrent
 * turn, and Grizzly's HTTP request queue at 65,536, as its default 4,096 overflowed and Grizzly closed 305
 * of 5,000 sockets in a burst (both from the bench's burst scenario, bench/RESULTS.md "What the numbers
 * showed", 1 and 2; no test, the burst scenario is the check).</li>
 * <li>{@code payara/system.properties}: {@code http.maxConnections=500} for the JDK's HTTP connection, set at
 * launch because it is read during Payara's boot (set by the application it came too late);
 * {@code ProviderChatIT.theNextTurnsReuseTheProvidersConnections}.</li>
 * <li>{@code payara/logging.properties}: Payara's defaults without the WARNINGs about the expired
 * certificates of its bundled truststore; no test, read the boot log.</li>
 * <li>Jersey's WADL is off ({@code platform/boundary/RestApplication.java}) so that OPTIONS requests are
 * CORS preflights; {@code CorsIT} runs preflights (whether it fails with WADL on was not checked).</li>
 * <li>EclipseLink's mapping gaps: {@code NullableUuidConverter} (its UUID mapping fails on SQL NULL) and
 * {@code TextArrayConverter} (no {@code text[]} support) in {@code platform/entity}; every IT reading those
 * columns.</li>
 * </ul>
 */
package dev.fluxbase.ai.platform.container;
