package org.qiancheng.api.parameter;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.qiancheng.api.model.Citation;

/**
 * A parameter a policy declares it reads, with the shape its values must have and the bounds the
 * policy's documents set on them (e.g. a share of at least 0.20).
 * The kernel loads {@code parameters/<name>.json} from the policy's bundle at activation and
 * refuses the whole policy version when a value breaks its spec.
 *
 * @param name the parameter's path below {@code parameters/}, without {@code .json}, e.g.
 *     {@code subsidy/assessment_share}
 * @param shape what every dated value must look like
 * @param min the smallest number allowed anywhere in a value, or {@code null}
 * @param max the largest number allowed anywhere in a value, or {@code null}
 * @param boundSource the clause that sets the bounds, or {@code null} when it is the parameter's
 *     own reference
 * @param allowed the only texts allowed anywhere in a value (e.g. the formulas a policy knows);
 *     empty for any text
 */
public record ParameterSpec(String name, Shape shape, BigDecimal min, BigDecimal max, Citation boundSource,
        Set<String> allowed) {

    /** The shape of a parameter's values. */
    public enum Shape {
        /** a single number. */
        NUMBER,
        /** an object whose leaves are numbers, e.g. standard[occupation][level]. */
        TABLE,
        /** a list (of texts or objects). */
        LIST,
        /** a single text. */
        TEXT,
        /** an object of any content. */
        OBJECT
    }

    /**
     * A spec with bounds but no restriction on texts.
     *
     * @param name the parameter's path below {@code parameters/}
     * @param shape what every dated value must look like
     * @param min the smallest number allowed, or {@code null}
     * @param max the largest number allowed, or {@code null}
     * @param boundSource the clause that sets the bounds, or {@code null}
     */
    public ParameterSpec(String name, Shape shape, BigDecimal min, BigDecimal max, Citation boundSource) {
        this(name, shape, min, max, boundSource, Set.of());
    }

    /** Requires a well-formed name and consistent bounds. */
    public ParameterSpec {
        allowed = allowed == null ? Set.of() : Set.copyOf(allowed);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (!name.matches("[a-z0-9_]+(/[a-z0-9_]+)*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be lower-case path segments");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("bounds of " + name + " are empty: " + min + " > " + max);
        }
    }

    /** @return a spec for a single number */
    public static ParameterSpec number(String name) {
        return new ParameterSpec(name, Shape.NUMBER, null, null, null);
    }

    /** @return a spec for a table whose leaves are numbers */
    public static ParameterSpec table(String name) {
        return new ParameterSpec(name, Shape.TABLE, null, null, null);
    }

    /** @return a spec for a list */
    public static ParameterSpec list(String name) {
        return new ParameterSpec(name, Shape.LIST, null, null, null);
    }

    /** @return a spec for a single text */
    public static ParameterSpec text(String name) {
        return new ParameterSpec(name, Shape.TEXT, null, null, null);
    }

    /** @return a spec for an object of any content */
    public static ParameterSpec object(String name) {
        return new ParameterSpec(name, Shape.OBJECT, null, null, null);
    }

    /** @return this spec, also requiring every number to be at least {@code min} */
    public ParameterSpec atLeast(String min) {
        return new ParameterSpec(name, shape, new BigDecimal(min), max, boundSource, allowed);
    }

    /** @return this spec, also requiring every number to be at most {@code max} */
    public ParameterSpec atMost(String max) {
        return new ParameterSpec(name, shape, min, new BigDecimal(max), boundSource, allowed);
    }

    /** @return this spec, naming the clause that sets its bounds, e.g. {@code "CN-2025 §六(十七)"} */
    public ParameterSpec boundBy(String citation) {
        return new ParameterSpec(name, shape, min, max, Citation.parse(citation), allowed);
    }

    /**
     * @param texts the only texts allowed in the parameter's values
     * @return this spec, refusing any other text at activation
     * @since 1.2
     */
    public ParameterSpec oneOf(String... texts) {
        return new ParameterSpec(name, shape, min, max, boundSource, Set.of(texts));
    }
}
