package kg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs an embedded Neo4j Community DBMS with only a Bolt connector on loopback.
 *
 * <p>It exists so that {@code kg serve} and the Go integration tests get a real Neo4j without
 * Docker or a Neo4j installation: the Go package {@code launcher} starts this program, waits for
 * the {@code NEO4J READY bolt://127.0.0.1:PORT} line on stdout and stops it with SIGTERM.
 *
 * <p>Contract with the Go side (keep both in step):
 * <ul>
 *   <li>stdout carries exactly two lines of protocol, {@code NEO4J READY <uri>} once the default
 *       database answers queries and the Bolt port accepts a handshake, and {@code NEO4J STOPPED}
 *       once the DBMS has shut down cleanly (store checkpointed);</li>
 *   <li>any failure is one line starting with {@code neo4j-launcher: } on stderr and a non-zero
 *       exit: 2 usage, 3 data directory unusable or locked, 4 port in use, 1 anything else.</li>
 * </ul>
 */
public final class Launcher {
    static final String READY = "NEO4J READY ";
    static final String STOPPED = "NEO4J STOPPED";
    static final String HOST = "127.0.0.1";

    static final int EXIT_OTHER = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_DATA_DIR = 3;
    static final int EXIT_PORT = 4;

    static final String USAGE =
            "usage: java -jar neo4j-launcher.jar --data DIR [--port N] [--page-cache SIZE]"
                    + " [--tx-memory SIZE] [--ready-file FILE] [--exit-on-stdin-eof]\n"
                    + "  --data DIR           Neo4j home: store in DIR/data, logs in DIR/logs (created if missing)\n"
                    + "  --port N             Bolt port on 127.0.0.1; 0 picks a free one (default 7687)\n"
                    + "  --page-cache SIZE    page cache, e.g. 256m, 1g (default 256m)\n"
                    + "  --tx-memory SIZE     cap on memory of all running transactions (default: Neo4j's)\n"
                    + "  --ready-file FILE    also write the Bolt URI to FILE once ready\n"
                    + "  --exit-on-stdin-eof  shut down cleanly when stdin closes (the parent died)\n";

    /** Parsed command line. */
    static final class Options {
        Path data;
        int port = 7687;
        long pageCache = 256L << 20;
        long txMemory = -1;
        Path readyFile;
        boolean exitOnStdinEof;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-h":
                    case "--help":
                        System.out.print(USAGE);
                        System.exit(0);
                        break;
                    case "--exit-on-stdin-eof":
                        o.exitOnStdinEof = true;
                        break;
                    case "--data":
                    case "--port":
                    case "--page-cache":
                    case "--tx-memory":
                    case "--ready-file":
                        if (v == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(a + " needs a value");
                            }
                            v = args[++i];
                        }
                        o.set(a, v);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (o.data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            return o;
        }

        private void set(String name, String v) {
            switch (name) {
                case "--data":
                    data = Path.of(v).toAbsolutePath().normalize();
                    break;
                case "--port":
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port: not a port number: " + v);
                    }
                    break;
                case "--page-cache":
                    pageCache = parseSize(name, v);
                    break;
                case "--tx-memory":
                    txMemory = parseSize(name, v);
                    break;
                case "--ready-file":
                    readyFile = Path.of(v).toAbsolutePath();
                    break;
                default:
                    throw new IllegalStateException(name);
            }
        }
    }

    /** Parses 1048576, 512k, 256m, 1g, 1GiB and the like into bytes (binary multiples). */
    static long parseSize(String flag, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k': shift = 10; break;
                case 'm': shift = 20; break;
                case 'g': shift = 30; break;
                case 't': shift = 40; break;
                default: shift = -1;
            }
            if (shift >= 0) {
                s = s.substring(0, s.length() - 1);
            } else {
                shift = 0;
            }
        }
        try {
            long n = Long.parseLong(s.trim());
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a size (like 256m or 1g): " + v);
        }
    }

    /** A failure that ends the launcher with one line on stderr. */
    static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Fatal(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    /** Guards {@link #service}; held while the DBMS starts so that a signal waits for a whole start. */
    private static final Object LOCK = new Object();

    private static DatabaseManagementService service;

    private static volatile boolean starting = true;

    /** Set once shutdown has begun; failures of a start cut short by it are expected, not news. */
    private static volatile boolean stopping;

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            ERR.print("neo4j-launcher: " + e.getMessage() + "\n" + USAGE);
            ERR.flush();
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            run(o);
        } catch (Fatal f) {
            die(f.code, f.getMessage());
        } catch (Throwable t) {
            die(EXIT_OTHER, "unexpected failure: " + describe(t));
        }
    }

    private static void run(Options o) throws Fatal, InterruptedException {
        checkDataDir(o.data);
        checkStoreUnlocked(o.data);
        if (o.port != 0) {
            checkPortFree(o.port);
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-launcher-shutdown"));
        if (o.exitOnStdinEof) {
            watchStdin();
        }

        GraphDatabaseService db;
        synchronized (LOCK) {
            try {
                service = builder(o).build();
            } catch (Throwable t) {
                service = null;
                throw classify(t, o);
            }
            db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        }

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!db.isAvailable(Duration.ofSeconds(1).toMillis())) {
            String failure = databaseFailure();
            if (failure != null) {
                throw new Fatal(EXIT_OTHER, "database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + " failed to start: " + failure + "; see " + o.data.resolve("logs/debug.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new Fatal(EXIT_OTHER, "database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + " did not become available; see " + o.data.resolve("logs/debug.log"));
            }
        }
        try {
            db.executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            throw new Fatal(EXIT_OTHER, "database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                    + " does not answer queries: " + describe(e));
        }

        int port = boltPort(db, o.port);
        awaitBoltHandshake(port);
        String uri = "bolt://" + HOST + ":" + port;
        if (o.readyFile != null) {
            writeReadyFile(o.readyFile, uri);
        }
        starting = false;
        OUT.println(READY + uri);
        OUT.flush();

        // Neo4j's own threads keep the JVM alive; this only keeps main from returning early.
        new CountDownLatch(1).await();
    }

    private static DatabaseManagementServiceBuilder builder(Options o) {
        DatabaseManagementServiceBuilder b = new DatabaseManagementServiceBuilder(o.data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, o.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Only loopback can reach it, and the Go side needs no credentials.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCache)
                .setConfig(GraphDatabaseSettings.logs_directory, o.data.resolve("logs"))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // A local database for one user: no 256 MiB of preallocated transaction log per
                // database (512 MiB for an empty store), and old logs kept to a bounded size
                // instead of two days' worth, since nothing here replays them (no backups).
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                // Netty's default 5 s quiet period, once per event loop group, made every stop
                // take 10 s longer; the databases are already checkpointed and closed by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        if (o.txMemory > 0) {
            b.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, o.txMemory);
        }
        return b;
    }

    /**
     * The status message of a default database that failed to start (a damaged store, say), or
     * null while it is still starting; without this a failure would only show as a timeout.
     */
    private static String databaseFailure() {
        DatabaseManagementService s;
        synchronized (LOCK) {
            s = service;
        }
        if (s == null) {
            return null;
        }
        try {
            return s.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "SHOW DATABASE $name YIELD currentStatus, statusMessage",
                    Map.of("name", GraphDatabaseSettings.DEFAULT_DATABASE_NAME),
                    r -> {
                        if (!r.hasNext()) {
                            return null;
                        }
                        Map<String, Object> row = r.next();
                        String status = String.valueOf(row.get("currentStatus"));
                        String message = String.valueOf(row.get("statusMessage"));
                        if (status.equals("online") || status.equals("starting") || message.isBlank()) {
                            return null;
                        }
                        return status + ": " + message;
                    });
        } catch (RuntimeException e) {
            return null; // the system database itself is not ready yet: keep waiting
        }
    }

    /** Runs on SIGTERM, SIGINT, System.exit and normal JVM exit. */
    private static void shutdown() {
        stopping = true;
        synchronized (LOCK) {
            if (service == null) {
                return;
            }
            try {
                service.shutdown();
                service = null;
                OUT.println(STOPPED);
                OUT.flush();
            } catch (Throwable t) {
                ERR.println("neo4j-launcher: shutdown failed: " + describe(t));
                ERR.flush();
            }
        }
    }

    private static void checkDataDir(Path dir) throws Fatal {
        try {
            Files.createDirectories(dir);
            if (!Files.isDirectory(dir)) {
                throw new Fatal(EXIT_DATA_DIR, "data directory " + dir + " is not a directory");
            }
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (Fatal f) {
            throw f;
        } catch (AccessDeniedException e) {
            throw new Fatal(EXIT_DATA_DIR, "data directory " + dir + " is not usable: permission denied ("
                    + e.getFile() + ")");
        } catch (IOException | SecurityException e) {
            throw new Fatal(EXIT_DATA_DIR, "data directory " + dir + " is not usable: " + describe(e));
        }
    }

    /**
     * Fails in milliseconds, not after Neo4j has spent seconds starting, when another process
     * holds the DBMS store lock on the same directory.
     */
    private static void checkStoreUnlocked(Path dir) throws Fatal {
        Path lock = dir.resolve("data").resolve("databases").resolve("store_lock");
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new Fatal(EXIT_DATA_DIR, "data directory " + dir
                        + " is in use by another Neo4j process (store lock held)");
            }
            l.release();
        } catch (Fatal f) {
            throw f;
        } catch (IOException e) {
            throw new Fatal(EXIT_DATA_DIR, "data directory " + dir + " is not usable: " + describe(e));
        }
    }

    /** Fails early and clearly, before Neo4j has touched the store, if the port is taken. */
    private static void checkPortFree(int port) throws Fatal {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // as Netty does: TIME_WAIT leftovers are no conflict
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new Fatal(EXIT_PORT, "port " + HOST + ":" + port + " is already in use (" + e.getMessage() + ")");
        }
    }

    /** The port Bolt actually listens on, which differs from the configured one for port 0. */
    private static int boltPort(GraphDatabaseService db, int configured) throws Fatal {
        try {
            HostnamePort hp = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (hp != null && hp.getPort() > 0) {
                return hp.getPort();
            }
        } catch (RuntimeException e) {
            if (configured == 0) {
                throw new Fatal(EXIT_OTHER, "cannot tell which port Bolt listens on: " + describe(e));
            }
        }
        if (configured == 0) {
            throw new Fatal(EXIT_OTHER, "cannot tell which port Bolt listens on");
        }
        return configured;
    }

    /**
     * Waits until the Bolt port answers a version handshake, so that a driver that connects right
     * after the READY line succeeds.
     */
    private static void awaitBoltHandshake(int port) throws Fatal, InterruptedException {
        byte[] hello = {
            0x60, 0x60, (byte) 0xB0, 0x17,
            0, 8, 8, 5, // 5.8 down to 5.0
            0, 0, 4, 4, // 4.4
            0, 0, 0, 4, // 4.0
            0, 0, 0, 3, // 3.0
        };
        String last = "no answer";
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 2000);
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(hello);
                out.flush();
                InputStream in = s.getInputStream();
                byte[] answer = in.readNBytes(4);
                if (answer.length == 4 && (answer[0] | answer[1] | answer[2] | answer[3]) != 0) {
                    return;
                }
                last = "handshake answered " + answer.length + " bytes, no common version";
            } catch (IOException e) {
                last = describe(e);
            }
            Thread.sleep(100);
        }
        throw new Fatal(EXIT_OTHER, "Bolt on " + HOST + ":" + port + " does not answer: " + last);
    }

    private static void writeReadyFile(Path file, String uri) throws Fatal {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, ".ready", ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Fatal(EXIT_OTHER, "cannot write ready file " + file + ": " + describe(e));
        }
    }

    /**
     * Shuts down cleanly when stdin reaches end of file. The Go side keeps the write end of a pipe
     * open for as long as it lives, so this catches a parent that died without stopping us, on any
     * OS (Linux's parent-death signal is only a second line of defence).
     */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // Discard: stdin carries no commands.
                }
            } catch (IOException ignored) {
                // A broken stdin means the same as EOF.
            }
            if (starting) {
                ERR.println("neo4j-launcher: stdin closed (parent gone); stopping");
                ERR.flush();
            }
            System.exit(0);
        }, "neo4j-launcher-stdin");
        t.setDaemon(true);
        t.start();
    }

    /** Turns a start failure into the message a person needs, without a stack trace. */
    private static Fatal classify(Throwable t, Options o) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (c instanceof BindException || name.endsWith("PortBindException")) {
                return new Fatal(EXIT_PORT, "port " + HOST + ":" + o.port + " is already in use ("
                        + c.getMessage() + ")");
            }
            if (name.endsWith("FileLockException")) {
                return new Fatal(EXIT_DATA_DIR, "data directory " + o.data
                        + " is in use by another Neo4j process (store lock held)");
            }
            if (c instanceof AccessDeniedException) {
                return new Fatal(EXIT_DATA_DIR, "data directory " + o.data + " is not usable: permission denied ("
                        + ((AccessDeniedException) c).getFile() + ")");
            }
        }
        return new Fatal(EXIT_OTHER, "Neo4j failed to start: " + describe(t)
                + "; see " + o.data.resolve("logs/debug.log"));
    }

    /** Root cause as "Class: message", on one line. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String s = root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        if (root != t && t.getMessage() != null && !t.getMessage().equals(msg)) {
            s = t.getMessage() + " (" + s + ")";
        }
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static void die(int code, String message) {
        if (stopping) {
            // Stopped while starting (SIGTERM, stdin closed): the shutdown hook has the last word.
            return;
        }
        ERR.println("neo4j-launcher: " + message);
        ERR.flush();
        // Runtime.exit runs the shutdown hook, which stops a half-started DBMS cleanly.
        System.exit(code);
    }

    private Launcher() {}
}
