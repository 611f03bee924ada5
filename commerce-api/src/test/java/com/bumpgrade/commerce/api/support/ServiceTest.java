package com.bumpgrade.commerce.api.support;

import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: the whole service on a random port, a real PostgreSQL (see {@link TestDatabase}) with
 * the Flyway migrations, and stripe-java pointed at the local {@link FakeStripe}. Metrics are exported as in
 * production (a test context would otherwise leave out the Prometheus registry); tracing is not configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public abstract class ServiceTest {
    protected static final FakeStripe STRIPE = FakeStripe.shared();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.Database database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("stripe.api-base", STRIPE::baseUrl);
    }

    protected ApiClient api() {
        return new ApiClient(port);
    }

    protected long eventCount(String aggregateId, String payloadTypeSuffix) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, aggregateId, "%" + payloadTypeSuffix);
        return count == null ? 0 : count;
    }
}
