package org.qiancheng.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * {@code GET /api/v1/openapi.json} serves the hand-maintained OpenAPI document, and the document
 * describes exactly the operations the whiteboard serves: every (method, path) of every
 * {@code qiancheng.*} resource is in it, and everything in it is served.
 *
 * <p>The served operations come from the whiteboard's runtime DTO: the Eclipse osgitech
 * implementation fills {@link ResourceDTO#resourceMethods} with one {@link ResourceMethodInfoDTO}
 * per resource method, its path being the class's {@code @Path} and the method's joined by a
 * slash ({@code v1/claims/{id}/review}). That is the path this test takes. Should a resource come
 * without method infos (another whiteboard implementation), its operations are read instead from
 * the {@code @Path} and HTTP method annotations of the service's class, loaded from the bundle
 * that registered it; {@link #theWhiteboardAndTheAnnotationsAgree()} keeps that fallback honest.
 * Paths are compared below {@code /api/v1} with path parameter names erased ({@code {id}} and
 * {@code {code}} both become {@code {}}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenApiIT extends PlatformTestSupport {

    private static final long TIMEOUT = 60_000;

    /** Every resource of the kernel; the test waits until the whiteboard serves them all. */
    private static final List<String> RESOURCES = List.of("qiancheng.health", "qiancheng.regions",
            "qiancheng.policies", "qiancheng.preview", "qiancheng.reports", "qiancheng.institutions",
            "qiancheng.projects", "qiancheng.plans", "qiancheng.classes", "qiancheng.trainees", "qiancheng.enrolments",
            "qiancheng.claims", "qiancheng.paymentlist", "qiancheng.audit", "qiancheng.openapi", "qiancheng.session", "qiancheng.users");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]*}");

    @Inject
    private BundleContext context;

    private RuntimeDTO runtime;
    private JsonNode document;

    @Configuration
    public Option[] configuration() throws Exception {
        return baseConfiguration();
    }

    @Before
    public void serverReady() throws Exception {
        runtime = Whiteboard.await(context, d -> Dtos.resources(d).containsAll(RESOURCES), TIMEOUT);
        Http.Answer answer = new Http(context.getProperty("org.osgi.service.http.port")).get("/openapi.json");
        assertEquals(String.valueOf(answer.body()), 200, answer.status());
        assertTrue(answer.type(), answer.type().startsWith("application/json"));
        document = answer.body();
    }

    /** One operation: the HTTP method in lower case and the path below /api/v1, parameter names erased. */
    private record Operation(String method, String path) implements Comparable<Operation> {

        @Override
        public int compareTo(Operation other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @Test
    public void theDocumentIsOpenApi303() {
        assertEquals("3.0.3", document.path("openapi").asText());
        assertEquals("Qiancheng 前程 API", document.path("info").path("title").asText());
        assertEquals("0.1.0", document.path("info").path("version").asText());
        assertEquals("/api/v1", document.path("servers").path(0).path("url").asText());
        assertTrue(document.path("paths").size() > 0);
    }

    /** The documented operations are distinct after erasing parameter names, so the comparison loses nothing. */
    @Test
    public void erasingParameterNamesMergesNoDocumentedPaths() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> merged = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (!seen.add(normalise(path))) {
                merged.add(path);
            }
        });
        assertEquals(List.of(), merged);
    }

    @Test
    public void everyServedOperationIsDocumented() throws Exception {
        Set<Operation> documented = documented().keySet();
        Map<Operation, String> served = served(false);
        List<String> missing = new ArrayList<>();
        served.forEach((operation, resource) -> {
            if (!documented.contains(operation)) {
                missing.add(operation + " (" + resource + ")");
            }
        });
        assertEquals("served by the whiteboard but missing from openapi.json: " + missing, List.of(), missing);
        assertTrue("every kernel resource was looked at: " + served.values(),
                new TreeSet<>(served.values()).containsAll(RESOURCES));
    }

    @Test
    public void everyDocumentedOperationIsServed() throws Exception {
        Set<Operation> served = served(false).keySet();
        List<String> stale = new ArrayList<>();
        documented().forEach((operation, key) -> {
            if (!served.contains(operation)) {
                stale.add(operation.method().toUpperCase(Locale.ROOT) + " " + key);
            }
        });
        assertEquals("in openapi.json but served by no resource: " + stale, List.of(), stale);
    }

    @Test
    public void theWhiteboardAndTheAnnotationsAgree() throws Exception {
        assumeTrue("the whiteboard lists resource methods", qianchengResources().stream()
                .allMatch(r -> r.resourceMethods != null && r.resourceMethods.length > 0));
        assertEquals(new TreeMap<>(served(true)), new TreeMap<>(served(false)));
    }

    @Test
    public void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
        List<String> wrong = new ArrayList<>();
        references(document, "", wrong);
        Set<String> operationIds = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(item -> {
            if (!HTTP_METHODS.contains(item.getKey())) {
                return;
            }
            String where = item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (!operationIds.add(item.getValue().path("operationId").asText())) {
                wrong.add(where + ": operationId missing or not unique");
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : item.getValue().path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved != null && "path".equals(resolved.path("in").asText())) {
                    declared.add(resolved.path("name").asText());
                }
            }
            Set<String> templated = new TreeSet<>();
            Matcher names = TEMPLATE.matcher(path.getKey());
            while (names.find()) {
                templated.add(names.group().substring(1, names.group().length() - 1));
            }
            if (!declared.equals(templated)) {
                wrong.add(where + ": path parameters " + declared + " for the template's " + templated);
            }
            if (!item.getValue().path("responses").fields().hasNext()) {
                wrong.add(where + ": no responses");
            }
        }));
        assertEquals(List.of(), wrong);
    }

    // --- the served operations

    private List<ResourceDTO> qianchengResources() {
        List<ResourceDTO> ours = new ArrayList<>();
        for (ResourceDTO resource : runtime.defaultApplication.resourceDTOs) {
            if (resource.name != null && resource.name.startsWith("qiancheng.")) {
                ours.add(resource);
            }
        }
        return ours;
    }

    /**
     * @param fromAnnotations read every resource's annotations, even when the whiteboard lists its methods
     * @return every operation of the qiancheng.* resources, with the name of the resource serving it
     */
    private Map<Operation, String> served(boolean fromAnnotations) throws Exception {
        Map<Operation, String> served = new TreeMap<>();
        for (ResourceDTO resource : qianchengResources()) {
            List<Operation> operations = new ArrayList<>();
            if (!fromAnnotations && resource.resourceMethods != null && resource.resourceMethods.length > 0) {
                for (ResourceMethodInfoDTO info : resource.resourceMethods) {
                    if (info.method != null) {
                        for (String verb : info.method.split(",")) {
                            operations.add(new Operation(verb.trim().toLowerCase(Locale.ROOT), normalise(info.path)));
                        }
                    }
                }
            } else {
                operations.addAll(annotated(resource));
            }
            assertFalse(resource.name + " serves no operation", operations.isEmpty());
            for (Operation operation : operations) {
                String other = served.put(operation, resource.name);
                assertTrue(operation + " is served by both " + other + " and " + resource.name,
                        other == null || other.equals(resource.name));
            }
        }
        return served;
    }

    /** The operations of a resource read from its class: {@code @Path} of the class and method, and the HTTP method. */
    private List<Operation> annotated(ResourceDTO resource) throws Exception {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(" + Constants.SERVICE_ID + "="
                    + resource.serviceId + ")");
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        assertNotNull("no service " + resource.serviceId + " for " + resource.name, references);
        String[] objectClass = (String[]) references[0].getProperty(Constants.OBJECTCLASS);
        // our resources are registered under their implementation class (service = XxxResource.class)
        Class<?> type = references[0].getBundle().loadClass(objectClass[0]);
        String base = pathOf(type.getAnnotations());
        List<Operation> operations = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                String verb = httpMethod(method.getAnnotations());
                if (verb != null && Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    String sub = pathOf(method.getAnnotations());
                    String path = sub == null ? base : base + "/" + sub;
                    operations.add(new Operation(verb.toLowerCase(Locale.ROOT), normalise(path)));
                }
            }
        }
        return operations;
    }

    /** The value of a {@code jakarta.ws.rs.Path} among the annotations, or {@code null}; matched by name, not class. */
    private static String pathOf(Annotation[] annotations) throws Exception {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                return (String) annotation.annotationType().getMethod("value").invoke(annotation);
            }
        }
        return null;
    }

    /** The HTTP method of an annotation that carries {@code jakarta.ws.rs.HttpMethod} ({@code @GET} …), or {@code null}. */
    private static String httpMethod(Annotation[] annotations) throws Exception {
        for (Annotation annotation : annotations) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    return (String) meta.annotationType().getMethod("value").invoke(meta);
                }
            }
        }
        return null;
    }

    // --- the documented operations

    /** @return every operation of the document, with its path as written there */
    private Map<Operation, String> documented() {
        Map<Operation, String> documented = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<String> keys = path.getValue().fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (HTTP_METHODS.contains(key)) {
                    String other = documented.put(new Operation(key, normalise(path.getKey())), path.getKey());
                    assertTrue(key + " " + path.getKey() + " is documented twice, also as " + other, other == null);
                }
            }
        }
        return documented;
    }

    /**
     * A path below /api/v1 with parameter names erased: {@code v1/claims/{id}/review},
     * {@code /v1/claims/{claim}/review/} and {@code /claims/{id}/review} all become {@code /claims/{}/review}.
     */
    static String normalise(String path) {
        String p = TEMPLATE.matcher(path == null ? "" : path).replaceAll("{}").replaceAll("/{2,}", "/");
        p = p.replaceFirst("^/", "");
        if (p.equals("v1") || p.startsWith("v1/")) {
            p = p.substring(2);
        }
        p = p.replaceFirst("^/", "").replaceFirst("/$", "");
        return "/" + p;
    }

    // --- references

    private void references(JsonNode node, String where, List<String> wrong) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && resolve(node) == null) {
                wrong.add(where + ": $ref " + ref.asText() + " resolves to nothing");
            }
            node.fields().forEachRemaining(field -> references(field.getValue(), where + "/" + field.getKey(), wrong));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), where + "/" + i, wrong);
            }
        }
    }

    /** The node itself, or what its local {@code $ref} points at; {@code null} when that is nothing. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String pointer = ref.asText();
        if (!pointer.startsWith("#/")) {
            return null;
        }
        JsonNode target = document.at(pointer.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
