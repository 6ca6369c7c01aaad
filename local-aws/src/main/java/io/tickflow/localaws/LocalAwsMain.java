package io.tickflow.localaws;

import io.tickflow.common.topology.Topology;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stack as a process of its own, as {@code ./tickflow up} does, until it is stopped.
 *
 * <p>Options: {@code --data-dir DIR} keeps S3 objects, DynamoDB tables and secrets there across restarts;
 * {@code --prefix P} names the topology; {@code --ports SQS,SNS,S3,DYNAMODB,SECRETS} overrides the default ports.
 * Prints one line {@code local-aws ready} when everything answers, so a launcher can wait for it.
 */
public final class LocalAwsMain {

    private LocalAwsMain() {}

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> dataDir = Optional.empty();
        String prefix = Topology.DEFAULT_PREFIX;
        Ports ports = Ports.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(required(args[i], value)));
                case "--prefix" -> prefix = required(args[i], value);
                case "--ports" -> ports = parsePorts(required(args[i], value));
                default ->
                    throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; expected --data-dir DIR, --prefix P, --ports SQS,SNS,S3,DYNAMODB,SECRETS");
            }
            i++;
        }
        LocalAws stack =
                LocalAws.start(new LocalAws.Options(ports, dataDir, Topology.tickflow(prefix), "us-east-1", true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "local-aws-shutdown"));
        stack.endpoints().environment().forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.println("local-aws ready");
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Ports parsePorts(String list) {
        String[] p = list.split(",");
        if (p.length != 5) {
            throw new IllegalArgumentException("--ports takes five ports: SQS,SNS,S3,DYNAMODB,SECRETS; got " + list);
        }
        return new Ports(
                Integer.parseInt(p[0].trim()),
                Integer.parseInt(p[1].trim()),
                Integer.parseInt(p[2].trim()),
                Integer.parseInt(p[3].trim()),
                Integer.parseInt(p[4].trim()));
    }
}
