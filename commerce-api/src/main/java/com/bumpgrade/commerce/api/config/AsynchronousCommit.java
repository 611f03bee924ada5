package com.bumpgrade.commerce.api.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event processors' transactions commit without waiting for their WAL flush ({@code SET LOCAL
 * synchronous_commit = off}). Each such transaction carries the processor's token together with every row it
 * covers (views, audit entries, dead letters, the events of the commands its reactions send), so a crash can only
 * lose the last fraction of a second of them as a whole: the token goes back with its rows, and the events are
 * handled again, idempotently. Nothing a client was promised is in these transactions: webhook acks and API
 * writes keep the synchronous commit (decision D48).
 */
final class AsynchronousCommit implements TransactionManager {
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    AsynchronousCommit(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            // the connection is bound to the transaction just started, so this applies to it alone
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
