package io.tickflow.localaws.sns;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers the emulator hands out. */
final class Ids {

    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {}

    /**
     * A random (version 4) UUID for message and request ids. It draws from {@link ThreadLocalRandom} because
     * {@link UUID#randomUUID()} shares one SecureRandom, which becomes a point of contention at the publish rates the
     * emulator carries; these ids need to be unique, not unguessable.
     */
    static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & 0xffff_ffff_ffff_0fffL) | 0x0000_0000_0000_4000L;
        long least = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }

    /** A confirmation token: whoever holds it may confirm a subscription, so it must be unguessable. */
    static String token() {
        byte[] bytes = new byte[64];
        SECURE.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
