package org.qiancheng.core.internal.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.security.Permissions;
import org.qiancheng.api.security.Role;

/**
 * The declarative permission matrix ({@code permissions.properties} beside this class): which
 * permission each operation of the API needs, which permissions each role holds, and what each
 * permission means in Chinese and English. Read once; a broken file stops the security bundle's
 * classes from loading, never half-applies.
 */
public final class PermissionMatrix {

    /** The matrix shipped in this bundle. */
    public static final PermissionMatrix SHIPPED = load();

    private final Map<String, String> operations;
    private final Map<Role, Set<String>> roles;
    private final Map<String, LocalizedText> permissions;

    PermissionMatrix(Map<String, String> operations, Map<Role, Set<String>> roles,
            Map<String, LocalizedText> permissions) {
        this.operations = Map.copyOf(operations);
        this.roles = Map.copyOf(roles);
        this.permissions = Map.copyOf(permissions);
    }

    private static PermissionMatrix load() {
        try (InputStream in = PermissionMatrix.class.getResourceAsStream("permissions.properties")) {
            if (in == null) {
                throw new IllegalStateException("permissions.properties is missing from the security package");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a matrix: every permission named by a role or an operation is declared, every
     * role is listed, and no administrator role holds a business permission.
     *
     * @throws IllegalArgumentException naming the first broken line
     */
    static PermissionMatrix parse(InputStream in) throws IOException {
        Properties file = new Properties();
        file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, LocalizedText> permissions = new TreeMap<>();
        Map<String, String> operations = new TreeMap<>();
        Map<Role, Set<String>> roles = new EnumMap<>(Role.class);
        for (String key : file.stringPropertyNames()) {
            String value = file.getProperty(key).strip();
            if (key.startsWith("permission.")) {
                String[] names = value.split("\\|", 2);
                if (names.length != 2) {
                    throw new IllegalArgumentException(key + ": expected '<中文> | <English>'");
                }
                permissions.put(key.substring(11), new LocalizedText(names[0].strip(), names[1].strip()));
            } else if (key.startsWith("operation.")) {
                operations.put(key.substring(10), value);
            } else if (key.startsWith("role.")) {
                Set<String> granted = new LinkedHashSet<>();
                for (String permission : value.split(",")) {
                    granted.add(permission.strip());
                }
                roles.put(Role.valueOf(key.substring(5)), granted);
            } else {
                throw new IllegalArgumentException(key + ": not a permission., operation. or role. line");
            }
        }
        check(permissions.keySet(), operations, roles);
        return new PermissionMatrix(operations, roles, permissions);
    }

    private static void check(Set<String> declared, Map<String, String> operations, Map<Role, Set<String>> roles) {
        for (Role role : Role.values()) {
            Set<String> granted = roles.get(role);
            if (granted == null) {
                throw new IllegalArgumentException("role." + role + " is missing");
            }
            undeclared("role." + role, granted, declared);
            if (role.administrator() && granted.stream().anyMatch(p -> !p.equals("user.admin"))) {
                throw new IllegalArgumentException("role." + role + ": an administrator role holds no business"
                        + " permission (三员分立)");
            }
        }
        for (Map.Entry<String, String> operation : operations.entrySet()) {
            if (!operation.getValue().equals(Permissions.ANONYMOUS)
                    && !operation.getValue().equals(Permissions.AUTHENTICATED)) {
                undeclared("operation." + operation.getKey(), Set.of(operation.getValue()), declared);
            }
        }
    }

    private static void undeclared(String line, Collection<String> used, Set<String> declared) {
        for (String permission : used) {
            if (!declared.contains(permission)) {
                throw new IllegalArgumentException(line + ": permission '" + permission + "' is not declared");
            }
        }
    }

    /** @return the permission an operation needs, {@code anonymous}, {@code authenticated}, or empty when unlisted */
    public Optional<String> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** @return whether any of the roles holds the permission */
    public boolean granted(Collection<Role> held, String permission) {
        for (Role role : held) {
            if (roles.get(role).contains(permission)) {
                return true;
            }
        }
        return false;
    }

    /** @return the permissions the roles hold together, sorted */
    public Set<String> permissions(Collection<Role> held) {
        Set<String> all = new java.util.TreeSet<>();
        held.forEach(role -> all.addAll(roles.get(role)));
        return all;
    }

    /** @return what a permission means, or empty for an undeclared name */
    public Optional<LocalizedText> meaning(String permission) {
        return Optional.ofNullable(permissions.get(permission));
    }

    /** @return every operation id listed, with its permission */
    public Map<String, String> operations() {
        return operations;
    }
}
