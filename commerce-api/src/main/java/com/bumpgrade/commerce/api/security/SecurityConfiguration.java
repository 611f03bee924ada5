package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Authentication and authorization by Spring Security WebFlux: bearer tokens resolved by
 * {@link TokenAuthenticator}, the roles of every route from {@link RouteAccess}, everything else denied. Spring's
 * strict firewall refuses un-normalized paths (encoded slashes and dots, {@code ;} matrix parts, {@code //},
 * backslashes, encoded NUL) before any matching; {@link RequestHygieneFilter} then refuses control characters in
 * headers, query parameters and path segments with the API's JSON error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, TokenAuthenticator tokens,
                                                  ApiErrors errors, PublicBaseUrl baseUrl) {
        RequestHygieneFilter hygiene = new RequestHygieneFilter(errors, baseUrl);
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return errors.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "A valid bearer token is required.");
        };
        // An authenticated caller learns 404 for a route that does not exist and 405 for a wrong method; an
        // unauthenticated one only ever gets 401, so the route table is no oracle to strangers.
        List<ServerWebExchangeMatcher> anyMethod = RouteAccess.RULES.stream()
                .<ServerWebExchangeMatcher>map(rule -> new PathPatternParserServerWebExchangeMatcher(rule.pattern()))
                .toList();
        List<ServerWebExchangeMatcher> sameMethod = RouteAccess.RULES.stream()
                .<ServerWebExchangeMatcher>map(rule -> new PathPatternParserServerWebExchangeMatcher(rule.pattern(),
                        rule.method()))
                .toList();
        ServerAccessDeniedHandler forbidden = (exchange, e) -> anyMatch(sameMethod, exchange)
                .zipWith(anyMatch(anyMethod, exchange))
                .flatMap(known -> {
                    if (!known.getT2()) {
                        return errors.write(exchange, HttpStatus.NOT_FOUND, ApiErrors.NOT_FOUND,
                                ApiErrors.NOT_FOUND_MESSAGE);
                    }
                    if (!known.getT1()) {
                        return errors.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                                "This method is not allowed here.");
                    }
                    ApiCaller caller = exchange.getAttribute(ApiCaller.ATTRIBUTE);
                    String message = caller == null ? "This route may not be called."
                            : "The " + caller.role().publicName() + " role may not do this.";
                    return errors.write(exchange, HttpStatus.FORBIDDEN, "forbidden", message);
                });

        AuthenticationWebFilter bearer = new AuthenticationWebFilter(bearerAuthentication(tokens));
        bearer.setServerAuthenticationConverter(bearerConverter());
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationSuccessHandler((filterExchange, authentication) -> {
            filterExchange.getExchange().getAttributes()
                    .put(ApiCaller.ATTRIBUTE, ((CallerAuthentication) authentication).caller());
            return filterExchange.getChain().filter(filterExchange.getExchange());
        });
        bearer.setAuthenticationFailureHandler((filterExchange, e) ->
                unauthenticated.commence(filterExchange.getExchange(), e));

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .addFilterAfter(hygiene, SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAfter(new ConsoleHeaders(RouteAccess.CONSOLE), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .authorizeExchange(exchanges -> {
                    for (RouteAccess.Rule rule : RouteAccess.RULES) {
                        ServerHttpSecurity.AuthorizeExchangeSpec.Access access =
                                exchanges.pathMatchers(rule.method(), rule.pattern());
                        if (rule.isPublic()) {
                            access.permitAll();
                        } else {
                            access.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    exchanges.anyExchange().denyAll();
                });
        return http.build();
    }

    /**
     * Spring's strict firewall for paths and methods. Header and parameter values are left to
     * {@link RequestHygieneFilter}, which checks them eagerly and answers with the API's JSON error (the firewall
     * would check them lazily, inside a handler).
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(name -> true);
        firewall.setAllowedHeaderValues(value -> true);
        firewall.setAllowedParameterNames(name -> true);
        firewall.setAllowedParameterValues(value -> true);
        return firewall;
    }

    @Bean
    ServerExchangeRejectedHandler rejectedExchange(ApiErrors errors) {
        return (exchange, e) -> {
            log.info("Refused a request the firewall does not accept: {} (path not normalized or method refused)",
                    exchange.getRequest().getMethod());
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.setCacheControl("no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            return errors.write(exchange, HttpStatus.BAD_REQUEST, "invalid_path",
                    "The request path or method is not accepted; send a plain, normalized path.");
        };
    }

    private static Mono<Boolean> anyMatch(List<ServerWebExchangeMatcher> matchers, ServerWebExchange exchange) {
        return Flux.fromIterable(matchers).concatMap(matcher -> matcher.matches(exchange))
                .any(ServerWebExchangeMatcher.MatchResult::isMatch);
    }

    private static ServerAuthenticationConverter bearerConverter() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                return Mono.empty();
            }
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
            return Mono.just(CallerAuthentication.presented(token));
        };
    }

    private static ReactiveAuthenticationManager bearerAuthentication(TokenAuthenticator tokens) {
        return authentication -> Mono.justOrEmpty(
                        tokens.authenticate(((CallerAuthentication) authentication).presentedToken()))
                .<org.springframework.security.core.Authentication>map(CallerAuthentication::of)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown bearer token")));
    }
}
