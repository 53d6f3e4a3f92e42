package org.qiancheng.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.qiancheng.api.workflow.Operators;

/**
 * Names the operator of a request for the audit trail, from the {@code X-Operator} header
 * (UTF-8, percent-encoded, since header values are ASCII: {@code %E6%9D%8E%E7%BB%8F%E5%8A%9E} is
 * 李经办), for the length of the request. Authentication is not part of the platform yet: the name
 * is what the client (or the gateway in front of it) says.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JakartarsExtension
@JakartarsName("qiancheng.operator")
public final class OperatorFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Operator";
    private static final int MAX_LENGTH = 100;

    @Override
    public void filter(ContainerRequestContext request) {
        String operator = request.getHeaderString(HEADER);
        if (operator != null && !operator.isBlank()) {
            String name = decode(operator.strip()).replaceAll("\\p{Cntrl}", "");
            Operators.set(name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name);
        } else {
            Operators.clear();
        }
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Operators.clear();
    }
}
