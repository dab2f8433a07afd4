/**
 * The setup server's pages: plain HTML without scripts, every value escaped.
 * The registration page holds the form GitHub's manifest flow takes: a POST
 * to `<GitHub>/settings/apps/new?state=…` (or
 * `/organizations/<org>/settings/apps/new`) with the manifest's JSON in the
 * `manifest` field.
 */
import type { AppManifest } from './manifest-from-app-yml.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The headers of every page: no caching, no referrer (the page's address holds the setup token), no framing, no scripts. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
} as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
code, pre { font: 14px ui-monospace, monospace; background: #f6f8fa; padding: 0.1rem 0.3rem; }
pre { padding: 0.8rem; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 0.2rem 0.6rem; text-align: left; }
button { font-size: 1rem; padding: 0.4rem 1rem; }
.error { color: #cf222e; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export interface RegistrationPage {
  manifest: AppManifest;
  /** Where the form posts: GitHub's new-app page with `?state=`. */
  action: string;
  /** The account the app will belong to: null for the signed-in user. */
  org: string | null;
  /** The setup token, carried by the form that changes the organization or the name. */
  token: string;
  /** The page's own path, relative (`setup`), so that it holds behind a proxy that adds a prefix. */
  setupPath: string;
  envFile: string;
}

export function registrationPage(p: RegistrationPage): string {
  const m = p.manifest;
  const owner = p.org ? `the organization <code>${escapeHtml(p.org)}</code>` : 'your personal account (the one signed in to GitHub)';
  const permissions = Object.entries(m.default_permissions)
    .map(([name, level]) => `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(level)}</td></tr>`)
    .join('\n');
  return page(
    `Register ${m.name} on GitHub`,
    `<p>This registers a new GitHub App from <code>app.yml</code> for ${owner}. GitHub shows the app before creating it, then sends your browser back to this server, which writes the app's credentials to <code>${escapeHtml(p.envFile)}</code> (mode 0600) and stops.</p>
<table>
<tr><th>Name</th><td>${escapeHtml(m.name)}</td></tr>
<tr><th>Webhook URL</th><td><code>${escapeHtml(m.hook_attributes.url)}</code></td></tr>
<tr><th>Back to</th><td><code>${escapeHtml(m.redirect_url)}</code></td></tr>
<tr><th>Events</th><td>${m.default_events.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')}</td></tr>
<tr><th>Public</th><td>${m.public ? 'yes' : 'no (only its owner can install it)'}</td></tr>
</table>
<h2>Permissions</h2>
<table>
${permissions}
</table>
<form action="${escapeHtml(p.action)}" method="post">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(m))}">
<p><button type="submit">Register on GitHub</button></p>
</form>
<h2>Another owner or name</h2>
<p>GitHub App names are unique on GitHub: choose another one if <code>${escapeHtml(m.name)}</code> is taken.</p>
<form action="${escapeHtml(p.setupPath)}" method="get">
<input type="hidden" name="token" value="${escapeHtml(p.token)}">
<p><label>Organization (empty for your account): <input name="org" value="${escapeHtml(p.org ?? '')}"></label></p>
<p><label>App name: <input name="name" value="${escapeHtml(m.name)}" maxlength="34" required></label></p>
<p><button type="submit">Update this page</button></p>
</form>`,
  );
}

export interface DonePage {
  name: string;
  htmlUrl: string;
  owner: string | null;
  envFile: string;
  replaced: readonly string[];
  noWebhookSecret: boolean;
}

export function donePage(p: DonePage): string {
  const install = `${p.htmlUrl}/installations/new`;
  return page(
    `${p.name} is registered`,
    `<p>GitHub created the app${p.owner ? ` for <code>${escapeHtml(p.owner)}</code>` : ''}: <a href="${escapeHtml(p.htmlUrl)}">${escapeHtml(p.htmlUrl)}</a>.</p>
<p>Its id, private key, webhook secret and OAuth client were written to <code>${escapeHtml(p.envFile)}</code> (mode 0600${p.replaced.length > 0 ? `; replacing ${p.replaced.map(escapeHtml).join(', ')}` : ''}). Keep that file out of version control.</p>
${p.noWebhookSecret ? '<p class="error">GitHub set no webhook secret: set one in the app\'s settings and add it to the file as WEBHOOK_SECRET, or the app will not start.</p>' : ''}
<p>The setup server has stopped. Next:</p>
<ol>
<li>Install the app on your repositories: <a href="${escapeHtml(install)}">${escapeHtml(install)}</a></li>
<li>Start the app with the file: <code>ENV_FILE=${escapeHtml(p.envFile)} npm run app</code> (without <code>--setup</code>)</li>
</ol>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<p class="error">${escapeHtml(message)}</p>`);
}
