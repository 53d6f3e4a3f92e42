package org.qiancheng.distribution;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: a malformed request line,
 * undecodable percent-escapes, a 10 KB URI or 64 KB of headers. Reads one answer (status, content
 * type, body) and closes.
 */
final class RawHttp {

    /** An answer: status, content type (lower case, or empty) and body. */
    record Answer(int status, String type, String body) {
    }

    private RawHttp() {
    }

    static Answer send(int port, byte[] request) throws IOException {
        return sendFrom("127.0.0.1", port, request);
    }

    /** Sends from a local address of the client's choice, e.g. {@code 127.0.0.2}: another source address. */
    static Answer sendFrom(String localAddress, int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** A request with the given request line and extra header lines, closing the connection after. */
    static byte[] request(String requestLine, String... headerLines) {
        StringBuilder text = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(ISO_8859_1);
    }

    /** A request with a body (Content-Length set), its headers given as a map. */
    static byte[] request(String method, String target, java.util.Map<String, String> headers, byte[] body) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.append("\r\n").toString().getBytes(ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ");
        if (status.length < 2) {
            throw new IOException("no status line in: " + head);
        }
        String type = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = lower.substring("content-type:".length()).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(Integer.parseInt(status[1]), type, new String(
                (chunked ? dechunk(body) : body).getBytes(ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
