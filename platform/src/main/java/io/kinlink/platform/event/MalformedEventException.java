package io.kinlink.platform.event;

/** An event that cannot be read; retrying does not help, so it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
