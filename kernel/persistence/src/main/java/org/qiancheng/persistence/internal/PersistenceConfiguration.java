package org.qiancheng.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Qiancheng database", description = "Where the kernel keeps its data.")
@interface PersistenceConfiguration {

    @AttributeDefinition(description = "JDBC URL; empty means the HSQLDB file database in ${qc.home}/data")
    String url() default "";

    @AttributeDefinition(description = "Database user")
    String user() default "SA";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(description = "EclipseLink log level (OFF, SEVERE, WARNING, INFO, FINE)")
    String logLevel() default "WARNING";
}
