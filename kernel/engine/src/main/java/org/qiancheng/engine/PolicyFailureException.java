package org.qiancheng.engine;

/** A policy threw while deciding: a defect of the region bundle, reported with its identity. */
public final class PolicyFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
