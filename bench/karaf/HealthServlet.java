package bench.karaf;

import java.io.IOException;
import java.util.Hashtable;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Karaf's counterpart of Qiancheng's GET /api/v1/health for bench/karaf-start.sh: a servlet
 * registered with the HTTP whiteboard (the http-whiteboard feature) at /health, answering 200
 * with a small JSON body. A bundle activator, so it needs nothing beyond the two features.
 */
public final class HealthServlet extends HttpServlet implements BundleActivator {

    private static final long serialVersionUID = 1L;
    private ServiceRegistration<Servlet> registration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"UP\"}");
    }

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/health");
        registration = context.registerService(Servlet.class, new HealthServlet(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
