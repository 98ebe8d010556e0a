package dev.loadverdict.issuebot;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * github-api's connector with limits: every request of the client, the ones made while it is built included, goes
 * through {@link #send}, which connects within the connect timeout and gives up on an answer (status, headers and the
 * whole body) after the read timeout, or sooner when the operation's retry time is nearly spent.
 *
 * <p>A failure without an answer is a {@link NoAnswer}, never a {@link java.net.SocketException}: github-api retries
 * those itself, out of loadverdict's sight and logging each, so loadverdict's own retry alone decides what is retried.
 * Redirects are left to github-api, which drops the token on a redirect to another host (as its own HttpClient
 * connector does).
 */
final class BoundedConnector implements GitHubConnector {

    private final HttpClient client;
    private final GitHubTimeouts timeouts;
    private final Supplier<Duration> left;
    private final String api;
    /** The method and path of the latest request, for messages: {@code GET repos/acme/shop/issues}. */
    private volatile String lastRequest = "";

    /**
     * @param left what is left of the current operation's retry time: a request gets at most that long
     * @param api the API's address for messages, credentials masked
     */
    BoundedConnector(GitHubTimeouts timeouts, Supplier<Duration> left, String api) {
        this.timeouts = timeouts;
        this.left = left;
        this.api = api;
        this.client = HttpClient.newBuilder().connectTimeout(timeouts.connect()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        lastRequest = request.method() + " " + relative(request.url());
        Duration remaining = left.get();
        if (remaining.isNegative() || remaining.isZero()) {
            throw new NoAnswer(NoAnswer.Kind.OUT_OF_TIME, api, "the retry time of " + GitHubTimeouts.format(timeouts.retryTime())
                    + " is spent");
        }
        boolean cut = remaining.compareTo(timeouts.read()) < 0;
        Duration limit = cut ? remaining : timeouts.read();
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(limit);
        try {
            builder.uri(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("not a valid address: " + GitHubIssues.mask(request.url().toString()), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
            }
        }
        builder.method(request.method(), body);
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request's own timeout covers the wait for the headers; this one covers the body too
            HttpResponse<byte[]> response = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(request, response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw noAnswerWithin(limit, cut);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw (InterruptedIOException) new InterruptedIOException("interrupted while waiting for GitHub").initCause(e);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), limit, cut);
        }
    }

    /** The method and path of the latest request sent, e.g. {@code GET repos/acme/shop/issues}; empty before the first. */
    String lastRequest() {
        return lastRequest;
    }

    /** The address's path below the API's root, without its query; the whole address (credentials masked) elsewhere. */
    private String relative(java.net.URL url) {
        String address = GitHubIssues.mask(url.toString());
        int query = address.indexOf('?');
        String path = query < 0 ? address : address.substring(0, query);
        String root = api.endsWith("/") ? api : api + "/";
        return path.startsWith(root) ? path.substring(root.length()) : path;
    }

    private NoAnswer noAnswerWithin(Duration limit, boolean cut) {
        return new NoAnswer(cut ? NoAnswer.Kind.OUT_OF_TIME : NoAnswer.Kind.READ_TIMEOUT, api, "no answer within "
                + GitHubTimeouts.format(limit) + (cut ? " (what was left of the retry time of "
                + GitHubTimeouts.format(timeouts.retryTime()) + ")" : " (read timeout)"));
    }

    private IOException classify(Throwable failure, Duration limit, boolean cut) {
        if (failure instanceof HttpConnectTimeoutException) {
            return new NoAnswer(NoAnswer.Kind.CONNECT_TIMEOUT, api, "no connection within "
                    + GitHubTimeouts.format(timeouts.connect()) + " (connect timeout)", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return noAnswerWithin(limit, cut);
        }
        if (failure instanceof UnknownHostException || hasCause(failure, UnresolvedAddressException.class)) {
            return new NoAnswer(NoAnswer.Kind.UNREACHABLE, api, "unknown host", failure);
        }
        if (failure instanceof ConnectException) {
            String message = failure.getMessage();
            return new NoAnswer(NoAnswer.Kind.UNREACHABLE, api, message == null || message.isBlank() ? "connection refused"
                    : GitHubIssues.mask(message), failure);
        }
        if (failure instanceof IOException io) {
            String message = io.getMessage();
            return new NoAnswer(NoAnswer.Kind.LOST, api, "the connection broke before the answer arrived ("
                    + (message == null || message.isBlank() ? "closed without a word" : GitHubIssues.mask(message)) + ")", io);
        }
        String message = failure == null ? null : failure.getMessage();
        return new IOException("the request could not be sent" + (message == null || message.isBlank() ? ""
                : " (" + GitHubIssues.mask(message) + ")"), failure);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A request that got no answer: why, and whether trying again can help. */
    static final class NoAnswer extends IOException {
        private static final long serialVersionUID = 1L;

        enum Kind {
            /** Refused, or the host is unknown: trying again within seconds will not help. */
            UNREACHABLE,
            /** No connection within the connect timeout. */
            CONNECT_TIMEOUT,
            /** No whole answer within the read timeout: GitHub may have done the work. */
            READ_TIMEOUT,
            /** The connection broke after the request was sent: GitHub may have done the work. */
            LOST,
            /** The operation's retry time is spent. */
            OUT_OF_TIME
        }

        final Kind kind;
        final String api;

        NoAnswer(Kind kind, String api, String reason) {
            this(kind, api, reason, null);
        }

        NoAnswer(Kind kind, String api, String reason, Throwable cause) {
            super(reason, cause);
            this.kind = kind;
            this.api = api;
        }

        boolean retryable() {
            return kind == Kind.CONNECT_TIMEOUT || kind == Kind.READ_TIMEOUT || kind == Kind.LOST;
        }

        /** One line: {@code cannot reach GitHub at https://host: connection refused}, {@code no answer within 30 s (read timeout) from GitHub at https://host}. */
        String describe() {
            return kind == Kind.UNREACHABLE || kind == Kind.CONNECT_TIMEOUT ? "cannot reach GitHub at " + api + ": " + getMessage()
                    : getMessage() + " from GitHub at " + api;
        }
    }

    /** An answer read whole, so github-api can read its body as often as it needs. */
    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
