/** The reload loop: the steps run on every change, their outcomes, and the status line that reports them. */
package dev.hotload.loop;
