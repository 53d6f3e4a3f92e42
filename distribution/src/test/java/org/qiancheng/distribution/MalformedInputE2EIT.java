package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * Issue 17, "nothing malformed gets in", over real HTTP on the assembled platform: the malformed
 * requests found in the field, sent as raw bytes, each answered with problem+json (English and
 * Chinese) naming the field and the rule, none echoing the resident ID it carried, nothing stored;
 * and what Jetty refuses before any servlet (bad path, 414, 431, 404 outside /api, 405, 406, 415)
 * answered the same way.
 */
public class MalformedInputE2EIT {

    private static final String ID = "510104199001011230";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A raw answer: status, content type and body. */
    private record Answer(int status, String type, String body) {
    }

    private int port;
    private RunningPlatform platform;

    private Answer raw(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).findFirst()
                    .map(l -> l.substring(13).strip()).orElse("");
            return new Answer(Integer.parseInt(head.substring(9, 12)), type, text.substring(split + 4));
        }
    }

    private Answer send(String method, String path, String contentType, byte[] body, String... headers)
            throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        // logged in as the user whose work the request is, so that it reaches what it tests
        var role = path.startsWith("/api/v1/") ? Desk.of(method, path.substring(7)) : null;
        if (role != null) {
            head.append("Authorization: Bearer ").append(platform.staff().token(Staff.username(role))).append("\r\n");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        request.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.write(body);
        }
        return raw(request.toByteArray());
    }

    private Answer json(String method, String path, String body, String... headers) throws Exception {
        return send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Asserts a problem+json answer in both languages, with no resident ID in it; returns the document. */
    private static JsonNode problem(Answer answer, int status) throws Exception {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.type() + " " + answer.body(), answer.type().startsWith("application/problem+json"));
        assertFalse("no resident ID echoed: " + answer.body(), answer.body().contains(ID)
                || answer.body().contains(ID.substring(0, 17)));
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(answer.body(), problem.hasNonNull("titleZh") && problem.hasNonNull("detailZh"));
        assertTrue(answer.body(), problem.get("detailZh").asText().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        return problem;
    }

    private static void violation(Answer answer, int status, String field, String rule) throws Exception {
        JsonNode first = problem(answer, status).get("violations").get(0);
        assertEquals(answer.body(), field, first.get("field").asText());
        assertEquals(answer.body(), rule, first.get("rule").asText());
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    public void malformedRequestsAreProblemsAndStoreNothing() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "e2e-malformed-").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(home, "e2e-malformed.log")) {
            port = platform.port;
            this.platform = platform;
            String trainees = JSON.readTree(json("GET", "/api/v1/trainees", "").body()).toString();
            String projects = JSON.readTree(json("GET", "/api/v1/projects", "").body()).toString();

            // JSON: booleans, numbers, enums, dates, months, text
            violation(json("POST", "/api/v1/claims/987654/review", "{\"approve\": -1}", "If-Match", "\"1\""), 422,
                    "approve", "type:boolean");
            violation(json("POST", "/api/v1/trainees", "{\"idNumber\": \"" + ID + "\", \"name\": \"张三\", "
                    + "\"receivesPension\": 1e22}"), 422, "receivesPension", "type:boolean");
            for (String level : new String[] {"\"0\"", "0", "\"JUNIOR\\u0000\"", "\"junior\"", "\"" + ID + "\""}) {
                violation(json("POST", "/api/v1/projects", "{\"regionCode\": \"510000\", \"name\": \"x\", "
                        + "\"occupationCode\": \"6-31-01-03\", \"level\": " + level + ", \"headcount\": 30}"), 422,
                        "level", "enum:SkillLevel");
            }
            violation(json("PUT", "/api/v1/enrolments/987654/outcome", "{\"passed\": true, \"certificate\": "
                    + "{\"kind\": \"SKILL_LEVEL\", \"level\": \"JUNIOR\", \"issuedOn\": \"-2026-10-01\"}}",
                    "If-Match", "\"1\""), 422, "certificate.issuedOn", "format:date");
            violation(json("POST", "/api/v1/settlements", "{\"regionCode\": \"510000\", \"month\": \"-2026-10\"}"),
                    422, "month", "format:year-month");
            violation(json("POST", "/api/v1/trainees", "{\"idNumber\": \"" + ID + "\", \"name\": \"张\\ud800三\"}"),
                    422, "name", "text:unpaired-surrogate");
            violation(json("POST", "/api/v1/classes/987654/enrolments", "{\"traineeId\": 1.5}"), 422, "traineeId",
                    "type:integer");

            // invalid UTF-8 bytes: a stray 0xFF, an overlong NUL, an encoded surrogate
            for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}}) {
                violation(send("POST", "/api/v1/trainees", "application/json", concat("{\"idNumber\": \"" + ID
                        + "\", \"name\": \"张", bad, "\"}")), 400, "body", "encoding:utf-8");
                violation(send("POST", "/api/v1/policies/510000/2025.2.0/activate", "application/json",
                        concat("{\"reason\": \"修订", bad, "\"}")), 400, "body", "encoding:utf-8");
                violation(send("POST", "/api/v1/claims/preview", "application/json", concat("{\"region\": \"",
                        bad, "\"}")), 400, "body", "encoding:utf-8");
            }

            // CSV: unclosed quote, no header line, GBK, 0xFF in a name
            violation(send("POST", "/api/v1/trainees/import", "text/csv", ("身份证号,姓名\n" + ID + ",\"张三\n")
                    .getBytes(StandardCharsets.UTF_8)), 400, "line 2", "csv:unclosed-quote");
            violation(send("POST", "/api/v1/trainees/import", "text/csv", (ID + ",张三\n")
                    .getBytes(StandardCharsets.UTF_8)), 422, "line 1: header", "csv:header");
            Answer gbk = send("POST", "/api/v1/trainees/import", "text/csv", ("身份证号,姓名\n" + ID + ",张三\n")
                    .getBytes(Charset.forName("GBK")));
            violation(gbk, 400, "body", "encoding:gb18030");
            assertTrue(gbk.body(), gbk.body().contains("另存为 CSV UTF-8") && gbk.body().contains("CSV UTF-8"));
            violation(send("POST", "/api/v1/trainees/import", "text/csv", concat("身份证号,姓名\n" + ID + ",张",
                    new byte[] {(byte) 0xFF}, "\n")), 400, "body", "encoding:utf-8");
            violation(send("POST", "/api/v1/trainees/import", "text/csv; charset=Shift_JIS", new byte[] {'a'}), 415,
                    "Content-Type", "encoding:utf-8");

            // nothing was stored
            assertEquals(trainees, JSON.readTree(json("GET", "/api/v1/trainees", "").body()).toString());
            assertEquals(projects, JSON.readTree(json("GET", "/api/v1/projects", "").body()).toString());

            // what Jetty and Jersey answer on their own
            problem(send("GET", "/api/v1/trainees?x=" + "a".repeat(10 * 1024), null, null), 414);
            StringBuilder headers = new StringBuilder("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (int i = 0; i < 64; i++) {
                headers.append("X-Padding-").append(i).append(": ").append("a".repeat(1000)).append("\r\n");
            }
            problem(raw(headers.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII)),
                    431);
            problem(raw("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)), 400);
            problem(raw(concat("GET /api/v1/trainees/", new byte[] {(byte) 0xFF},
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")), 400);
            problem(send("GET", "/index.html", null, null), 404);
            problem(send("GET", "/api/v1/no-such-thing", null, null), 404);
            problem(send("DELETE", "/api/v1/health", null, null), 405);
            problem(send("GET", "/api/v1/health", null, null, "Accept", "text/html"), 406);
            problem(send("POST", "/api/v1/trainees", "application/xml", "<x/>".getBytes(StandardCharsets.UTF_8)), 415);
            problem(json("POST", "/api/v1/trainees", "{\"idNumber\": x" + ID + "}"), 400);
        }
    }
}
