package org.qiancheng.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console's static files at {@code /console/}: GET and HEAD only, a strong ETag on
 * each (revalidated, never cached blind, so an upgraded bundle shows at the next load), gzip when
 * the browser accepts it, and the security headers on every answer. The console is data-free:
 * everything it shows it asks {@code /api/v1} for, with the user's session.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("qiancheng-console")
@HttpWhiteboardServletPattern("/console/*")
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ROOT = "console";

    private final transient Bundle bundle;
    private transient volatile ConsoleFiles files;

    @Activate
    public ConsoleServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    /**
     * The files, read, hashed and compressed at the first request rather than when the servlet is
     * activated: the HTTP whiteboard activates it on the start-level thread, where that work (≈ 60 ms)
     * delayed the platform's start.
     */
    private ConsoleFiles files() {
        ConsoleFiles read = files;
        if (read == null) {
            synchronized (this) {
                read = files;
                if (read == null) {
                    read = new ConsoleFiles(read(bundle));
                    files = read;
                }
            }
        }
        return read;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (info == null) {
            // "/console" without the slash: the page's relative URLs need the folder form
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/console/");
            return;
        }
        ConsoleFiles files = files();
        files.headers().forEach(response::setHeader);
        Asset asset = files.find(info.substring(1));
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        byte[] body = asset.body();
        if (asset.gzipped() != null && accepts(request.getHeader("Accept-Encoding"))) {
            body = asset.gzipped();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static Map<String, byte[]> read(Bundle bundle) {
        Map<String, byte[]> contents = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries(ROOT, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            try (InputStream in = entry.openStream()) {
                contents.put(path.substring(path.indexOf(ROOT + '/') + ROOT.length() + 1), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " from the console bundle", e);
            }
        }
        return contents;
    }
}
