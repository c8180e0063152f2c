import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** Where a caller sends log lines: a logger, or a function handed each JSON line (tests and benchmarks). */
export type LogSink = Logger | ((line: string) => void);

/**
 * The process's JSON log (pino), one object per line on stderr — stdout stays for what a command prints as its
 * result (a token, a supergraph). Levels are written as words and times as ISO strings, so a reader needs no
 * pino to read them.
 */
export function createLogger(
  level: LogLevel | 'silent',
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger from a sink: undefined logs to stderr at info; a function receives every line (debug and up). */
export function asLogger(sink: LogSink | undefined): Logger {
  if (sink === undefined) return createLogger('info');
  if (typeof sink !== 'function') return sink;
  return createLogger('debug', { write: (line: string) => sink(line.endsWith('\n') ? line.slice(0, -1) : line) });
}
