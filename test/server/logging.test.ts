import { describe, expect, it } from 'vitest';
import { createJsonLogger, requestLogPlugin } from '../../src/server/logging.js';
import { testApp } from '../schema/support.js';

function capture(level: Parameters<typeof createJsonLogger>[0] = 'debug') {
  const lines: string[] = [];
  const logger = createJsonLogger(level, (line) => lines.push(line));
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, logger, records };
}

const SECRET = 'do-not-log-me-42';

describe('request logs', () => {
  it('one JSON line per request with operation, status and duration, never the body or variables', async () => {
    const { lines, logger, records } = capture('info');
    const app = testApp({ plugins: [requestLogPlugin(logger)] });
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Secret($input: EstimateInput!) { estimate(input: $input) { fits } } # ${SECRET}`,
        variables: {
          input: {
            model: 'llama-2-7b',
            customGpu: {
              name: SECRET,
              memoryBytes: 8e10,
              memoryBandwidthBytesPerSecond: 2e12,
              peakFlops: [{ format: 'FP16', flopsPerSecond: 1e15 }],
            },
            inputTokens: 10,
            outputTokens: 10,
          },
        },
      }),
    });
    expect(await response.json()).toEqual({ data: { estimate: { fits: true } } });
    expect(lines).toHaveLength(1);
    const [record] = records();
    expect(record).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      operation: 'Secret',
      status: 200,
    });
    expect(typeof record.durationMs).toBe('number');
    expect(record.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(new Date(record.time as string).toISOString()).toBe(record.time);
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain('variables');
    expect(lines[0]).not.toContain('estimate(');
  });

  it('names anonymous operations null, logs error codes, and drops the query string of GETs', async () => {
    const { lines, logger, records } = capture('info');
    const app = testApp({ plugins: [requestLogPlugin(logger)] });
    const query = `{ estimate(input: { model: "${SECRET}", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }`;
    await (await app.fetch(`http://localhost/graphql?query=${encodeURIComponent(query)}`)).text();
    expect(records()[0]).toMatchObject({
      method: 'GET',
      path: '/graphql',
      operation: null,
      status: 200,
      errorCodes: ['NOT_FOUND'],
    });
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('logs refusals with their status', async () => {
    const { logger, records } = capture('info');
    const app = testApp({ plugins: [requestLogPlugin(logger)] });
    await (
      await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: SECRET,
      })
    ).text();
    await (
      await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '999999' },
        body: '{}',
      })
    ).text();
    expect(records().map((r) => r.status)).toEqual([415, 413]);
  });

  it('logs health checks at debug level only', async () => {
    const info = capture('info');
    await testApp({ plugins: [requestLogPlugin(info.logger)] }).fetch('http://localhost/health');
    expect(info.lines).toEqual([]);
    const debug = capture('debug');
    await testApp({ plugins: [requestLogPlugin(debug.logger)] }).fetch('http://localhost/health');
    expect(debug.records().find((r) => r.msg === 'request')).toMatchObject({
      level: 'debug',
      path: '/health',
      status: 200,
    });
  });

  it('as yoga’s logger, records masked errors with their stack (the client sees none)', async () => {
    const { logger, records } = capture('info');
    const app = testApp({
      logging: logger,
      plugins: [requestLogPlugin(logger)],
      analyzeModel: () => {
        throw new Error('internal detail');
      },
    });
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }',
      }),
    });
    expect(await response.text()).not.toContain('internal detail');
    const error = records().find((r) => r.level === 'error');
    expect(error?.msg).toContain('internal detail');
    expect(JSON.stringify(error)).toContain('stack');
  });
});

describe('the JSON logger', () => {
  it('filters by level', () => {
    const warn = capture('warn');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w', { n: 1 });
    warn.logger.error(new Error('e'));
    expect(warn.records().map((r) => [r.level, r.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
    expect(warn.records()[0].n).toBe(1);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('survives values JSON cannot encode', () => {
    const { logger, records } = capture('info');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    logger.info('odd', { circular, big: 10n });
    expect(records()).toMatchObject([{ level: 'info', msg: 'odd' }]);
  });
});
