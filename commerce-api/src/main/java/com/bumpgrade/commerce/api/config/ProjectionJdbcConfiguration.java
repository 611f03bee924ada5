package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.springframework.boot.autoconfigure.jdbc.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The service's one {@code JdbcTemplate} is a {@link ProjectionJdbc} (Spring Boot's own backs off when a
 * {@code JdbcOperations} bean exists): the read models defer their writes to the end of a processor batch, and
 * every other statement through this template, whoever sends it, first runs what is deferred, so no reader in
 * the batch misses a write made before it (decision D95).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionJdbcConfiguration {

    @Bean
    public ProjectionJdbc jdbcTemplate(DataSource dataSource, JdbcProperties properties) {
        ProjectionJdbc jdbc = new ProjectionJdbc(dataSource);
        // what Spring Boot's template would take from spring.jdbc.template.*
        JdbcProperties.Template template = properties.getTemplate();
        jdbc.setFetchSize(template.getFetchSize());
        jdbc.setMaxRows(template.getMaxRows());
        if (template.getQueryTimeout() != null) {
            jdbc.setQueryTimeout((int) template.getQueryTimeout().getSeconds());
        }
        return jdbc;
    }
}
