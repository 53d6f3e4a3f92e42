package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qiancheng.api.workflow.WorkflowException;

class ChecksTest {

    @Test
    void pagesAreBounded() {
        Checks.page(0, 1);
        Checks.page(10, Checks.MAX_PAGE);
        assertEquals("offset", assertThrows(WorkflowException.class, () -> Checks.page(-1, 10)).field());
        assertEquals("range:1-500", assertThrows(WorkflowException.class, () -> Checks.page(0, 0)).rule());
        assertEquals("limit", assertThrows(WorkflowException.class, () -> Checks.page(0, 501)).field());
    }

    @Test
    void brokenInputNamesTheFieldAndTheRule() {
        WorkflowException missing = assertThrows(WorkflowException.class, () -> Checks.text("name", "  ", 10));
        assertEquals("name", missing.field());
        assertEquals("required", missing.rule());
        assertEquals(WorkflowException.Kind.INVALID, missing.kind());
        assertEquals("max-length:3", assertThrows(WorkflowException.class, () -> Checks.text("name", "abcd", 3)).rule());
        assertEquals("gb2260", assertThrows(WorkflowException.class, () -> Checks.region("regionCode", "51A100")).rule());
        assertEquals("minimum:1", assertThrows(WorkflowException.class, () -> Checks.atLeast("hours", 0, 1)).rule());
        assertEquals("Zhang", Checks.text("name", " Zhang ", 10));
    }
}
