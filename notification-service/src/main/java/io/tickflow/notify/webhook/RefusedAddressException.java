package io.tickflow.notify.webhook;

import java.net.UnknownHostException;

/**
 * A webhook host whose every address the {@link AddressGuard} refuses. It is an {@link UnknownHostException} so that
 * HttpClient stops before opening a socket, as it does for a host that does not resolve; unlike that one, trying again
 * will not help.
 */
final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
        super(message);
    }
}
