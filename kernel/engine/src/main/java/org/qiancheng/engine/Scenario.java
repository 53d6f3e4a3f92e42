package org.qiancheng.engine;

import org.qiancheng.api.claim.ClaimInput;

/**
 * A whole claim described inline: the region asked for, optionally a version, and the inputs.
 * The JSON form is the body of {@code POST /api/v1/claims/preview} and the {@code input} of a
 * case file (see {@code docs/testkit.md}).
 *
 * @param region the GB/T 2260 code of the area asked about; a preview is routed by the class's region
 *     ({@code input().classFacts().regionCode()}, by default this one), as a stored claim
 * @param version a version to use instead of routing by date, or {@code null}
 * @param input the claim's inputs
 */
public record Scenario(String region, String version, ClaimInput input) {
}
