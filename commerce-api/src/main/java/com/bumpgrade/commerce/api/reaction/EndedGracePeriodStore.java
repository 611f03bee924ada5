package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@link EndedGracePeriods} from {@code entitlement_view}, 500 at a time. */
@Repository
class EndedGracePeriodStore implements EndedGracePeriods {
    private final JdbcTemplate jdbc;

    EndedGracePeriodStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EntitlementId> endedBy(Instant now) {
        return jdbc.queryForList("SELECT entitlement_id FROM entitlement_view WHERE access = 'grace' "
                + "AND grace_until <= ? LIMIT 500", String.class, Timestamp.from(now))
                .stream().map(EntitlementId::of).toList();
    }
}
