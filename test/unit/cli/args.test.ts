import { oneOf, parseCli } from '../../../src/cli/args';

const OPTIONS = {
  site: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  lang: { type: 'string', default: 'en' },
} as const;

describe('command-line arguments (util.parseArgs)', () => {
  it('reads values, flags and defaults', () => {
    expect(parseCli(['--site', 'http://127.0.0.1/sites/x', '--dry-run'], OPTIONS)).toEqual({
      site: 'http://127.0.0.1/sites/x',
      'dry-run': true,
      lang: 'en',
    });
    expect(parseCli(['--site=http://a', '--lang', 'cy'], OPTIONS)).toEqual({
      site: 'http://a',
      'dry-run': false,
      lang: 'cy',
    });
  });

  it.each([
    [['--sit', 'x'], "Unknown option '--sit'"],
    [['--site'], "Option '--site <value>' argument missing"],
    [['--site', '--dry-run'], "Did you forget to specify the option argument for '--site'?"],
    [['stray'], "Unexpected argument 'stray'"],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(() => parseCli(argv, OPTIONS)).toThrow(message);
  });

  it('checks a choice and names the choices', () => {
    expect(oneOf('lang', 'cy', ['en', 'cy'])).toBe('cy');
    expect(oneOf('lang', undefined, ['en', 'cy'])).toBeUndefined();
    expect(() => oneOf('format', 'pdf', ['csv', 'json', 'xlsx'])).toThrow("--format is csv, json or xlsx, not 'pdf'");
  });
});
