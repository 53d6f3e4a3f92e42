package org.qiancheng.persistence.internal.workflow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;

/**
 * Writes a decision field by field in the order {@link DecisionReader} reads it: every part of it,
 * the full resident ID included (it is the kernel's own database). A text the version's
 * {@link StringTable} holds is written as its number; any other as its UTF-8 bytes, and, unless it
 * is the trainee's, remembered so the codec can grow the table. A label kept as its template and
 * arguments is written so, not as the text it makes: the reader gives the same label back and its
 * text is written, as it was, when first read.
 *
 * <p>Encodings: counts and numbers as LEB128 varints (signed ones zigzagged); a text as 0 (none),
 * 1 and its UTF-8 length and bytes, or its number in the table plus 2; a date as its days from the
 * first date written (the first as its epoch day), zigzagged, plus 1, 0 for none; an amount as its scale and unscaled value; a resident ID as its 17
 * digits' number and its check character.
 */
final class DecisionWriter {

    static final int NONE = 0;
    static final int LITERAL = 1;
    static final int NUMBERED = 2;
    /** Label argument kinds. */
    static final int TEXT = 0;
    static final int NUMBER = 1;
    static final int LOCALIZED = 2;
    static final int LIST = 3;

    private final StringTable table;
    private final Sink out;
    private Set<String> missing;
    private int missingBytes;
    private boolean personal;
    private boolean firstDate = true;
    private long baseDay;

    /**
     * @param table the version's texts
     * @param out where the decision goes, after what it holds already
     */
    DecisionWriter(StringTable table, Sink out) {
        this.table = table;
        this.out = out;
    }

    /** @return texts written as bytes that are not the trainee's: what a grown table would hold */
    Set<String> missing() {
        return missing == null ? Set.of() : missing;
    }

    /** @return the UTF-8 bytes of {@link #missing()} */
    int missingBytes() {
        return missingBytes;
    }

    void write(Decision decision) {
        policy(decision.policy());
        input(decision.input());
        result(decision.result());
        out.varint(decision.parameters().size());
        for (ParameterUse use : decision.parameters()) {
            text(use.name());
            date(use.effectiveFrom());
            citation(use.reference());
        }
        out.varint(decision.basedOn().size());
        for (PolicyIdentity parent : decision.basedOn()) {
            policy(parent);
        }
    }

    private void policy(PolicyIdentity policy) {
        text(policy.regionCode());
        text(policy.bundleSymbolicName());
        text(policy.version());
        text(policy.contentHash());
    }

    private void input(ClaimInput input) {
        ClassFacts facts = input.classFacts();
        text(facts.regionCode());
        text(facts.occupationCode());
        name(facts.level());
        name(facts.mode());
        name(facts.kind());
        date(facts.startDate());
        date(facts.endDate());
        out.signed(facts.hours());
        ClassResults results = input.results();
        out.signed(results.enrolled());
        out.signed(results.evaluated());
        out.signed(results.passed());
        out.signed(results.certified());
        out.signed(results.employed());
        out.signed(results.entrepreneurs());
        out.amount(results.satisfaction());
        out.flag(results.surveyed());
        personal = true;
        trainee(input.trainee());
        personal = false;
        outcome(input.outcome());
    }

    private void trainee(TraineeFacts trainee) {
        residentId(trainee.id());
        names(trainee.groups());
        names(trainee.familyGroups());
        text(trainee.householdRegion());
        text(trainee.residenceRegion());
        out.flag(trainee.receivesPension());
        out.varint(trainee.priorSubsidies().size());
        for (PriorSubsidy prior : trainee.priorSubsidies()) {
            date(prior.classStart());
            text(prior.regionCode());
            text(prior.occupationCode());
            name(prior.level());
            out.amount(prior.amount());
        }
    }

    private void outcome(TraineeOutcome outcome) {
        out.flag(outcome.passed());
        Certificate certificate = outcome.certificate();
        out.flag(certificate != null);
        if (certificate != null) {
            name(certificate.kind());
            name(certificate.level());
            date(certificate.issuedOn());
        }
        name(outcome.employment());
        date(outcome.employedOn());
    }

    private void result(SubsidyDecision result) {
        out.flag(result.eligibility().eligible());
        reasons(result.eligibility().reasons());
        out.varint(result.lines().size());
        for (LineItem line : result.lines()) {
            text(line.rule());
            out.amount(line.amount());
            citation(line.citation());
            labelled(line.source(), line.source() == null ? line.label() : null);
        }
        reasons(result.notes());
        reasons(result.flags());
        out.amount(result.advanceShare());
    }

