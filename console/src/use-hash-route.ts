import { useEffect, useState } from 'react';

/** The page's place after `#/`: `status`, `summary`, `submissions/<id>`… (links from the summary workbook use `#/submissions/<id>`). */
export function useHashRoute(): [string[], (path: string) => void] {
  const read = () =>
    window.location.hash
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p));
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (path: string) => (window.location.hash = `#/${path}`)];
}
