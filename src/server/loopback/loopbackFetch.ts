import type { Hub } from '../hub/types.js';

/**
 * A `fetch` that serves the hub's REST routes in-page (REST broadcast, httpSend, health), for
 * supabase-js' `global.fetch`. Anything else gets a 404, as the local server would.
 */
export function loopbackFetch(hub: Hub): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const url = new URL(request.url);
    const response = await hub.handleRest({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body: new Uint8Array(await request.arrayBuffer()),
    });
    return new Response(response.body === '' ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
}
