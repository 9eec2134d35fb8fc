package io.kinlink.platform.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The major version of an event type, raised only by a breaking change to its body (a field
 * removed, renamed or retyped); adding an optional field is a minor change and keeps it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventVersion {
    int value();
}
