package org.qiancheng.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.osgi.framework.Version;
import org.qiancheng.api.model.LocalizedText;

/**
 * What a jar in {@code deploy/} (or an upload) is, read from its bytes alone, before anything is
 * installed: a complete jar (every entry inflates with its CRC, the central directory is there), an
 * OSGi bundle (manifest version 2, a symbolic name, a version) and a region policy (it declares a
 * {@code RegionPolicy} service).
 */
final class JarCheck {

    static final String REGION_POLICY = "org.qiancheng.api.spi.RegionPolicy";

    /** A jar that cannot be installed: the rule it breaks and why, in both languages. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String rule;
        final transient LocalizedText why;

        Refusal(String rule, String zh, String en) {
            super(en, null, false, false);
            this.rule = rule;
            this.why = new LocalizedText(zh, en);
        }
    }

    /** A readable bundle. */
    record Inspected(String symbolicName, String version, long size, String sha256, boolean regionPolicy) {

        String fileName() {
            return symbolicName + "-" + version + ".jar";
        }
    }

    private JarCheck() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inspected inspect(byte[] jar) throws Refusal {
        if (!hasEndOfCentralDirectory(jar)) {
            throw new Refusal("jar", "不是完整的 jar 文件（缺少中央目录，可能被截断）",
                    "not a complete jar: no central directory at its end (truncated?)");
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            manifest = in.getManifest();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            throw new Refusal("jar", "不是完整的 jar 文件：" + e.getMessage(), "not a complete jar: " + e.getMessage());
        }
        if (manifest == null) {
            throw new Refusal("jar-manifest", "jar 中没有清单文件 META-INF/MANIFEST.MF", "the jar has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        if (!"2".equals(strip(main.getValue("Bundle-ManifestVersion")))) {
            throw new Refusal("Bundle-ManifestVersion:2", "不是 OSGi 组件包：清单缺少 Bundle-ManifestVersion: 2",
                    "not an OSGi bundle: the manifest lacks Bundle-ManifestVersion: 2");
        }
        String name = strip(main.getValue("Bundle-SymbolicName"));
        if (name == null) {
            throw new Refusal("Bundle-SymbolicName", "不是 OSGi 组件包：清单缺少 Bundle-SymbolicName",
                    "not an OSGi bundle: the manifest has no Bundle-SymbolicName");
        }
        name = name.split(";")[0].strip();
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            throw new Refusal("bundle-symbolic-name", "Bundle-SymbolicName '" + name + "' 只能包含字母、数字、'.'、'_' 和 '-'",
                    "Bundle-SymbolicName '" + name + "' may hold letters, digits, '.', '_' and '-' only");
        }
        String version = strip(main.getValue("Bundle-Version"));
        try {
            version = Version.parseVersion(version == null ? "" : version).toString();
        } catch (IllegalArgumentException e) {
            throw new Refusal("bundle-version", "Bundle-Version '" + version + "' 不是 OSGi 版本号",
                    "Bundle-Version '" + version + "' is not an OSGi version");
        }
        if (main.getValue("Bundle-Version") == null) {
            throw new Refusal("bundle-version", "清单缺少 Bundle-Version", "the manifest has no Bundle-Version");
        }
        String capabilities = main.getValue("Provide-Capability");
        boolean region = capabilities != null && capabilities.contains("osgi.service")
                && capabilities.contains(REGION_POLICY);
        return new Inspected(name, version, jar.length, sha256(jar), region);
    }

    /** The jar as {@link #inspect} sees it, required to carry a region policy. */
    static Inspected regionPolicy(byte[] jar) throws Refusal {
        Inspected inspected = inspect(jar);
        if (!inspected.regionPolicy()) {
            throw new Refusal("region-policy", inspected.symbolicName() + " " + inspected.version()
                    + " 不提供地区政策（清单未声明 RegionPolicy 服务）", inspected.symbolicName() + " "
                    + inspected.version() + " provides no region policy (its manifest declares no "
                    + REGION_POLICY + " service)");
        }
        return inspected;
    }

    /** The end-of-central-directory record within the last 64 KiB + 22 bytes, as every complete zip has. */
    private static boolean hasEndOfCentralDirectory(byte[] jar) {
        int lowest = Math.max(0, jar.length - 22 - 0xFFFF);
        for (int i = jar.length - 22; i >= lowest; i--) {
            if (jar[i] == 0x50 && jar[i + 1] == 0x4b && jar[i + 2] == 0x05 && jar[i + 3] == 0x06) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
