package scholargraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5 Community in this process, with Bolt on 127.0.0.1:PORT and authentication on.
 *
 * <p>Usage: {@code TestServer HOME PORT PASSWORD}. HOME holds the data (a database that
 * Neo4j's import tool wrote there is served as it is); PORT 0 takes any free port. The
 * user {@code neo4j} gets PASSWORD. A lock waited on for 2 s fails with Neo4j's transient
 * lock timeout, which clients retry. Prints {@code READY bolt://127.0.0.1:PORT} once Bolt
 * accepts connections, and shuts the server down cleanly when standard input closes or
 * the process is terminated.
 */
public final class TestServer {
    private TestServer() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: TestServer HOME PORT PASSWORD");
            System.exit(2);
        }
        try {
            serve(args);
        } catch (Exception | Error e) { // Neo4j's own threads would keep a failed start alive
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void serve(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofSeconds(2))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean fresh = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' "
                        + "RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && (Boolean) result.next().get("passwordChangeRequired"));
        if (fresh) { // a data folder served before keeps the password it was given then
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", args[2]));
        }
        int bound = ((GraphDatabaseAPI) system)
                .getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("READY bolt://127.0.0.1:" + bound);
        System.out.flush();
        while (System.in.read() != -1) {
            // the parent holds standard input open for as long as the server should run
        }
    }
}
