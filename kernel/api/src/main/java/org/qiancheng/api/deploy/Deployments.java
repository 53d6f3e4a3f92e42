package org.qiancheng.api.deploy;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.WorkflowException;

/**
 * The hot folder {@code deploy/} as operators see it. A region bundle arriving there is installed
 * beside the version it replaces and takes its place only once validated; a refused one never
 * does. Uploads and removals enter the audit trail (entity {@code bundle}) under the operator's
 * name. Provided by the kernel.
 */
@ProviderType
public interface Deployments {

    /** @return every jar in {@code deploy/}, by file name */
    List<DeployedFile> files();

    /**
     * Writes a region bundle into {@code deploy/} as {@code <symbolic name>-<version>.jar} (aside
     * first, then renamed in); it is then installed and validated like a jar copied there.
     *
     * @param jar the bundle's bytes
     * @return the file written, PENDING
     * @throws WorkflowException INVALID naming {@code body} and the rule (not a complete jar, no
     *     manifest, not an OSGi bundle, no region policy; not signed, changed after signing, or
     *     signed by a certificate not trusted in {@code etc/trust/}), nothing written; CONFLICT
     *     when the file is there already
     */
    DeployedFile upload(byte[] jar);

    /**
     * Deletes a jar from {@code deploy/}; its bundles are then uninstalled.
     *
     * @param file a file name in {@code deploy/}, ending in {@code .jar}
     * @return the file as it was
     * @throws WorkflowException NOT_FOUND when there is no such jar; INVALID naming {@code file}
     *     when it is not a plain jar file name
     */
    DeployedFile remove(String file);
}
