export type { Locale, LocalisedMessages, MessageCatalogue, MessageParams, MessageTemplate } from './types.ts';
export { formatMessage, messagesOf, renderFinding } from './render.ts';
export { RULE_NAMES, ruleName } from './rule-names.ts';
