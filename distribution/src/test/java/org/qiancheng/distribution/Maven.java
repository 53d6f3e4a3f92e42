package org.qiancheng.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Maven as a separate process, offline, against the same local repository as this build. */
final class Maven {

    private final Path log;

    Maven(Path log) {
        this.log = log;
    }

    void run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-q"));
        String repository = System.getProperty("qc.localRepository");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " failed; output:\n" + Files.readString(log));
        }
    }

    /** Puts a built module (its POM, and its jar unless it is a POM module) into the local repository. */
    void install(Path module, String jar) throws IOException, InterruptedException {
        Path pom = module.resolve("pom.xml").toAbsolutePath();
        Path file = jar == null ? pom : module.resolve("target").resolve(jar).toAbsolutePath();
        run(module, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file", "-Dfile=" + file,
                "-DpomFile=" + pom);
    }
}
