package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.domain.referral.AttributionPolicy;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Partners and referral clicks (tables partner and referral_click). */
@Repository
public class ReferralRegistry {
    private final JdbcTemplate jdbc;

    public ReferralRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "Partner")
    public record Partner(String partnerId, String displayName, String referralCode, int commissionBasisPoints,
                          boolean active) {
    }

    /** A stored click with what attribution needs. */
    public record Click(ReferralClickId clickId, PartnerId partnerId, int commissionBasisPoints,
                        AttributionPolicy.StoredClick stored) {
    }

    public Optional<Partner> partnerByCode(PublisherId publisher, String code) {
        return jdbc.query("SELECT * FROM partner WHERE publisher_id = ? AND referral_code = ? AND active",
                (rs, row) -> new Partner(rs.getString("partner_id"), rs.getString("display_name"),
                        rs.getString("referral_code"), rs.getInt("commission_basis_points"), rs.getBoolean("active")),
                publisher.value(), code).stream().findFirst();
    }

    public List<Partner> partners(PublisherId publisher) {
        return jdbc.query("SELECT * FROM partner WHERE publisher_id = ? ORDER BY partner_id",
                (rs, row) -> new Partner(rs.getString("partner_id"), rs.getString("display_name"),
                        rs.getString("referral_code"), rs.getInt("commission_basis_points"), rs.getBoolean("active")),
                publisher.value());
    }

    public enum Registration { REGISTERED, TAKEN, NO_PUBLISHER }

    /** Partners hang off the publisher's catalogue row (V6's foreign key), which a token alone does not create. */
    public boolean publisherExists(PublisherId publisher) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM publisher WHERE publisher_id = ?)", Boolean.class, publisher.value()));
    }

    /** {@code TAKEN} when the partner id or the referral code is already taken for this publisher. */
    public Registration register(PublisherId publisher, Partner partner) {
        try {
            jdbc.update("INSERT INTO partner (publisher_id, partner_id, display_name, referral_code, "
                            + "commission_basis_points) VALUES (?, ?, ?, ?, ?)", publisher.value(), partner.partnerId(),
                    partner.displayName(), partner.referralCode(), partner.commissionBasisPoints());
            return Registration.REGISTERED;
        } catch (DuplicateKeyException e) {
            return Registration.TAKEN;
        } catch (DataIntegrityViolationException e) {
            // the foreign key to publisher: the row went away after the check (or never was)
            if (e.getMostSpecificCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                return Registration.NO_PUBLISHER;
            }
            throw e;
        }
    }

    public void recordClick(ReferralClickId click, PublisherId publisher, String partnerId, Instant at) {
        jdbc.update("INSERT INTO referral_click (click_id, publisher_id, partner_id, clicked_at) VALUES (?, ?, ?, ?)",
                click.value(), publisher.value(), partnerId, Timestamp.from(at));
    }

    public Optional<Click> click(String clickId) {
        if (!ReferralClickId.isWellFormed(clickId)) {
            return Optional.empty();
        }
        return jdbc.query("""
                        SELECT c.*, p.commission_basis_points FROM referral_click c
                        JOIN partner p ON p.publisher_id = c.publisher_id AND p.partner_id = c.partner_id
                        WHERE c.click_id = ?""",
                (rs, row) -> new Click(ReferralClickId.of(rs.getString("click_id")),
                        PartnerId.of(rs.getString("partner_id")), rs.getInt("commission_basis_points"),
                        new AttributionPolicy.StoredClick(PublisherId.of(rs.getString("publisher_id")),
                                rs.getTimestamp("clicked_at").toInstant(), rs.getString("consumed_by_checkout"))),
                clickId).stream().findFirst();
    }
}
