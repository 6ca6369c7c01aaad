package io.tickflow.analysis.optimize;

/**
 * A parameter space that cannot be searched as asked, e.g. a parameter the strategy does not have, a range beyond its
 * bounds or a grid bigger than the budget. The message says what is wrong and what to change, in a sentence for the
 * person who wrote the request.
 */
public class InvalidSearchSpaceException extends IllegalArgumentException {

    public InvalidSearchSpaceException(String message) {
        super(message);
    }
}
