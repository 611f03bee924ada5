package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.OfferId;

import java.util.List;
import java.util.Optional;

/**
 * The order of a paid checkout's post-purchase path (D88): the first step is shown first; an acceptance ends the
 * path; a decline leads to the step it names, or ends the path. Each step is {@code shown} once, then answered
 * ({@code accepted} or {@code declined}) once; an answer needs the step shown first.
 */
public final class PostPurchasePolicy {
    private PostPurchasePolicy() {
    }

    /** A decision already recorded: on which step, what. */
    public record Decided(int step, PostPurchaseDecision decision) {
    }

    /** The step to show now, or none: no path, an offer accepted, or the last one declined. */
    public static Optional<PostPurchaseStep> next(List<PostPurchaseStep> path, List<Decided> decisions) {
        Optional<PostPurchaseStep> current = path.stream().filter(s -> s.step() == 1).findFirst();
        while (current.isPresent()) {
            int step = current.get().step();
            if (has(decisions, step, PostPurchaseDecision.ACCEPTED)) {
                return Optional.empty();
            }
            if (!has(decisions, step, PostPurchaseDecision.DECLINED)) {
                return current;
            }
            Integer onDecline = current.get().onDeclineStep();
            current = onDecline == null ? Optional.empty()
                    : path.stream().filter(s -> s.step() == onDecline).findFirst();
        }
        return Optional.empty();
    }

    /**
     * The aggregate's whole guard: the checkout is paid, the decision is in order ({@link #check}), and an acceptance
     * carries the exact phrase ({@link #phraseToAccept}).
     */
    public static PostPurchaseStep decide(boolean paid, List<PostPurchaseStep> path, List<Decided> decisions,
                                          OfferId offer, PostPurchaseDecision decision, String confirmation) {
        requirePaid(paid);
        PostPurchaseStep step = check(path, decisions, offer, decision);
        String phrase = phraseToAccept(step);
        if (decision == PostPurchaseDecision.ACCEPTED && !Confirmation.confirms(phrase, confirmation)) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        return step;
    }

    /** Post-purchase offers follow a paid checkout only (not one fully refunded meanwhile). */
    public static void requirePaid(boolean paid) {
        if (!paid) {
            throw new BillingRuleViolation("checkout_not_paid",
                    "The checkout is not paid: post-purchase offers follow a paid checkout only.");
        }
    }

    /** The step the decision is about, if it may be recorded now; refused with a named code otherwise. */
    public static PostPurchaseStep check(List<PostPurchaseStep> path, List<Decided> decisions, OfferId offer,
                                         PostPurchaseDecision decision) {
        PostPurchaseStep step = path.stream().filter(s -> s.offerId().equals(offer)).findFirst()
                .orElseThrow(() -> new BillingRuleViolation("offer_not_on_path",
                        "Offer '" + offer.value() + "' is not on this checkout's post-purchase path."));
        boolean answered = decisions.stream().anyMatch(d -> d.step() == step.step() && d.decision().answers());
        boolean shown = has(decisions, step.step(), PostPurchaseDecision.SHOWN);
        if (answered || (decision == PostPurchaseDecision.SHOWN && shown)) {
            throw new BillingRuleViolation("post_purchase_step_decided",
                    "The " + step.role().publicName() + " '" + offer.value() + "' was already "
                            + (answered ? "answered" : "shown") + ".");
        }
        Optional<PostPurchaseStep> next = next(path, decisions);
        if (next.isEmpty() || next.get().step() != step.step()) {
            throw new BillingRuleViolation("post_purchase_out_of_order", "The " + step.role().publicName() + " '"
                    + offer.value() + "' is not the offer to show now" + next.map(s -> " ('" + s.offerId().value()
                    + "' is)").orElse(": the path has ended") + ".");
        }
        if (decision.answers() && !shown) {
            throw new BillingRuleViolation("post_purchase_not_shown",
                    "Record that the " + step.role().publicName() + " was shown before the buyer's answer.");
        }
        return step;
    }

    /** "Accept upsell Launch coaching at 19.00 USD": names the offer and its price. */
    public static String phraseToAccept(PostPurchaseStep step) {
        return "Accept " + step.role().publicName() + " " + step.title() + " at " + step.price().display();
    }

    private static boolean has(List<Decided> decisions, int step, PostPurchaseDecision decision) {
        return decisions.stream().anyMatch(d -> d.step() == step && d.decision() == decision);
    }
}
