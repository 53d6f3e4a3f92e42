package org.qiancheng.core.internal.security;

import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.Permissions;
import org.qiancheng.api.security.User;

/** The shipped {@link PermissionMatrix} as a service, for the REST layer and the console. */
@Component
public final class PermissionService implements Permissions {

    @Override
    public Optional<String> ofOperation(String operationId) {
        return PermissionMatrix.SHIPPED.operation(operationId);
    }

    @Override
    public Set<String> of(User user) {
        return PermissionMatrix.SHIPPED.permissions(user.roles());
    }

    @Override
    public Authentication require(String permission) {
        return Access.require(permission);
    }
}
