// The databases the JDBC connectors speak (dialect.name, or read from the connection URL).
export type DialectName = 'postgresql' | 'mysql' | 'oracle';
