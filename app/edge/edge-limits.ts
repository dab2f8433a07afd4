/**
 * The limits the webhook server applies before any delivery is trusted: the
 * body must be held whole to check its signature, so whoever can reach the
 * server decides how much it buffers unless these bound it.
 *
 * **Body limit: 1 MiB** for each event the app subscribes to. Measured in
 * `@octokit/webhooks-examples` 7.6 (api.github.com, compact JSON as GitHub
 * sends it): the largest `check_run` is 12,151 bytes (`completed`), `issues`
 * 18,580 (`transferred`; `opened` 18,575), `issue_comment` 13,995 (`edited`);
 * the package has no `deployment_protection_rule` (its `deployment` parts are
 * at most 11,551). What makes a real delivery larger is user text: a check
 * run's `output.summary` and `output.text` hold up to 65,535 characters each,
 * an issue's or comment's body 65,536, and `issues.edited` carries the old body
 * beside the new one. Two such fields at GitHub's worst encoding (`<`, `>` and
 * `&` are sent as `\u003c`…, 6 bytes a character) are 786 KB: with 19 KB of
 * structure that leaves about 240 KB of room under 1 MiB. Nothing the app
 * handles comes near it, and 32 bodies in flight hold at most 32 MiB.
 *
 * Events the app does not subscribe to (GitHub still sends `ping` and
 * `installation*`) are answered without being read, so they need no limit.
 */

/** Largest body accepted for an event the app handles (see above). */
export const EVENT_BODY_LIMIT = 1024 * 1024;

/** Webhook bodies read at once; one more is answered 503 with Retry-After before a byte of it is read. */
export const DEFAULT_BODIES_IN_FLIGHT = 32;

/**
 * Node's server timeouts. GitHub gives up on a delivery after 10 s, so a request
 * whose headers take over 5 s, or whose whole body takes over 10 s, is not
 * GitHub's: the connection is closed (408) and its buffer freed.
 */
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past those timeouts (its default, 30 s, would let a slow body live 40 s). */
export const CONNECTIONS_CHECK_MS = 1_000;
/** Idle keep-alive connections are closed after this (Node's default, 5 s, is kept explicit here). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
