package dev.fluxbase.ai.platform.container;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a request whose handler starts asynchronous processing but finishes the response before it returns (the MCP
 * SDK's answer to a POST: it opens an SSE stream with {@code startAsync}, then blocks until the answer is written) as a
 * plain synchronous request: {@code startAsync} gives an {@link AsyncContext} that completes when the handler returns.
 * The container then never sees asynchronous processing, which in Payara leaves Weld's request-context guard set on the
 * thread (see this package's description).
 */
public final class InlineStreams {

    /** What serves the request: a servlet's {@code service}. */
    @FunctionalInterface
    public interface Handler {
        void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException;
    }

    private InlineStreams() {
    }

    public static void serve(HttpServletRequest request, HttpServletResponse response, Handler handler) throws ServletException, IOException {
        InlineContext context = new InlineContext(request, response);
        try {
            handler.serve(context.wrapped(), response);
        } finally {
            context.finish();
        }
    }

    /** An asynchronous context that lives as long as the handler's call. */
    private static final class InlineContext implements AsyncContext {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final List<AsyncListener> listeners = new ArrayList<>();
        private long timeout;
        private boolean started;

        InlineContext(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        HttpServletRequest wrapped() {
            return new HttpServletRequestWrapper(request) {
                @Override
                public AsyncContext startAsync() {
                    started = true;
                    return InlineContext.this;
                }

                @Override
                public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
                    return startAsync();
                }

                @Override
                public boolean isAsyncStarted() {
                    return started;
                }

                @Override
                public boolean isAsyncSupported() {
                    return true;
                }

                @Override
                public AsyncContext getAsyncContext() {
                    if (!started) {
                        throw new IllegalStateException("asynchronous processing was not started");
                    }
                    return InlineContext.this;
                }
            };
        }

        /** The handler returned: the response is complete, as the listeners are told. */
        void finish() {
            if (!started) {
                return;
            }
            AsyncEvent event = new AsyncEvent(this, request, response);
            for (AsyncListener listener : listeners) {
                try {
                    listener.onComplete(event);
                } catch (IOException | RuntimeException e) {
                    // one listener's failure must not keep the others from hearing it
                }
            }
        }

        @Override
        public ServletRequest getRequest() {
            return request;
        }

        @Override
        public ServletResponse getResponse() {
            return response;
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return true;
        }

        @Override
        public void dispatch() {
            throw new UnsupportedOperationException("dispatch");
        }

        @Override
        public void dispatch(String path) {
            throw new UnsupportedOperationException("dispatch");
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            throw new UnsupportedOperationException("dispatch");
        }

        /** What was written is sent; the response itself ends when the handler returns. */
        @Override
        public void complete() {
            try {
                response.flushBuffer();
            } catch (IOException e) {
                // the client is gone: the handler's next write tells it
            }
        }

        @Override
        public void start(Runnable run) {
            run.run();
        }

        @Override
        public void addListener(AsyncListener listener) {
            listeners.add(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
            listeners.add(listener);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ServletException(e);
            }
        }

        @Override
        public void setTimeout(long timeout) {
            this.timeout = timeout;
        }

        @Override
        public long getTimeout() {
            return timeout;
        }
    }
}
