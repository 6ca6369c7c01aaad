package io.tickflow.localaws.junit;

import io.tickflow.localaws.Endpoints;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bash script the way a user at a terminal would, for tests of what the README tells users to type: Debian's
 * tools first on the PATH, as on a fresh machine, and {@code TICKFLOW_PORTS} set so that {@code ./tickflow env} points
 * at the test's stack.
 */
public final class UserShell {

    private UserShell() {}

    /**
     * Runs {@code script} with {@code bash -euc} in the working directory and returns what it printed.
     *
     * @throws AssertionError when it exits non-zero or runs over two minutes, with its output
     */
    public static String run(Endpoints stack, String script) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true);
        bash.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        bash.environment().put("TICKFLOW_PORTS", stack.tickflowPorts());
        bash.environment().put("AWS_PAGER", "");
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The script ran over two minutes; output so far:\n" + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("The script exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
