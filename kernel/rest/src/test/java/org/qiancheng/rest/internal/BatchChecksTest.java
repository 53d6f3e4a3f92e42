package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.qiancheng.rest.internal.ClaimsResource.BatchRequest;
import org.qiancheng.rest.internal.ClaimsResource.Expectation;
import org.qiancheng.rest.internal.ClaimsResource.ReviewDecision;
import org.qiancheng.rest.internal.ClaimsResource.Selection;

/** A batch review request is refused before anything is read, naming the field that is wrong. */
class BatchChecksTest {

    private static final Selection FLAGGED = new Selection(null, org.qiancheng.api.workflow.ClaimStatus.FLAGGED,
            null, "610100");

    @Test
    void aWellFormedRequestPasses() {
        BatchChecks.check(new BatchRequest(ReviewDecision.APPROVE, null, List.of(1L, 2L), null, null));
        BatchChecks.check(new BatchRequest(ReviewDecision.REJECT, "材料不全", null, FLAGGED,
                new Expectation(3L, "1234.00")));
    }

    @Test
    void eachMistakeNamesItsField() {
        refused(new BatchRequest(null, null, List.of(1L), null, null), "decision", "required");
        refused(new BatchRequest(ReviewDecision.REJECT, " ", List.of(1L), null, null), "reason", "required");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, null, null, null), "ids", "one-of:ids|filter");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, List.of(1L), FLAGGED, new Expectation(1L, "1.00")),
                "ids", "one-of:ids|filter");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, List.of(), null, null), "ids", "range:1-500");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, LongStream.rangeClosed(1, 501).boxed().toList(), null,
                null), "ids", "range:1-500");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, List.of(1L, 1L), null, null), "ids", "unique");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, List.of(1L), null, new Expectation(1L, "1.00")),
                "expect", "with:filter");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, null, FLAGGED, null), "expect", "required");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, null, FLAGGED, new Expectation(null, "1.00")),
                "expect.count", "required");
        refused(new BatchRequest(ReviewDecision.APPROVE, null, null, FLAGGED, new Expectation(1L, "1,00")),
                "expect.total", "format:yuan");
    }

    @Test
    void anUnknownDecisionIsA422NamingIt() throws Exception {
        ObjectMapper mapper = JsonProvider.objectMapper();
        Exception failure = assertThrows(Exception.class,
                () -> mapper.readValue("{\"decision\": \"MAYBE\", \"ids\": [1]}", BatchRequest.class));
        Problem problem = ProblemMapper.problem(failure, "/api/v1/claims/reviews");
        assertEquals(422, problem.status());
        assertEquals("decision", problem.violations().get(0).field());
    }

    private static void refused(BatchRequest request, String field, String rule) {
        ProblemException refused = assertThrows(ProblemException.class, () -> BatchChecks.check(request));
        assertEquals(422, refused.problem().status());
        assertEquals(field, refused.problem().violations().get(0).field());
        assertEquals(rule, refused.problem().violations().get(0).rule());
    }
}
