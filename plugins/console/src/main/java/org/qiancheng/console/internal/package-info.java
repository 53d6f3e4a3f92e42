/** The console bundle's servlets: static files and the root redirect. Nothing exported. */
package org.qiancheng.console.internal;
