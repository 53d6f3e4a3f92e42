package org.qiancheng.engine.internal;

/** A JSON document that does not parse; the message gives line and column. */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
