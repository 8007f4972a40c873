import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A web page served from its own origin, apart from the API's. */
export interface ServedPage {
  /** The port it listens on, at 127.0.0.1. */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `html` at every path from a new port on 127.0.0.1, as a front-end's own web server
 * would: a different port is a different origin, so the page's calls to the API are cross-origin.
 */
export async function servePage(html: string): Promise<ServedPage> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A page whose script POSTs `query` to `apiUrl` with `fetch` and writes the answer's JSON, or
 * the failure, into `#result`; `#result[data-state]` turns `done` or `failed` when it is there.
 */
export function queryPage(apiUrl: string, query: string): string {
  const request = JSON.stringify({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollographql-client-name': 'interop-page' },
    body: JSON.stringify({ query }),
  });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>interop page</title></head>
<body>
<pre id="result" data-state="pending"></pre>
<script>
const out = document.getElementById('result');
fetch(${JSON.stringify(apiUrl)}, ${request})
  .then((res) => res.json())
  .then((body) => { out.textContent = JSON.stringify(body); out.dataset.state = 'done'; })
  .catch((error) => { out.textContent = String(error); out.dataset.state = 'failed'; });
</script>
</body>
</html>`;
}
