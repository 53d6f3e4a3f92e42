package org.qiancheng.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.parameter.ParameterValue;

/**
 * How API values appear in JSON: a citation as its trace text {@code [CN-2025 §四(十二)]}, a
 * resident ID only masked (the full number is shown by the single-trainee read alone), a
 * parameter value as its plain data; a line's or reason's {@code source} (its label template and
 * arguments, claim API 1.4) not at all — the line shows its written {@code label}, the reason its
 * {@code text}, as before.
 */
final class QianchengJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    QianchengJsonModule() {
        super("qiancheng");
        addSerializer(Citation.class, new ToText<>(Citation.class, Citation::toString));
        addSerializer(ResidentId.class, new ToText<>(ResidentId.class, ResidentId::masked));
        addSerializer(ParameterValue.class, new StdSerializer<>(ParameterValue.class) {
            @Override
            public void serialize(ParameterValue value, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                provider.defaultSerializeValue(value.plain(), json);
            }
        });
        setMixInAnnotation(Label.class, Unwritten.class);
    }

    @JsonIgnoreType
    private abstract static class Unwritten {
    }

    private static final class ToText<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Function<T, String> text;

        ToText(Class<T> type, java.util.function.Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(text.apply(value));
        }
    }
}
