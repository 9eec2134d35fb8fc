package io.kinlink.platform.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Every text field of every request and event: only a JSON string is text (12 is refused rather
 * than read as "12"); control characters (NUL and the rest of C0 and C1, except tab and line breaks)
 * and unpaired surrogates are refused with the field named, since no name, reason or id has them and
 * PostgreSQL cannot store NUL; and text of white space alone (U+3000, the ideographic space, included)
 * is read as empty, so that "must not be blank" catches what a person would call blank.
 */
public final class CleanText extends StdScalarDeserializer<String> {

    public CleanText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        String refusal = Texts.refusal(text);
        if (refusal != null) {
            throw InvalidFormatException.from(parser, refusal, text, String.class);
        }
        return text.isBlank() ? "" : text;
    }
}
