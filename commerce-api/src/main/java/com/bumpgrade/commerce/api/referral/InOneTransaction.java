package com.bumpgrade.commerce.api.referral;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.Callable;

/**
 * A lookup row and the event that records it, in one root unit of work bound to one database transaction (as the
 * webhook intake does, D46): the command's own unit of work nests in it, so either both commit or neither, and
 * processors are woken only after the commit. Any exception rolls both back and is rethrown.
 */
@Component
class InOneTransaction {
    private final TransactionManager transactions;

    InOneTransaction(TransactionManager transactions) {
        this.transactions = transactions;
    }

    <T> T run(Callable<T> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
