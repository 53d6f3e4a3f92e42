package org.qiancheng.rest.internal;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.engine.Violation;

/** Standard titles, in both languages, for the HTTP statuses the API answers with. */
final class Problems {

    private static final Map<Integer, String[]> TITLES = Map.ofEntries(
            entry(400, new String[] {"Bad Request", "请求格式错误"}),
            entry(404, new String[] {"Not Found", "未找到"}),
            entry(405, new String[] {"Method Not Allowed", "不支持该请求方法"}),
            entry(406, new String[] {"Not Acceptable", "无法提供所请求的格式"}),
            entry(409, new String[] {"Conflict", "与当前状态冲突"}),
            entry(412, new String[] {"Precondition Failed", "前提条件不成立"}),
            entry(415, new String[] {"Unsupported Media Type", "不支持的内容类型"}),
            entry(422, new String[] {"Unprocessable Content", "内容未通过校验"}),
            entry(428, new String[] {"Precondition Required", "缺少前提条件"}),
            entry(500, new String[] {"Internal Server Error", "服务器内部错误"}),
            entry(503, new String[] {"Service Unavailable", "服务暂不可用"}));

    private Problems() {
    }

    static Problem of(int status, String detail, String instance) {
        return of(status, detail, instance, List.of());
    }

    static Problem of(int status, String detail, String instance, List<Violation> violations) {
        return of(status, detail, null, instance, violations);
    }

    /**
     * @param detailZh the detail in Chinese; {@code null} for the status's title and the fields and
     *     rules the violations name, so that a Chinese reader always sees what to correct
     */
    static Problem of(int status, String detail, String detailZh, String instance, List<Violation> violations) {
        String[] title = TITLES.getOrDefault(status, new String[] {"HTTP " + status, "HTTP " + status});
        String zh = detailZh != null ? detailZh : generalZh(title[1], violations);
        return new Problem("about:blank", title[0], title[1], status, detail, zh, instance, violations);
    }

    /** 内容未通过校验：字段 day（规则 type） */
    private static String generalZh(String titleZh, List<Violation> violations) {
        if (violations.isEmpty()) {
            return titleZh;
        }
        StringJoiner named = new StringJoiner("；", titleZh + "：", "");
        violations.forEach(v -> named.add("字段 " + v.field() + "（规则 " + v.rule() + "）"));
        return named.toString();
    }

    /** A 422 for one broken input rule, as thrown by a resource. */
    static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(of(422, field + ": " + message, null, List.of(new Violation(field, rule, message))));
    }

    /** A 404 for a missing resource, as thrown by a resource. */
    static ProblemException notFound(String detail) {
        return new ProblemException(of(404, detail, null));
    }

    /** A 428 for an update sent without the version it read, as thrown by a resource. */
    static ProblemException preconditionRequired(String header) {
        String message = "is required: name the version you read, as in " + header + ": \"3\" (the ETag of a GET)";
        return new ProblemException(of(428, header + " " + message, null,
                List.of(new Violation(header, "precondition-required", message))));
    }

    /** A 412 for an update that named a version other than the current one, as thrown by a resource. */
    static ProblemException preconditionFailed(String header, String message) {
        return new ProblemException(of(412, header + ": " + message, null,
                List.of(new Violation(header, "version", message))));
    }

    /**
     * A kernel refusal as a problem: NOT_FOUND 404, INVALID 422, CONFLICT 409, with the field and
     * the rule the kernel named as the one violation.
     */
    static Problem of(WorkflowException refused, String instance) {
        int status = switch (refused.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 422;
            case CONFLICT -> 409;
        };
        String message = refused.getMessage();
        String zh = refused.messageZh();
        if (refused.field() == null && refused.rule() == null) {
            return of(status, message, zh, instance, List.of());
        }
        return of(status, refused.field() == null ? message : refused.field() + ": " + message,
                zh == null || refused.field() == null ? zh : refused.field() + "：" + zh, instance,
                List.of(new Violation(refused.field(), refused.rule(), message)));
    }
}
