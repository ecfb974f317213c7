export type Locale = 'ja' | 'en';

export type MessageParams = Record<string, string | number | null>;

/** A message: a template with `{param}` placeholders, or a function of the params when wording depends on them. */
export type MessageTemplate = string | ((params: MessageParams) => string);

/** Messages of one locale keyed by finding code. */
export type MessageCatalogue = Readonly<Record<string, MessageTemplate>>;

/** One contributor's messages in every locale (the common catalogue, a family's messages.ts). */
export interface LocalisedMessages {
  ja: MessageCatalogue;
  en: MessageCatalogue;
}
