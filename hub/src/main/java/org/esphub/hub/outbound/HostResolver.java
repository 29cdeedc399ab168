package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a URL's host into the addresses it stands for. The outbound checks resolve through this
 * and only through this, and the sender connects to an address it returned, so what was checked
 * is what is called (no second lookup a rebinding DNS server could answer differently).
 */
public interface HostResolver {

    /**
     * @param host a host name or an IP literal (IPv6 without brackets)
     * @return at least one address
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
