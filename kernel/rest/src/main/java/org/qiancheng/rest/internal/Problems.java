package org.qiancheng.rest.internal;

import java.util.List;
import java.util.Map;
import org.qiancheng.testkit.Violation;

/** Standard titles, in both languages, for the HTTP statuses the API answers with. */
final class Problems {

    private static final Map<Integer, String[]> TITLES = Map.of(
            400, new String[] {"Bad Request", "请求格式错误"},
            404, new String[] {"Not Found", "未找到"},
            405, new String[] {"Method Not Allowed", "不支持该请求方法"},
            406, new String[] {"Not Acceptable", "无法提供所请求的格式"},
            409, new String[] {"Conflict", "与当前状态冲突"},
            415, new String[] {"Unsupported Media Type", "不支持的内容类型"},
            422, new String[] {"Unprocessable Content", "内容未通过校验"},
            500, new String[] {"Internal Server Error", "服务器内部错误"},
            503, new String[] {"Service Unavailable", "服务暂不可用"});

    private Problems() {
    }

    static Problem of(int status, String detail, String instance) {
        return of(status, detail, instance, List.of());
    }

    static Problem of(int status, String detail, String instance, List<Violation> violations) {
        String[] title = TITLES.getOrDefault(status, new String[] {"HTTP " + status, "HTTP " + status});
        return new Problem("about:blank", title[0], title[1], status, detail, instance, violations);
    }

    /** A 422 for one broken input rule, as thrown by a resource. */
    static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(of(422, field + ": " + message, null, List.of(new Violation(field, rule, message))));
    }

    /** A 404 for a missing resource, as thrown by a resource. */
    static ProblemException notFound(String detail) {
        return new ProblemException(of(404, detail, null));
    }
}
