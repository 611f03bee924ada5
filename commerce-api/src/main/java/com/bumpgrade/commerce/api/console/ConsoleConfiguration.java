package com.bumpgrade.commerce.api.console;

import com.bumpgrade.commerce.api.security.RouteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

/**
 * The owner console (D93): static HTML, CSS and JavaScript modules from {@code classpath:/console/}, served at
 * {@code /console/}. The files hold no data, so the route is public; the page calls the API with the bearer token
 * the owner types in, and every data call is authenticated like any other. Its security headers come from
 * {@link com.bumpgrade.commerce.api.security.ConsoleHeaders}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {
    private static final Resource FILES = new ClassPathResource("console/");
    private static final Resource INDEX = new ClassPathResource("console/index.html");

    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
        // the resource lookup refuses paths that leave the folder; the firewall already refused un-normalized ones
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX))
                .build()
                .and(RouterFunctions.resources(RouteAccess.CONSOLE, FILES));
    }
}
