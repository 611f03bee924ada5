package com.bumpgrade.commerce.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON error shape of the API: {@code {"error":{"code":..,"message":..}}}. */
@Component
public class ApiErrors {
    public static final String NOT_FOUND = "not_found";
    public static final String NOT_FOUND_MESSAGE = "The record was not found.";

    private final ObjectMapper mapper;

    public ApiErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static Map<String, Object> body(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }

    public static ResponseEntity<Object> entity(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
    }

    /** For filters, which run before any controller can answer. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body(code, message));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }
}
