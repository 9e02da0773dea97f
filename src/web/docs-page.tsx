import { Attribution } from './attribution';
import { Document } from './document';
import type { PageWords } from './page-words';

/** Where Swagger UI is served from: this origin (scripts/build-assets.mjs copies it from the pinned npm package). */
const SWAGGER_UI = '/static/swagger-ui';

/**
 * /docs: the API described by /openapi.json, drawn by Swagger UI and started by /static/docs.js. Swagger UI's own
 * stylesheet only: the site's would restyle its buttons and tables. Its footer carries the attribution every page does.
 * In English, as the API's description is.
 */
export function DocsPage({ words, openapi }: { words: PageWords; openapi: string }) {
  return (
    <Document
      words={words}
      title="Relations log API"
      description="The HTTP API of the relations log: every operation, its parameters and its answers."
      head={<link rel="stylesheet" href={`${SWAGGER_UI}/swagger-ui.css`} />}
    >
      {/* Swagger UI draws its own main landmark in here. */}
      <div id="swagger-ui" data-openapi={openapi}>
        <noscript>
          <p>This page draws the API with a script. The same description, as JSON: <a href={openapi}>{openapi}</a>.</p>
        </noscript>
      </div>
      <footer><Attribution words={words} /></footer>
      <script src={`${SWAGGER_UI}/swagger-ui-bundle.js`} defer></script>
      <script src="/static/docs.js" defer></script>
    </Document>
  );
}
