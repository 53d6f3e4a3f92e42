package org.qiancheng.api.parameter;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.rule.Rules;

/**
 * The dated parameters of one policy version, loaded and validated by the kernel. Each value
 * applies from its start date until the next value's start date. The kernel records every read
 * so that a decision lists the parameter values it rests on.
 */
@ProviderType
public interface Parameters {

    /**
     * The value in force on a day.
     *
     * @param name a parameter the policy declared, e.g. {@code subsidy/standard}
     * @param on the day, normally the class's start date
     * @return the value
     * @throws ParameterException when the parameter was not declared or no value is in force on that day
     */
    ParameterValue value(String name, LocalDate on);

    /**
     * The start date of the value in force on a day.
     *
     * @param name a declared parameter
     * @param on the day
     * @return the start date of that value
     * @throws ParameterException as {@link #value(String, LocalDate)}
     */
    LocalDate effectiveFrom(String name, LocalDate on);

    /**
     * The clause a parameter rests on, to cite in a trace line.
     *
     * @param name a declared parameter
     * @return its reference
     * @throws ParameterException when the parameter was not declared
     */
    Citation reference(String name);

    /**
     * Whether the policy declared a parameter, for optional parts such as a shortage list.
     *
     * @param name a parameter name
     * @return whether it was declared (and so loaded)
     * @since 1.1
     */
    boolean declares(String name);

    /**
     * Whether a parameter's file is marked as sample data an operator must replace.
     *
     * @param name a declared parameter
     * @return the file's {@code sample} flag
     * @throws ParameterException when the parameter was not declared
     * @since 1.1
     */
    boolean isSample(String name);

    /**
     * The rules of the policy these parameters belong to, from its {@code rules.json}: a formula
     * writes its cited lines and reasons through them. A city plugin's calls see the city's rules,
     * the province's calls (composed under a city) the province's.
     *
     * @return the rules; empty when the bundle has no rules file
     * @since 1.3
     */
    Rules rules();
}
