// What `sluice --help` prints (and what a command line the CLI cannot run is answered with).
export const USAGE = `Usage: sluice <command> [options]    (npm start -- [options] runs sluice standalone)

Commands:
  standalone   Run Sluice locally: the Kafka Connect REST API on 127.0.0.1:8083
               --port <n>        REST port (default 8083, env SLUICE_REST_PORT)
               --host <addr>     bind address (default 127.0.0.1)
               --data-dir <dir>  where pipelines, offsets and topics are kept (default .sluice, env SLUICE_DATA_DIR)
               --in-memory       keep nothing on disk
               --kafka-port <n>  the embedded broker's port (default 9092, env SLUICE_KAFKA_PORT);
                                 with KAFKA_BROKERS set, that Kafka is used instead
               --schema-registry-port <n>  the embedded schema registry's port (default 8081,
                                 env SLUICE_SCHEMA_REGISTRY_PORT)
               --schema-registry-url <url> use that schema registry instead of the embedded one
               --no-schema-registry        start no schema registry
               --plugin-path <dir>  load the plugin packages in <dir> (repeatable or comma-separated;
                                 env SLUICE_PLUGIN_PATH, folders separated by ':')
               --help            this text
  demo         A guided tour: sample records → a PostgreSQL sink pipeline → rows, then a table → a source
               pipeline → a topic. Uses DATABASE_URL if set, else an embedded PostgreSQL.
  connectors   Manage the connectors of a Kafka Connect REST API (--url, default http://127.0.0.1:8083) or of a
               deployed stack (--stack NAME [--region R], SigV4-signed):
               list | get NAME | status NAME | apply -f FILE|DIR [--dry-run] | delete NAME | pause NAME
               | resume NAME | stop NAME | restart NAME [--failed] | offsets NAME [--reset];  -o table|json|yaml
  plugins      The connector plugins the API offers
  validate     Check connector configs (-f FILE|DIR) with the API's validate endpoint
  proxy        --stack NAME [--port 8083] [--bind 127.0.0.1]: a local unsigned API that signs and forwards every
               request to the stack, for kcctl, Terraform, Kafka UI and curl
  help         this text
               sluice <command> --help shows a command's options
`;

export const COMMANDS: readonly string[] = ['standalone', 'connectors', 'plugins', 'validate', 'proxy', 'demo', 'help'];
