package io.tickflow.analysis.engine;

/** Parameter values a strategy cannot run with; the message says which and why, in a sentence for a person. */
public class InvalidParametersException extends IllegalArgumentException {

    public InvalidParametersException(String message) {
        super(message);
    }
}
