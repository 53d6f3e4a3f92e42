package org.qiancheng.persistence.internal.workflow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
 * <p>Encoding never reads or writes the database: it runs on the thread a settlement decides on,
 * while the settlement's transaction waits for it, and on HSQLDB a transaction started then can
 * wait for a checkpoint that waits for the settlement's. The tables stored before are read when the
 * codec is made. A version without one here has its decisions written with every text in the row,
 * and asks for a table of those texts (the trainee's excepted); a decision that writes more than
 * {@value #GROW_AT} bytes of texts its table lacks (of another shape: refused, flagged…) asks for a
 * larger table, up to {@value #MOST_TEXTS} texts. {@link #storeWanted} stores what was asked for,
 * after a transaction ends, and later decisions use it; claims stored before keep theirs.
 * Thread-safe. Tables are few (a handful per policy version) and immutable, so they are kept in
 * memory.
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

        /** @return every stored row, tables and the earlier format's samples: few, read once */
        List<Row> all();

        /** @return the bytes stored under the key, or empty */
        Optional<byte[]> find(String key);

        /** Stores bytes under their key, committed when this returns; a row already there is left as it is. */
        void store(String key, PolicyIdentity policy, byte[] bytes);
    }

    /** A stored row: its key, the version it serves, its bytes. */
    record Row(String key, PolicyIdentity policy, byte[] bytes) {
    }

    private record Table(String key, byte[] keyBytes, StringTable texts) {
    }

    private final Dictionaries store;
    /** The table of no texts, which needs no row: a version's decisions until it has a table. */
    private final Table none;
    private final Map<PolicyIdentity, Table> byPolicy = new ConcurrentHashMap<>();
    private final Map<String, StringTable> tables = new ConcurrentHashMap<>();
    private final Map<String, byte[]> samples = new ConcurrentHashMap<>();
    /** Texts decisions asked their version's table to hold, until {@link #storeWanted}. */
    private final Map<PolicyIdentity, Set<String>> wanted = new ConcurrentHashMap<>();
    private final Object storing = new Object();
    // an Inflater holds native memory: a few are reused rather than one per call or per thread
    private final BlockingQueue<Inflater> inflaters = new ArrayBlockingQueue<>(POOL);

    /** Reads every stored table and sample; the largest table of a version is the one its decisions use. */
    DecisionCodec(Dictionaries store) {
        this.store = store;
        StringTable noTexts = StringTable.of(List.of());
        this.none = table(keyOf(noTexts.bytes()), noTexts);
        tables.put(none.key(), noTexts);
        for (Row row : store.all()) {
            if (!StringTable.isTable(row.bytes())) {
                samples.put(row.key(), row.bytes());
                continue;
            }
            Table table = table(row.key(), StringTable.parse(row.bytes()));
            tables.put(table.key(), table.texts());
            byPolicy.merge(row.policy(), table, (a, b) -> a.texts().size() >= b.texts().size() ? a : b);
        }
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

    /** @return the decision's stored form, written against the table its version has now */
    byte[] encode(Decision decision) {
        Table table = byPolicy.getOrDefault(decision.policy(), none);
        DecisionWriter.Sink out = new DecisionWriter.Sink(256);
        DecisionWriter writer = written(decision, table, out);
        if (table == none ? !writer.missing().isEmpty() : writer.missingBytes() > GROW_AT) {
            Set<String> texts = wanted.computeIfAbsent(decision.policy(), p -> ConcurrentHashMap.newKeySet());
            if (texts.size() < MOST_TEXTS) {
                texts.addAll(writer.missing());
            }
        }
        out.int32(crc(out.array(), out.size()));
        return out.toArray();
    }

    /**
     * Stores the tables decisions asked for since the last call, each the version's present table with
     * the texts asked for appended, and has later decisions use them. Call it outside any transaction:
     * each table is committed in a transaction of its own. A table that cannot be stored now is asked
     * for again.
     *
     * @throws RuntimeException what storing failed with, after asking again
     */
    void storeWanted() {
        if (wanted.isEmpty()) {
            return;
        }
        synchronized (storing) {
            for (PolicyIdentity policy : List.copyOf(wanted.keySet())) {
                Set<String> texts = wanted.remove(policy);
                Table current = byPolicy.getOrDefault(policy, none);
                if (texts == null || current.texts().size() >= MOST_TEXTS) {
                    continue;
                }
                StringTable larger = current.texts().with(texts);
                if (larger == current.texts()) {
                    continue;
                }
                try {
                    byPolicy.put(policy, stored(policy, larger));
                } catch (RuntimeException e) {
                    wanted.computeIfAbsent(policy, p -> ConcurrentHashMap.newKeySet()).addAll(texts);
                    throw e;
                }
            }
        }
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
        if (crc(stored, end) != ByteBuffer.wrap(stored, end, CHECK_BYTES).getInt()) {
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

    /** The CRC-32C of the first {@code length} bytes. */
    private static int crc(byte[] bytes, int length) {
        CRC32C check = new CRC32C();
        check.update(bytes, 0, length);
        return (int) check.getValue();
    }

    private byte[] stored(String key) {
        return store.find(key).orElseThrow(() -> new IllegalStateException("the decision dictionary " + key
                + " is missing from QC_DECISION_DICT: the stored decisions that use it cannot be read"));
    }

    private Table stored(PolicyIdentity policy, StringTable texts) {
        byte[] bytes = texts.bytes();
        Table table = table(keyOf(bytes), texts);
        store.store(table.key(), policy, bytes);
        tables.put(table.key(), texts);
        return table;
    }

    private static Table table(String key, StringTable texts) {
        return new Table(key, Hex.bytes(key), texts);
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
