import { readAppConfig } from './app.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

describe('readAppConfig', () => {
  it('runs a development server on localhost:3000 when nothing is set', () => {
    expect(readAppConfig({})).toEqual({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      publicOrigin: 'http://localhost:3000',
      trustProxy: false,
      logLevel: 'log',
      logFormat: 'pretty',
    });
  });

  it('derives the default public URL from PORT', () => {
    expect(readAppConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('logs JSON by default in production', () => {
    const config = readAppConfig({ NODE_ENV: 'production' });
    expect(config.isProduction).toBe(true);
    expect(config.logFormat).toBe('json');
  });

  it('reads every variable it is given', () => {
    expect(
      readAppConfig({
        NODE_ENV: 'test',
        PORT: '0',
        PUBLIC_BASE_URL: 'https://auth.example.com',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
      }),
    ).toEqual({
      nodeEnv: 'test',
      isProduction: false,
      port: 0,
      publicBaseUrl: 'https://auth.example.com',
      publicOrigin: 'https://auth.example.com',
      trustProxy: true,
      logLevel: 'debug',
      logFormat: 'json',
    });
  });

  it('drops trailing slashes from PUBLIC_BASE_URL and keeps its path out of the origin', () => {
    const config = readAppConfig({ PUBLIC_BASE_URL: 'https://example.com/callgate//' });
    expect(config.publicBaseUrl).toBe('https://example.com/callgate');
    expect(config.publicOrigin).toBe('https://example.com');
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    [' on ', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['Off', false],
  ])('reads TRUST_PROXY=%j as %p', (value, expected) => {
    expect(readAppConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each(['PORT', 'PUBLIC_BASE_URL', 'NODE_ENV', 'TRUST_PROXY', 'LOG_LEVEL', 'LOG_FORMAT'])(
    'treats an empty or blank %s as unset',
    (name) => {
      expect(readAppConfig({ [name]: '' })).toEqual(readAppConfig({}));
      expect(readAppConfig({ [name]: '   ' })).toEqual(readAppConfig({}));
    },
  );

  it.each([
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '3000.5'],
    ['PORT', 'abc'],
    ['PUBLIC_BASE_URL', 'auth.example.com'],
    ['PUBLIC_BASE_URL', 'ftp://auth.example.com'],
    ['NODE_ENV', 'prod'],
    ['TRUST_PROXY', 'maybe'],
    ['LOG_LEVEL', 'trace'],
    ['LOG_FORMAT', 'xml'],
  ])('refuses %s=%j with a message naming it and showing the value', (name, value) => {
    const problems = problemsOf(() => readAppConfig({ [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
    expect(problems[0]).toContain(JSON.stringify(value));
  });

  it('accepts the ends of the PORT range', () => {
    expect(readAppConfig({ PORT: '0' }).port).toBe(0);
    expect(readAppConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('reports every bad variable of the area, one line each', () => {
    const problems = problemsOf(() => readAppConfig({ PORT: 'abc', LOG_LEVEL: 'trace' }));
    expect(problems).toHaveLength(2);
    expect(problems.some((line) => line.startsWith('PORT '))).toBe(true);
    expect(problems.some((line) => line.startsWith('LOG_LEVEL '))).toBe(true);
  });
});
