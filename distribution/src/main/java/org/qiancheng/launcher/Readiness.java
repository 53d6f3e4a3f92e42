package org.qiancheng.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Tells the operator when the platform first answers its health check, and how long it took. */
final class Readiness {

    private Readiness() {
    }

    /** @param url where this machine reaches the platform (QC_BIND may keep it off 127.0.0.1) */
    static void announceWhenReady(String url, long launchedNanos) {
        Thread watcher = new Thread(() -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            long deadline = launchedNanos + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        long millis = (System.nanoTime() - launchedNanos) / 1_000_000;
                        System.out.printf("Qiancheng 前程 ready 已就绪 in %d ms%n", millis);
                        return;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
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
}
