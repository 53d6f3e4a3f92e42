/**
 * What the persistence bundle offers the rest of the kernel. Entities never leave the bundle.
 * <p>
 * Used by the kernel only, versioned as 0.x: a minor version may break callers. 0.5.0 split the
 * single {@code WorkflowTx} of 0.4.0 into one repository per aggregate behind the same transaction
 * ({@link org.qiancheng.persistence.WorkflowTx#institutions()} … {@link org.qiancheng.persistence.WorkflowTx#settlements()});
 * 0.6.0 added the user accounts, sessions and failed logins ({@link org.qiancheng.persistence.WorkflowTx#accounts()});
 * 0.7.0 gave every claim its payment state and {@link org.qiancheng.persistence.ClaimTx#list} a payment-state filter;
 * 0.8.0 chains the audit trail ({@link org.qiancheng.persistence.AuditTx#verify}, {@link org.qiancheng.persistence.AuditTx#checkpoint}),
 * scopes the lists by region and records who filed, computed and reviewed;
 * 0.9.0 added the two-person activation requests ({@link org.qiancheng.persistence.WorkflowTx#activationRequests()})
 * and decisions about policy versions stored with work of the same transaction
 * ({@link org.qiancheng.persistence.PolicyActivations#append(org.qiancheng.api.registry.Activation, java.util.function.BiConsumer)});
 * 0.10.0 added the claim filter's region, sums, ids and payment list of {@link org.qiancheng.persistence.ClaimTx}
 * and records who paid;
 * 0.11.0 added the classes' satisfaction surveys ({@link org.qiancheng.persistence.ClassTx#survey}), later
 * employment ({@link org.qiancheng.persistence.EnrolmentTx#recordEmployment}) and top-up claims
 * ({@link org.qiancheng.persistence.ClaimTx#insertTopUp}, {@link org.qiancheng.persistence.SettlementTx#topUpCursor}),
 * and the yearly training plans ({@link org.qiancheng.persistence.WorkflowTx#plans()}),
 * the nodes and their leases ({@link org.qiancheng.persistence.WorkflowTx#nodes()}), the region's
 * decision sequence of {@link org.qiancheng.persistence.PolicyActivations} and the sequence an activation
 * request was made at ({@link org.qiancheng.persistence.ActivationRequestTx#insert});
 * 0.12.0 stored a class's claims at once ({@link org.qiancheng.persistence.ClaimTx#insertAll});
 * 0.13.0 encodes a claim's decision ahead of its transaction ({@link org.qiancheng.persistence.WorkflowStore#encode}),
 * which {@link org.qiancheng.persistence.ClaimTx.NewClaim} now carries;
 * 0.14.0 reads what a settlement batch's classes need in one statement for all of them
 * ({@link org.qiancheng.persistence.EnrolmentTx#ofClasses}, {@link org.qiancheng.persistence.ClaimTx#claimedEnrolments},
 * {@link org.qiancheng.persistence.ClassTx#surveys}).
 */
@Export
@Version("0.14.0")
package org.qiancheng.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
