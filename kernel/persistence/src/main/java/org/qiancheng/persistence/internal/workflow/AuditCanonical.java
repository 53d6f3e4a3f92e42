package org.qiancheng.persistence.internal.workflow;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The canonical form of an audit entry, the bytes its MAC covers (docs/security.md). Every field
 * has a fixed width or a length prefix, so no two different entries have the same bytes whatever
 * their text holds:
 * <pre>
 * "QC-AUDIT-1"        the format, as a string below
 * seq                 int64, big-endian
 * at                  int64 epoch seconds, int32 nanoseconds (UTC instant)
 * actor, action, entity   strings
 * entityId            int64
 * before, after       strings
 * string = int32 length of its UTF-8 bytes, then the bytes; -1 and no bytes for null
 * </pre>
 */
final class AuditCanonical {

    static final String FORMAT = "QC-AUDIT-1";

    private AuditCanonical() {
    }

    static byte[] of(long sequence, Instant at, String actor, String action, String entity, long entityId,
            String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, FORMAT);
            out.writeLong(sequence);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            string(out, actor);
            string(out, action);
            string(out, entity);
            out.writeLong(entityId);
            string(out, before);
            string(out, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] of(AuditEventEntity e) {
        return of(e.sequence, e.at.toInstant(), e.actor, e.action, e.entity, e.entityId, e.before, e.after);
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
