package com.bumpgrade.commerce.projections.replay;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit replay rebuilds exactly what the processors build: every replayable projection, none left out. */
class ReplayedProjectionsTest {

    @Test
    void theReplayCreatesEveryProjectionOfTheReplayableGroups() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> replayable = new java.util.TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("com.bumpgrade.commerce.projections")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String group = type.getAnnotation(ProcessingGroup.class).value();
            if (List.of(ProcessingGroups.READ_MODELS, ProcessingGroups.AUDIT_TRAIL).contains(group)) {
                replayable.add(type.getName());
            }
        }
        Set<String> created = ReplayedProjections.create(ProjectionDatabase.get().jdbc(),
                        ProjectionDatabase.get().transactions(), JacksonSerializer.defaultSerializer()).stream()
                .map(projection -> projection.getClass().getName()).collect(Collectors.toCollection(java.util.TreeSet::new));

        assertThat(replayable).hasSize(20);
        assertThat(created).isEqualTo(replayable);
    }
}
