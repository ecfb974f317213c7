import type { Finding, RenderedFinding } from '../model/finding.ts';
import { MESSAGE_SOURCES } from './registry.ts';
import { ruleName } from './rule-names.ts';
import type { Locale, MessageCatalogue, MessageParams, MessageTemplate } from './types.ts';

function merge(locale: Locale): MessageCatalogue {
  const all: Record<string, MessageTemplate> = {};
  for (const source of MESSAGE_SOURCES) Object.assign(all, source[locale]);
  return all;
}

const CATALOGUES: Readonly<Record<Locale, MessageCatalogue>> = { ja: merge('ja'), en: merge('en') };

/** The merged catalogue of a locale (common + every family). */
export function messagesOf(locale: Locale): MessageCatalogue {
  return CATALOGUES[locale];
}

/** Fills `{param}` placeholders; `{cell}` is the finding's cell. Unknown placeholders stay as written. */
export function formatMessage(template: MessageTemplate, params: MessageParams): string {
  const text = typeof template === 'function' ? template(params) : template;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? (key in params ? '' : whole) : String(value);
  });
}

/** A finding with its message in the locale; a code without a message falls back to Japanese, then to the code. */
export function renderFinding(finding: Finding, locale: Locale = 'ja'): RenderedFinding {
  const params: MessageParams = { ...finding.params, cell: finding.cell ?? (locale === 'ja' ? 'シート' : 'sheet') };
  const template = CATALOGUES[locale][finding.code] ?? CATALOGUES.ja[finding.code];
  const message = template
    ? formatMessage(template, params)
    : `${finding.code}${finding.cell ? ` (${finding.cell})` : ''}`;
  return {
    severity: finding.severity,
    code: finding.code,
    cell: finding.cell,
    message,
    rule: ruleName(finding.code),
    params: finding.params,
  };
}
