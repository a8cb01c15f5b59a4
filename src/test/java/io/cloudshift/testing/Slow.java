package io.cloudshift.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test the inner loop leaves out ({@code mvn -o test -DexcludedGroups=slow}) and every build
 * runs: one that proves a failure mode or an upkeep task on its own warehouses (concurrent runs,
 * unreadable files, symbolic links, maintenance, the generator's whole sample, code generation on a
 * large input), each costing tens of seconds, rather than a formula or the bundled run
 * (docs/testing.md#running-tests).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
