/**
 * Command-line arguments through Node's own `util.parseArgs`, strict: an
 * unknown option, a missing value or a stray word is an error whose message
 * names it ("Unknown option '--sit'"), and each CLI prints it with its usage
 * and exits 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** The values of `argv` for `options`; throws an Error with a clear message on bad arguments. */
export function parseCli<const O extends CliOptions>(argv: readonly string[], options: O) {
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
}

/** `value` when it is one of `allowed` (or undefined); otherwise an Error naming the flag and the choices. */
export function oneOf<const T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(
    `--${flag} is ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1] ?? ''}, not '${value}'`,
  );
}

/**
 * The arguments `parse` reads, with every one of `required` given; or, when
 * `parse` throws or one of `required` is missing, undefined once the error and
 * `usage` are printed to stderr (the CLI then exits 2).
 */
export function argsOrUsage<A, K extends keyof A>(
  parse: () => A,
  usage: string,
  required: readonly K[],
): (A & { [P in K]-?: NonNullable<A[P]> }) | undefined {
  let args: A;
  try {
    args = parse();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(usage);
    return undefined;
  }
  if (required.some((k) => !args[k])) {
    console.error(usage);
    return undefined;
  }
  return args as A & { [P in K]-?: NonNullable<A[P]> };
}
