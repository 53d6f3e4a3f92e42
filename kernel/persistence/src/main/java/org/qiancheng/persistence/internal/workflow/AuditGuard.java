package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;

/**
 * On PostgreSQL, triggers refuse every UPDATE, DELETE and TRUNCATE of {@code QC_AUDIT}, so the
 * application's own role cannot rewrite the trail; a DBA can still disable them (the chain is what
 * then catches a change). HSQLDB runs embedded in the platform's own files, so there is no other
 * role to keep out.
 */
final class AuditGuard {

    private static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION qc_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'QC_AUDIT is append-only: % refused (审计记录只能追加)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END
            $$""";

    private AuditGuard() {
    }

    /** Creates the triggers unless they exist. */
    static void install(EntityManager manager) {
        Number present = (Number) manager.createNativeQuery("SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c"
                + " ON c.oid = t.tgrelid WHERE c.relname = 'qc_audit' AND t.tgname IN ('qc_audit_append_only',"
                + " 'qc_audit_no_truncate')").getSingleResult();
        if (present.intValue() == 2) {
            return;
        }
        manager.createNativeQuery(FUNCTION).executeUpdate();
        manager.createNativeQuery("DROP TRIGGER IF EXISTS qc_audit_append_only ON qc_audit").executeUpdate();
        manager.createNativeQuery("DROP TRIGGER IF EXISTS qc_audit_no_truncate ON qc_audit").executeUpdate();
        manager.createNativeQuery("CREATE TRIGGER qc_audit_append_only BEFORE UPDATE OR DELETE ON qc_audit"
                + " FOR EACH ROW EXECUTE FUNCTION qc_audit_append_only()").executeUpdate();
        manager.createNativeQuery("CREATE TRIGGER qc_audit_no_truncate BEFORE TRUNCATE ON qc_audit"
                + " FOR EACH STATEMENT EXECUTE FUNCTION qc_audit_append_only()").executeUpdate();
    }
}
