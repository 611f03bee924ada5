package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutStripeSessionExpiryRecorded;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalFailed;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.referral.PartnerRegistered;
import com.bumpgrade.commerce.domain.referral.ReferralClickRecorded;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventPayloadMismatchFlagged;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The store check knows every audit projection, so an event a new one audits is also checked for its entry. */
class AuditedEventsInStoreTest {

    @Test
    void theAuditProjectionsAreEveryProjectionOfTheAuditTrailGroup() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> auditGroup = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("com.bumpgrade.commerce.projections")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (ProcessingGroups.AUDIT_TRAIL.equals(type.getAnnotation(ProcessingGroup.class).value())) {
                auditGroup.add(type.getName());
            }
        }

        assertThat(AuditedEventsInStore.PROJECTIONS.stream().map(Class::getName).collect(Collectors.toSet()))
                .isEqualTo(auditGroup);
    }

    @Test
    void theActionsAuditedForIssueElevenAreAmongTheAuditedTypes() {
        assertThat(AuditedEventsInStore.AUDITED_TYPES).contains(Set.of(CheckoutReferralAttributed.class,
                        CheckoutStripeSessionExpiryRecorded.class, FulfillmentQueued.class, BillingPortalFailed.class,
                        PartnerRegistered.class, ReferralClickRecorded.class, StripeEventConcluded.class,
                        StripeEventPayloadMismatchFlagged.class).stream().map(Class::getName).toArray(String[]::new));
    }
}
