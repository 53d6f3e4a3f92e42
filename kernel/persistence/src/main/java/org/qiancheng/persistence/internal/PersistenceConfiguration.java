package org.qiancheng.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Qiancheng database", description = "Where the kernel keeps its data.")
@interface PersistenceConfiguration {

    @AttributeDefinition(description = "JDBC URL (jdbc:hsqldb: or jdbc:postgresql:); empty means QC_DB_URL if the"
            + " platform was started with it, else the HSQLDB file database in ${qc.home}/data")
    String url() default "";

    @AttributeDefinition(description = "Database user; empty means SA on HSQLDB and the URL's user on PostgreSQL")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(description = "EclipseLink log level (OFF, SEVERE, WARNING, INFO, FINE)")
    String logLevel() default "WARNING";
}
