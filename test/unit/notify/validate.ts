// The Adaptive Cards JavaScript SDK's own schema checks, without a DOM (TOOLCHAIN.md).
import type * as AdaptiveCards from 'adaptivecards';

// The dist bundle (TOOLCHAIN.md): the package's main entry needs a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Every problem the SDK finds with a card: while parsing (unknown elements,
 * bad values) and in `validateProperties` (missing required properties,
 * duplicate ids...). Empty when the card is valid. The version must be 1.5.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { version?: unknown; type?: unknown };
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}`);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, not 1.5`);
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}
