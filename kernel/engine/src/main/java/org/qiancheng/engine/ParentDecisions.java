package org.qiancheng.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.catalog.IndustryChain;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.engine.internal.Fields;

/**
 * A parent region's decision stated inline in a city plugin's case file:
 * {@code {"eligible": true, "lines": [{"rule", "amount", "citation"}], "advanceShare": 0}} or
 * {@code {"eligible": false, "reasons": [{"rule", "citation"}]}}, either optionally with the parent's
 * {@code "catalog"} the plugin reads.
 */
final class ParentDecisions {

    private static final LocalizedText LABEL = new LocalizedText("上级政策", "Parent policy");

    private ParentDecisions() {
    }

    static SubsidyDecision read(Fields f, List<Violation> violations) {
        boolean eligible = !Boolean.FALSE.equals(f.flag("eligible", false));
        List<LineItem> lines = new ArrayList<>();
        List<?> listed = f.list("lines");
        for (int i = 0; i < listed.size(); i++) {
            Fields line = new Fields(f.field("lines") + "[" + i + "]", listed.get(i), violations,
                    List.of("rule", "amount", "citation"));
            String rule = line.text("rule", true);
            BigDecimal amount = line.decimal("amount", true, null, null);
            Citation citation = citation(line, "citation");
            if (rule != null && amount != null && citation != null) {
                lines.add(new LineItem(rule, LABEL, amount, citation));
            }
        }
        List<Reason> reasons = new ArrayList<>();
        List<?> refused = f.list("reasons");
        for (int i = 0; i < refused.size(); i++) {
            Fields reason = new Fields(f.field("reasons") + "[" + i + "]", refused.get(i), violations,
                    List.of("rule", "citation"));
            String rule = reason.text("rule", true);
            Citation citation = citation(reason, "citation");
            if (rule != null && citation != null) {
                reasons.add(new Reason(rule, LABEL, citation));
            }
        }
        BigDecimal advance = f.has("advanceShare") ? f.decimal("advanceShare", true, BigDecimal.ZERO, BigDecimal.ONE)
                : BigDecimal.ZERO;
        if (!eligible && reasons.isEmpty()) {
            f.violation("reasons", "required", "a refused parent decision needs at least one reason");
        }
        if (!eligible && !lines.isEmpty()) {
            f.violation("lines", "refused-has-no-lines", "a refused parent decision has no line items");
        }
        if (eligible && !reasons.isEmpty()) {
            f.violation("reasons", "granted-has-no-reasons", "reasons are for a refused parent decision");
        }
        if (!violations.isEmpty() || advance == null) {
            return null;
        }
        return eligible ? new SubsidyDecision(Eligibility.granted(), lines, List.of(), List.of(), advance)
                : SubsidyDecision.refused(new Eligibility(false, reasons));
    }

    /**
     * The parent's catalogue stated in a case: {@code {"occupations": [...], "shortage": {...},
     * "chains": [{"code", "zh"?, "en"?, "occupations": [...]}]}}, each part optional.
     */
    static PolicyCase.ParentCatalog catalog(Fields f, List<Violation> violations) {
        List<Occupation> occupations = List.of();
        List<ShortageEntry> shortage = List.of();
        try {
            if (f.has("occupations")) {
                occupations = StandardCatalog.occupations(new ParameterValue(f.field("occupations"), f.raw("occupations")));
            }
            if (f.has("shortage")) {
                shortage = StandardCatalog.shortage(new ParameterValue(f.field("shortage"), f.raw("shortage")));
            }
        } catch (ParameterException | IllegalArgumentException e) {
            f.violation("catalog", "format", e.getMessage());
        }
        List<IndustryChain> chains = new ArrayList<>();
        List<?> listed = f.list("chains");
        for (int i = 0; i < listed.size(); i++) {
            Fields chain = new Fields(f.field("chains") + "[" + i + "]", listed.get(i), violations,
                    List.of("code", "zh", "en", "occupations"));
            String code = chain.text("code", true);
            List<String> members = new ArrayList<>();
            for (Object member : chain.list("occupations")) {
                if (member instanceof String text) {
                    members.add(text);
                } else {
                    chain.violation("occupations", "type:string", "an occupation code is a text");
                }
            }
            if (code != null) {
                String zh = chain.text("zh", false);
                String en = chain.text("en", false);
                chains.add(new IndustryChain(code, new LocalizedText(zh == null ? code : zh, en == null ? code : en),
                        members));
            }
        }
        return new PolicyCase.ParentCatalog(occupations, shortage, chains);
    }

    private static Citation citation(Fields f, String name) {
        String text = f.text(name, true);
        if (text == null) {
            return null;
        }
        try {
            return Citation.parse(text);
        } catch (IllegalArgumentException e) {
            f.violation(name, "citation", e.getMessage());
            return null;
        }
    }
}
