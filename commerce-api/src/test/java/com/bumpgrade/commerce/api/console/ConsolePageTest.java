package com.bumpgrade.commerce.api.console;

import com.bumpgrade.commerce.api.support.RawHttp;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's static files over plain HTTP: public, with a Content-Security-Policy that allows only the page's
 * own script files, and no way through them to anything else: other spellings of a console path get the same
 * headers, spellings that leave the folder are refused, and the API behind the page still wants its token.
 */
class ConsolePageTest extends ServiceTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private RawHttp.Response get(String target) {
        return new RawHttp(port).send("GET", target, Map.of(), null);
    }

    private static void consoleHeaders(SoftAssertions softly, String what, RawHttp.Response response) {
        softly.assertThat(response.header("Content-Security-Policy")).as(what + " CSP").isEqualTo(CSP);
        softly.assertThat(response.header("X-Content-Type-Options")).as(what + " nosniff").isEqualTo("nosniff");
        softly.assertThat(response.header("X-Frame-Options")).as(what + " framing").isEqualTo("DENY");
        softly.assertThat(response.header("Referrer-Policy")).as(what + " referrer").isEqualTo("no-referrer");
        softly.assertThat(response.header("Cache-Control")).as(what + " cache").contains("no-store");
        softly.assertThat(response.header("Set-Cookie")).as(what + " cookie").isNull();
    }

    @Test
    void thePageAndItsFilesArePublicWithTheConsoleSecurityHeaders() {
        SoftAssertions softly = new SoftAssertions();
        RawHttp.Response page = get("/console/");
        softly.assertThat(page.status()).as(page.body()).isEqualTo(200);
        softly.assertThat(page.header("Content-Type")).startsWith("text/html");
        consoleHeaders(softly, "/console/", page);

        // no inline script anywhere: every script element loads a file of the console
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            softly.assertThat(scripts.group(1)).as("script " + count).contains("src=\"/console/");
            softly.assertThat(scripts.group(2).trim()).as("inline script " + count).isEmpty();
        }
        softly.assertThat(count).as("scripts").isEqualTo(1);
        softly.assertThat(page.body()).as("no inline handler or style").doesNotContainPattern("(?i)\\son[a-z]+=")
                .doesNotContain("style=").doesNotContain("<style");

        for (String file : List.of("console.js", "api.js", "render.js")) {
            RawHttp.Response script = get("/console/" + file);
            softly.assertThat(script.status()).as(file).isEqualTo(200);
            softly.assertThat(script.header("Content-Type")).as(file).contains("javascript");
            softly.assertThat(script.body()).as(file + " never parses data as markup")
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("localStorage.")
                    .doesNotContain("sessionStorage.").doesNotContain("document.cookie");
            consoleHeaders(softly, file, script);
        }
        RawHttp.Response css = get("/console/console.css");
        softly.assertThat(css.status()).isEqualTo(200);
        softly.assertThat(css.header("Content-Type")).startsWith("text/css");

        RawHttp.Response bare = get("/console");
        softly.assertThat(bare.status()).isEqualTo(308);
        softly.assertThat(bare.header("Location")).isEqualTo("/console/");
        // the router matches the decoded path, and so do the console's headers
        RawHttp.Response encoded = get("/%63onsole/");
        softly.assertThat(encoded.status()).isEqualTo(200);
        consoleHeaders(softly, "/%63onsole/", encoded);
        softly.assertAll();
    }

    @Test
    void noConsolePathLeavesTheConsoleFolderOrSkipsTheBearerFilter() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put("/console/../api/commerce/checkout-intents", 400);
        refused.put("/console/%2e%2e/api/commerce/checkout-intents", 400);
        refused.put("/console/..%2Fapi/commerce/checkout-intents", 400);
        refused.put("/console/%2e%2e%2f%2e%2e%2fapplication.yml", 400);
        refused.put("/console/..%5Capplication.yml", 400);
        refused.put("/console//index.html", 400);
        refused.put("/console/;x=1/index.html", 400);
        refused.put("/console/index.html%00", 400);
        refused.put("/console/application.yml", 404);
        refused.put("/console/../application.yml", 400);
        refused.put("/console/missing.js", 404);
        for (Map.Entry<String, Integer> target : refused.entrySet()) {
            RawHttp.Response response = get(target.getKey());
            softly.assertThat(response.status()).as(target.getKey() + ": " + response.body())
                    .isEqualTo(target.getValue());
            softly.assertThat(response.header("Content-Type")).as(target.getKey())
                    .startsWith("application/json");
            softly.assertThat(response.body()).as(target.getKey()).doesNotContain("spring:").doesNotContain("stripe");
        }
        // the API behind the page: every spelling still needs the token, and a token still works
        for (String path : List.of("/api/commerce/checkout-intents", "/%61pi/commerce/checkout-intents",
                "/api/commerce/%63heckout-intents")) {
            RawHttp.Response anonymous = get(path);
            softly.assertThat(anonymous.status()).as(path).isEqualTo(401);
            softly.assertThat(anonymous.errorCode()).as(path).isEqualTo("unauthenticated");
            softly.assertThat(anonymous.header("Content-Security-Policy")).as(path + " is no console page").isNull();
        }
        RawHttp.Response owner = new RawHttp(port).send("GET", "/api/commerce/checkout-intents",
                Map.of("Authorization", "Bearer " + Tokens.OWNER), null);
        softly.assertThat(owner.status()).isEqualTo(200);
        RawHttp.Response agent = new RawHttp(port).send("GET", "/api/commerce/commission-entries",
                Map.of("Authorization", "Bearer " + Tokens.AGENT), null);
        softly.assertThat(agent.status()).isEqualTo(403);
        // the console is read-only: no other method reaches its files
        RawHttp.Response post = new RawHttp(port).send("POST", "/console/index.html",
                Map.of("Authorization", "Bearer " + Tokens.OWNER, "Content-Type", "application/json"), "{}".getBytes());
        softly.assertThat(post.status()).isEqualTo(405);
        softly.assertAll();
    }
}
