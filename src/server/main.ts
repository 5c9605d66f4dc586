/**
 * HTTP entry point: `npm start`. Configuration comes from the environment (PORT, HOST, LOG_LEVEL,
 * MAX_BODY_BYTES, MAX_DEPTH, ...; see config.ts and the README's Configuration section); a bad
 * value stops the server with a message naming the variable.
 */
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { runServer } from './http.js';

let config: ServerConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}

await runServer(config);
