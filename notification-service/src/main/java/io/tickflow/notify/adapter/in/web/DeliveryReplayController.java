package io.tickflow.notify.adapter.in.web;

import io.tickflow.notify.delivery.DeliveryReplay;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's replay of given-up deliveries, {@code POST /admin/deliveries/replay} ({@code ./tickflow deliveries
 * replay}). It lives outside {@code /api/}: like the actuator, it is for the operator's network, and the load balancer
 * routes only {@code /api/} from outside. Replaying only retries deliveries that subscribers were due anyway.
 */
@RestController
class DeliveryReplayController {

    private final DeliveryReplay replay;

    DeliveryReplayController(DeliveryReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/admin/deliveries/replay")
    DeliveryReplay.Replayed replay() {
        return replay.replay(1_000);
    }
}
