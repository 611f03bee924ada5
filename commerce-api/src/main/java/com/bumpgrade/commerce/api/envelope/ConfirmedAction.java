package com.bumpgrade.commerce.api.envelope;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a use case prepared once its request is valid: the exact phrase the server derived, the confirmation the
 * caller gave, the fields a preview shows besides the phrase, and the action that runs once the phrase matches.
 * {@code previewReason} keeps a confirmed write a preview anyway (the sandbox rules of checkout).
 */
public record ConfirmedAction(String requiredPhrase, String givenConfirmation, Map<String, Object> previewFields,
                              Optional<String> previewReason, Supplier<WriteResult> execution) {

    public static ConfirmedAction of(String requiredPhrase, String givenConfirmation,
                                     Map<String, Object> previewFields, Supplier<WriteResult> execution) {
        return new ConfirmedAction(requiredPhrase, givenConfirmation, previewFields, Optional.empty(), execution);
    }

    /** Only asked once the phrase matches: a missing or wrong phrase is always the reason named first. */
    public ConfirmedAction previewEvenIfConfirmed(Optional<String> reason) {
        return new ConfirmedAction(requiredPhrase, givenConfirmation, previewFields, reason, execution);
    }
}
