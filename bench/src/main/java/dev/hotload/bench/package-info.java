/** hotload's figures, measured as a user meets them: {@code bin/hotload} driven as a separate process. */
package dev.hotload.bench;
