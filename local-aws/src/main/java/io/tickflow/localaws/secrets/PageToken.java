package io.tickflow.localaws.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a listing stopped: the sort key of the last item returned. Resuming after a key rather than at an offset means
 * that secrets created or deleted between two pages neither repeat nor go missing.
 *
 * @param createdDate the creation time of the last item returned
 * @param id its name or version id, which orders items created at the same instant
 */
record PageToken(Instant createdDate, String id) {

    static final Comparator<PageToken> ORDER =
            Comparator.comparing(PageToken::createdDate).thenComparing(PageToken::id);

    PageToken {
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(id, "id");
    }

    /** The opaque NextToken a client passes back. */
    String encode() {
        String plain = createdDate.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a NextToken from a client.
     *
     * @throws ApiException InvalidNextTokenException if this emulator did not make it
     */
    static PageToken decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new PageToken(
                    Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ApiException(ErrorType.INVALID_NEXT_TOKEN, "The NextToken value is invalid.");
        }
    }
}
