package org.qiancheng.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Sends everything printed to the console also to {@code log/qiancheng.log} (appended), so a
 * platform started in the foreground still leaves a log for the operator.
 */
final class ConsoleLog {

    private ConsoleLog() {
    }

    static void teeTo(Path logFile) throws IOException {
        OutputStream file = new FileOutputStream(logFile.toFile(), true);
        System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err, file), true, StandardCharsets.UTF_8));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;

        Tee(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (file) {
                console.write(b);
                file.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (file) {
                console.write(bytes, offset, length);
                file.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (file) {
                console.flush();
                file.flush();
            }
        }
    }
}
