# syntax=docker/dockerfile:1

# Build: bundle the entry points with esbuild (a dev dependency) into dist/.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source wherever its prebuilt binary cannot be downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# Production dependencies only; better-sqlite3 is compiled here, so the tools stay out of the final image.
FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime: the bundled bot, production dependencies and the catalog, run as the unprivileged node user.
# In a container the servers listen on every interface (only published ports are reachable from
# outside): Slack's HTTP mode on PORT, health, readiness and metrics on OPS_PORT.
FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production CONTENT_DIR=/app/content DATA_DIR=/app/data PORT=3000 HOST=0.0.0.0 OPS_PORT=9464 OPS_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY content ./content
# Read by `devops-bot slack-manifest`.
COPY adapters/slack/manifest.yml ./adapters/slack/manifest.yml
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/src/ops/healthcheck.js"]
CMD ["node", "dist/src/entry/main.js"]
