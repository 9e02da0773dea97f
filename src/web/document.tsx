import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

/** The HTML document every page is: the doctype (standards mode, never quirks), its language, the head every page has. */

interface DocumentProps {
  title: string;
  description: string;
  /** What the page adds to the head: its stylesheets, its feeds. */
  head?: Child;
  children?: Child;
}

export function Document({ title, description, head, children }: DocumentProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <meta name="description" content={description} />
          <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
          {head}
        </head>
        <body>{children}</body>
      </html>
    </>
  );
}
