package org.qiancheng.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * Tells the operator when the platform first answers its health check, and how long it took. A
 * plain {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: building the latter sets up
 * TLS (the default trust store is read and its ≈ 150 certificates parsed), CPU taken from the start
 * itself on a small machine.
 */
final class Readiness {

    private Readiness() {
    }

    /** @param url where this machine reaches the platform (QC_BIND may keep it off 127.0.0.1) */
    static void announceWhenReady(String url, long launchedNanos) {
        Thread watcher = new Thread(() -> {
            long deadline = launchedNanos + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                if (answers200(url + "/api/v1/health")) {
                    long millis = (System.nanoTime() - launchedNanos) / 1_000_000;
                    System.out.printf("Qiancheng 前程 ready 已就绪 in %d ms%n", millis);
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("Qiancheng did not answer its health check within 2 minutes; see log/qiancheng.log");
        }, "qiancheng-readiness");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean answers200(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                int status = connection.getResponseCode();
                InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                if (body != null) {
                    body.readAllBytes();
                    body.close();
                }
                return status == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
