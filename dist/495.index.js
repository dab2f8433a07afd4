export const id = 495;
export const ids = [495];
export const modules = {

/***/ 4495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postWebhook: () => (/* binding */ postWebhook)
/* harmony export */ });
/**
 * The one place a chat notification leaves the process: a JSON POST to a
 * webhook URL, for the app and the Action alike.
 *
 * - The URL is a secret (whoever has it can post to the channel): it never
 *   appears in a result or a log line, not even in an error message that
 *   quotes it; callers name the channel instead.
 * - A timeout bounds the whole request, and redirects are never followed (a
 *   webhook that answers with one is reported, not chased to another address).
 * - The body is bounded (Teams refuses messages over about 28 KB), and at most
 *   a few hundred characters of the answer are read, for the log.
 * - It never throws: a notification that fails is logged, never a failed
 *   delivery or gate.
 */
/** Largest JSON body sent. */
const MAX_WEBHOOK_BODY_BYTES = 28_000;
const MAX_ANSWER_CHARS = 300;
const DEFAULT_TIMEOUT_MS = 5000;
/** The URL and its parts that could identify it (the path holds the token) replaced by ***. */
function redact(text, url) {
    let out = text.split(url).join('***');
    try {
        const u = new URL(url);
        for (const part of [u.href, u.pathname + u.search, u.pathname, u.search.slice(1)])
            if (part.length >= 8)
                out = out.split(part).join('***');
    }
    catch {
        // Not a URL: the whole-string replacement above is all there is.
    }
    return out;
}
async function readSome(response) {
    const reader = response.body?.getReader();
    if (!reader)
        return '';
    const decoder = new TextDecoder();
    let text = '';
    try {
        while (text.length < MAX_ANSWER_CHARS) {
            const { done, value } = await reader.read();
            if (done)
                break;
            text += decoder.decode(value, { stream: true });
        }
    }
    finally {
        await reader.cancel().catch(() => undefined);
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_ANSWER_CHARS);
}
function messageOf(error) {
    if (error instanceof Error) {
        const cause = error.cause;
        const detail = cause instanceof Error ? `: ${cause.message}` : '';
        return error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timed out' : `${error.message}${detail}`;
    }
    return String(error);
}
async function postWebhook(url, payload, options = {}) {
    const body = JSON.stringify(payload);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_WEBHOOK_BODY_BYTES)
        return { ok: false, error: `the message is ${bytes} bytes; at most ${MAX_WEBHOOK_BODY_BYTES} are sent` };
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
        const response = await (options.fetch ?? fetch)(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status >= 200 && response.status < 300) {
            await response.body?.cancel().catch(() => undefined);
            return { ok: true, status: response.status };
        }
        if (response.status >= 300 && response.status < 400) {
            await response.body?.cancel().catch(() => undefined);
            return { ok: false, error: `the webhook answered HTTP ${response.status} (a redirect, not followed)` };
        }
        const answer = redact(await readSome(response), url);
        return { ok: false, error: `the webhook answered HTTP ${response.status}${answer ? `: ${answer}` : ''}` };
    }
    catch (error) {
        return { ok: false, error: redact(`the webhook could not be reached: ${messageOf(error)}`, url) };
    }
}


/***/ })

};