    private void reasons(List<Reason> reasons) {
        out.varint(reasons.size());
        for (Reason reason : reasons) {
            text(reason.rule());
            citation(reason.citation());
            labelled(reason.source(), reason.source() == null ? reason.text() : null);
        }
    }

    /** A label as its template and arguments when it is kept so, or else as its text. */
    private void labelled(Label source, LocalizedText text) {
        out.flag(source != null);
        if (source == null) {
            localized(text);
            return;
        }
        localized(source.template());
        Map<String, ?> arguments = source.arguments();
        out.varint(arguments.size());
        for (Map.Entry<String, ?> argument : arguments.entrySet()) {
            text(argument.getKey());
            argument(argument.getValue());
        }
    }

    /**
     * An argument as what its label writes of it ({@link Label}): a number as a number, a
     * localised text as one, a collection as the list of its elements in their order, anything
     * else as its string form. The label the reader makes of them writes the same text.
     */
    private void argument(Object value) {
        if (value instanceof BigDecimal number) {
            out.varint(NUMBER);
            out.amount(number);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.varint(NUMBER);
            out.amount(BigDecimal.valueOf(((Number) value).longValue()));
        } else if (value instanceof LocalizedText text) {
            out.varint(LOCALIZED);
            localized(text);
        } else if (value instanceof Collection<?> values) {
            out.varint(LIST);
            out.varint(values.size());
            for (Object element : values) {
                argument(element);
            }
        } else {
            out.varint(TEXT);
            text(String.valueOf(value));
        }
    }

    private void citation(Citation citation) {
        if (citation == null) {
            text(null);
            return;
        }
        text(citation.document());
        text(citation.clause());
    }

    private void localized(LocalizedText text) {
        if (text == null) {
            text(null);
            return;
        }
        text(text.zh());
        text(text.en());
    }

    private void names(Collection<? extends Enum<?>> values) {
        out.varint(values.size());
        for (Enum<?> value : values) {
            name(value);
        }
    }

    private void name(Enum<?> value) {
        text(value == null ? null : value.name());
    }

    /** The first date (the class's start) as its epoch day, every later one as days from it: mostly a byte. */
    private void date(LocalDate date) {
        if (date == null) {
            out.varint(0);
            return;
        }
        out.varint(zigzag(date.toEpochDay() - baseDay) + 1);
        if (firstDate) {
            baseDay = date.toEpochDay();
            firstDate = false;
        }
    }

    private void residentId(ResidentId id) {
        String number = id.number();
        long digits = 0;
        for (int i = 0; i < 17; i++) {
            digits = digits * 10 + (number.charAt(i) - '0');
        }
        out.varint(digits);
        out.varint(number.charAt(17));
    }

    private void text(String text) {
        if (text == null) {
            out.varint(NONE);
            return;
        }
        int number = table.numberOf(text);
        if (number >= 0) {
            out.varint(NUMBERED + (long) number);
            return;
        }
        out.varint(LITERAL);
        int bytes = out.utf8(text);
        if (personal) {
            return;
        }
        if (missing == null) {
            missing = new LinkedHashSet<>();
        }
        if (missing.add(text)) {
            missingBytes += bytes;
        }
    }

    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** A growing byte array with the writes the encodings need. */
    static final class Sink {

        private byte[] bytes;
        private int size;

        Sink(int capacity) {
            bytes = new byte[capacity];
        }

        void raw(byte[] more) {
            room(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        void raw(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        /** Four bytes, big-endian. */
        void int32(int value) {
            raw(value >>> 24);
            raw(value >>> 16);
            raw(value >>> 8);
            raw(value);
        }

        void flag(boolean value) {
            raw(value ? 1 : 0);
        }

        /** An unsigned LEB128 varint. */
        void varint(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void signed(long value) {
            varint(zigzag(value));
        }

        /** Scale and unscaled value: a long's varint when it fits, else its two's-complement bytes. */
        void amount(BigDecimal value) {
            if (value.unscaledValue().bitLength() < 63) {
                varint(zigzag(value.scale()) << 1);
                signed(value.unscaledValue().longValue());
            } else {
                varint(zigzag(value.scale()) << 1 | 1);
                byte[] unscaled = value.unscaledValue().toByteArray();
                varint(unscaled.length);
                raw(unscaled);
            }
        }

        /** @return the number of UTF-8 bytes written after their count */
        int utf8(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            raw(utf8);
            return utf8.length;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }

        /** The bytes written so far, not copied: valid until the next write. */
        byte[] array() {
            return bytes;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
