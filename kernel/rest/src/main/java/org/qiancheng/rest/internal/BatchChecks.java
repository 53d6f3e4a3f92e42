package org.qiancheng.rest.internal;

import org.qiancheng.rest.internal.ClaimsResource.BatchRequest;
import org.qiancheng.rest.internal.ClaimsResource.ReviewDecision;

/**
 * The shape of a batch review request, checked before anything is read: a decision, a reason when
 * rejecting (as for a single review), and exactly one of {@code ids} (1–500) or {@code filter} with
 * {@code expect}. The rules of each claim are the kernel's ({@code Claims.review}).
 */
final class BatchChecks {

    /** The most ids one request names: a page of the review queue. */
    static final int MAX_IDS = 500;

    private BatchChecks() {
    }

    /** @throws ProblemException 422 naming the first field that is wrong */
    static void check(BatchRequest body) {
        if (body.decision() == null) {
            throw Problems.invalid("decision", "required", "is required: APPROVE or REJECT", "为必填项：APPROVE 或 REJECT");
        }
        if (body.decision() == ReviewDecision.REJECT && reason(body) == null) {
            throw Problems.invalid("reason", "required", "is required when rejecting claims");
        }
        if ((body.ids() == null) == (body.filter() == null)) {
            throw Problems.invalid("ids", "one-of:ids|filter", "give either ids (the claims ticked) or filter with "
                    + "expect (every claim the filter selects), not both and not neither",
                    "ids（勾选的申请）与 filter（加 expect，筛选出的全部申请）须且只能给出其一");
        }
        if (body.ids() != null) {
            if (body.expect() != null) {
                throw Problems.invalid("expect", "with:filter", "goes with filter, not with ids", "只能与 filter 同用");
            }
            if (body.ids().isEmpty() || body.ids().size() > MAX_IDS) {
                throw Problems.invalid("ids", "range:1-" + MAX_IDS, "must name 1 to " + MAX_IDS + " claims",
                        "须列出 1 至 " + MAX_IDS + " 条申请");
            }
            if (body.ids().stream().anyMatch(java.util.Objects::isNull) || body.ids().stream().distinct().count() != body.ids().size()) {
                throw Problems.invalid("ids", "unique", "must name each claim once", "每条申请只能列出一次");
            }
            return;
        }
        if (body.expect() == null) {
            throw Problems.invalid("expect", "required", "is required with filter: the count and total of "
                    + "GET /api/v1/claims/summary the user confirmed", "与 filter 同用时为必填项：用户确认的 count 与 total");
        }
        if (body.expect().count() == null || body.expect().count() < 0) {
            throw Problems.invalid("expect.count", "required", "is required: the number of claims confirmed",
                    "为必填项：确认的申请条数");
        }
        if (body.expect().total() == null || !body.expect().total().matches("[0-9]{1,12}(\\.[0-9]{1,2})?")) {
            throw Problems.invalid("expect.total", "format:yuan", "is required: the total confirmed, as the "
                    + "summary gives it, e.g. \"1234.00\"", "为必填项：确认的合计金额，按汇总给出的写法，如 \"1234.00\"");
        }
    }

    /** @return the reason, stripped, or {@code null} when blank */
    static String reason(BatchRequest body) {
        return body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
    }
}
