package com.bumpgrade.commerce.api.logging;

import com.bumpgrade.commerce.api.security.RouteAccess;
import com.bumpgrade.commerce.api.web.AlreadyAnsweredHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One line per HTTP request, written when Spring's {@code http.server.requests} observation stops, that is once
 * the final status is known, error handlers included: method, route, status and duration, with the request's
 * correlation id, client, actor and publisher. The route is the matched pattern ({@code /portal/{portalRef}}),
 * never the path, and neither the query nor any header is written, so a bearer token, a portal reference or a
 * query value cannot reach this log (decision D54). Probe and scrape requests under {@code /actuator} are logged
 * at DEBUG.
 */
@Component
public class AccessLog implements ObservationHandler<ServerRequestObservationContext> {
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final String STARTED = AccessLog.class.getName() + ".started";
    static final String UNMATCHED = "(unmatched)";

    /** The access table's patterns, most specific first: the route of a request refused before routing. */
    private static final List<PathPattern> ROUTES = RouteAccess.RULES.stream()
            .map(rule -> PathPatternParser.defaultInstance.parse(rule.pattern()))
            .distinct().sorted(PathPattern.SPECIFICITY_COMPARATOR).toList();

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(STARTED, System.nanoTime());
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        Long started = context.get(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        ServerHttpRequest request = context.getCarrier();
        String method = request.getMethod().name();
        String route = context.getPathPattern() != null ? context.getPathPattern()
                : route(request.getPath().pathWithinApplication());
        HttpStatusCode status = context.getResponse() == null ? null : context.getResponse().getStatusCode();
        String outcome = context.isConnectionAborted() ? "aborted" : status == null ? "-" : String.valueOf(status.value());
        if (AlreadyAnsweredHandler.wasAnsweredByServer(context.getAttributes())) {
            // reactor-netty refused a body it could not decode with its own 400; Spring's status was never sent
            status = HttpStatus.BAD_REQUEST;
            outcome = "400 (answered by reactor-netty)";
        }
        Level level = route.startsWith("/actuator/") ? Level.DEBUG : Level.INFO;
        Map<String, String> correlation = RequestCorrelationFilter.of(context.getAttributes());
        try (LogCorrelation.Scope scope = LogCorrelation.with(correlation)) {
            log.atLevel(level)
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("http.route", route)
                    .addKeyValue("http.response.status_code", status == null ? null : status.value())
                    .addKeyValue("event.duration", nanos)
                    .log("{} {} {} {} ms", method, route, outcome, TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    static String route(PathContainer path) {
        for (PathPattern pattern : ROUTES) {
            if (pattern.matches(path)) {
                return pattern.getPatternString();
            }
        }
        return UNMATCHED;
    }
}
