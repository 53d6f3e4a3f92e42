package org.qiancheng.region.jiangsu;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/**
 * JS1: the training subsidy is paid for a certificate obtained after training, at the standard of
 * the occupation and of the certificate's level (the class's level for a certificate without one);
 * a special-operation certificate carries no skill level and is paid a flat amount. A shortage
 * occupation adds its uplift as a separate line, so the trace still sums to the amount.
 */
final class CertificateSubsidy {

    static final String STANDARD = "subsidy/standard";
    static final String SPECIAL_OPERATION = "subsidy/special_operation";

    private CertificateSubsidy() {
    }

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.table(STANDARD).atLeast("0"), ParameterSpec.number(SPECIAL_OPERATION).atLeast("0"),
                ParameterSpec.table(StandardCatalog.SHORTAGE).atLeast("0").atMost("0.30").boundBy("JS-2019 §二(九)"));
    }

    /** @return why the claim cannot be paid at a certificate standard, if it cannot */
    static Optional<Reason> refusal(ClaimInput input, Parameters parameters) {
        Certificate certificate = input.outcome().certificate();
        if (certificate == null) {
            return Optional.of(parameters.rules().reason("JS1.certificate"));
        }
        if (certificate.kind() == CertificateKind.SPECIAL_OPERATION) {
            return Optional.empty();
        }
        String occupation = input.classFacts().occupationCode();
        SkillLevel level = level(input);
        ParameterValue table = parameters.value(STANDARD, input.classFacts().startDate());
        if (!table.has(occupation) || !table.get(occupation).has(level.name())) {
            return Optional.of(parameters.rules().reason("JS1.noStandard",
                    Map.of("occupation", occupation, "level", level.label())));
        }
        return Optional.empty();
    }

    /** @return the standard (or flat special-operation amount) and any shortage uplift; call after {@link #refusal} */
    static List<LineItem> lines(ClaimInput input, Parameters parameters) {
        var on = input.classFacts().startDate();
        String occupation = input.classFacts().occupationCode();
        Rules rules = parameters.rules();
        List<LineItem> lines = new ArrayList<>();
        BigDecimal base;
        if (input.outcome().certificate().kind() == CertificateKind.SPECIAL_OPERATION) {
            base = parameters.value(SPECIAL_OPERATION, on).decimal();
            lines.add(rules.line("JS1.specialOperation", base));
        } else {
            SkillLevel level = level(input);
            base = parameters.value(STANDARD, on).decimal(occupation, level.name());
            lines.add(rules.line("JS1.standard", base, Map.of("level", level.label())));
        }
        ParameterValue shortage = parameters.value(StandardCatalog.SHORTAGE, on);
        if (shortage.has(occupation)) {
            BigDecimal uplift = shortage.decimal(occupation);
            lines.add(rules.line("JS1.shortage", base.multiply(uplift), Map.of("uplift", uplift)));
        }
        return lines;
    }

    /** The standard follows the level certified; a certificate without a level falls back to the class's level. */
    private static SkillLevel level(ClaimInput input) {
        Certificate certificate = input.outcome().certificate();
        return certificate.level() != null ? certificate.level() : input.classFacts().level();
    }
}
