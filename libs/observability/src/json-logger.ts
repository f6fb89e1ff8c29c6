import type { LoggerService } from '@nestjs/common';
import { currentSpanContext } from './tracing';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The logging surface libraries accept, so they stay free of Nest. */
export interface Log {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON object per line on stdout; also serves as Nest's logger. A line
 * written during traced work carries its trace_id and span_id (tracing off:
 * those of the traceparent the gRPC call or message arrived with).
 */
export class JsonLogger implements Log, LoggerService {
  constructor(
    private readonly service: string,
    private readonly level: LogLevel = 'info',
  ) {}

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown> | string): void {
    this.write('error', message, typeof fields === 'string' ? { stack: fields } : fields);
  }

  // Nest's LoggerService calls these with (message, context).
  log(message: unknown, context?: unknown): void {
    this.write('info', String(message), context ? { context } : undefined);
  }
  verbose(message: unknown, context?: unknown): void {
    this.write('debug', String(message), context ? { context } : undefined);
  }

  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (rank[level] < rank[this.level]) return;
    const span = currentSpanContext();
    const line = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      msg: message,
      ...(span && { trace_id: span.traceId, span_id: span.spanId }),
      ...fields,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}
