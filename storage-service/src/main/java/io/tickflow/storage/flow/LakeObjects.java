package io.tickflow.storage.flow;

import java.util.Collection;
import java.util.List;

/** The lake's objects as compaction sees them: listed, read, replaced. */
public interface LakeObjects extends LakeWriter {

    /** The keys of the objects under {@code prefix}, in key order. */
    List<String> keys(String prefix);

    /** The bytes of one object. */
    byte[] get(String key);

    /** Deletes the objects; a key that is already gone is no error. */
    void delete(Collection<String> keys);
}
