# The deploy-governor GitHub App's server: dist/app/index.js (one ncc bundle, no node_modules), as `npm start` runs it.
#
#   docker build -t deploy-governor-app .
#   docker run --read-only -p 3000:3000 \
#     -e APP_ID=123456 -e WEBHOOK_SECRET=... -e PRIVATE_KEY_PATH=/run/secrets/app.pem -v "$PWD/key.pem:/run/secrets/app.pem:ro" \
#     -e PROMETHEUS_URL=http://prometheus:9090 deploy-governor-app
#
# The environment it needs is documented in docs/app.md ("Configuration", and "Running in production" for the image).
# Node 24: an LTS line (supported until 2028-04-30) within package.json's engines ">=20.18.1" (Node 20 reached its end
# of life on 2026-04-30), the Action's runtime, and the one test/integration/app-bundle.test.ts runs dist/app with.
# Pin the digest where your policy asks for it:
#   FROM node:24-slim@sha256:<digest> AS build

# Build: the locked dependencies and `npm run build:app` (ncc) from the sources, as CI builds the committed dist/app.
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: the bundle needs none (ncc and TypeScript are plain JavaScript).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.app.json ./
COPY scripts/bundle.mjs scripts/
COPY src src
COPY app app
RUN npm run build:app

# Run: Node and the bundle only, owned by root and read-only to the app, which runs as the image's `node` user.
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    APP_MAX_HEAP_MB=160
WORKDIR /app
COPY --from=build /src/dist/app/ ./
# uid and gid 1000 are the node image's `node` user (numeric, so that runAsNonRoot can check it).
USER 1000:1000
EXPOSE 3000
# Readiness, not just liveness: 503 while Redis (with REDIS_URL) is unreachable or the key cannot sign a JWT.
# node rather than curl, which the slim image does not have.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec: node is PID 1 and gets SIGTERM itself (it finishes the deliveries in hand within 20 s, then exits).
CMD ["sh", "-c", "exec node --max-old-space-size=\"${APP_MAX_HEAP_MB:-160}\" index.js"]
