package org.redress.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * PostgreSQL refuses to run as root, and CI machines and containers often run as root. When we are
 * root on Linux, the binaries archive is repackaged once so that {@code initdb}, {@code pg_ctl} and
 * {@code postgres} start through {@code unshare -U --map-user=1000}: inside a new user namespace
 * PostgreSQL sees an ordinary user, while the files it writes still belong to root outside.
 * Otherwise the archive is served unchanged.
 */
final class RootSafeBinaryResolver implements PgBinaryResolver {

    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl", "bin/postgres");

    private final Path cacheDirectory;

    RootSafeBinaryResolver(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        if (!"Linux".equals(system) || !runningAsRoot()) {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
        Path wrapped = cacheDirectory.resolve("postgres-" + system + "-" + machineHardware + "-unshare.txz");
        if (!Files.exists(wrapped)) {
            Path partial = Files.createTempFile(cacheDirectory, "postgres-", ".partial");
            try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                repackage(original, out);
            }
            Files.move(partial, wrapped, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new BufferedInputStream(Files.newInputStream(wrapped));
    }

    static boolean runningAsRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return id.waitFor() == 0 && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void repackage(InputStream original, OutputStream out) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(original)));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(out, new LZMA2Options(0)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (WRAPPED.contains(name)) {
                    TarArchiveEntry real = new TarArchiveEntry(name + ".real");
                    real.setMode(entry.getMode());
                    real.setSize(entry.getSize());
                    tar.putArchiveEntry(real);
                    in.transferTo(tar);
                    tar.closeArchiveEntry();
                    byte[] script = wrapper(name.substring("bin/".length())).getBytes(StandardCharsets.US_ASCII);
                    TarArchiveEntry shell = new TarArchiveEntry(name);
                    shell.setMode(0755);
                    shell.setSize(script.length);
                    tar.putArchiveEntry(shell);
                    tar.write(script);
                    tar.closeArchiveEntry();
                } else {
                    tar.putArchiveEntry(entry);
                    if (!entry.isDirectory() && !entry.isSymbolicLink()) {
                        in.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        }
    }

    private static String wrapper(String program) {
        return """
                #!/bin/sh
                here=$(dirname "$0")
                if [ "$(id -u)" = 0 ]; then
                  exec unshare -U --map-user=1000 --map-group=1000 "$here/%1$s.real" "$@"
                fi
                exec "$here/%1$s.real" "$@"
                """.formatted(program);
    }
}
