import type { MessageCatalogue } from './types.ts';

/** English wording of the common and internal findings. */
export const en: MessageCatalogue = {
  'common/required-empty': (p) =>
    `{cell}: "{label}" is empty${p['name'] ? ' (indicator "{name}")' : ''}. It must be filled in.`,
  'common/number-unreadable':
    '{cell} ({name}, {header}): "{raw}" cannot be read as a number. Type digits only (check for the letters O or l and misplaced separators).',
  'common/unit-mismatch':
    '{cell} ({name}, {header}): "{raw}" is in "{unit}" but the indicator is counted in "{labelUnit}". Use the label\'s unit.',
  'common/bracket-mismatch':
    '{cell}: the brackets in the indicator name "{name}" do not match ("{fragment}"). Close each bracket with its own kind.',
  'common/year-jump':
    '{cell} ({name}, {header}): "{raw}" is about {ratio} times {previousHeader} "{previous}". Check for a digit typed twice or dropped.',
  'common/rate-over-100':
    '{cell} ({name}, {header}): "{raw}" is above 100%. A rate cannot exceed 100%; check the figure or its unit.',
  'common/text-too-long':
    '{cell}: the text ("{start}") has {length} characters and will not print in its cell. Keep it to about {limit}.',
  'internal/rule-failed':
    'The check "{rule}" could not run ({reason}). The other checks of this sheet ran. Please tell the maintainers.',
};
