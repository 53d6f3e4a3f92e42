package org.qiancheng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.engine.internal.Fields;
import org.qiancheng.engine.internal.Json;
import org.qiancheng.engine.internal.JsonException;

/** Reads case files: {@code cases/*.json} beside a policy, or any list of URLs (in the runtime). */
public final class PolicyCases {

    static final String FOLDER = "cases/";

    private PolicyCases() {
    }

    /**
     * Reads every {@code cases/*.json} visible to a class loader (a class folder or a jar).
     *
     * @param loader the policy's class loader
     * @return the cases in file-name order
     */
    public static List<PolicyCase> fromClassLoader(ClassLoader loader) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (URL folder : Collections.list(loader.getResources("cases"))) {
            urls.addAll(list(folder));
        }
        return fromUrls(urls);
    }

    /**
     * Reads case files from URLs.
     *
     * @param urls the files
     * @return the cases in URL order
     * @throws IllegalArgumentException naming the file and the problem when a case file is malformed
     */
    public static List<PolicyCase> fromUrls(List<URL> urls) throws IOException {
        List<PolicyCase> cases = new ArrayList<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
                cases.add(read(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    /**
     * Reads one case file.
     *
     * @param file its name, for messages
     * @param json its content
     * @return the case
     * @throws IllegalArgumentException naming the file and every problem
     */
    public static PolicyCase read(String file, String json) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (JsonException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        Fields top = new Fields("", tree, violations,
                List.of("name", "rules", "parameters", "input", "parent", "expect"));
        String name = top.text("name", true);
        List<String> rules = texts(top, "rules");
        if (rules.isEmpty()) {
            top.violation("rules", "required", "name at least one rule id");
        }
        Object parameters = top.raw("parameters");
        if (parameters != null && !(parameters instanceof Map<?, ?>)) {
            top.violation("parameters", "type:object", "must map parameter names to values");
        }
        Fields e = new Fields("expect", top.raw("expect"), violations, List.of("activationRefused", "eligible",
                "amount", "lines", "refusedBecause", "flags", "notes", "advanceShare"));
        List<String> activation = texts(e, "activationRefused");
        if (activation.isEmpty() && !top.has("input")) {
            top.violation("input", "required", "is required unless the case expects activationRefused");
        }
        List<PolicyCase.ExpectedLine> lines = new ArrayList<>();
        List<?> listed = e.list("lines");
        for (int i = 0; i < listed.size(); i++) {
            Fields line = new Fields("expect.lines[" + i + "]", listed.get(i), violations,
                    List.of("rule", "amount", "citation"));
            lines.add(new PolicyCase.ExpectedLine(line.text("rule", true), line.decimal("amount", true, null, null),
                    line.text("citation", false)));
        }
        PolicyCase.Expectation expect = new PolicyCase.Expectation(activation, e.flag("eligible", false),
                e.decimal("amount", false, BigDecimal.ZERO, null), lines, texts(e, "refusedBecause"),
                texts(e, "flags"), texts(e, "notes"), e.decimal("advanceShare", false, BigDecimal.ZERO, BigDecimal.ONE));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + new InvalidScenarioException(violations).getMessage());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> overrides = parameters == null ? Map.of() : (Map<String, Object>) parameters;
        SubsidyDecision parent = null;
        PolicyCase.ParentCatalog parentCatalog = null;
        if (top.has("parent")) {
            Fields parentFields = new Fields("parent", top.raw("parent"), violations,
                    List.of("eligible", "lines", "reasons", "advanceShare", "catalog"));
            parent = ParentDecisions.read(parentFields, violations);
            if (parentFields.has("catalog")) {
                parentCatalog = ParentDecisions.catalog(new Fields("parent.catalog", parentFields.raw("catalog"),
                        violations, List.of("occupations", "shortage", "chains")), violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + new InvalidScenarioException(violations).getMessage());
        }
        return new PolicyCase(file, name, rules, overrides, top.raw("input"), parent, expect, parentCatalog);
    }

    private static List<String> texts(Fields fields, String name) {
        List<String> texts = new ArrayList<>();
        List<?> list = fields.list(name);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                texts.add(text);
            } else {
                fields.violation(name, "type:string", "element " + i + " must be a text");
            }
        }
        return texts;
    }

    private static List<URL> list(URL folder) throws IOException {
        List<URL> urls = new ArrayList<>();
        if ("file".equals(folder.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    urls.add(file.toUri().toURL());
                }
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if ("jar".equals(folder.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) folder.openConnection();
            try (JarFile jar = new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
                for (String entry : jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(FOLDER) && n.endsWith(".json")).sorted().toList()) {
                    urls.add(new URL("jar:" + connection.getJarFileURL() + "!/" + entry));
                }
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return urls;
    }
}
