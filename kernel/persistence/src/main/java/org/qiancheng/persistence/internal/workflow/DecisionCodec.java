package org.qiancheng.persistence.internal.workflow;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.persistence.EncodedDecision;

/**
 * A decision as the claim row stores it: every field of it, every line's citation and label, every
 * parameter read, written field by field ({@link DecisionWriter}) against the version's
 * {@link StringTable}, the texts its decisions repeat, stored once in {@code QC_DECISION_DICT}. What
 * is left in the row is what only this decision knows: the trainee, the outcome, the amounts, the
 * values its labels were filled with, and the numbers of the texts it shares with the version.
 * Reading it back gives the decision that was decided, equal to it and writing the same JSON.
 *
 * <p>Layout ({@value #TABLED}): one format byte, the table's 16-byte key, the decision, and a CRC-32C
 * of all that before it, so an altered row is an error and not another decision. Rows of the
 * earlier format ({@value #DEFLATED}: the JSON deflated against a sample decision of the version,
 * the sample in {@code QC_DECISION_DICT}) are still read; none is written.
 *
 * <p>A version's table starts as the texts of the first decision it makes here, the trainee's
 * excepted; a decision that writes more than {@value #GROW_AT} bytes of texts the table lacks (of
 * another shape: refused, flagged…) adds its texts as a new table, up to {@value #MOST_TEXTS}
 * texts. Thread-safe. Tables are few (a handful per policy version that decided here) and
 * immutable, so they are kept in memory once read.
 */
final class DecisionCodec {

    static final byte DEFLATED = 1;
    static final byte TABLED = 2;
    private static final int KEY_BYTES = 16;
    private static final int HEADER = 1 + KEY_BYTES;
    private static final int CHECK_BYTES = 4;
    /** Bytes of texts outside the table that call for a larger table. */
    private static final int GROW_AT = 32;
    /** A table grows no larger: a version whose decisions keep writing new texts stores them in the row. */
    private static final int MOST_TEXTS = 4096;
    private static final int POOL = 4;

    /** Where tables (and the earlier format's dictionaries) are kept: a committed row before any claim refers to it. */
    interface Dictionaries {

        /** @return the bytes stored under the key, or empty */
        Optional<byte[]> find(String key);

        /** @return the key and bytes of the largest string table ({@link StringTable#isTable}) stored for the version, or empty */
        Optional<Map.Entry<String, byte[]>> forPolicy(PolicyIdentity policy);

        /** Stores bytes under their key, committed when this returns; a row already there is left as it is. */
        void store(String key, PolicyIdentity policy, byte[] bytes);
    }

    private record Table(String key, byte[] keyBytes, StringTable texts) {
    }

    private final Dictionaries store;
    private final Map<PolicyIdentity, Table> byPolicy = new ConcurrentHashMap<>();
    private final Map<String, StringTable> tables = new ConcurrentHashMap<>();
    private final Map<String, byte[]> samples = new ConcurrentHashMap<>();
    // an Inflater holds native memory: a few are reused rather than one per call or per thread
    private final BlockingQueue<Inflater> inflaters = new ArrayBlockingQueue<>(POOL);

    DecisionCodec(Dictionaries store) {
        this.store = store;
    }

    /** A decision with its stored form. */
    record Encoded(Decision decision, byte[] stored) implements EncodedDecision {
    }

    /** @return the decision with its stored form */
    Encoded encoded(Decision decision) {
        return new Encoded(decision, encode(decision));
    }

    /** @return the stored form of a decision encoded here, or of one encoded elsewhere */
    byte[] stored(EncodedDecision decision) {
        return decision instanceof Encoded mine ? mine.stored() : encode(decision.decision());
    }

    /** @return the decision's stored form */
    byte[] encode(Decision decision) {
        Table table = tableFor(decision);
        DecisionWriter.Sink out = new DecisionWriter.Sink(256);
        DecisionWriter writer = written(decision, table, out);
        if (writer.missingBytes() > GROW_AT && table.texts().size() < MOST_TEXTS) {
            Table larger = grown(decision.policy(), table, writer.missing());
            if (larger != table) {
                out = new DecisionWriter.Sink(256);
                written(decision, larger, out);
            }
        }
        CRC32C check = new CRC32C();
        check.update(out.array(), 0, out.size());
        int crc = (int) check.getValue();
        out.raw(crc >>> 24);
        out.raw(crc >>> 16);
        out.raw(crc >>> 8);
        out.raw(crc);
        return out.toArray();
    }

    private static DecisionWriter written(Decision decision, Table table, DecisionWriter.Sink out) {
        out.raw(TABLED);
        out.raw(table.keyBytes());
        DecisionWriter writer = new DecisionWriter(table.texts(), out);
        writer.write(decision);
        return writer;
    }

