package io.tickflow.storage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void itemsOfThreadsArrivingDuringARoundGoTogetherIntoTheNextAndEveryItemIsDoneOnce() throws Exception {
        List<List<Integer>> rounds = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstRoundRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> {
            rounds.add(List.copyOf(items));
            firstRoundRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return items.size();
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            Future<Optional<Integer>> leader = pool.submit(() -> commit.submit(List.of(0)));
            firstRoundRunning.await();
            List<Future<Optional<Integer>>> followers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                followers.add(pool.submit(() -> commit.submit(List.of(item))));
            }
            Thread.sleep(200); // the five are queued behind the running round
            release.countDown();

            assertThat(leader.get()).contains(1);
            for (Future<Optional<Integer>> follower : followers) {
                assertThat(follower.get()).isEmpty();
            }
        }
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void everyCallerOfAFailedRoundGetsTheFailureAndTheNextRoundStillRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<String, String> commit = new GroupCommit<>(items -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("DynamoDB unavailable");
            }
            return String.join(",", items);
        });

        assertThatThrownBy(() -> commit.submit(List.of("a"))).hasMessage("DynamoDB unavailable");
        assertThat(commit.submit(List.of("b"))).contains("b");
    }
}
