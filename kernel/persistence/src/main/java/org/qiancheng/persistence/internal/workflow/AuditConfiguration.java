package org.qiancheng.persistence.internal.workflow;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Qiancheng audit chain", description = "The key of the tamper-evident audit trail.")
@interface AuditConfiguration {

    @AttributeDefinition(description = "File of the audit key (256 bits, base64), created with owner-only access"
            + " when absent; never in the database. Empty means ${qc.home}/etc/audit.key")
    String keyFile() default "";
}