    /** @return the decision a stored form holds */
    Decision decode(byte[] stored) {
        if (stored.length >= HEADER + CHECK_BYTES && stored[0] == TABLED) {
            return tabled(stored);
        }
        if (stored.length >= HEADER && stored[0] == DEFLATED) {
            return inflated(stored);
        }
        throw new IllegalStateException("a stored decision of an unknown format "
                + (stored.length == 0 ? "(empty)" : Byte.toString(stored[0])));
    }

    private Decision tabled(byte[] stored) {
        int end = stored.length - CHECK_BYTES;
        CRC32C check = new CRC32C();
        check.update(stored, 0, end);
        int crc = (stored[end] & 0xFF) << 24 | (stored[end + 1] & 0xFF) << 16 | (stored[end + 2] & 0xFF) << 8
                | stored[end + 3] & 0xFF;
        if ((int) check.getValue() != crc) {
            throw new IllegalStateException("a stored decision whose check (CRC-32C) does not match: the row was altered");
        }
        String key = Hex.of(Arrays.copyOfRange(stored, 1, HEADER));
        StringTable table = tables.get(key);
        if (table == null) {
            byte[] found = stored(key);
            if (!StringTable.isTable(found)) {
                throw new IllegalStateException("QC_DECISION_DICT row " + key + " is not a string table");
            }
            table = StringTable.parse(found);
            tables.put(key, table);
        }
        DecisionReader.Cursor in = new DecisionReader.Cursor(stored, HEADER, end);
        try {
            Decision decision = new DecisionReader(table, in).read();
            in.end();
            return decision;
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalStateException("a stored decision that cannot be read with table " + key + ": " + e, e);
        }
    }

    /** A row of the earlier format: its JSON, deflated against the sample stored under its key. */
    private Decision inflated(byte[] stored) {
        String key = Hex.of(Arrays.copyOfRange(stored, 1, HEADER));
        byte[] sample = samples.get(key);
        if (sample == null) {
            sample = stored(key);
            samples.put(key, sample);
        }
        Inflater inflater = inflaters.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        try {
            inflater.setInput(stored, HEADER, stored.length - HEADER);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, stored.length * 8));
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        inflater.setDictionary(sample);
                    } else if (inflater.needsInput()) {
                        throw new IllegalStateException("a stored decision is cut short");
                    }
                }
                out.write(buffer, 0, n);
            }
            return DecisionJson.read(out.toByteArray());
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored decision that cannot be inflated with dictionary " + key, e);
        } finally {
            inflater.reset();
            if (!inflaters.offer(inflater)) {
                inflater.end();
            }
        }
    }

    private byte[] stored(String key) {
        return store.find(key).orElseThrow(() -> new IllegalStateException("the decision dictionary " + key
                + " is missing from QC_DECISION_DICT: the stored decisions that use it cannot be read"));
    }

    /**
     * The version's table: known here, or stored by an earlier run or another node, or else made now
     * of this decision's texts (the trainee's excepted) and stored before any claim refers to it.
     */
    private Table tableFor(Decision decision) {
        PolicyIdentity policy = decision.policy();
        Table known = byPolicy.get(policy);
        if (known != null) {
            return known;
        }
        synchronized (byPolicy) {
            known = byPolicy.get(policy);
            if (known != null) {
                return known;
            }
            Table table = store.forPolicy(policy).map(found -> table(found.getKey(), StringTable.parse(found.getValue())))
                    .orElseGet(() -> {
                        Table empty = table("", StringTable.of(List.of()));
                        DecisionWriter writer = written(decision, empty, new DecisionWriter.Sink(256));
                        return stored(policy, StringTable.of(writer.missing()));
                    });
            byPolicy.put(policy, table);
            return table;
        }
    }

    /**
     * A larger table for the version, when a decision wrote many texts the present one lacks: a
     * decision of another shape (refused where the first was granted, flagged where it was not…).
     * Its texts are appended and the result stored as a new table; claims stored before keep theirs.
     */
    private Table grown(PolicyIdentity policy, Table lacking, Set<String> texts) {
        synchronized (byPolicy) {
            Table current = byPolicy.get(policy);
            if (current != lacking) {
                return current;
            }
            StringTable larger = lacking.texts().with(texts);
            if (larger == lacking.texts()) {
                return lacking;
            }
            Table table = stored(policy, larger);
            byPolicy.put(policy, table);
            return table;
        }
    }

    private Table stored(PolicyIdentity policy, StringTable texts) {
        byte[] bytes = texts.bytes();
        Table table = table(keyOf(bytes), texts);
        store.store(table.key(), policy, bytes);
        tables.put(table.key(), texts);
        return table;
    }

    private static Table table(String key, StringTable texts) {
        return new Table(key, key.isEmpty() ? new byte[KEY_BYTES] : Hex.bytes(key), texts);
    }

    /** The first 16 bytes of the stored table's SHA-256, in hexadecimal. */
    static String keyOf(byte[] stored) {
        try {
            return Hex.of(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(stored), KEY_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Releases the native memory of the pooled decompressors. */
    void close() {
        Inflater inflater;
        while ((inflater = inflaters.poll()) != null) {
            inflater.end();
        }
    }
}
