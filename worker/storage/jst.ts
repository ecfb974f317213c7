// Japan time for what people read: dates, times and file-name stamps (the server's own clock zone never shows).
const DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Japan-time date of an instant, YYYY-MM-DD. */
export function jstDate(at: Date = new Date()): string {
  return DATE.format(at);
}

/** The Japan-time date and time of an instant as a file-name stamp, YYYY-MM-DD_HHmm. */
export function jstStamp(at: Date = new Date()): string {
  return `${DATE.format(at)}_${TIME.format(at).replace(':', '')}`;
}

/** The Japan-time date and time of an instant as people read it, YYYY/MM/DD HH:mm. */
export function jstText(at: Date = new Date()): string {
  return `${DATE.format(at).replaceAll('-', '/')} ${TIME.format(at)}`;
}
