package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.logging.AccessLog;
import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.support.ServiceTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook route is public: a client that sends a broken chunked body must not be able to fill the log with a
 * stack trace per request. Each refusal is one short line, and a JSON 4xx when the connection still allows one.
 */
class MalformedWebhookBodyTest extends ServiceTest {

    private String send(String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server kept the connection open or reset it: what arrived so far is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String head() {
        return "POST /api/commerce/stripe/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Stripe-Signature: t=1,v1=00\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    }

    @Test
    void aMalformedChunkedBodyIsRefusedWithOneShortLogLine() throws Exception {
        int before = CapturedLogs.lines().size();
        String[] bodies = {"zz\r\n{}\r\n0\r\n\r\n", "3\r\n{}\r\nffffffffffffffffffff\r\nx\r\n",
                "2\r\n{}\r\n" + "g".repeat(6000) + "\r\n", "-1\r\n{}\r\n0\r\n\r\n"};
        for (String body : bodies) {
            String answer = send(head(), body);
            // reactor-netty itself answers a body it cannot decode (an empty 400, then it closes the connection);
            // whatever answers, it is a 4xx, and a body, if any, is the API's JSON error
            assertThat(answer).as(body).startsWith("HTTP/1.1 4").doesNotContain("Exception");
            if (!answer.toLowerCase().contains("content-length: 0")) {
                assertThat(answer).as(body).contains("application/json").contains("{\"error\":");
            }
        }
        // the server may log asynchronously, after the connection closed
        Thread.sleep(1000);
        List<String> lines = CapturedLogs.lines();
        // the web layers' lines only: other tests' background processing may log in the same moment
        List<String> access = lines.subList(before, lines.size()).stream()
                .filter(line -> line.startsWith(AccessLog.class.getName() + " POST /api/commerce/stripe/webhook"))
                .toList();
        assertThat(access).as("the access log shows the 400 reactor-netty sent, not the status Spring kept")
                .hasSize(bodies.length).allSatisfy(line -> assertThat(line).contains(" 400 (answered by reactor-netty) "));
        // the web layers' lines besides the access log
        List<String> written = lines.subList(before, lines.size()).stream()
                .filter(line -> !line.startsWith(AccessLog.class.getName()))
                .filter(line -> line.startsWith("reactor.") || line.startsWith("io.netty")
                        || line.startsWith("org.springframework.web") || line.startsWith("org.springframework.http")
                        || line.startsWith("com.bumpgrade.commerce.api.web") || line.contains("/stripe/webhook"))
                .toList();
        assertThat(written).hasSizeLessThanOrEqualTo(bodies.length);
        assertThat(written).allSatisfy(line -> {
            assertThat(line).doesNotContain("\tat ").doesNotContain("Status and headers already sent");
            assertThat(line.length()).isLessThan(400);
        });
    }
}
