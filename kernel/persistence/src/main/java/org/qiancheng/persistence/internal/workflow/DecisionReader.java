package org.qiancheng.persistence.internal.workflow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.Label;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;

/**
 * Reads back what {@link DecisionWriter} wrote, in the same order, through the records' own
 * constructors (so a stored decision is checked as a new one is). A label stored as its template and
 * arguments comes back so, and writes the same text.
 */
final class DecisionReader {

    private final StringTable table;
    private final Cursor in;
    private boolean firstDate = true;
    private long baseDay;

    DecisionReader(StringTable table, Cursor in) {
        this.table = table;
        this.in = in;
    }

    Decision read() {
        PolicyIdentity policy = policy();
        ClaimInput input = input();
        SubsidyDecision result = result();
        int count = in.count();
        List<ParameterUse> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parameters.add(new ParameterUse(text(), date(), citation()));
        }
        count = in.count();
        List<PolicyIdentity> basedOn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            basedOn.add(policy());
        }
        return new Decision(policy, input, result, parameters, basedOn);
    }

    private PolicyIdentity policy() {
        return new PolicyIdentity(text(), text(), text(), text());
    }

    private ClaimInput input() {
        ClassFacts facts = new ClassFacts(text(), text(), name(SkillLevel::valueOf), name(TrainingMode::valueOf),
                name(TrainingKind::valueOf), date(), date(), in.signedInt());
        ClassResults results = new ClassResults(in.signedInt(), in.signedInt(), in.signedInt(), in.signedInt(),
                in.signedInt(), in.signedInt(), in.amount(), in.flag());
        return new ClaimInput(facts, results, trainee(), outcome());
    }

    private TraineeFacts trainee() {
        ResidentId id = residentId();
        Set<TargetGroup> groups = groups();
        Set<TargetGroup> familyGroups = groups();
        String household = text();
        String residence = text();
        boolean pension = in.flag();
        int count = in.count();
        List<PriorSubsidy> prior = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            prior.add(new PriorSubsidy(date(), text(), text(), name(SkillLevel::valueOf), in.amount()));
        }
        return new TraineeFacts(id, groups, familyGroups, household, residence, pension, prior);
    }

    private TraineeOutcome outcome() {
        boolean passed = in.flag();
        Certificate certificate = in.flag()
                ? new Certificate(name(CertificateKind::valueOf), name(SkillLevel::valueOf), date())
                : null;
        return new TraineeOutcome(passed, certificate, name(EmploymentOutcome::valueOf), date());
    }

    private SubsidyDecision result() {
        Eligibility eligibility = new Eligibility(in.flag(), reasons());
        int count = in.count();
        List<LineItem> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String rule = text();
            BigDecimal amount = in.amount();
            Citation citation = citation();
            lines.add(in.flag() ? new LineItem(rule, null, amount, citation, label())
                    : new LineItem(rule, localized(), amount, citation, null));
        }
        return new SubsidyDecision(eligibility, lines, reasons(), reasons(), in.amount());
    }

    private List<Reason> reasons() {
        int count = in.count();
        List<Reason> reasons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String rule = text();
            Citation citation = citation();
            reasons.add(in.flag() ? new Reason(rule, null, citation, label()) : new Reason(rule, localized(), citation,
                    null));
        }
        return reasons;
    }

    private Label label() {
        LocalizedText template = localized();
        int count = in.count();
        Map<String, Object> arguments = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            arguments.put(text(), argument());
        }
        return new Label(template, arguments);
    }

    private Object argument() {
        int kind = in.count();
        switch (kind) {
            case DecisionWriter.TEXT:
                return text();
            case DecisionWriter.NUMBER:
                return in.amount();
            case DecisionWriter.LOCALIZED:
                return localized();
            case DecisionWriter.LIST:
                int count = in.count();
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(argument());
                }
                return List.copyOf(values);
            default:
                throw new IllegalStateException("a stored label argument of unknown kind " + kind);
        }
    }

    private Citation citation() {
        String document = text();
        return document == null ? null : new Citation(document, text());
    }

    private LocalizedText localized() {
        String zh = text();
        return zh == null ? null : new LocalizedText(zh, text());
    }

    private Set<TargetGroup> groups() {
        int count = in.count();
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (int i = 0; i < count; i++) {
            groups.add(name(TargetGroup::valueOf));
        }
        return groups;
    }

    private <E extends Enum<E>> E name(Function<String, E> valueOf) {
        String name = text();
        return name == null ? null : valueOf.apply(name);
    }

    private LocalDate date() {
        long stored = in.varint();
        if (stored == 0) {
            return null;
        }
        long day = Math.addExact(baseDay, Cursor.unzigzag(stored - 1));
        if (firstDate) {
            baseDay = day;
            firstDate = false;
        }
        return LocalDate.ofEpochDay(day);
    }

    private ResidentId residentId() {
        long digits = in.varint();
        char check = (char) in.varint();
        char[] number = new char[18];
        for (int i = 16; i >= 0; i--) {
            number[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        number[17] = check;
        return new ResidentId(new String(number));
    }

    private String text() {
        long kind = in.varint();
        if (kind == DecisionWriter.NONE) {
            return null;
        }
        if (kind == DecisionWriter.LITERAL) {
            return in.utf8();
        }
        return table.text((int) Math.min(Integer.MAX_VALUE, kind - DecisionWriter.NUMBERED));
    }

    /** Reads the encodings of {@link DecisionWriter.Sink}, failing on bytes that run short or too long. */
    static final class Cursor {

        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int from) {
            this(bytes, from, bytes.length);
        }

        Cursor(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a stored decision holds a number of more than 64 bits");
        }

        /** A count of things that follow, each at least a byte: never more than the bytes left. */
        int count() {
            long count = varint();
            if (count > end - at) {
                throw new IllegalStateException("a stored decision counts " + count + " parts in " + (end - at)
                        + " bytes");
            }
            return (int) count;
        }

        int signedInt() {
            long value = unzigzag(varint());
            if (value != (int) value) {
                throw new IllegalStateException("a stored decision holds " + value + " where a 32-bit number belongs");
            }
            return (int) value;
        }

        boolean flag() {
            int b = next();
            if (b > 1) {
                throw new IllegalStateException("a stored decision holds " + b + " where a yes or no belongs");
            }
            return b == 1;
        }

        BigDecimal amount() {
            long head = varint();
            int scale = Math.toIntExact(unzigzag(head >>> 1));
            if ((head & 1) == 0) {
                return BigDecimal.valueOf(unzigzag(varint()), scale);
            }
            int length = count();
            byte[] unscaled = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return new BigDecimal(new BigInteger(unscaled), scale);
        }

        String utf8() {
            int length = count();
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        /** @throws IllegalStateException when bytes are left over */
        void end() {
            if (at != end) {
                throw new IllegalStateException("a stored decision has " + (end - at) + " bytes more than it holds");
            }
        }

        private int next() {
            if (at >= end) {
                throw new IllegalStateException("a stored decision is cut short");
            }
            return bytes[at++] & 0xFF;
        }

        static long unzigzag(long value) {
            return (value >>> 1) ^ -(value & 1);
        }
    }
}
