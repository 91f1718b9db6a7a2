/** What the system tests and the benchmark suite share to drive {@code bin/hotload} from outside. */
package dev.hotload.testsupport;
