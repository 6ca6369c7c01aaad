package io.tickflow.localaws.secrets;

import java.util.Collection;
import java.util.List;

/** Where the store keeps its secrets between runs, if anywhere. */
interface SecretPersistence {

    /** The secrets saved by an earlier run, or none. */
    List<Secret> load();

    /**
     * Replaces what is saved with these secrets. The store calls it before it answers a change, so a change the client
     * saw succeed is on disk.
     *
     * @throws java.io.UncheckedIOException if they could not be saved; the store then undoes the change
     */
    void save(Collection<Secret> secrets);

    /** Keeps nothing: secrets live as long as the endpoint. */
    static SecretPersistence inMemory() {
        return new SecretPersistence() {
            @Override
            public List<Secret> load() {
                return List.of();
            }

            @Override
            public void save(Collection<Secret> secrets) {
                // Nothing outlives the endpoint.
            }
        };
    }
}
