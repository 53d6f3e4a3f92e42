package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.parameter.ParameterValue;

/**
 * How API values appear in JSON: a citation as its trace text {@code [CN-2025 §六(十七)]}, a
 * resident ID only masked (the full number is shown by the single-trainee read alone), a
 * parameter value as its plain data.
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
