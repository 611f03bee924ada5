package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.RawHttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Uploads as clients send them: the raw body with Content-Disposition and Content-Length and the envelope headers,
 * over Java's HttpClient, or over a bare socket for what it will not do (send only the head, or half the body and
 * hang up). Every answer is kept for the leak scan.
 */
public final class AssetHttp {
    static final List<String> ANSWERS = new CopyOnWriteArrayList<>();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AssetHttp(int port) {
        this.port = port;
    }

    public static Map<String, String> envelope(String token, String key, String disposition, String phrase) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Idempotency-Key", key);
        headers.put("X-Correlation-Id", "corr-assets");
        headers.put("X-Bumpgrade-Client", "asset-test/1.0");
        headers.put("Content-Disposition", disposition);
        headers.put("Content-Type", "application/octet-stream");
        if (phrase != null) {
            headers.put(ProductAssetService.CONFIRMATION_HEADER, phrase);
        }
        return headers;
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** RFC 6266 filename*: any character, percent-encoded UTF-8. */
    public static String attachmentStar(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename*=UTF-8''" + encoded;
    }

    public ApiClient.Response upload(String productId, Map<String, String> headers, byte[] body) {
        return send(productId, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A body of {@code length} bytes generated as it is sent, never held whole by the test either. */
    public ApiClient.Response upload(String productId, Map<String, String> headers, long length, Supplier<InputStream> body) {
        return send(productId, headers, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), length));
    }

    private ApiClient.Response send(String productId, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/commerce/products/" + productId + "/assets")).timeout(Duration.ofMinutes(5)).POST(body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ANSWERS.add(response.body());
            return new ApiClient.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Only the head, with its Content-Length: the answer must come without a byte of the body. */
    public RawHttp.Response headOnly(String productId, Map<String, String> headers, long contentLength) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", Long.toString(contentLength));
        RawHttp.Response response = new RawHttp(port).send("POST", "/api/commerce/products/" + productId + "/assets",
                all, null, false);
        ANSWERS.add(response.body());
        return response;
    }

    /** The head and the first {@code sent} of {@code contentLength} bytes, then the connection is closed. */
    public void hangUpAfter(String productId, Map<String, String> headers, long contentLength, byte[] sent) {
        StringBuilder head = new StringBuilder("POST /api/commerce/products/" + productId + "/assets HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(sent);
            out.flush();
            Thread.sleep(300);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String key(String prefix) {
        return ApiClient.uniqueKey(prefix);
    }
}
