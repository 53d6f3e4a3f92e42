package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.engine.Violation;

/**
 * A preview asks the registry for the class's region, as the claim computation does for a stored
 * claim of the same class ({@code registry.acquire(classFacts.regionCode(), classFacts.startDate())}),
 * so both meet the same policy version; the scenario's {@code region} is only the area asked about.
 */
class PreviewRoutingTest {

    private final List<List<Object>> asked = new ArrayList<>();

    /** A registry that records what it is asked and has no policy in force. */
    private final PolicyRegistry registry = (PolicyRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PolicyRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("acquire")) {
                    asked.add(List.of(args[0], args[1]));
                    throw new NoPolicyException((String) args[0], "no policy of " + args[0]);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private static String scenario(String region, String classRegion, String version) {
        return "{\"region\": \"" + region + "\"" + (version == null ? "" : ", \"version\": \"" + version + "\"")
                + ", \"class\": {" + (classRegion == null ? "" : "\"region\": \"" + classRegion + "\", ")
                + "\"occupation\": \"6-31-01-03\", \"level\": \"JUNIOR\", \"mode\": \"OFFLINE\","
                + " \"startDate\": \"2025-09-01\", \"endDate\": \"2025-09-30\", \"hours\": 80},"
                + " \"trainee\": {\"idNumber\": \"510104199001011230\"},"
                + " \"outcome\": {\"passed\": true, \"employment\": \"NONE\"}}";
    }

    private Violation refusal(String body) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> new PreviewResource(registry).preview(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, problem.problem().status());
        return problem.problem().violations().get(0);
    }

    @Test
    void aProvincePreviewOfADistrictClassIsRoutedByTheClassRegionAsAStoredClaim() {
        Violation none = refusal(scenario("510000", "510104", null));
        assertEquals(List.of(List.of("510104", LocalDate.of(2025, 9, 1))), asked,
                "the registry falls back from 510104 to Chengdu, Sichuan, national: the stored claim's route");
        assertEquals("class.region", none.field());
        assertEquals("policy-in-force", none.rule());
    }

    @Test
    void withoutAClassRegionTheScenarioRegionIsTheClassRegion() {
        Violation none = refusal(scenario("610100", null, null));
        assertEquals(List.of(List.of("610100", LocalDate.of(2025, 9, 1))), asked);
        assertEquals("region", none.field());
    }

    @Test
    void aClassOutsideTheRegionAskedAboutIsRefusedNamingClassRegion() {
        Violation outside = refusal(scenario("610100", "510104", null));
        assertEquals(List.of(), asked, "no policy is asked");
        assertEquals("class.region", outside.field());
        assertEquals("within:region", outside.rule());
    }

    @Test
    void theNationalRegionCoversEveryClass() {
        refusal(scenario("100000", "510104", null));
        assertEquals("510104", asked.get(0).get(0));
    }

    @Test
    void aNamedVersionIsAVersionOfTheRegionAskedAbout() {
        Violation none = refusal(scenario("510000", "510104", "2025.1.0"));
        assertEquals(List.of(List.of("510000", "2025.1.0")), asked);
        assertEquals("version", none.field());
    }
}
