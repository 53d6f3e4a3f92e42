package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.osgi.service.component.annotations.Component;

/**
 * Jetty's own error answers as problem+json: what it refuses while parsing, before any servlet
 * runs (400 bad URI or header, 414 URI too long, 431 headers too large, 505), and every error a
 * servlet sends without a body (404 outside {@code /api}, Jersey's bare 404/405/406/415) instead of
 * Jetty's HTML page. Felix HTTP (jetty12) offers no setting for the server's error handler, but it
 * hands its {@link Server} to every {@link ConnectorFactory} service once started: this one installs
 * the handler there and answers an in-memory {@link LocalConnector} (no socket), whose stop puts
 * Felix's handler back.
 */
@Component(service = ConnectorFactory.class)
public final class JettyProblems implements ConnectorFactory {

    @Override
    public Connector createConnector(Server server) {
        Request.Handler felix = server.getErrorHandler();
        server.setErrorHandler(new Handler());
        return new LocalConnector(server) {
            @Override
            protected void doStop() throws Exception {
                server.setErrorHandler(felix);
                super.doStop();
            }
        };
    }

    /** Writes the status's problem document; never echoes the request (its URI may hold anything). */
    static final class Handler implements Request.Handler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
            int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code
                    : response.getStatus();
            if (status < 400 || status > 599) {
                status = 500;
            }
            byte[] body = JsonProvider.shared().writeValueAsBytes(Problems.http(status, null, null));
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
