package org.esphub.hub.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/** Whether a stored grant holds exactly the permissions the hub defines for it. */
final class GrantedPermissions {

    private GrantedPermissions() {
    }

    static boolean same(Authorization stored, AgencyRole.Grant grant) {
        boolean all = grant.permissions().stream().anyMatch(permission -> permission.getValue() == Permissions.ALL.getValue());
        // every single permission of the resource type, without the NONE and ALL masks
        return Arrays.stream(ResourceTypeUtil.getPermissionsByResourceType(grant.resource().resourceType()))
                .filter(GrantedPermissions::single)
                .allMatch(permission -> stored.isPermissionGranted(permission)
                        == (all || grant.permissions().stream().anyMatch(p -> p.getValue() == permission.getValue())));
    }

    private static boolean single(Permission permission) {
        return Integer.bitCount(permission.getValue()) == 1;
    }
}
