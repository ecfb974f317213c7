import { Link } from '@fluentui/react-components';

/**
 * Text whose https:// addresses (the web console's page) are links. They open outside the pane: the
 * console's origin is not an AppDomain, so desktop Office opens it in the browser, and on the web a new tab.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s（）()、。「」]+)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} href={part} target="_blank" rel="noopener noreferrer" inline>
            {part}
          </Link>
        ) : (
          part
        ),
      )}
    </>
  );
}
