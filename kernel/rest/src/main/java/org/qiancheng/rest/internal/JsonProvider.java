package org.qiancheng.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The one JSON provider of the platform, advertised so that {@code @JSONRequired} resources
 * resolve against it. Dates are ISO-8601 text, money is written as plain decimals, and unknown
 * input fields are refused rather than silently dropped. Input is read strictly ({@link StrictJson}):
 * the body must be UTF-8 (a malformed byte is a 400 naming its offset), keys must not repeat, and
 * no value is coerced from another JSON type.
 */
@Component(scope = ServiceScope.PROTOTYPE, service = {MessageBodyReader.class, MessageBodyWriter.class})
@JakartarsExtension
@JakartarsName("qiancheng.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
@Capability(namespace = "osgi.service", attribute = {
    "objectClass:List<String>='jakarta.ws.rs.ext.MessageBodyReader,jakarta.ws.rs.ext.MessageBodyWriter'",
    "osgi.jakartars.media.type=application/json"})
public final class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(Shared.MAPPER);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (!Encodings.isUtf8(charset)) {
            String message = "JSON is read as UTF-8 only (RFC 8259); send charset=UTF-8 or no charset";
            throw new ProblemException(Problems.of(415, message, "JSON 请求体只接受 UTF-8 编码（RFC 8259）；请使用 "
                    + "charset=UTF-8 或不写 charset", null, List.of(new org.qiancheng.engine.Violation("Content-Type",
                            "encoding:utf-8", message))));
        }
        byte[] body = entityStream.readAllBytes();
        Encodings.decode(body, Encodings.UTF_8, "body");
        return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
    }

    /**
     * The mapper every instance writes and reads with, and Jetty's error pages too: Jersey makes a provider
     * for every build of the application (two at a start), and a mapper built each time cost the start
     * ≈ 20 ms of CPU each, with its serializers found again. Configured once here, then only used, which
     * Jackson makes safe across threads.
     */
    static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    /** A new mapper configured as the platform's (tests that change one do not touch the shared one). */
    static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new QianchengJsonModule())
                .registerModule(new StrictJson())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // strict input: StrictJson reads the scalars; these close what it does not reach
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = objectMapper();
    }
}
