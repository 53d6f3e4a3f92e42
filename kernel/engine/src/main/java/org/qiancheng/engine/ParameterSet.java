package org.qiancheng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.parameter.ParameterException;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;
import org.qiancheng.engine.internal.Json;
import org.qiancheng.engine.internal.JsonException;

/**
 * The validated dated parameters of one policy version. Loading reads every declared
 * {@code parameters/<name>.json} and collects every problem before refusing, so one attempt
 * tells a policy author everything that is wrong.
 */
public final class ParameterSet implements Parameters {

    static final String ROOT = "parameters/";

    private final Map<String, ParameterFile> files;
    private final RuleSet rules;
    /** The rules as this set's calls see them, bound once: a policy asks for them in every call. */
    private final Rules bound;
    /** The files' dated values as arrays, for the look-ups of every decision (see {@link Dated}). */
    private final Map<String, Dated> dated;

    private ParameterSet(Map<String, ParameterFile> files, RuleSet rules) {
        this.files = Map.copyOf(files);
        this.rules = rules;
        Map<String, Dated> byName = new HashMap<>();
        files.forEach((name, file) -> byName.put(name, Dated.of(file)));
        this.dated = byName;
        this.bound = rules.bind(this);
    }

    /**
     * One parameter's values by start date, in arrays: a file holds one to a few dated values, so a
     * search from the latest is quicker than a tree's, and the reference comes with the same look-up.
     *
     * @param from the start dates, ascending
     * @param values the value from each start date
     * @param reference the file's reference
     */
    record Dated(LocalDate[] from, ParameterValue[] values, Citation reference) {

        static Dated of(ParameterFile file) {
            return new Dated(file.values().keySet().toArray(LocalDate[]::new),
                    file.values().values().toArray(ParameterValue[]::new), file.reference());
        }

        /** @return the index of the value in force on the day, -1 when none is */
        int index(LocalDate on) {
            for (int i = from.length - 1; i >= 0; i--) {
                if (!from[i].isAfter(on)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Loads the declared parameters with the class loader of the policy.
     *
     * @param loader the policy bundle's (or module's) class loader
     * @param specs what the policy declares
     * @return the parameters
     * @throws ParameterException listing every missing file, malformed file and broken bound
     */
    public static ParameterSet load(ClassLoader loader, List<ParameterSpec> specs) {
        return load(loader, specs, Map.of());
    }

    /**
     * As {@link #load(ClassLoader, List)}, but with the {@code values} of some parameters replaced,
     * as a case file does to show that a policy refuses values outside its bounds.
     *
     * @param overrides parameter name → replacement {@code values} object (start date → value)
     */
    public static ParameterSet load(ClassLoader loader, List<ParameterSpec> specs, Map<String, Object> overrides) {
        List<String> problems = new ArrayList<>();
        Map<String, ParameterFile> files = new LinkedHashMap<>();
        for (String name : overrides.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                problems.add(name + ": overridden but not declared by the policy");
            }
        }
        for (ParameterSpec spec : specs) {
            if (files.containsKey(spec.name())) {
                problems.add(spec.name() + ": declared twice");
                continue;
            }
            Object tree = readTree(loader, spec.name(), problems);
            if (tree == null) {
                continue;
            }
            if (overrides.containsKey(spec.name()) && tree instanceof Map<?, ?> file) {
                Map<Object, Object> replaced = new LinkedHashMap<>(file);
                replaced.put("values", overrides.get(spec.name()));
                tree = replaced;
            }
            ParameterFile parsed = ParameterFile.read(spec, tree, problems);
            if (parsed != null) {
                files.put(spec.name(), parsed);
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new ParameterSet(files, RuleSet.NONE);
    }

    private static Object readTree(ClassLoader loader, String name, List<String> problems) {
        String resource = ROOT + name + ".json";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                problems.add(name + ": file " + resource + " not found in the policy's bundle");
                return null;
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            problems.add(name + ": " + resource + " is not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            problems.add(name + ": " + resource + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    @Override
    public ParameterValue value(String name, LocalDate on) {
        var entry = file(name).values().floorEntry(Objects.requireNonNull(on, "on"));
        if (entry == null) {
            throw new ParameterException(name + ": no value in force on " + on + " (first value from "
                    + file(name).values().firstKey() + ")");
        }
        return entry.getValue();
    }

    /**
     * A parameter's dated values, for a decision that reads a value, its start date and the
     * reference with one look-up.
     *
     * @throws ParameterException when the policy does not declare it
     */
    Dated dated(String name) {
        Dated values = dated.get(name);
        if (values == null) {
            file(name); // names what is declared
        }
        return values;
    }

    @Override
    public LocalDate effectiveFrom(String name, LocalDate on) {
        LocalDate from = file(name).values().floorKey(Objects.requireNonNull(on, "on"));
        if (from == null) {
            value(name, on); // names the parameter and its first date
        }
        return from;
    }

    @Override
    public Citation reference(String name) {
        return file(name).reference();
    }

    @Override
    public boolean declares(String name) {
        return files.containsKey(name);
    }

    @Override
    public boolean isSample(String name) {
        return file(name).sample();
    }

    /** The rules of the policy, bound to these parameters. */
    @Override
    public Rules rules() {
        return bound;
    }

    /** @return the rule set of the policy, as loaded from its rules file */
    public RuleSet ruleSet() {
        return rules;
    }

    /** @return these parameters with the policy's rules */
    ParameterSet withRules(RuleSet ruleSet) {
        return new ParameterSet(files, ruleSet);
    }

    /** @return every loaded parameter file */
    public Collection<ParameterFile> files() {
        return files.values();
    }

    /** @return whether any parameter is marked as sample data */
    public boolean sample() {
        return files.values().stream().anyMatch(ParameterFile::sample);
    }

    /** @return a view of these parameters that records every value read, for one decision */
    public TrackedParameters tracked() {
        return new TrackedParameters(this);
    }

    private ParameterFile file(String name) {
        ParameterFile file = files.get(name);
        if (file == null) {
            throw new ParameterException(name + ": not declared by the policy (declared: "
                    + String.join(", ", files.keySet().stream().sorted().toList()) + ")");
        }
        return file;
    }
}
