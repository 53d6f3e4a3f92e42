package org.qiancheng.persistence.internal.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.Label;

/** Decisions as stored JSON: every field, the full resident ID included (it is the kernel's own database). */
final class DecisionJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Label.class, Unwritten.class);

    /**
     * A line's or reason's {@code source} (its label template and arguments, kept so that deciding
     * does not write text) is not stored: the stored decision holds the written {@code label} and
     * {@code text}, as before claim API 1.4, and reads back with the text given.
     */
    @JsonIgnoreType
    private abstract static class Unwritten {
    }

    private DecisionJson() {
    }

    static String write(Decision decision) {
        try {
            return JSON.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision that cannot be written as JSON", e);
        }
    }

    /** The decision as UTF-8 JSON: what the earlier format of {@link DecisionCodec} compressed. */
    static byte[] bytes(Decision decision) {
        try {
            return JSON.writeValueAsBytes(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision that cannot be written as JSON", e);
        }
    }

    static Decision read(byte[] json) {
        try {
            return JSON.readValue(json, Decision.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored decision that cannot be read back", e);
        }
    }

    static Decision read(String json) {
        try {
            return JSON.readValue(json, Decision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision that cannot be read back", e);
        }
    }
}
