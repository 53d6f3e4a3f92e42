package org.qiancheng.persistence.internal.workflow;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.persistence.EncodedDecision;

/**
 * A decision as the claim row stores it: its full JSON, every line's text and citation and every
 * parameter read, deflated against a dictionary that is a sample decision of the same policy version
 * (the version's parameter uses, citations, line and note texts), stored once in
 * {@code QC_DECISION_DICT}. What is left in the row is what only this decision knows: the trainee,
 * the outcome, the amounts, the few characters where its texts differ. Reading it back inflates the
 * same bytes, so the decision is the one that was decided, as {@link DecisionJson} wrote it.
 *
 * <p>Layout: one format byte ({@value #FORMAT}), the dictionary's 16-byte key, then a zlib stream
 * (its header names the dictionary by Adler-32 and its trailer checks the JSON's).
 *
 * <p>A version's dictionary starts as a sample of the first decision it makes here; a decision that
 * compresses poorly against it (of another shape: refused, flagged…) adds its own sample, up to
 * deflate's 32 KB window, as a new dictionary. Thread-safe. Dictionaries are few (a handful per policy
 * version that decided here) and immutable, so they are kept in memory once read.
 */
final class DecisionCodec {

    static final byte FORMAT = 1;
    private static final int KEY_BYTES = 16;
    private static final int HEADER = 1 + KEY_BYTES;
    /** A decision compressed to more than 1/16 of its JSON, and more than {@value #SMALL} bytes, calls for a richer dictionary. */
    private static final int POOR = 16;
    private static final int SMALL = 160;
    /** Deflate looks back 32 KB at most: a dictionary grows no larger. */
    private static final int WINDOW = 32 * 1024;
    private static final int POOL = 4;

    /** Where dictionaries are kept: a committed row before any claim refers to it. */
    interface Dictionaries {

        /** @return the sample stored under the key, or empty */
        Optional<byte[]> find(String key);

        /** @return the key and sample of the largest dictionary stored for the version, or empty */
        Optional<Map.Entry<String, byte[]>> forPolicy(PolicyIdentity policy);

        /** Stores a sample under its key, committed when this returns; a row already there is left as it is. */
        void store(String key, PolicyIdentity policy, byte[] sample);
    }

    private record Dictionary(String key, byte[] keyBytes, byte[] sample) {
    }

    private final Dictionaries store;
    private final Map<PolicyIdentity, Dictionary> byPolicy = new ConcurrentHashMap<>();
    private final Map<String, byte[]> byKey = new ConcurrentHashMap<>();
    // a Deflater holds some 300 KB of native memory: a few are reused rather than one per call or per thread
    private final BlockingQueue<Deflater> deflaters = new ArrayBlockingQueue<>(POOL);
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
        byte[] json = DecisionJson.bytes(decision);
        Dictionary dictionary = dictionaryFor(decision);
        byte[] stored = deflate(json, dictionary);
        int payload = stored.length - HEADER;
        if (payload > json.length / POOR && payload > SMALL && dictionary.sample().length < WINDOW) {
            Dictionary richer = grown(decision, dictionary);
            if (richer != dictionary) {
                stored = deflate(json, richer);
            }
        }
        return stored;
    }

    private byte[] deflate(byte[] json, Dictionary dictionary) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_COMPRESSION);
        }
        try {
            deflater.setDictionary(dictionary.sample());
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 + json.length / 8);
            out.write(FORMAT);
            out.write(dictionary.keyBytes(), 0, KEY_BYTES);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
            if (!deflaters.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** @return the decision a stored form holds */
    Decision decode(byte[] stored) {
        if (stored.length < 1 + KEY_BYTES || stored[0] != FORMAT) {
            throw new IllegalStateException("a stored decision of an unknown format "
                    + (stored.length == 0 ? "(empty)" : Byte.toString(stored[0])));
        }
        String key = Hex.of(Arrays.copyOfRange(stored, 1, 1 + KEY_BYTES));
        byte[] sample = byKey.get(key);
        if (sample == null) {
            sample = store.find(key).orElseThrow(() -> new IllegalStateException("the decision dictionary " + key
                    + " is missing from QC_DECISION_DICT: the stored decisions that use it cannot be read"));
            byKey.put(key, sample);
        }
        Inflater inflater = inflaters.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        try {
            inflater.setInput(stored, 1 + KEY_BYTES, stored.length - 1 - KEY_BYTES);
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

    /**
     * The version's dictionary: known here, or stored by an earlier run or another node, or else made
     * now from this decision and stored before any claim refers to it.
     */
    private Dictionary dictionaryFor(Decision decision) {
        PolicyIdentity policy = decision.policy();
        Dictionary known = byPolicy.get(policy);
        if (known != null) {
            return known;
        }
        synchronized (byPolicy) {
            known = byPolicy.get(policy);
            if (known != null) {
                return known;
            }
            Dictionary dictionary = store.forPolicy(policy).map(found -> dictionary(found.getKey(), found.getValue()))
                    .orElseGet(() -> {
                        byte[] sample = DecisionJson.sample(decision);
                        Dictionary made = dictionary(keyOf(sample), sample);
                        store.store(made.key(), policy, sample);
                        return made;
                    });
            byKey.put(dictionary.key(), dictionary.sample());
            byPolicy.put(policy, dictionary);
            return dictionary;
        }
    }

    /**
     * A richer dictionary for the version, when a decision compressed poorly against the present one:
     * a decision of another shape (refused where the sample was granted, flagged where it was not…).
     * The decision's blanked sample is added after the present samples, up to deflate's window, and the
     * result stored as a new dictionary; claims stored before keep theirs.
     */
    private Dictionary grown(Decision decision, Dictionary poor) {
        PolicyIdentity policy = decision.policy();
        synchronized (byPolicy) {
            Dictionary current = byPolicy.get(policy);
            if (current != poor) {
                return current;
            }
            byte[] more = DecisionJson.sample(decision);
            if (poor.sample().length + more.length > WINDOW) {
                return poor;
            }
            byte[] sample = Arrays.copyOf(poor.sample(), poor.sample().length + more.length);
            System.arraycopy(more, 0, sample, poor.sample().length, more.length);
            Dictionary richer = dictionary(keyOf(sample), sample);
            store.store(richer.key(), policy, sample);
            byKey.put(richer.key(), sample);
            byPolicy.put(policy, richer);
            return richer;
        }
    }

    private static Dictionary dictionary(String key, byte[] sample) {
        return new Dictionary(key, Hex.bytes(key), sample);
    }

    /** The first 16 bytes of the sample's SHA-256, in hexadecimal. */
    static String keyOf(byte[] sample) {
        try {
            return Hex.of(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(sample), KEY_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Releases the native memory of the pooled (de)compressors. */
    void close() {
        Deflater deflater;
        while ((deflater = deflaters.poll()) != null) {
            deflater.end();
        }
        Inflater inflater;
        while ((inflater = inflaters.poll()) != null) {
            inflater.end();
        }
    }
}
