package org.qiancheng.api.parameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.model.LocalizedText;

/**
 * One dated value of a parameter: a number, a text, a flag, a list or an object of these, read
 * from the parameter's JSON file. Numbers are exact decimals. A wrong access names the path that
 * failed, e.g. {@code subsidy/standard[4-10-01-05][JUNIOR]: missing}.
 */
public final class ParameterValue {

    /** The parent of a member, and the member's key or index: its path is built only for a message. */
    private final ParameterValue parent;
    private final Object segment;
    private String path;
    private final Object node;
    /*
     * A value's members, elements and names, wrapped on first use and kept: the tree is frozen, and
     * policies read the same members of the same values in every decision. Racy single checks:
     * each is an unmodifiable collection or a record, safely published through its final fields.
     */
    private Map<String, ParameterValue> members;
    private List<ParameterValue> elements;
    private LocalizedText localized;

    /**
     * Wraps a value tree.
     *
     * @param path the value's path for messages, e.g. {@code subsidy/standard@2025-01-01}
     * @param node a {@link BigDecimal}, {@link String}, {@link Boolean}, {@link List} or {@link Map}
     *     with {@link String} keys, nested
     */
    public ParameterValue(String path, Object node) {
        this(path, freeze(path, node), true);
    }

    /** For the root of an already frozen tree: no second copy. */
    private ParameterValue(String path, Object frozen, boolean alreadyFrozen) {
        this.parent = null;
        this.segment = null;
        this.path = path;
        this.node = frozen;
    }

    /** For a member: no copy, and no path text until a message needs it (members are read per decision). */
    private ParameterValue(ParameterValue parent, Object segment, Object member) {
        this.parent = parent;
        this.segment = segment;
        this.node = member;
    }

    /** @return the path of this value, for messages */
    public String path() {
        String known = path;
        if (known == null) {
            known = parent.path() + "[" + segment + "]";
            path = known;
        }
        return known;
    }

    /** @return the number */
    public BigDecimal decimal() {
        return as(BigDecimal.class, "a number");
    }

    /** @return the number at a path below this value, e.g. {@code decimal("4-10-01-05", "JUNIOR")} */
    public BigDecimal decimal(String... keys) {
        ParameterValue value = this;
        for (String key : keys) {
            value = value.get(key);
        }
        return value.decimal();
    }

    /** @return the text */
    public String text() {
        return as(String.class, "a text");
    }

    /**
     * The names of a catalogue entry, a chain or a goal, read from its {@code zh} and {@code en} texts.
     *
     * @return the {@code zh} and {@code en} texts of this object
     * @throws ParameterException when either is missing or not a text
     * @since 1.3
     */
    public LocalizedText localized() {
        LocalizedText known = localized;
        if (known == null) {
            known = new LocalizedText(get("zh").text(), get("en").text());
            localized = known;
        }
        return known;
    }

    /** @return the flag */
    public boolean flag() {
        return as(Boolean.class, "true or false");
    }

    /** @return whether this value is an object with the key */
    public boolean has(String key) {
        return node instanceof Map<?, ?> map && map.containsKey(key);
    }

    /** @return the member of this object */
    public ParameterValue get(String key) {
        ParameterValue member = members().get(key);
        if (member == null) {
            throw new ParameterException(path() + "[" + key + "]: missing");
        }
        return member;
    }

    /** @return the member of this object, if present */
    public Optional<ParameterValue> find(String key) {
        return Optional.ofNullable(members().get(key));
    }

    private Map<String, ParameterValue> members() {
        Map<String, ParameterValue> known = members;
        if (known == null) {
            Map<?, ?> map = as(Map.class, "an object");
            Map<String, ParameterValue> wrapped = new HashMap<>(map.size() * 2);
            map.forEach((key, member) -> wrapped.put((String) key, new ParameterValue(this, key, member)));
            known = Collections.unmodifiableMap(wrapped);
            members = known;
        }
        return known;
    }

    /** @return the keys of this object, in file order */
    public Set<String> keys() {
        @SuppressWarnings("unchecked")
        Map<String, ?> map = as(Map.class, "an object");
        return map.keySet();
    }

    /** @return the elements of this list (a new list each call; the elements are the same) */
    public List<ParameterValue> list() {
        List<ParameterValue> known = elements;
        if (known == null) {
            List<?> list = as(List.class, "a list");
            List<ParameterValue> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                values.add(new ParameterValue(this, i, list.get(i)));
            }
            known = Collections.unmodifiableList(values);
            elements = known;
        }
        return new ArrayList<>(known);
    }

    /** @return the elements of this list of texts */
    public List<String> texts() {
        List<?> list = as(List.class, "a list");
        for (Object element : list) {
            if (!(element instanceof String)) {
                return list().stream().map(ParameterValue::text).toList(); // names the element that is not a text
            }
        }
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) list;
        return texts;
    }

    /**
     * @return the value as plain, immutable Java data: {@link BigDecimal}, {@link String},
     *     {@link Boolean}, {@link List} and {@link Map}
     */
    public Object plain() {
        return node;
    }

    /** @return whether this value is a number */
    public boolean isNumber() {
        return node instanceof BigDecimal;
    }

    /** @return whether this value is an object */
    public boolean isObject() {
        return node instanceof Map;
    }

    /** @return whether this value is a list */
    public boolean isList() {
        return node instanceof List;
    }

    /** @return whether this value is a text */
    public boolean isText() {
        return node instanceof String;
    }

    @Override
    public String toString() {
        return path() + "=" + node;
    }

    private <T> T as(Class<T> type, String expected) {
        if (!type.isInstance(node)) {
            throw new ParameterException(path() + ": expected " + expected + ", found "
                    + (node == null ? "nothing" : node.getClass().getSimpleName()));
        }
        return type.cast(node);
    }

    private static Object freeze(String path, Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, freeze(path, value)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            return list.stream().map(value -> freeze(path, value)).toList();
        }
        if (node instanceof BigDecimal || node instanceof String || node instanceof Boolean) {
            return node;
        }
        throw new IllegalArgumentException(path + ": unsupported value " + node);
    }
}
