package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Function;

/**
 * How JSON input is read, strictly: a boolean only from {@code true}/{@code false}; a whole number
 * only from a JSON integer within range; a decimal only from a JSON number; text only from a JSON
 * string without control characters (line breaks allowed in {@link #MULTI_LINE} fields),
 * unpaired surrogates or U+FFFD; an enum only from its exact name; a date only as
 * {@code YYYY-MM-DD} and a month only as {@code YYYY-MM}, in 1900–2100. Nothing is coerced. A
 * broken rule is a {@link Refused} carrying the rule and both languages, never the value.
 */
final class StrictJson extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Fields whose text may span lines. */
    static final Set<String> MULTI_LINE = Set.of("reason");

    StrictJson() {
        super("qiancheng.strict");
        addDeserializer(String.class, new Text(false));
        addDeserializer(Boolean.class, new Flag(Boolean.class));
        addDeserializer(Boolean.TYPE, new Flag(Boolean.TYPE));
        addDeserializer(Integer.class, new Whole<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue));
        addDeserializer(Integer.TYPE, new Whole<>(Integer.TYPE, Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue));
        addDeserializer(Long.class, new Whole<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, Long::longValue));
        addDeserializer(Long.TYPE, new Whole<>(Long.TYPE, Long.MIN_VALUE, Long.MAX_VALUE, Long::longValue));
        addDeserializer(BigDecimal.class, new Decimal());
        addDeserializer(LocalDate.class, new Dated<>(LocalDate.class, Strict::date, Strict.DATE_BROKEN));
        addDeserializer(YearMonth.class, new Dated<>(YearMonth.class, Strict::month, Strict.MONTH_BROKEN));
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Constant(type.getRawClass());
            }
        });
    }

    /** A broken input rule at the current JSON path; Jackson adds the path as it unwinds. */
    static final class Refused extends MismatchedInputException {
        private static final long serialVersionUID = 1L;
        private final String rule;
        private final String messageZh;

        Refused(JsonParser parser, Class<?> type, Strict.Broken broken) {
            super(parser, broken.message(), type);
            this.rule = broken.rule();
            this.messageZh = broken.messageZh();
        }

        String rule() {
            return rule;
        }

        String messageZh() {
            return messageZh;
        }
    }

    private static Refused wrongType(JsonParser p, Class<?> type, String rule, String en, String zh) {
        return new Refused(p, type, new Strict.Broken(rule, en, zh));
    }

    private static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean lines = property != null && MULTI_LINE.contains(property.getName());
            return lines == multiLine ? this : new Text(lines);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw wrongType(p, String.class, "type:string", "must be a JSON string", "须为文本（JSON 字符串）");
            }
            String text = p.getText();
            Strict.Broken broken = Strict.text(text, multiLine);
            if (broken != null) {
                throw new Refused(p, String.class, broken);
            }
            return text;
        }
    }

    private static final class Flag extends StdScalarDeserializer<Boolean> {
        private static final long serialVersionUID = 1L;

        Flag(Class<Boolean> type) {
            super(type);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            throw wrongType(p, Boolean.class, "type:boolean", "must be true or false (a JSON boolean)",
                    "须为 true 或 false（JSON 布尔值）");
        }
    }

    private static final class Whole<T extends Number> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final long min;
        private final long max;
        private final transient Function<Long, T> convert;

        Whole(Class<T> type, long min, long max, Function<Long, T> convert) {
            super(type);
            this.min = min;
            this.max = max;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                BigInteger value = p.getBigIntegerValue();
                if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return convert.apply(value.longValue());
                }
            }
            throw wrongType(p, handledType(), "type:integer", "must be a whole number (a JSON number without "
                    + "fraction or exponent) from " + min + " to " + max,
                    "须为整数（不带小数点或指数的 JSON 数字），范围 " + min + " 至 " + max);
        }
    }

    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return p.getDecimalValue();
            }
            throw wrongType(p, BigDecimal.class, "type:number", "must be a JSON number (not in quotes)",
                    "须为数字（不加引号的 JSON 数字）");
        }
    }

    private static final class Dated<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;
        private final transient Strict.Broken broken;

        Dated(Class<T> type, Function<String, T> parse, Strict.Broken broken) {
            super(type);
            this.parse = parse;
            this.broken = broken;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = p.hasToken(JsonToken.VALUE_STRING) ? parse.apply(p.getText()) : null;
            if (value == null) {
                throw new Refused(p, handledType(), broken);
            }
            return value;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class Constant extends StdScalarDeserializer<Enum> {
        private static final long serialVersionUID = 1L;

        Constant(Class<?> type) {
            super((Class) type);
        }

        @Override
        public Enum deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Class<Enum> type = (Class<Enum>) handledType();
            Enum value = p.hasToken(JsonToken.VALUE_STRING) ? Strict.constant(type, p.getText()) : null;
            if (value == null) {
                throw new Refused(p, type, Strict.enumBroken(type));
            }
            return value;
        }
    }
}
