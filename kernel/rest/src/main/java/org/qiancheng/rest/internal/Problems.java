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
            entry(401, new String[] {"Unauthorized", "未登录或会话无效"}),
            entry(403, new String[] {"Forbidden", "无权执行此操作"}),
            entry(404, new String[] {"Not Found", "未找到"}),
            entry(405, new String[] {"Method Not Allowed", "不支持该请求方法"}),
            entry(406, new String[] {"Not Acceptable", "无法提供所请求的格式"}),
            entry(408, new String[] {"Request Timeout", "请求超时"}),
            entry(409, new String[] {"Conflict", "与当前状态冲突"}),
            entry(411, new String[] {"Length Required", "缺少内容长度"}),
            entry(412, new String[] {"Precondition Failed", "前提条件不成立"}),
            entry(413, new String[] {"Content Too Large", "请求内容过大"}),
            entry(414, new String[] {"URI Too Long", "请求地址过长"}),
            entry(415, new String[] {"Unsupported Media Type", "不支持的内容类型"}),
            entry(422, new String[] {"Unprocessable Content", "内容未通过校验"}),
            entry(428, new String[] {"Precondition Required", "缺少前提条件"}),
            entry(429, new String[] {"Too Many Requests", "尝试次数过多"}),
            entry(431, new String[] {"Request Header Fields Too Large", "请求头过大"}),
            entry(500, new String[] {"Internal Server Error", "服务器内部错误"}),
            entry(501, new String[] {"Not Implemented", "服务器不支持该功能"}),
            entry(503, new String[] {"Service Unavailable", "服务暂不可用"}),
            entry(505, new String[] {"HTTP Version Not Supported", "不支持该 HTTP 版本"}));

    /** What an HTTP error without a detail of its own means, in both languages. */
    private static final Map<Integer, String[]> HTTP_DETAILS = Map.ofEntries(
            entry(400, new String[] {"the request could not be read: a malformed request line, path, query or header",
                "无法解析该请求：请求行、路径、查询参数或请求头格式错误"}),
            entry(404, new String[] {"there is nothing at this path; the API is under /api/v1 (see /api/v1/openapi.json)",
                "该路径下没有资源；接口位于 /api/v1（见 /api/v1/openapi.json）"}),
            entry(405, new String[] {"this path does not take this method; see /api/v1/openapi.json",
                "该路径不支持此请求方法；见 /api/v1/openapi.json"}),
            entry(406, new String[] {"the answer can only be application/json (or text/csv where documented); check Accept",
                "只能以 application/json（或文档注明的 text/csv）作答；请检查 Accept 请求头"}),
            entry(413, new String[] {"the request body is larger than this endpoint accepts", "请求内容超过该接口的上限"}),
            entry(414, new String[] {"the request URI is longer than the server accepts (8 KB)",
                "请求地址超过服务器允许的长度（8 KB）"}),
            entry(415, new String[] {"this path does not take this Content-Type; JSON bodies are application/json in UTF-8",
                "该路径不接受此 Content-Type；JSON 请求体须为 UTF-8 编码的 application/json"}),
            entry(431, new String[] {"the request headers are larger than the server accepts",
                "请求头超过服务器允许的大小"}),
            entry(500, new String[] {"unexpected failure; see the server log", "服务器内部错误；详见服务器日志"}));

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

    /**
     * An HTTP error raised by the container or Jersey (unmatched path or method, unacceptable media
     * type …): its own detail when it has a useful one, otherwise the standard wording of the status.
     */
    static Problem http(int status, String message, String instance) {
        String[] standard = HTTP_DETAILS.get(status);
        boolean bare = message == null || message.isBlank() || message.startsWith("HTTP " + status);
        if (standard == null) {
            return of(status, bare ? TITLES.getOrDefault(status, new String[] {"HTTP " + status})[0] : message, instance);
        }
        return of(status, bare ? standard[0] : message, standard[1], instance, List.of());
    }

    /** A 422 for one broken input rule, as thrown by a resource; the Chinese from the rule ({@link #ruleZh}). */
    static ProblemException invalid(String field, String rule, String message) {
        return invalid(field, rule, message, null);
    }

    /** A 422 for one broken input rule with its Chinese wording ({@code null}: from the rule). */
    static ProblemException invalid(String field, String rule, String message, String messageZh) {
        String zh = messageZh != null ? messageZh : ruleZh(rule);
        return new ProblemException(of(422, field + ": " + message, zh == null ? null : field + "：" + zh, null,
                List.of(new Violation(field, rule, message))));
    }

    /** A 422 for a rule broken by a query or path parameter. */
    static ProblemException invalid(String field, Strict.Broken broken) {
        return invalid(field, broken.rule(), broken.message(), broken.messageZh());
    }

    /**
     * The Chinese of the rest layer's own rules, for messages that come without one; {@code null} for
     * a rule of the kernel or a policy (their messages are worded by the kernel).
     */
    static String ruleZh(String rule) {
        if (rule == null) {
            return null;
        }
        int colon = rule.indexOf(':');
        String kind = colon < 0 ? rule : rule.substring(0, colon);
        String arg = colon < 0 ? "" : rule.substring(colon + 1);
        return switch (kind) {
            case "required" -> "为必填项";
            case "type" -> switch (arg) {
                case "boolean" -> "须为 true 或 false（JSON 布尔值）";
                case "integer" -> "须为整数（不带小数点的 JSON 数字）";
                case "number" -> "须为数字（不加引号的 JSON 数字）";
                case "string" -> "须为文本（JSON 字符串）";
                case "array" -> "须为列表（JSON 数组）";
                case "object" -> "须为 JSON 对象";
                default -> "JSON 类型不正确";
            };
            case "enum" -> "不是规定的取值之一（区分大小写，不加空格）";
            case "format" -> switch (arg) {
                case "date" -> Strict.DATE_BROKEN.messageZh();
                case "year-month" -> Strict.MONTH_BROKEN.messageZh();
                case "integer" -> "须为整数";
                case "id" -> "须为正整数";
                case "idempotency-key" -> "须为客户端为本次请求选定的 1 至 200 个可见 ASCII 字符";
                default -> "格式不正确";
            };
            case "minimum" -> "不得小于 " + arg;
            case "maximum" -> "不得大于 " + arg;
            case "max-length" -> "长度不得超过 " + arg + " 个字符";
            case "unknown-field" -> "不是该输入的字段";
            case "text" -> switch (arg) {
                case "control-character" -> "含有控制字符";
                case "unpaired-surrogate" -> "含有不成对的 UTF-16 代理码元，不是有效字符";
                case "replacement-character" -> "含有替换字符 U+FFFD，说明文本在编码转换中已损坏";
                default -> "文本不合规";
            };
            case "csv" -> switch (arg) {
                case "header" -> "第一行须为列名行（身份证号/idNumber、姓名/name …），文件不能直接以数据开头";
                case "unknown-column" -> "不是可识别的列名";
                case "duplicate-column" -> "列名重复";
                case "columns" -> "该行的字段数多于列名行";
                case "quote" -> "引号用法不正确：含引号的字段须整体用引号括起，字段内的引号须写成两个";
                case "unclosed-quote" -> "引号未闭合";
                default -> "CSV 格式不正确";
            };
            case "cell" -> switch (arg) {
                case "text" -> "须为文本单元格（数字单元格会丢失身份证号第 15 位以后的数字，日期单元格含义不明）；"
                        + "请将该列设为文本格式后重新录入";
                case "formula" -> "不接受公式；请将公式替换为文本值（复制后“选择性粘贴 → 值”）";
                default -> "单元格不合规";
            };
            case "xlsx" -> "不是可读取的 XLSX 工作簿；请另存为“Excel 工作簿（*.xlsx）”";
            case "gb2260" -> "须为六位 GB/T 2260 行政区划代码";
            case "gb2260-prefix" -> "须为 GB/T 2260 行政区划代码的前 2 至 6 位";
            case "json" -> "不是有效的 JSON";
            case "installed-valid-version" -> "须为该地区已安装且有效的政策版本";
            case "policy-in-force" -> "该日期没有生效的政策版本";
            case "catalog" -> "不在该地区的培训目录中";
            default -> null;
        };
    }

    /** 导入被拒绝，未写入任何记录：第 3 行 idNumber（规则 gb11643:check-digit）… */
    static String importZh(List<org.qiancheng.api.workflow.RowError> errors) {
        StringJoiner rows = new StringJoiner("；", "导入被拒绝，未写入任何记录：", "");
        for (org.qiancheng.api.workflow.RowError error : errors) {
            String zh = ruleZh(error.rule());
            rows.add("第 " + error.line() + " 行 " + error.field() + (zh == null ? "（规则 " + error.rule() + "）" : "：" + zh));
        }
        return rows.toString();
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
     * An access refusal as a problem: UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409,
     * INVALID 422, LOCKED 429, with the field (where there is one) and the rule as the one violation.
     */
    static Problem of(org.qiancheng.api.security.AccessException refused, String instance) {
        int status = switch (refused.kind()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case LOCKED -> 429;
        };
        return refusal(status, refused.field(), refused.rule(), refused.getMessage(), refused.messageZh(), instance);
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
        return refusal(status, refused.field(), refused.rule(), refused.getMessage(), refused.messageZh(), instance);
    }

    /** A refusal naming its field (prefixed to both details) and its rule, as the one violation. */
    private static Problem refusal(int status, String field, String rule, String message, String zh,
            String instance) {
        if (field == null && rule == null) {
            return of(status, message, zh, instance, List.of());
        }
        return of(status, field == null ? message : field + ": " + message,
                zh == null || field == null ? zh : field + "：" + zh, instance,
                List.of(new Violation(field, rule, message)));
    }
}
