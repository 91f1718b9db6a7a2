/** Reloads Jython 2.7 modules in place, keeping their namespace: the {@code python} language of hotload. */
package dev.hotload.python;
