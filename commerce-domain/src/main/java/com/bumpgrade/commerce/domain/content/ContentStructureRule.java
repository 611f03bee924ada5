package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a content structure may be: at most {@link #MAX_MODULES} modules and {@link #MAX_LESSONS} lessons in all,
 * titles of 1-200 characters without control characters, orders from 1 and unique among their siblings, a drip
 * offset of 0-3650 days. Refusals are {@code invalid_structure} with the place named.
 */
public final class ContentStructureRule {
    public static final int MAX_MODULES = 100;
    public static final int MAX_LESSONS = 1000;
    public static final int MAX_DRIP_DAYS = 3650;

    private ContentStructureRule() {
    }

    public static List<ContentModule> require(List<ContentModule> modules) {
        if (modules == null) {
            throw invalid("modules are required (an empty list is allowed)");
        }
        if (modules.size() > MAX_MODULES) {
            throw invalid("at most " + MAX_MODULES + " modules");
        }
        Set<Integer> moduleOrders = new HashSet<>();
        int lessons = 0;
        for (ContentModule module : modules) {
            title(module.title(), "module " + module.order());
            if (module.order() < 1 || !moduleOrders.add(module.order())) {
                throw invalid("module orders must be unique numbers from 1 (module " + module.order() + ")");
            }
            Set<Integer> lessonOrders = new HashSet<>();
            for (ContentLesson lesson : module.lessons()) {
                String where = "module " + module.order() + ", lesson " + lesson.order();
                title(lesson.title(), where);
                if (lesson.order() < 1 || !lessonOrders.add(lesson.order())) {
                    throw invalid("lesson orders must be unique numbers from 1 within a module (" + where + ")");
                }
                if (lesson.dripOffsetDays() != null
                        && (lesson.dripOffsetDays() < 0 || lesson.dripOffsetDays() > MAX_DRIP_DAYS)) {
                    throw invalid("dripOffsetDays must be 0-" + MAX_DRIP_DAYS + " (" + where + ")");
                }
                lessons++;
            }
        }
        if (lessons > MAX_LESSONS) {
            throw invalid("at most " + MAX_LESSONS + " lessons");
        }
        return List.copyOf(modules);
    }

    private static void title(String title, String where) {
        if (title == null || title.isBlank() || title.length() > 200
                || title.chars().anyMatch(Character::isISOControl)) {
            throw invalid("titles are 1-200 characters without control characters (" + where + ")");
        }
    }

    private static BillingRuleViolation invalid(String detail) {
        return new BillingRuleViolation("invalid_structure", "The content structure is not valid: " + detail + ".");
    }
}
