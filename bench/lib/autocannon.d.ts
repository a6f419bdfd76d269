// The parts of autocannon 8's API the bench uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number };
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    /** Called before each send; answers the request to send (e.g. with a fresh body). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  };
  export type Client = { setRequests: (requests: Request[]) => void; setHeaders: (headers: Record<string, string>) => void };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };
  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  type Instance = Promise<Result> & { stop: () => void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
