package org.qiancheng.api.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;

/**
 * Reads a policy's descriptor from {@code policy.properties} at the root of its bundle, so that
 * region, names, period and documents are data beside the parameters, and the version can be
 * filled in by the build:
 *
 * <pre>
 * region=100000
 * name.zh=全国
 * name.en=National
 * version=${project.version}
 * from=2025-06-20
 * to=2027-12-31
 * document.1.key=CN-2025
 * document.1.zh=关于实施大规模职业技能提升培训行动的意见
 * document.1.en=Opinions on the large-scale vocational skills upgrading training action
 * document.1.issuer=国务院就业促进和劳动保护工作领导小组
 * document.1.issued=2025-06-20
 * document.1.draft=false
 * # only for a city or county plugin that refines its province, e.g. parent=510000
 * </pre>
 *
 * @since 1.1
 */
public final class PolicyFiles {

    /** The resource read, at the root of the policy's bundle. */
    public static final String DESCRIPTOR = "policy.properties";

    private PolicyFiles() {
    }

    /**
     * @param anchor a class of the policy; its class loader finds the file
     * @return the descriptor
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static PolicyDescriptor descriptor(Class<?> anchor) {
        Properties p = read(anchor);
        List<SourceDocument> documents = new ArrayList<>();
        for (int i = 1; p.containsKey("document." + i + ".key"); i++) {
            String prefix = "document." + i + ".";
            String issued = p.getProperty(prefix + "issued", "");
            documents.add(new SourceDocument(required(p, prefix + "key"),
                    new LocalizedText(required(p, prefix + "zh"), required(p, prefix + "en")),
                    required(p, prefix + "issuer"), issued.isBlank() ? null : LocalDate.parse(issued),
                    Boolean.parseBoolean(p.getProperty(prefix + "draft", "false"))));
        }
        String to = p.getProperty("to", "").trim();
        return new PolicyDescriptor(required(p, "region"), new LocalizedText(required(p, "name.zh"),
                required(p, "name.en")), required(p, "version"), new EffectivePeriod(LocalDate.parse(required(p, "from")),
                to.isEmpty() ? null : LocalDate.parse(to)), documents);
    }

    /**
     * @param anchor a class of the policy
     * @return the {@code parent} region of a city or county plugin, or empty
     */
    public static Optional<String> parentRegion(Class<?> anchor) {
        String parent = read(anchor).getProperty("parent", "").trim();
        return parent.isEmpty() ? Optional.empty() : Optional.of(parent);
    }

    private static Properties read(Class<?> anchor) {
        Properties p = new Properties();
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalArgumentException(DESCRIPTOR + " not found beside " + anchor.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(DESCRIPTOR + ": " + key + " is required");
        }
        return value.trim();
    }
}
