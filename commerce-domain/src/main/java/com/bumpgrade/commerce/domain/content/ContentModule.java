package com.bumpgrade.commerce.domain.content;

import java.util.List;

/** A module of a course or member area: its title, its place, and its lessons. Structure only, no content. */
public record ContentModule(String title, int order, List<ContentLesson> lessons) {
    public ContentModule {
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }
}
