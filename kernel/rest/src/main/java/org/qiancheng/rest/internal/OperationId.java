package org.qiancheng.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation id of a resource method in the OpenAPI document, by which the
 * {@link AuthenticationFilter} finds the permission it needs in the permission matrix. A resource
 * method without one is refused to everybody.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OperationId {

    /** @return the operation id, e.g. {@code reviewClaim} */
    String value();
}
