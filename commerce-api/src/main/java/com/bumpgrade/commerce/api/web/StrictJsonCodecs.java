package com.bumpgrade.commerce.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.util.MimeType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Map;

/**
 * The one request-decoding configuration for JSON bodies: a body must be strict UTF-8, may not repeat a key, and
 * no string in it may hold a control character (line breaks and tab aside) or a lone surrogate. Everything the
 * decoder accepts can be stored by PostgreSQL, so no input can poison a projection from the door.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonCodecs {

    /** Runs after Boot's own Jackson codec customizer (order 0), replacing its decoder. */
    @Bean
    @Order(10)
    CodecCustomizer strictJsonDecoder(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(new SimpleModule("clean-strings").addDeserializer(String.class, new CleanStrings()));
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new StrictUtf8Decoder(strict));
    }

    /** Signals a body that is not strict UTF-8. */
    public static final class NotUtf8 extends DecodingException {
        NotUtf8(CharacterCodingException cause) {
            super("The request body is not UTF-8.", cause);
        }
    }

    /** Signals a string value that holds a character the service refuses. */
    public static final class UncleanString extends com.fasterxml.jackson.databind.JsonMappingException {
        UncleanString(JsonParser parser) {
            super(parser, "a string value holds a control character or a lone surrogate");
        }
    }

    static final class StrictUtf8Decoder extends Jackson2JsonDecoder {
        StrictUtf8Decoder(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType,
                             Map<String, Object> hints) {
            int length = buffer.readableByteCount();
            byte[] bytes = new byte[length];
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
            try {
                CleanText.decodeUtf8(bytes);
            } catch (CharacterCodingException e) {
                DataBufferUtils.release(buffer);
                throw new NotUtf8(e);
            }
            return super.decode(buffer, targetType, mimeType, hints);
        }
    }

    static final class CleanStrings extends StdScalarDeserializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !CleanText.isClean(value, true)) {
                throw new UncleanString(parser);
            }
            return value;
        }
    }
}
