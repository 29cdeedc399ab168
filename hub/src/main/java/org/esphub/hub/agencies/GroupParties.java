package org.esphub.hub.agencies;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.agencies.group-parties}: the agency (agreement party, as agreements name it, e.g.
 * {@code sa.gov.example}) each caseworker group works for. It is what a caseworker may act for on
 * governance data, as {@link AgencySenders} is for an agency system; a group not listed acts for none.
 */
@ConfigurationProperties("esp.agencies")
public record GroupParties(@DefaultValue Map<String, List<String>> groupParties) {

    /** Every party the members of these groups act for, in the order the groups are given. */
    public Set<String> partiesOf(Collection<String> groupIds) {
        Set<String> parties = new LinkedHashSet<>();
        groupIds.forEach(group -> parties.addAll(groupParties.getOrDefault(group, List.of())));
        return parties;
    }

    /** The caseworker groups that work for {@code party}, in the order they are configured. */
    public List<String> groupsOf(String party) {
        return groupParties.entrySet().stream().filter(group -> group.getValue().contains(party))
                .map(Map.Entry::getKey).toList();
    }
}
