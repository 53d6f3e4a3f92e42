package org.qiancheng.persistence.internal.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.ResidentId;

/** Records as audit JSON: resident IDs masked, since the audit trail is a log people read. */
final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(ResidentId.class, new StdSerializer<>(ResidentId.class) {
                @Override
                public void serialize(ResidentId id, JsonGenerator json, SerializerProvider provider)
                        throws IOException {
                    json.writeString(id.masked());
                }
            })).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(Label.class, Unwritten.class);

    /** A line's or reason's {@code source} is not written: its {@code label} or {@code text} is (see DecisionJson). */
    @JsonIgnoreType
    private abstract static class Unwritten {
    }

    private AuditJson() {
    }

    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record that cannot be written as JSON", e);
        }
    }
}
