package org.qiancheng.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.workflow.PaidInstalment;
import org.qiancheng.api.workflow.RosterLine;

/**
 * The tables of the downloads, as text cells: headers in Chinese and English, resident IDs masked
 * (the full number is shown by the single-trainee read alone), yuan with 2 decimals.
 */
final class ExportTables {

    /** A header row and the rows under it. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    static final List<String> ROSTER = List.of("序号 No.", "姓名 Name", "身份证号 Resident ID",
            "户籍地 Household region", "报名日期 Enrolled on", "出勤天数 Days attended", "结业考核 Passed",
            "证书 Certificate", "就业 Employment", "申请编号 Claim", "申请状态 Claim status", "补贴金额 Amount");

    static final List<String> PAYMENTS = List.of("拨付日期 Paid on", "申请编号 Claim", "班级 Class",
            "培训机构 Institution", "姓名 Name", "身份证号 Resident ID", "拨付类型 Kind", "金额 Amount",
            "政策版本 Policy version", "拨付人 Paid by");

    private ExportTables() {
    }

    /** The roster (花名册) of a class: one row per enrolment, numbered from 1. */
    static Table roster(List<RosterLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        int no = 0;
        for (RosterLine line : lines) {
            TraineeOutcome outcome = line.outcome();
            rows.add(java.util.Arrays.asList(Integer.toString(++no), line.name(), line.residentId().masked(),
                    line.householdRegion(), line.enrolledOn().toString(), Integer.toString(line.attendedDays()),
                    outcome == null ? null : outcome.passed() ? "是 yes" : "否 no",
                    outcome == null || outcome.certificate() == null ? null
                            : outcome.certificate().kind() + " " + outcome.certificate().level(),
                    outcome == null ? null : outcome.employment().label().zh() + " " + outcome.employment(),
                    line.claimId() == null ? null : line.claimId().toString(),
                    line.claimStatus() == null ? null : line.claimStatus().name(),
                    line.claimAmount() == null ? null : Money.yuan(line.claimAmount()).toPlainString()));
        }
        return new Table(ROSTER, rows);
    }

    /** The payment list (拨付清单): one row per payment, then a total row with their number and sum. */
    static Table payments(List<PaidInstalment> lines) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (PaidInstalment paid : lines) {
            rows.add(java.util.Arrays.asList(paid.paidOn().toString(), Long.toString(paid.claimId()),
                    Long.toString(paid.classId()), paid.institution(), paid.traineeName(),
                    paid.residentId().masked(), paid.kind().name(), Money.yuan(paid.amount()).toPlainString(),
                    paid.policyVersion(), paid.paidBy()));
            total = total.add(paid.amount());
        }
        rows.add(java.util.Arrays.asList("合计 Total", null, null, null, null, null, lines.size() + " 笔 payments",
                Money.yuan(total).toPlainString(), null, null));
        return new Table(PAYMENTS, rows);
    }
}
