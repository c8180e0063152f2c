import { loadDotEnv, tracingConfig } from '../config/config';
import { instrumentLibraries } from './tracing';

/*
 * Imported first by the CLI, before anything else is loaded: OpenTelemetry's instrumentations patch http, graphql,
 * mysql2 and pg as those are first required, so they must be in place before the rest of the CLI requires them.
 * Without OTEL_EXPORTER_OTLP_ENDPOINT (in the environment or .env) this loads nothing of OpenTelemetry.
 */
let configured = false;
try {
  loadDotEnv();
  configured = tracingConfig() !== undefined;
} catch {
  // An unreadable .env or an invalid setting is reported by the command itself, when it reads its configuration.
}
if (configured) instrumentLibraries();
