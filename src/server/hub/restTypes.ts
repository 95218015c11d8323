/** A transport-free HTTP request, as the hosts pass it to the hub. */
export interface RestRequest {
  method: string;
  /** Path without query, e.g. `/realtime/v1/api/broadcast`. */
  path: string;
  query?: Record<string, string>;
  /** Header names in any case. */
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

/** A transport-free HTTP response. */
export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
