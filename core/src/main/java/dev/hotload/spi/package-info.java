/**
 * The {@link dev.hotload.spi.Reloader} SPI: how a language plugs into hotload, and how the installed
 * languages are found with {@link java.util.ServiceLoader}.
 */
package dev.hotload.spi;
