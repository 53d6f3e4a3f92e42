package org.qiancheng.region.jiangsu;

import org.qiancheng.api.model.Citation;

/** The clause cited by rules that read no parameter (a rule that reads one cites the parameter's reference). */
final class Clauses {

    /** §三(十四) 调整完善培训补贴政策: certificate, place of training, caps, pension exclusion. */
    static final Citation SUBSIDY_RULES = new Citation("JS-2019", "§三(十四)");

    private Clauses() {
    }
}
