package com.bumpgrade.commerce.projections.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deferred statements of one processor batch ({@link ProjectionJdbc}), run in the order they were written, so
 * no statement ever runs before one written earlier: consecutive statements of the same SQL as one JDBC batch,
 * and stretches of different ones as one multi-statement text each, so both cost one round trip. Not
 * thread-safe: a unit of work runs on one thread.
 */
final class StatementBuffer {
    private static final Logger log = LoggerFactory.getLogger(StatementBuffer.class);
    /** Bounds of one multi-statement text: well under PostgreSQL's 65,535 parameters per message. */
    private static final int MAX_STATEMENTS_PER_TEXT = 200;
    private static final int MAX_PARAMETERS_PER_TEXT = 20_000;

    private record Statement(String sql, Object[] args) {
    }

    private final JdbcTemplate runner;
    private final boolean writesAtOnce;
    private final Runnable rememberFailedBatch;
    private final List<Statement> statements = new ArrayList<>();
    /** How many statements have left the front of the list (run), so a scope's mark survives a flush. */
    private long left;
    private Scope current;
    private RuntimeException failure;

    StatementBuffer(JdbcTemplate runner, boolean writesAtOnce, Runnable rememberFailedBatch) {
        this.runner = runner;
        this.writesAtOnce = writesAtOnce;
        this.rememberFailedBatch = rememberFailedBatch;
    }

    /** True when this batch is the retry of one whose deferred statements failed: nothing is deferred. */
    boolean writesAtOnce() {
        return writesAtOnce;
    }

    void add(String sql, Object[] args) {
        statements.add(new Statement(sql, args.clone()));
    }

    ProjectionJdbc.HandlerScope openScope(Runnable openSavepoint) {
        Scope scope = new Scope(left + statements.size(), openSavepoint, current);
        current = scope;
        return scope;
    }

    /**
     * Before any statement that reaches the database: the earlier handlers' deferred statements run, then the
     * current handler's savepoint opens, then the handler's own deferred statements run, inside it.
     */
    void beforeStatement() {
        Scope scope = current;
        if (failure != null) {
            return;
        }
        if (scope != null && !scope.savepointOpen) {
            flush((int) Math.max(0, Math.min(statements.size(), scope.mark - left)));
            scope.savepointOpen = true;
            scope.openSavepoint.run();
        }
        flush(statements.size());
    }

    /** At the batch's prepare-commit. */
    void flushAll() {
        if (failure != null) {
            throw new IllegalStateException("a deferred projection statement of this batch failed", failure);
        }
        flush(statements.size());
    }

    void discard() {
        statements.clear();
        current = null;
    }

    private void flush(int count) {
        if (count == 0) {
            return;
        }
        try {
            int start = 0;
            while (start < count) {
                start = runFrom(start, count);
            }
        } catch (RuntimeException e) {
            failure = e;
            statements.clear();
            rememberFailedBatch.run();
            log.warn("A deferred projection statement failed; the batch rolls back and its retry writes at once");
            throw e;
        }
        statements.subList(0, count).clear();
        left += count;
    }

    /**
     * Runs the statements from {@code start} in one round trip and answers where the next round trip starts: a run
     * of the same SQL as one JDBC batch, else the following statements, up to the next such run, as one
     * multi-statement text (pgjdbc sends its parts in one round trip and runs them in order).
     */
    private int runFrom(int start, int count) {
        int same = start + 1;
        while (same < count && statements.get(same).sql().equals(statements.get(start).sql())) {
            same++;
        }
        if (same - start > 1) {
            runner.batchUpdate(statements.get(start).sql(),
                    statements.subList(start, same).stream().map(Statement::args).toList());
            return same;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        int end = start;
        while (end < count && end - start < MAX_STATEMENTS_PER_TEXT
                && args.size() + statements.get(end).args().length <= MAX_PARAMETERS_PER_TEXT
                && (end == start || !startsRun(end, count))) {
            Statement statement = statements.get(end);
            sql.append(end == start ? "" : ";\n").append(statement.sql().strip().replaceAll(";+$", ""));
            args.addAll(Arrays.asList(statement.args()));
            end++;
        }
        runner.update(sql.toString(), args.toArray());
        return end;
    }

    private boolean startsRun(int index, int count) {
        return index + 1 < count && statements.get(index + 1).sql().equals(statements.get(index).sql());
    }

    private final class Scope implements ProjectionJdbc.HandlerScope {
        private final long mark;
        private final Runnable openSavepoint;
        private final Scope previous;
        private boolean savepointOpen;

        private Scope(long mark, Runnable openSavepoint, Scope previous) {
            this.mark = mark;
            this.openSavepoint = openSavepoint;
            this.previous = previous;
        }

        @Override
        public void close(boolean failed) {
            if (failed) {
                // the handler's statements that ran are undone by its savepoint; those still deferred go here
                int own = (int) Math.max(0, mark - left);
                if (own < statements.size()) {
                    statements.subList(own, statements.size()).clear();
                }
            }
            current = previous;
        }
    }
}
