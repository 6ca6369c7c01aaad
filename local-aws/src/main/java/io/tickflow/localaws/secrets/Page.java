package io.tickflow.localaws.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing and the token for the next one.
 *
 * @param items the items on this page
 * @param nextToken where the next page starts, or empty on the last page
 */
record Page<T>(List<T> items, Optional<String> nextToken) {

    Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts the page that follows {@code after} out of a list sorted by {@code order}.
     *
     * @param sorted every item, sorted by {@code order} applied to {@code keyOf}
     * @param keyOf an item's sort key
     * @param order the order of the list: {@link PageToken#ORDER} or its reverse
     * @param after where the previous page stopped, or empty for the first page
     * @param maxResults how many items at most
     */
    static <T> Page<T> of(
            List<T> sorted,
            Function<T, PageToken> keyOf,
            Comparator<PageToken> order,
            Optional<PageToken> after,
            int maxResults) {
        int start = 0;
        if (after.isPresent()) {
            while (start < sorted.size() && order.compare(keyOf.apply(sorted.get(start)), after.get()) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + maxResults);
        Optional<String> next = end < sorted.size()
                ? Optional.of(keyOf.apply(sorted.get(end - 1)).encode())
                : Optional.empty();
        return new Page<>(sorted.subList(start, end), next);
    }
}
