/**
 * The part of the Adaptive Cards 1.5 schema the register's cards use, as types,
 * and the envelope Teams expects around a card. Teams renders schema 1.5
 * reliably (TOOLCHAIN.md), so every card says `version: '1.5'`.
 */
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses a message over about 28 KB; we stay under 28,000 bytes of JSON. */
export const MAX_MESSAGE_BYTES = 28_000;

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly id?: string;
  readonly wrap?: boolean;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: 'default' | 'heading';
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
  readonly spacing?: Spacing;
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly OpenUrlAction[];
  readonly spacing?: Spacing;
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export type CardElement = TextBlock | FactSet | ActionSet | Container;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof CARD_SCHEMA;
  readonly version: typeof CARD_VERSION;
  /**
   * Not set: the card's language only matters to DATE()/TIME() functions, which
   * the cards do not use, and the SDK's check of it is unreliable (a global regex).
   */
  readonly lang?: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly OpenUrlAction[];
  readonly fallbackText?: string;
  readonly msteams?: { readonly width: 'Full' };
}

/** The body a Workflows webhook ("When a Teams webhook request is received") takes: one card attachment. */
export interface WorkflowsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
      readonly contentUrl: null;
      readonly content: AdaptiveCard;
    },
  ];
}

export function workflowsMessage(card: AdaptiveCard): WorkflowsMessage {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Bytes of the whole webhook payload that carries the card: what the size limit is measured on. */
export function messageBytes(card: AdaptiveCard): number {
  return jsonBytes(workflowsMessage(card));
}
