package org.qiancheng.persistence.internal.workflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts a policy version's decisions repeat — its rule ids, citations, parameter names, label
 * templates, enum names, the class's codes — each stored once in {@code QC_DECISION_DICT}, so that a
 * stored decision ({@link DecisionWriter}) refers to a text by its number in the table. Immutable;
 * a table that grows is a new table under a new key, and claims stored before keep theirs.
 *
 * <p>Stored form: the magic {@code QCST1\n}, the number of texts, then each text as its UTF-8 length
 * and bytes (lengths as unsigned LEB128 varints).
 */
final class StringTable {

    private static final byte[] MAGIC = "QCST1\n".getBytes(StandardCharsets.US_ASCII);

    private final List<String> texts;
    private final Map<String, Integer> numbers;

    private StringTable(List<String> texts) {
        this.texts = List.copyOf(texts);
        this.numbers = new HashMap<>(texts.size() * 2);
        for (int i = 0; i < this.texts.size(); i++) {
            numbers.putIfAbsent(this.texts.get(i), i);
        }
    }

    /** @return a table of the texts, in the order given, each once */
    static StringTable of(Collection<String> texts) {
        return new StringTable(texts.stream().distinct().toList());
    }

    /** @return whether a stored dictionary is a table (and not a sample of the deflated format) */
    static boolean isTable(byte[] stored) {
        return stored.length >= MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * @return the table a stored dictionary holds
     * @throws IllegalStateException when the bytes are not a whole table
     */
    static StringTable parse(byte[] stored) {
        if (!isTable(stored)) {
            throw new IllegalStateException("not a decision string table");
        }
        DecisionReader.Cursor in = new DecisionReader.Cursor(stored, MAGIC.length);
        int count = in.count();
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(in.utf8());
        }
        in.end();
        return new StringTable(texts);
    }

    /** @return the stored form */
    byte[] bytes() {
        DecisionWriter.Sink out = new DecisionWriter.Sink(64 + texts.size() * 24);
        out.raw(MAGIC);
        out.varint(texts.size());
        for (String text : texts) {
            out.utf8(text);
        }
        return out.toArray();
    }

    /** @return the text's number, or -1 when the table does not hold it */
    int numberOf(String text) {
        Integer number = numbers.get(text);
        return number == null ? -1 : number;
    }

    /** @throws IllegalStateException when the table has no such number */
    String text(int number) {
        if (number < 0 || number >= texts.size()) {
            throw new IllegalStateException("a stored decision refers to text " + number + " of a table of "
                    + texts.size());
        }
        return texts.get(number);
    }

    int size() {
        return texts.size();
    }

    /** @return this table with the texts it does not hold yet appended, or this table when it holds them all */
    StringTable with(Collection<String> more) {
        List<String> grown = new ArrayList<>(texts);
        Set<String> added = new HashSet<>();
        for (String text : more) {
            if (!numbers.containsKey(text) && added.add(text)) {
                grown.add(text);
            }
        }
        return added.isEmpty() ? this : new StringTable(grown);
    }
}
